#include "json_reader.h"

#include <algorithm>
#include <cmath>

namespace ruhu::domain::detail {

namespace json = boost::json;

std::string indexPath(const std::string &path, size_t index) {
    return path + "[" + std::to_string(index) + "]";
}

ObjectReader::ObjectReader(const json::value *value, std::string path, ErrorSlot &errors)
    : m_path(std::move(path))
    , m_errors(errors) {
    if (!value || value->is_null())
        return;
    if (!value->is_object()) {
        m_errors.fail(m_path, "应为JSON对象");
        return;
    }
    m_object = &value->get_object();
}

std::string ObjectReader::pathOf(std::string_view key) const {
    return m_path.empty() ? std::string(key) : m_path + "." + std::string(key);
}

const json::value *ObjectReader::take(std::string_view key) {
    if (!m_object || m_errors.failed())
        return nullptr;
    m_read.push_back(key);
    auto it = m_object->find(json::string_view(key.data(), key.size()));
    if (it == m_object->end() || it->value().is_null())
        return nullptr;
    return &it->value();
}

const json::value *ObjectReader::member(std::string_view key) {
    return take(key);
}

std::string ObjectReader::text(std::string_view key, bool required) {
    const json::value *v = take(key);
    if (!v) {
        if (required && m_object && !m_errors.failed())
            fail(key, "缺少必填字段");
        return {};
    }
    if (!v->is_string()) {
        fail(key, "应为字符串");
        return {};
    }
    if (required && v->get_string().empty())
        fail(key, "不能为空");
    return std::string(v->get_string());
}

std::string ObjectReader::choice(std::string_view key, std::initializer_list<std::string_view> allowed,
                                 bool required) {
    return choice(key, std::span<const std::string_view>(allowed.begin(), allowed.size()), required);
}

std::string ObjectReader::choice(std::string_view key, std::span<const std::string_view> allowed,
                                 bool required) {
    std::string value = text(key, required);
    if (value.empty() || std::find(allowed.begin(), allowed.end(), value) != allowed.end())
        return value;
    std::string list;
    for (auto a : allowed)
        list += (list.empty() ? "" : "|") + std::string(a);
    fail(key, "值“" + value + "”不在可选范围内（" + list + "）");
    return {};
}

std::optional<Fen> ObjectReader::optionalMoney(std::string_view key) {
    const json::value *v = take(key);
    if (!v)
        return std::nullopt;
    if (v->is_int64())
        return v->get_int64();
    if (v->is_uint64() && v->get_uint64() <= static_cast<uint64_t>(INT64_MAX))
        return static_cast<int64_t>(v->get_uint64());
    fail(key, "金额应为以分为单位的整数（如 1250000 表示 12500.00 元）");
    return std::nullopt;
}

Fen ObjectReader::money(std::string_view key, bool allowNegative) {
    auto fen = optionalMoney(key);
    if (!fen)
        return 0;
    if (*fen < 0 && !allowNegative) {
        fail(key, "金额不能为负数");
        return 0;
    }
    constexpr Fen limit = Fen{1'000'000'000'000}; // 100 亿元: anything larger is a data-entry error
    if (*fen > limit || *fen < -limit) {
        fail(key, "金额超出合理范围");
        return 0;
    }
    return *fen;
}

int64_t ObjectReader::integer(std::string_view key, int64_t min, int64_t max, int64_t fallback) {
    const json::value *v = take(key);
    if (!v)
        return fallback;
    if (!v->is_int64() || v->get_int64() < min || v->get_int64() > max) {
        fail(key, "应为" + std::to_string(min) + "到" + std::to_string(max) + "之间的整数");
        return fallback;
    }
    return v->get_int64();
}

double ObjectReader::number(std::string_view key, double min, double max) {
    const json::value *v = take(key);
    if (!v)
        return 0;
    if (!v->is_number()) {
        fail(key, "应为数字");
        return 0;
    }
    double d = v->to_number<double>();
    if (!std::isfinite(d) || d < min || d > max) {
        fail(key, "数值超出合理范围");
        return 0;
    }
    return d;
}

bool ObjectReader::boolean(std::string_view key, bool fallback) {
    auto b = optionalBool(key);
    return b.value_or(fallback);
}

std::optional<bool> ObjectReader::optionalBool(std::string_view key) {
    const json::value *v = take(key);
    if (!v)
        return std::nullopt;
    if (!v->is_bool()) {
        fail(key, "应为true或false");
        return std::nullopt;
    }
    return v->get_bool();
}

std::optional<CivilDate> ObjectReader::date(std::string_view key, bool required) {
    std::string s = text(key, required);
    if (s.empty())
        return std::nullopt;
    auto d = CivilDate::parse(s);
    if (!d)
        fail(key, "应为有效日期（YYYY-MM-DD），当前为“" + s + "”");
    return d;
}

std::vector<std::string> ObjectReader::strings(std::string_view key) {
    std::vector<std::string> out;
    const json::value *v = take(key);
    if (!v)
        return out;
    if (!v->is_array()) {
        fail(key, "应为字符串数组");
        return out;
    }
    for (const auto &item : v->get_array()) {
        if (!item.is_string()) {
            fail(key, "应只包含字符串");
            return {};
        }
        out.emplace_back(item.get_string());
    }
    return out;
}

const json::array *ObjectReader::array(std::string_view key) {
    const json::value *v = take(key);
    if (!v)
        return nullptr;
    if (!v->is_array()) {
        fail(key, "应为数组");
        return nullptr;
    }
    return &v->get_array();
}

void ObjectReader::finish() {
    if (!m_object || m_errors.failed())
        return;
    for (const auto &kv : *m_object) {
        std::string_view key(kv.key().data(), kv.key().size());
        if (std::find(m_read.begin(), m_read.end(), key) == m_read.end()) {
            m_errors.fail(pathOf(key), "是未知字段（拼写错误？见 docs/data-model.md）");
            return;
        }
    }
}

} // namespace ruhu::domain::detail
