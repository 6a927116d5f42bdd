#include <ruhu/domain/rule_config.h>
#include <ruhu/json/canonical_json.h>

#include <fstream>
#include <set>
#include <sodium.h>
#include <sstream>

namespace ruhu::domain {
namespace {

namespace json = boost::json;

Error configError(const std::string &field, const std::string &problem) {
    return Error{"invalid_rule_config", "规则配置" + field + "：" + problem, field};
}

const json::value *find(const json::object &obj, std::string_view key) {
    auto it = obj.find(json::string_view(key.data(), key.size()));
    return it == obj.end() ? nullptr : &it->value();
}

// Reads the parameters object, member by member. Every parameter is mandatory and nothing unknown is allowed.
class ParameterReader {
public:
    explicit ParameterReader(const json::object &obj)
        : m_obj(obj) {}

    std::optional<Error> error() const { return m_error; }

    std::string string(std::string_view key) {
        const json::value *v = take(key);
        if (!v)
            return {};
        if (!v->is_string()) {
            fail(key, "应为字符串");
            return {};
        }
        return std::string(v->get_string());
    }
    Fen money(std::string_view key) {
        std::string s = string(key);
        if (m_error)
            return 0;
        auto fen = parseYuan(s);
        if (!fen || *fen < 0)
            fail(key, "应为非负的元金额字符串，如\"4000.00\"");
        return fen.value_or(0);
    }
    int64_t ratio(std::string_view key) {
        std::string s = string(key);
        if (m_error)
            return 0;
        auto bp = parseBasisPoints(s);
        if (!bp || *bp < 0 || *bp > 10000)
            fail(key, "应为0到1之间的小数字符串，如\"0.30\"");
        return bp.value_or(0);
    }
    int integer(std::string_view key, int min, int max) {
        const json::value *v = take(key);
        if (!v)
            return 0;
        if (!v->is_int64() || v->get_int64() < min || v->get_int64() > max) {
            fail(key, "应为" + std::to_string(min) + "到" + std::to_string(max) + "之间的整数");
            return 0;
        }
        return static_cast<int>(v->get_int64());
    }
    bool boolean(std::string_view key) {
        const json::value *v = take(key);
        if (!v)
            return false;
        if (!v->is_bool()) {
            fail(key, "应为true或false");
            return false;
        }
        return v->get_bool();
    }
    std::vector<int> integers(std::string_view key, size_t minCount, size_t maxCount) {
        const json::value *v = take(key);
        std::vector<int> out;
        if (!v)
            return out;
        if (!v->is_array() || v->get_array().size() < minCount || v->get_array().size() > maxCount) {
            fail(key,
                 "应为包含" + std::to_string(minCount) + "到" + std::to_string(maxCount) + "个整数的数组");
            return out;
        }
        for (const auto &item : v->get_array()) {
            if (!item.is_int64()) {
                fail(key, "应只包含整数");
                return {};
            }
            out.push_back(static_cast<int>(item.get_int64()));
        }
        return out;
    }
    void rejectUnknown() {
        for (const auto &kv : m_obj) {
            if (!m_seen.count(std::string(kv.key())))
                fail(kv.key(), "是未知参数（拼写错误？）");
        }
    }

private:
    const json::value *take(std::string_view key) {
        if (m_error)
            return nullptr;
        m_seen.insert(std::string(key));
        const json::value *v = find(m_obj, key);
        if (!v)
            fail(key, "缺少此参数（配置必须写明每个参数，不使用代码中的默认值）");
        return v;
    }
    void fail(std::string_view key, const std::string &problem) {
        if (!m_error)
            m_error = configError("parameters." + std::string(key), problem);
    }

    const json::object &m_obj;
    std::set<std::string> m_seen;
    std::optional<Error> m_error;
};

Result<RuleParameters> parseParameters(const json::object &obj) {
    ParameterReader r(obj);
    RuleParameters p;
    p.nationalPovertyLine = r.money("nationalPovertyLine");
    std::string denominator = r.string("transferShareDenominator");
    p.transferShareLimitBp = r.ratio("transferShareLimit");
    std::string laborMode = r.string("laborMode");
    p.laborCoefficientLimitBp = r.ratio("laborCoefficientLimit");
    p.incomeDropRatioBp = r.ratio("incomeDropRatio");
    p.medicalBurdenRatioBp = r.ratio("medicalBurdenRatio");
    p.includeClaimsInD1 = r.boolean("includeClaimsInD1");
    p.preschoolCountsAsNonCompulsory = r.boolean("preschoolCountsAsNonCompulsory");
    std::vector<int> compulsory = r.integers("compulsoryAge", 2, 2);
    p.publicityWorkingDays = r.integer("publicityWorkingDays", 1, 60);
    p.minorMaxAge = r.integer("minorMaxAge", 0, 30);
    p.elderlyMinAge = r.integer("elderlyMinAge", 40, 120);
    p.severeDisabilityGrades = r.integers("severeDisabilityGrades", 1, 4);
    p.vehiclePriceLimit = r.money("vehiclePriceLimit");
    p.vehicleLookbackDays = r.integer("vehicleLookbackDays", 1, 3660);
    p.fixedAssetMinValue = r.money("fixedAssetMinValue");
    p.depreciationYears = r.integer("depreciationYears", 1, 100);
    p.eliminationMinMonths = r.integer("eliminationMinMonths", 0, 120);
    p.stableIncomeMinMonths = r.integer("stableIncomeMinMonths", 0, 120);
    r.rejectUnknown();
    if (auto e = r.error())
        return *e;
    if (denominator == "A")
        p.transferShareDenominator = TransferShareDenominator::A;
    else if (denominator == "C")
        p.transferShareDenominator = TransferShareDenominator::C;
    else
        return configError("parameters.transferShareDenominator", "应为\"A\"或\"C\"");
    if (laborMode == "units")
        p.laborMode = LaborMode::Units;
    else if (laborMode == "ratio")
        p.laborMode = LaborMode::Ratio;
    else
        return configError("parameters.laborMode", "应为\"units\"或\"ratio\"");
    p.compulsoryAgeMin = compulsory[0];
    p.compulsoryAgeMax = compulsory[1];
    if (p.compulsoryAgeMin < 0 || p.compulsoryAgeMin > p.compulsoryAgeMax)
        return configError("parameters.compulsoryAge", "应为[起始年龄, 截止年龄]且起始不大于截止");
    return p;
}

Result<ThresholdEntry> parseThreshold(const json::value &v, size_t index) {
    std::string path = "thresholds[" + std::to_string(index) + "]";
    if (!v.is_object())
        return configError(path, "应为对象");
    const auto &obj = v.get_object();
    static const std::set<std::string> known{"regionPrefix", "regionName", "year", "value", "source"};
    for (const auto &kv : obj) {
        if (!known.count(std::string(kv.key())))
            return configError(path + "." + std::string(kv.key()), "是未知字段");
    }
    ThresholdEntry e;
    const json::value *prefix = find(obj, "regionPrefix");
    if (!prefix || !prefix->is_string())
        return configError(path + ".regionPrefix", "应为行政区划代码前缀字符串（全国为\"\"）");
    e.regionPrefix = std::string(prefix->get_string());
    for (char c : e.regionPrefix) {
        if (c < '0' || c > '9')
            return configError(path + ".regionPrefix", "只能包含数字");
    }
    const json::value *name = find(obj, "regionName");
    if (!name || !name->is_string() || name->get_string().empty())
        return configError(path + ".regionName", "应为地区名称");
    e.regionName = std::string(name->get_string());
    const json::value *year = find(obj, "year");
    if (!year || !year->is_int64() || year->get_int64() < 2000 || year->get_int64() > 2200)
        return configError(path + ".year", "应为年份整数");
    e.year = static_cast<int>(year->get_int64());
    const json::value *value = find(obj, "value");
    std::optional<Fen> fen;
    if (value && value->is_string())
        fen = parseYuan(value->get_string());
    if (!fen || *fen <= 0)
        return configError(path + ".value", "应为正的元金额字符串，如\"8300.00\"");
    e.value = *fen;
    if (const json::value *source = find(obj, "source"); source && source->is_string())
        e.source = std::string(source->get_string());
    return e;
}

} // namespace

std::string sha256Hex(std::string_view bytes) {
    static const bool initialised = sodium_init() >= 0;
    (void)initialised;
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char *>(bytes.data()), bytes.size());
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(2 * sizeof digest);
    for (unsigned char b : digest) {
        out.push_back(hex[b >> 4]);
        out.push_back(hex[b & 0xF]);
    }
    return out;
}

std::string ruleConfigHash(const json::value &document) {
    if (!document.is_object())
        return sha256Hex(toCanonicalJson(document));
    json::object copy = document.get_object();
    copy.erase("hash");
    return sha256Hex(toCanonicalJson(copy));
}

Result<RuleConfig> parseRuleConfig(const json::value &document) {
    if (!document.is_object())
        return configError("", "应为JSON对象");
    const auto &obj = document.get_object();
    static const std::set<std::string> known{"format",      "id",       "version",    "hash",
                                             "description", "issuedAt", "thresholds", "parameters"};
    for (const auto &kv : obj) {
        if (!known.count(std::string(kv.key())))
            return configError(std::string(kv.key()), "是未知字段");
    }
    const json::value *format = find(obj, "format");
    if (!format || !format->is_string() || format->get_string() != "ruhu-rules/1")
        return configError("format", "应为\"ruhu-rules/1\"");
    RuleConfig config;
    const json::value *id = find(obj, "id");
    if (!id || !id->is_string() || id->get_string().empty())
        return configError("id", "缺少配置编号");
    config.id = std::string(id->get_string());
    const json::value *version = find(obj, "version");
    if (!version || !version->is_int64() || version->get_int64() < 1)
        return configError("version", "应为正整数");
    config.version = static_cast<int>(version->get_int64());
    if (const json::value *d = find(obj, "description"); d && d->is_string())
        config.description = std::string(d->get_string());

    const json::value *thresholds = find(obj, "thresholds");
    if (!thresholds || !thresholds->is_array() || thresholds->get_array().empty())
        return configError("thresholds", "应为非空数组（按地区和年份列出监测范围）");
    std::set<std::pair<std::string, int>> seen;
    for (size_t i = 0; i < thresholds->get_array().size(); ++i) {
        auto entry = parseThreshold(thresholds->get_array()[i], i);
        if (!entry)
            return entry.error();
        if (!seen.insert({entry->regionPrefix, entry->year}).second)
            return configError("thresholds[" + std::to_string(i) + "]",
                               "地区前缀“" + entry->regionPrefix + "”" + std::to_string(entry->year) +
                                   "年重复出现");
        config.thresholds.push_back(std::move(entry).value());
    }
    const json::value *parameters = find(obj, "parameters");
    if (!parameters || !parameters->is_object())
        return configError("parameters", "缺少参数对象");
    auto params = parseParameters(parameters->get_object());
    if (!params)
        return params.error();
    config.params = std::move(params).value();

    config.hash = ruleConfigHash(document);
    if (const json::value *hash = find(obj, "hash")) {
        if (!hash->is_string() || hash->get_string() != config.hash)
            return Error{"rule_config_hash_mismatch",
                         "规则配置hash与内容不符（内容计算为" + config.hash + "），配置可能被改动", "hash"};
    }
    return config;
}

Result<RuleConfig> loadRuleConfigFile(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Error{"file_not_found", "无法读取规则配置文件：" + path, "config"};
    std::stringstream buffer;
    buffer << in.rdbuf();
    auto parsed = parseJson(buffer.str());
    if (!parsed)
        return Error{parsed.error().code, "规则配置文件" + path + "不是有效JSON：" + parsed.error().message,
                     "config"};
    return parseRuleConfig(*parsed);
}

Result<RuleConfig> builtinRuleConfig() {
    auto parsed = parseJson(builtinRuleConfigJson());
    if (!parsed)
        return parsed.error();
    return parseRuleConfig(*parsed);
}

Result<ThresholdChoice> RuleConfig::thresholdFor(std::string_view regionCode, int year) const {
    const ThresholdEntry *best = nullptr;
    for (const auto &e : thresholds) {
        if (e.year != year || !regionCode.starts_with(e.regionPrefix))
            continue;
        if (!best || e.regionPrefix.size() > best->regionPrefix.size())
            best = &e;
    }
    if (!best) {
        std::string years;
        for (const auto &e : thresholds) {
            if (regionCode.starts_with(e.regionPrefix))
                years += (years.empty() ? "" : "、") + std::to_string(e.year) + "年（" + e.regionName + "）";
        }
        return Error{"no_threshold",
                     "规则配置“" + id + "”中没有适用于行政区划代码" + std::string(regionCode) + "、" +
                         std::to_string(year) + "年的监测范围" +
                         (years.empty() ? "（该地区没有任何年份的条目）" : "（该地区已有：" + years + "）") +
                         "，请更新规则配置",
                     "household.regionCode"};
    }
    return ThresholdChoice{best->value, best->year, best->regionPrefix, best->regionName, best->source};
}

} // namespace ruhu::domain
