// The replica's household index: upkeep inside the writing transactions and the queries the household
// list and the Today page run on it (see household_index.h).
#include <ruhu/store/device_replica.h>

#include <string>

namespace ruhu {
namespace {

constexpr const char *kRelatedColumns = "kind, id, household_id, region_code, version, deleted, body";

// Risk types as "|因病|缺劳动力|" so one type is found with instr(risk_types, '|因病|').
std::string joinRiskTypes(const std::vector<std::string> &types) {
    std::string out = "|";
    for (const auto &t : types)
        out += t + "|";
    return out;
}

std::vector<std::string> splitRiskTypes(const std::string &joined) {
    std::vector<std::string> out;
    size_t start = 1;
    while (start < joined.size()) {
        size_t end = joined.find('|', start);
        if (end == std::string::npos)
            break;
        if (end > start)
            out.push_back(joined.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

HouseholdIndexRow rowFromStatement(const sql::Statement &s) {
    HouseholdIndexRow row;
    row.householdId = s.columnText(0);
    row.regionCode = s.columnText(1);
    row.group = s.columnText(2);
    row.groupOrder = s.columnInt(3);
    row.headName = s.columnText(4);
    row.householdType = s.columnText(5);
    row.monitoringCategory = s.columnText(6);
    row.workflowStage = s.columnText(7);
    row.riskTypes = splitRiskTypes(s.columnText(8));
    row.memberCount = s.columnInt(9);
    row.idLast4 = s.columnText(10);
    row.lastVisit = s.columnText(11);
    row.lastMonthlyVisit = s.columnText(12);
    row.lastLookBackVisit = s.columnText(13);
    row.riskEliminated = s.columnInt(14) != 0;
    row.eliminatedOn = s.columnText(15);
    row.onServer = s.columnInt(16) != 0;
    return row;
}

bool isIdTail(const std::string &search) {
    if (search.empty() || search.size() > 4)
        return false;
    for (char c : search) {
        if (!(c >= '0' && c <= '9') && c != 'X' && c != 'x')
            return false;
    }
    return true;
}

const char *orderBy(HouseholdSort sort) {
    switch (sort) {
    case HouseholdSort::Name:
        return " ORDER BY head_name, group_order, household_id";
    case HouseholdSort::Risk: // monitored first, then the most risks
        return " ORDER BY monitoring_category = '', risk_count DESC, group_order, head_name, household_id";
    case HouseholdSort::LastVisit: // longest without a visit first (never visited at the top)
        return " ORDER BY last_visit, group_order, head_name, household_id";
    case HouseholdSort::Group:
        break;
    }
    return " ORDER BY group_order, grp, head_name, household_id";
}

} // namespace

Status DeviceReplica::markHouseholdDirty(const std::string &householdId) {
    if (householdId.empty())
        return okStatus();
    auto stmt = m_db.prepare("INSERT OR IGNORE INTO household_index_dirty(household_id) VALUES(?)");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, householdId);
    return stmt->run();
}

Status DeviceReplica::refreshHouseholdIndex() {
    std::vector<std::string> dirty;
    {
        auto list = m_db.prepare("SELECT household_id FROM household_index_dirty");
        if (!list)
            return list.error();
        while (list->step())
            dirty.push_back(list->columnText(0));
    }
    if (dirty.empty())
        return okStatus();
    auto related = m_db.prepare(
        std::string("SELECT ") + kRelatedColumns +
        " FROM records WHERE household_id = ?1 AND deleted = 0 AND kind IN ('household', 'member', 'visit', "
        "'workflowCase', 'riskAssessment') UNION ALL SELECT " +
        kRelatedColumns + " FROM records WHERE kind = 'household' AND id = ?1 AND household_id <> ?1");
    auto upsert =
        m_db.prepare(std::string("INSERT OR REPLACE INTO household_index(") + household_index_sql::kColumns +
                     ", risk_count) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    auto remove = m_db.prepare("DELETE FROM household_index WHERE household_id = ?");
    if (!related)
        return related.error();
    if (!upsert)
        return upsert.error();
    if (!remove)
        return remove.error();
    for (const auto &householdId : dirty) {
        related->reset();
        related->bind(1, householdId);
        std::optional<Record> household;
        std::vector<Record> others;
        while (related->step()) {
            Record r = recordFromRow(*related, 0);
            if (r.kind == "household" && r.id == householdId)
                household = std::move(r);
            else
                others.push_back(std::move(r));
        }
        if (!household || household->deleted) {
            remove->reset();
            remove->bind(1, householdId);
            if (auto st = remove->run(); !st)
                return st;
            continue;
        }
        const HouseholdIndexRow row = makeHouseholdIndexRow(*household, others);
        upsert->reset();
        upsert->bind(1, row.householdId).bind(2, row.regionCode).bind(3, row.group).bind(4, row.groupOrder);
        upsert->bind(5, row.headName).bind(6, row.householdType).bind(7, row.monitoringCategory);
        upsert->bind(8, row.workflowStage).bind(9, joinRiskTypes(row.riskTypes)).bind(10, row.memberCount);
        upsert->bind(11, row.idLast4).bind(12, row.lastVisit).bind(13, row.lastMonthlyVisit);
        upsert->bind(14, row.lastLookBackVisit).bind(15, static_cast<int64_t>(row.riskEliminated ? 1 : 0));
        upsert->bind(16, row.eliminatedOn).bind(17, static_cast<int64_t>(row.onServer ? 1 : 0));
        upsert->bind(18, static_cast<int64_t>(row.riskTypes.size()));
        if (auto st = upsert->run(); !st)
            return st;
    }
    return m_db.exec("DELETE FROM household_index_dirty");
}

Status DeviceReplica::buildHouseholdIndexIfMissing() {
    // Replicas written before the index existed get it built once, on open.
    constexpr auto kVersion = "1";
    if (meta("householdIndex") == kVersion)
        return okStatus();
    sql::Transaction tx(m_db);
    if (!tx.begun())
        return tx.begun();
    if (auto st =
            m_db.exec("INSERT OR IGNORE INTO household_index_dirty(household_id) SELECT id FROM records "
                      "WHERE kind = 'household'");
        !st)
        return st;
    if (auto st = refreshHouseholdIndex(); !st)
        return st;
    if (auto st = setMeta("householdIndex", kVersion); !st)
        return st;
    return tx.commit();
}

namespace {

// The WHERE … ORDER BY … LIMIT part of a household query and its parameters: ?1 and ?2 are the due dates
// (bound for the Due lists only); the optional filters follow from ?3.
struct QuerySql {
    std::string clauses;
    std::vector<std::string> params;
};

QuerySql householdQuerySql(const HouseholdQuery &q) {
    QuerySql out;
    std::string &sql = out.clauses;
    sql = " FROM household_index WHERE 1";
    auto add = [&](const std::string &clause, const std::string &value) {
        out.params.push_back(value);
        const std::string n = "?" + std::to_string(out.params.size() + 2);
        std::string c = clause;
        for (size_t at = c.find("?N"); at != std::string::npos; at = c.find("?N"))
            c.replace(at, 2, n);
        sql += " AND " + c;
    };
    if (!q.regionCode.empty())
        add("region_code = ?N", q.regionCode);
    if (!q.search.empty()) {
        if (isIdTail(q.search)) {
            std::string tail = q.search;
            for (char &c : tail)
                c = c == 'x' ? 'X' : c;
            add("(instr(head_name, ?N) > 0 OR instr(grp, ?N) > 0 OR substr(id_last4, -length(?N)) = ?N)",
                tail);
        } else {
            add("(instr(head_name, ?N) > 0 OR instr(grp, ?N) > 0)", q.search);
        }
    }
    if (!q.householdType.empty())
        add("household_type = ?N", q.householdType);
    if (q.monitoringCategory == kNotMonitored)
        sql += " AND monitoring_category = ''";
    else if (!q.monitoringCategory.empty())
        add("monitoring_category = ?N", q.monitoringCategory);
    if (!q.workflowStage.empty())
        add("workflow_stage = ?N", q.workflowStage);
    if (!q.riskType.empty())
        add("instr(risk_types, ?N) > 0", "|" + q.riskType + "|");
    if (q.due == HouseholdQuery::Due::MonthlyVisit)
        sql += std::string(" AND ") + household_index_sql::kMonthlyVisitDue;
    else if (q.due == HouseholdQuery::Due::LookBack)
        sql += std::string(" AND ") + household_index_sql::kLookBackDue;
    sql += orderBy(q.sort);
    if (q.limit >= 0)
        sql += " LIMIT " + std::to_string(q.limit);
    return out;
}

void bindQuery(sql::Statement &stmt, const HouseholdQuery &q, const QuerySql &parts) {
    if (q.due != HouseholdQuery::Due::Any)
        stmt.bind(1, monthStart(q.today)).bind(2, lookBackWindowStart(q.today));
    for (size_t i = 0; i < parts.params.size(); ++i)
        stmt.bind(static_cast<int>(i) + 3, parts.params[i]);
}

} // namespace

std::vector<HouseholdIndexRow> DeviceReplica::findHouseholds(const HouseholdQuery &q) const {
    std::vector<HouseholdIndexRow> out;
    const QuerySql parts = householdQuerySql(q);
    auto stmt = m_db.prepare(std::string("SELECT ") + household_index_sql::kColumns + parts.clauses);
    if (!stmt)
        return out;
    bindQuery(*stmt, q, parts);
    while (stmt->step())
        out.push_back(rowFromStatement(*stmt));
    return out;
}

std::vector<int64_t> DeviceReplica::findHouseholdKeys(const HouseholdQuery &q) const {
    std::vector<int64_t> out;
    const QuerySql parts = householdQuerySql(q);
    auto stmt = m_db.prepare("SELECT rowid" + parts.clauses);
    if (!stmt)
        return out;
    bindQuery(*stmt, q, parts);
    while (stmt->step())
        out.push_back(stmt->columnInt(0));
    return out;
}

std::vector<HouseholdIndexRow> DeviceReplica::householdRows(const std::vector<int64_t> &keys) const {
    std::vector<HouseholdIndexRow> out(keys.size());
    if (keys.empty())
        return out;
    std::string sql = std::string("SELECT ") + household_index_sql::kColumns +
                      ", rowid FROM household_index WHERE rowid IN (?";
    for (size_t i = 1; i < keys.size(); ++i)
        sql += ", ?";
    sql += ")";
    auto stmt = m_db.prepare(sql);
    if (!stmt)
        return out;
    for (size_t i = 0; i < keys.size(); ++i)
        stmt->bind(static_cast<int>(i) + 1, keys[i]);
    while (stmt->step()) {
        const int64_t key = stmt->columnInt(17);
        for (size_t i = 0; i < keys.size(); ++i) {
            if (keys[i] == key)
                out[i] = rowFromStatement(*stmt);
        }
    }
    return out;
}

std::optional<HouseholdIndexRow> DeviceReplica::householdSummary(const std::string &householdId) const {
    auto stmt = m_db.prepare(std::string("SELECT ") + household_index_sql::kColumns +
                             " FROM household_index WHERE household_id = ?");
    if (!stmt)
        return std::nullopt;
    stmt->bind(1, householdId);
    if (!stmt->step())
        return std::nullopt;
    return rowFromStatement(*stmt);
}

std::vector<VillageCounts> DeviceReplica::villageCounts(const std::string &today) const {
    std::vector<VillageCounts> out;
    auto stmt =
        m_db.prepare(std::string("SELECT region_code, count(*), sum(monitoring_category <> ''), sum(") +
                     household_index_sql::kMonthlyVisitDue + "), sum(" + household_index_sql::kLookBackDue +
                     ") FROM household_index GROUP BY region_code ORDER BY region_code");
    if (!stmt)
        return out;
    stmt->bind(1, monthStart(today)).bind(2, lookBackWindowStart(today));
    while (stmt->step())
        out.push_back({stmt->columnText(0), stmt->columnInt(1), stmt->columnInt(2), stmt->columnInt(3),
                       stmt->columnInt(4)});
    return out;
}

std::vector<EditOutcome> DeviceReplica::editOutcomes(int64_t limit) const {
    std::vector<EditOutcome> out;
    auto stmt = m_db.prepare(
        "SELECT o.id, o.kind, o.record_id, coalesce(r.household_id, ''), coalesce(h.head_name, ''), "
        "CASE WHEN o.state = 'rejected' THEN 'rejected' ELSE o.code END, o.code, o.message FROM outbox o "
        "LEFT JOIN records r ON r.kind = o.kind AND r.id = o.record_id "
        "LEFT JOIN household_index h ON h.household_id = r.household_id "
        "WHERE o.state = 'rejected' OR (o.state = 'done' AND o.code IN ('queued', 'merged')) "
        "ORDER BY o.seq DESC LIMIT ?");
    if (!stmt)
        return out;
    stmt->bind(1, limit);
    while (stmt->step())
        out.push_back({stmt->columnText(0), stmt->columnText(1), stmt->columnText(2), stmt->columnText(3),
                       stmt->columnText(4), stmt->columnText(5), stmt->columnText(6), stmt->columnText(7)});
    return out;
}

} // namespace ruhu
