#include <ruhu/domain/rule_config.h>
#include <ruhu/evidence/consent_template.h>
#include <ruhu/json/canonical_json.h>
#include <ruhu/model/id_number.h>

#include <boost/json/object.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

namespace ruhu::evidence {

namespace {

Error templateError(const std::string &field, const std::string &what) {
    return Error{"invalid_template", "授权书模板字段 " + field + " " + what, field};
}

bool readString(const boost::json::object &object, const char *key, std::string &out) {
    const auto *value = object.if_contains(key);
    if (!value || !value->is_string() || value->as_string().empty())
        return false;
    out = std::string(value->as_string());
    return true;
}

bool readStringList(const boost::json::object &object, const char *key, std::vector<std::string> &out) {
    const auto *value = object.if_contains(key);
    if (!value || !value->is_array())
        return false;
    for (const auto &item : value->as_array()) {
        if (!item.is_string())
            return false;
        out.emplace_back(item.as_string());
    }
    return true;
}

// Replaces every {{name}}; an unknown name is an error so a typo never reaches a signer.
Result<std::string> fill(const std::string &text, const std::map<std::string, std::string> &values) {
    std::string out;
    std::size_t pos = 0;
    while (true) {
        auto open = text.find("{{", pos);
        if (open == std::string::npos)
            break;
        auto close = text.find("}}", open + 2);
        if (close == std::string::npos)
            return Error{"invalid_template", "授权书模板占位符未闭合", ""};
        std::string name = text.substr(open + 2, close - open - 2);
        auto found = values.find(name);
        if (found == values.end())
            return Error{"invalid_template", "授权书模板含未知占位符 {{" + name + "}}", ""};
        out += text.substr(pos, open - pos);
        out += found->second;
        pos = close + 2;
    }
    out += text.substr(pos);
    return out;
}

const std::vector<std::string> &letterPlaceholders() {
    static const std::vector<std::string> names{"headName", "headIdNoMasked", "county",
                                                "township", "village",        "group",
                                                "address",  "hardship",       "issuer"};
    return names;
}

const std::vector<std::string> &rowPlaceholders() {
    static const std::vector<std::string> names{"seq", "name", "relationToHead", "idNoMasked"};
    return names;
}

// Checks that a text uses only known placeholders (and never the full 身份证号).
Status checkPlaceholders(const std::string &text, const std::vector<std::string> &known,
                         const std::string &field) {
    std::map<std::string, std::string> values;
    for (const auto &name : known)
        values[name] = "";
    auto filled = fill(text, values);
    if (!filled.ok())
        return templateError(field, filled.error().message);
    return okStatus();
}

std::string orBlank(const std::string &value) {
    return value.empty() ? "____" : value;
}

} // namespace

const std::vector<std::string> &requiredConsentKeys() {
    static const std::vector<std::string> keys{"queryAssets", "sensitivePI", "photos"};
    return keys;
}

Result<ConsentTemplate> parseConsentTemplate(const boost::json::value &document) {
    if (!document.is_object())
        return templateError("(根)", "必须是 JSON 对象");
    const auto &object = document.as_object();
    ConsentTemplate t;
    if (!readString(object, "id", t.id))
        return templateError("id", "缺失或为空");
    const auto *version = object.if_contains("version");
    if (!version || !version->is_int64() || version->as_int64() < 1)
        return templateError("version", "必须是正整数");
    t.version = static_cast<int>(version->as_int64());
    if (!readString(object, "kind", t.kind))
        return templateError("kind", "缺失或为空");
    if (!readString(object, "issuer", t.issuer))
        return templateError("issuer", "缺失或为空");
    if (!readString(object, "locale", t.locale) || t.locale != "zh-CN")
        return templateError("locale", "必须是 zh-CN");
    if (!readString(object, "title", t.title))
        return templateError("title", "缺失或为空");
    if (!readStringList(object, "body", t.body) || t.body.empty())
        return templateError("body", "必须是非空字符串数组");
    for (std::size_t i = 0; i < t.body.size(); ++i)
        if (auto s = checkPlaceholders(t.body[i], letterPlaceholders(), "body[" + std::to_string(i) + "]");
            !s)
            return s.error();
    const auto *table = object.if_contains("memberTable");
    if (!table || !table->is_object())
        return templateError("memberTable", "缺失");
    if (!readString(table->as_object(), "header", t.memberTableHeader))
        return templateError("memberTable.header", "缺失或为空");
    if (!readString(table->as_object(), "row", t.memberRow))
        return templateError("memberTable.row", "缺失或为空");
    readString(table->as_object(), "note", t.memberTableNote);
    if (auto s = checkPlaceholders(t.memberRow, rowPlaceholders(), "memberTable.row"); !s)
        return s.error();
    if (t.memberRow.find("{{name}}") == std::string::npos ||
        t.memberRow.find("{{idNoMasked}}") == std::string::npos)
        return templateError("memberTable.row", "必须包含 {{name}} 和 {{idNoMasked}}");
    const auto *consents = object.if_contains("consents");
    if (!consents || !consents->is_array())
        return templateError("consents", "必须是数组");
    for (const auto &item : consents->as_array()) {
        ConsentItem c;
        if (!item.is_object() || !readString(item.as_object(), "key", c.key) ||
            !readString(item.as_object(), "label", c.label))
            return templateError("consents", "每项须有 key 和 label");
        t.consents.push_back(std::move(c));
    }
    std::vector<std::string> keys;
    for (const auto &c : t.consents)
        keys.push_back(c.key);
    if (keys != requiredConsentKeys())
        return templateError("consents", "须依次为 queryAssets、sensitivePI、photos 三项单独同意");
    if (object.contains("footer") && !readStringList(object, "footer", t.footer))
        return templateError("footer", "必须是字符串数组");
    for (std::size_t i = 0; i < t.footer.size(); ++i)
        if (auto s =
                checkPlaceholders(t.footer[i], letterPlaceholders(), "footer[" + std::to_string(i) + "]");
            !s)
            return s.error();
    t.sha256 = domain::sha256Hex(toCanonicalJson(document));
    return t;
}

Result<ConsentTemplate> loadConsentTemplateFile(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Error{"not_found", "找不到授权书模板文件：" + path, ""};
    std::ostringstream text;
    text << in.rdbuf();
    auto document = parseJson(text.str());
    if (!document.ok())
        return document.error();
    return parseConsentTemplate(*document);
}

Result<RenderedConsent> renderConsent(const ConsentTemplate &t, const domain::HouseholdDocument &document) {
    const auto &household = document.household;
    std::vector<const domain::Member *> members;
    for (const auto &member : document.members)
        if (member.status == domain::MemberStatus::Normal)
            members.push_back(&member);
    std::stable_sort(members.begin(), members.end(),
                     [](const auto *a, const auto *b) { return a->seq < b->seq; });
    const domain::Member *head = nullptr;
    for (const auto *member : members)
        if (member->id == household.headMemberId)
            head = member;
    if (!head)
        return Error{"missing_head", "户主不在家庭成员中，无法生成授权书", "headMemberId"};

    std::string hardship;
    for (const auto &risk : household.riskTypes)
        hardship += (hardship.empty() ? "" : "、") + risk;

    std::map<std::string, std::string> values{
        {"headName", orBlank(head->name)},
        {"headIdNoMasked", orBlank(maskIdNumber(head->idNo))},
        {"county", orBlank(household.county)},
        {"township", orBlank(household.township)},
        {"village", orBlank(household.village)},
        {"group", orBlank(household.group)},
        {"address", orBlank(household.address)},
        {"hardship", orBlank(hardship)},
        {"issuer", t.issuer},
    };

    std::string text = t.title + "\n";
    auto appendFilled = [&](const std::string &line, const std::map<std::string, std::string> &v) -> Status {
        auto filled = fill(line, v);
        if (!filled.ok())
            return filled.error();
        text += *filled + "\n";
        return okStatus();
    };
    for (const auto &line : t.body)
        if (auto s = appendFilled(line, values); !s)
            return s.error();
    text += t.memberTableHeader + "\n";
    for (const auto *member : members) {
        std::map<std::string, std::string> row{{"seq", std::to_string(member->seq)},
                                               {"name", orBlank(member->name)},
                                               {"relationToHead", orBlank(member->relationToHead)},
                                               {"idNoMasked", orBlank(maskIdNumber(member->idNo))}};
        if (auto s = appendFilled(t.memberRow, row); !s)
            return s.error();
    }
    if (!t.memberTableNote.empty())
        text += t.memberTableNote + "\n";
    for (const auto &consent : t.consents)
        text += consent.label + "\n";
    for (const auto &line : t.footer)
        if (auto s = appendFilled(line, values); !s)
            return s.error();
    return RenderedConsent{text, domain::sha256Hex(text)};
}

} // namespace ruhu::evidence
