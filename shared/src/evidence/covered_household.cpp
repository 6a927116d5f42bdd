#include <ruhu/evidence/covered_household.h>

namespace ruhu::evidence {

namespace {

std::string text(const boost::json::object &fields, const char *key) {
    const auto *value = fields.if_contains(key);
    return value && value->is_string() ? std::string(value->get_string()) : std::string();
}

int integer(const boost::json::object &fields, const char *key) {
    const auto *value = fields.if_contains(key);
    if (!value)
        return 0;
    if (value->is_int64())
        return static_cast<int>(value->get_int64());
    if (value->is_uint64())
        return static_cast<int>(value->get_uint64());
    if (value->is_double())
        return static_cast<int>(value->get_double());
    return 0;
}

domain::MemberStatus memberStatus(const std::string &label) {
    if (label == "死亡")
        return domain::MemberStatus::Dead;
    if (label == "服刑")
        return domain::MemberStatus::Imprisoned;
    if (label == "失踪")
        return domain::MemberStatus::Missing;
    return domain::MemberStatus::Normal; // absent means 正常, as in parseHouseholdDocument
}

} // namespace

domain::HouseholdDocument coveredHouseholdFromRecords(const Record &household,
                                                      const std::vector<Record> &members) {
    domain::HouseholdDocument document;
    auto &h = document.household;
    const auto &f = household.fields;
    h.id = household.id;
    h.headMemberId = text(f, "headMemberId");
    h.county = text(f, "county");
    h.township = text(f, "township");
    h.village = text(f, "village");
    h.group = text(f, "group");
    h.address = text(f, "address");
    if (const auto *risks = f.if_contains("riskTypes"); risks && risks->is_array())
        for (const auto &risk : risks->get_array())
            if (risk.is_string())
                h.riskTypes.emplace_back(risk.get_string());
    for (const auto &record : members) {
        if (record.deleted || record.kind != "member")
            continue;
        domain::Member m;
        m.id = record.id;
        m.householdId = record.householdId;
        m.seq = integer(record.fields, "seq");
        m.name = text(record.fields, "name");
        m.relationToHead = text(record.fields, "relationToHead");
        m.idNo = text(record.fields, "idNo");
        m.birthDate = text(record.fields, "birthDate");
        m.status = memberStatus(text(record.fields, "status"));
        document.members.push_back(std::move(m));
    }
    return document;
}

} // namespace ruhu::evidence
