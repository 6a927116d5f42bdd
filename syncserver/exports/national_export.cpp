#include "national_export.h"

#include "area_directory.h"
#include "record_walk.h"

#include <unordered_map>
#include <utility>

namespace ruhu::server {
namespace {

using exports::RowSource;
using exports::Sheet;

std::string textOf(const boost::json::object &fields, const char *key) {
    const auto *value = fields.if_contains(key);
    return value && value->is_string() ? std::string(value->get_string()) : std::string();
}

// What the household rows need from the members: how many, and the 身份证号 of each (to find the 户主's).
struct MemberTally {
    int count = 0;
    std::vector<std::pair<std::string, std::string>> idNumbers; // (member id, 身份证号)
    std::string headByRelation; // 身份证号 of the member whose relation is 户主
};

Result<std::unordered_map<std::string, MemberTally>> tallyMembers(CentralStore &store,
                                                                  const std::vector<std::string> &prefixes) {
    std::unordered_map<std::string, MemberTally> tallies;
    auto st = forEachRecord(store, "member", prefixes, [&](const Record &member) {
        MemberTally &tally = tallies[member.householdId];
        if (exports::countsInHousehold(member.fields))
            ++tally.count;
        std::string idNo = textOf(member.fields, "idNo");
        if (textOf(member.fields, "relationToHead") == "户主")
            tally.headByRelation = idNo;
        tally.idNumbers.emplace_back(member.id, std::move(idNo));
        return okStatus();
    });
    if (!st)
        return st.error();
    return tallies;
}

std::string headIdNumber(const MemberTally &tally, const std::string &headMemberId) {
    for (const auto &[memberId, idNo] : tally.idNumbers) {
        if (memberId == headMemberId)
            return idNo;
    }
    return tally.headByRelation;
}

struct HouseholdSummary {
    boost::json::object fields; // exports::householdSummary
    std::string regionCode;
};

Result<std::unordered_map<std::string, HouseholdSummary>>
summarizeHouseholds(CentralStore &store, const std::vector<std::string> &prefixes) {
    std::unordered_map<std::string, HouseholdSummary> summaries;
    auto st = forEachRecord(store, "household", prefixes, [&](const Record &household) {
        summaries[household.id] = {exports::householdSummary(household.fields), household.regionCode};
        return okStatus();
    });
    if (!st)
        return st.error();
    return summaries;
}

class SheetWriter {
public:
    SheetWriter(CentralStore &store, const AreaDirectory &areas, const NationalExport &request,
                TableSink &sink)
        : m_store(store)
        , m_areas(areas)
        , m_request(request)
        , m_sink(sink) {}

    Result<ExportedRows> run() {
        if (auto st = m_sink.writeRow(exports::headersOf(m_request.sheet)); !st)
            return st.error();
        Status st = okStatus();
        switch (m_request.sheet) {
        case Sheet::Households:
        case Sheet::MonitoringObjects:
            st = writeHouseholds();
            break;
        case Sheet::Members:
            st = writeChildren("member");
            break;
        case Sheet::Measures:
            st = writeChildren("measure");
            break;
        }
        if (!st)
            return st.error();
        return std::move(m_out);
    }

private:
    Status writeRow(const RowSource &source, const Record &record) {
        if (auto st = m_sink.writeRow(exports::rowOf(m_request.sheet, source)); !st)
            return st;
        m_out.households.emplace_back(record.householdId, record.regionCode);
        ++m_out.rows;
        return okStatus();
    }

    Status writeHouseholds() {
        auto tallies = tallyMembers(m_store, m_request.prefixes);
        if (!tallies)
            return tallies.error();
        const bool objectsOnly = m_request.sheet == Sheet::MonitoringObjects;
        return forEachRecord(m_store, "household", m_request.prefixes, [&](const Record &household) {
            if (objectsOnly && !exports::isMonitoringObject(household.fields))
                return okStatus();
            RowSource source;
            source.household = &household.fields;
            source.area = m_areas.namesOf(household.regionCode, &household.fields);
            source.reveal = m_request.reveal;
            if (auto it = tallies->find(household.id); it != tallies->end()) {
                source.memberCount = it->second.count;
                source.headIdNo = headIdNumber(it->second, textOf(household.fields, "headMemberId"));
            }
            return writeRow(source, household);
        });
    }

    // Member or measure rows, each with its household's summary (the record's own region decides where
    // it is, as for every scope check).
    Status writeChildren(const std::string &kind) {
        auto households = summarizeHouseholds(m_store, m_request.prefixes);
        if (!households)
            return households.error();
        return forEachRecord(m_store, kind, m_request.prefixes, [&](const Record &record) {
            RowSource source;
            const auto it = households->find(record.householdId);
            source.household = it == households->end() ? nullptr : &it->second.fields;
            source.area = m_areas.namesOf(record.regionCode, source.household);
            source.reveal = m_request.reveal;
            if (kind == "member") {
                source.member = &record.fields;
            } else {
                source.measure = &record.fields;
                source.beneficiaryName = beneficiaryName(record);
            }
            return writeRow(source, record);
        });
    }

    // The 受益成员's name, if the measure names a live member of the same household.
    std::string beneficiaryName(const Record &measure) {
        const std::string memberId = textOf(measure.fields, "memberId");
        if (memberId.empty())
            return {};
        auto member = m_store.findRecord("member", memberId);
        if (!member || !*member || (*member)->deleted || (*member)->householdId != measure.householdId)
            return {};
        return textOf((*member)->fields, "name");
    }

    CentralStore &m_store;
    const AreaDirectory &m_areas;
    const NationalExport &m_request;
    TableSink &m_sink;
    ExportedRows m_out;
};

} // namespace

Result<ExportedRows> writeNationalSheet(CentralStore &store, const AreaDirectory &areas,
                                        const NationalExport &request, TableSink &sink) {
    return SheetWriter(store, areas, request, sink).run();
}

} // namespace ruhu::server
