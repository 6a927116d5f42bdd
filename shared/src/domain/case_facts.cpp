#include "case_facts.h"

namespace ruhu::cases::detail {

CaseFacts::CaseFacts(const CaseInputs &in, const ProcedureContext &ctx)
    : m_in(in)
    , m_ctx(ctx)
    , m_household(domain::selectHouseholdRecords(in.records, in.householdId)) {}

const boost::json::object &CaseFacts::step(std::string_view field) const {
    static const boost::json::object empty;
    const auto *v = m_in.fields.if_contains(field);
    return v && v->is_object() ? v->get_object() : empty;
}

std::vector<const Record *> CaseFacts::live(std::string_view kind) const {
    std::vector<const Record *> out;
    for (const auto &r : m_in.records) {
        if (r.kind == kind && !r.deleted && r.householdId == m_in.householdId)
            out.push_back(&r);
    }
    return out;
}

const domain::HouseholdAssessment &CaseFacts::assessment() {
    if (!m_assessment) {
        if (m_ctx.config)
            m_assessment = domain::assessHousehold(m_household, m_in.householdId, *m_ctx.config, m_ctx.today);
        else {
            m_assessment.emplace();
            m_assessment->error = "缺少规则配置";
        }
    }
    return *m_assessment;
}

std::string text(const boost::json::object &obj, std::string_view key) {
    const auto *v = obj.if_contains(key);
    return v && v->is_string() ? std::string(v->get_string()) : std::string();
}

std::optional<domain::CivilDate> date(const boost::json::object &obj, std::string_view key) {
    const auto *v = obj.if_contains(key);
    return v && v->is_string() ? domain::CivilDate::parse(v->get_string()) : std::nullopt;
}

const boost::json::array *array(const boost::json::object &obj, std::string_view key) {
    const auto *v = obj.if_contains(key);
    return v && v->is_array() ? &v->get_array() : nullptr;
}

bool isTrue(const boost::json::object &obj, std::string_view key) {
    const auto *v = obj.if_contains(key);
    return v && v->is_bool() && v->get_bool();
}

void lack(std::vector<Missing> &out, std::string code, std::string_view what) {
    out.push_back({std::move(code), "缺少：" + std::string(what)});
}

void add(std::vector<Missing> &out, std::string code, std::string message) {
    out.push_back({std::move(code), std::move(message)});
}

void checkReason(CaseFacts &facts, std::string_view field, std::string_view what, std::vector<Missing> &out) {
    if (text(facts.step(field), "reason").empty())
        lack(out, "reason_missing", what);
}

} // namespace ruhu::cases::detail
