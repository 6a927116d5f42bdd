#include "pg_rows.h"

#include "record_codec.h"

namespace ruhu::server::pg {

Result<Record> recordAt(const pq::Rows &rows, int i) {
    Record r;
    r.kind = rows.text(i, 0);
    r.id = rows.text(i, 1);
    r.householdId = rows.text(i, 2);
    r.regionCode = rows.text(i, 3);
    r.version = rows.integer(i, 4);
    r.deleted = rows.boolean(i, 5);
    if (auto st = readRecordBody(rows.text(i, 6), r); !st)
        return st.error();
    return r;
}

ReviewEntry reviewAt(const pq::Rows &rows, int i) {
    ReviewEntry r;
    r.id = rows.integer(i, 0);
    r.kind = rows.text(i, 1);
    r.recordId = rows.text(i, 2);
    r.householdId = rows.text(i, 3);
    r.regionCode = rows.text(i, 4);
    r.field = rows.text(i, 5);
    r.baseValue = jsonOrNull(rows.text(i, 6));
    r.serverValue = jsonOrNull(rows.text(i, 7));
    r.serverHlc = rows.text(i, 8);
    r.incomingValue = jsonOrNull(rows.text(i, 9));
    r.incomingHlc = rows.text(i, 10);
    r.mutationId = rows.text(i, 11);
    r.deviceId = rows.text(i, 12);
    r.author = rows.text(i, 13);
    r.createdAtMs = rows.integer(i, 14);
    r.status = rows.text(i, 15);
    r.resolution = rows.isNull(i, 16) ? boost::json::value() : jsonOrNull(rows.text(i, 16));
    return r;
}

UserAccount userAt(const pq::Rows &rows, int i) {
    UserAccount user{rows.text(i, 0), rows.text(i, 1), rows.text(i, 2), rows.text(i, 3),
                     scopeFromJson(rows.text(i, 4))};
    user.disabled = rows.boolean(i, 5);
    user.mustChangePassword = rows.boolean(i, 6);
    return user;
}

AppliedMutation appliedAt(const pq::Rows &rows, int i) {
    return AppliedMutation{rows.text(i, 0), rows.text(i, 1), rows.integer(i, 2), rows.integer(i, 3),
                           rows.text(i, 4), rows.text(i, 5), rows.text(i, 6),    rows.text(i, 7)};
}

std::string prefixCondition(const std::string &column, size_t count, int first) {
    std::string text = "(";
    for (size_t i = 0; i < count; ++i)
        text += (i ? " OR " : "") + column + " LIKE $" + std::to_string(first + static_cast<int>(i));
    return text + ")";
}

std::vector<std::string> prefixPatterns(const std::vector<std::string> &prefixes) {
    std::vector<std::string> patterns;
    for (const auto &prefix : prefixes) {
        if (prefix.empty())
            continue;
        std::string pattern;
        for (char c : prefix) {
            if (c == '%' || c == '_' || c == '\\')
                pattern.push_back('\\');
            pattern.push_back(c);
        }
        patterns.push_back(pattern + "%");
    }
    return patterns;
}

std::string arrayLiteral(const std::vector<std::string> &values) {
    std::string text = "{";
    for (size_t i = 0; i < values.size(); ++i) {
        text += i ? ",\"" : "\"";
        for (char c : values[i]) {
            if (c == '"' || c == '\\')
                text.push_back('\\');
            text.push_back(c);
        }
        text += "\"";
    }
    return text + "}";
}

std::string arrayLiteral(const std::vector<int64_t> &values) {
    std::string text = "{";
    for (size_t i = 0; i < values.size(); ++i)
        text += (i ? "," : "") + std::to_string(values[i]);
    return text + "}";
}

} // namespace ruhu::server::pg
