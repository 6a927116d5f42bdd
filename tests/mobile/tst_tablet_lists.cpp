// The household index and the lists built on it (household list filters, Today page), over a real replica
// filled with the demo village (mobile/demoseed.cpp: 20 households, 5 with monitoring data relative to
// today). Every expectation is recomputed from the decrypted records or from the seed's documented cases.
#include "caselistmodel.h"
#include "demoreplicafixture.h"
#include "duehouseholdlistmodel.h"
#include "householdlistmodel.h"
#include "localstore.h"
#include "syncoutcomelistmodel.h"
#include "villagesummarymodel.h"

#include <ruhu/demo/demo_county.h>
#include <ruhu/store/device_replica.h>
#include <ruhu/store/household_index.h>

#include <QAbstractItemModelTester>
#include <QDate>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <sqlite3.h>

namespace {

const QString kVillage = QStringLiteral("429005103201");

std::string fieldText(const ruhu::Record &r, const char *name) {
    auto it = r.fields.find(name);
    return it != r.fields.end() && it->value().is_string() ? std::string(it->value().get_string())
                                                           : std::string();
}

QSet<QString> idsOf(const std::vector<ruhu::HouseholdIndexRow> &rows) {
    QSet<QString> ids;
    for (const auto &row : rows)
        ids.insert(QString::fromStdString(row.householdId));
    return ids;
}

QSet<QString> idsOf(const QAbstractItemModel &model, int role) {
    QSet<QString> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.insert(model.data(model.index(row, 0), role).toString());
    return ids;
}

QSet<QString> set(std::initializer_list<const char *> ids) {
    QSet<QString> out;
    for (const char *id : ids)
        out.insert(QString::fromLatin1(id));
    return out;
}

} // namespace

class TestTabletLists : public QObject, protected DemoReplicaFixture {
    Q_OBJECT

private:
    std::vector<ruhu::HouseholdIndexRow> find(ruhu::HouseholdQuery query) {
        if (query.regionCode.empty())
            query.regionCode = kVillage.toStdString();
        return m_replica->findHouseholds(query);
    }

private Q_SLOTS:
    void init() { openDemoReplica(); }

    void cleanup() { closeDemoReplica(); }

    void helpersOrderGroupsMaskIdsAndDateTheWindow() {
        QCOMPARE(ruhu::groupOrderOf("一组"), int64_t(1));
        QCOMPARE(ruhu::groupOrderOf("三组"), int64_t(3));
        QCOMPARE(ruhu::groupOrderOf("十组"), int64_t(10));
        QCOMPARE(ruhu::groupOrderOf("十二组"), int64_t(12));
        QCOMPARE(ruhu::groupOrderOf("二十一组"), int64_t(21));
        QCOMPARE(ruhu::groupOrderOf("7组"), int64_t(7));
        QCOMPARE(ruhu::groupOrderOf("村部"), int64_t(999));
        QCOMPARE(QString::fromStdString(ruhu::maskedIdNumber("123X")), QStringLiteral("**************123X"));
        QCOMPARE(QString::fromStdString(ruhu::maskedIdNumber("")), QString());
        QCOMPARE(QString::fromStdString(ruhu::monthStart("2026-11-23")), QStringLiteral("2026-11-01"));
        QCOMPARE(QString::fromStdString(ruhu::lookBackWindowStart("2026-11-23")),
                 QStringLiteral("2025-12-01"));
        QCOMPARE(QString::fromStdString(ruhu::lookBackWindowStart("2026-03-05")),
                 QStringLiteral("2025-04-01"));
    }

    void indexRowsMatchTheDecryptedRecords() {
        const auto records = m_replica->households(kVillage.toStdString());
        const auto rows = find({});
        QCOMPARE(rows.size(), records.size());
        for (const auto &record : records) {
            auto row = m_replica->householdSummary(record.id);
            QVERIFY(row);
            QCOMPARE(row->headName, fieldText(record, "headName"));
            QCOMPARE(row->group, fieldText(record, "group"));
            QCOMPARE(row->householdType, fieldText(record, "householdType"));
            const auto members = m_replica->members(record.id);
            QCOMPARE(row->memberCount, static_cast<int64_t>(members.size()));
            std::string headId;
            for (const auto &m : members) {
                if (m.id == fieldText(record, "headMemberId"))
                    headId = fieldText(m, "idNo");
            }
            QCOMPARE(row->idLast4, headId.substr(headId.size() - 4));
            QCOMPARE(row->onServer, record.version > 0);
        }
    }

    void searchFindsNameGroupAndIdDigits() {
        const auto all = m_replica->households(kVillage.toStdString());
        const std::string head = fieldText(all.front(), "headName");
        ruhu::HouseholdQuery byName;
        byName.search = head;
        const auto named = find(byName);
        QVERIFY(!named.empty());
        for (const auto &row : named)
            QVERIFY(row.headName.find(head) != std::string::npos ||
                    row.group.find(head) != std::string::npos);

        ruhu::HouseholdQuery byGroup;
        byGroup.search = "三组";
        size_t expected = 0;
        for (const auto &r : all)
            expected +=
                fieldText(r, "group") == "三组" || fieldText(r, "headName").find("三组") != std::string::npos;
        QCOMPARE(find(byGroup).size(), expected);

        // The last digits of hh-0001's head: hh-0001 is found, and every hit ends with them.
        const auto first = m_replica->householdSummary("hh-0001");
        QVERIFY(first);
        for (size_t digits = 1; digits <= 4; ++digits) {
            ruhu::HouseholdQuery byId;
            byId.search = first->idLast4.substr(4 - digits);
            const auto hits = find(byId);
            QVERIFY(idsOf(hits).contains(QStringLiteral("hh-0001")));
            for (const auto &row : hits) {
                QVERIFY(row.idLast4.ends_with(byId.search) ||
                        row.headName.find(byId.search) != std::string::npos ||
                        row.group.find(byId.search) != std::string::npos);
            }
        }
        ruhu::HouseholdQuery nothing;
        nothing.search = "不存在的名字";
        QVERIFY(find(nothing).empty());
    }

    void filtersSelectTheSeededCases() {
        ruhu::HouseholdQuery q;
        q.monitoringCategory = "脱贫不稳定户";
        QCOMPARE(idsOf(find(q)), set({"hh-0006", "hh-0009"}));
        q.monitoringCategory = std::string(ruhu::kNotMonitored);
        QCOMPARE(find(q).size(), size_t(15));
        q = {};
        q.riskType = "因学";
        QCOMPARE(idsOf(find(q)), set({"hh-0007"}));
        q.riskType = "因"; // a whole type, never a part of one
        QVERIFY(find(q).empty());
        q = {};
        q.workflowStage = "ASSISTING";
        QCOMPARE(idsOf(find(q)), set({"hh-0006", "hh-0007"}));
        q.workflowStage = "ELIMINATED";
        QCOMPARE(idsOf(find(q)), set({"hh-0009"}));

        q = {};
        q.householdType = "脱贫户";
        size_t poor = 0;
        for (const auto &r : m_replica->households(kVillage.toStdString()))
            poor += fieldText(r, "householdType") == "脱贫户";
        QCOMPARE(find(q).size(), poor);
        q.monitoringCategory = "突发严重困难户"; // filters combine
        for (const auto &row : find(q))
            QVERIFY(row.householdType == "脱贫户" && row.monitoringCategory == "突发严重困难户");
    }

    void sortOrdersHold() {
        ruhu::HouseholdQuery q;
        auto rows = find(q);
        for (size_t i = 1; i < rows.size(); ++i)
            QVERIFY(rows[i - 1].groupOrder <= rows[i].groupOrder);
        q.sort = ruhu::HouseholdSort::Name;
        rows = find(q);
        for (size_t i = 1; i < rows.size(); ++i)
            QVERIFY(rows[i - 1].headName <= rows[i].headName);
        q.sort = ruhu::HouseholdSort::Risk;
        rows = find(q);
        for (size_t i = 0; i < 5; ++i)
            QVERIFY(!rows[i].monitoringCategory.empty());
        QCOMPARE(QString::fromStdString(rows.front().householdId), QStringLiteral("hh-0007")); // two risks
        q.sort = ruhu::HouseholdSort::LastVisit;
        rows = find(q);
        for (size_t i = 1; i < rows.size(); ++i)
            QVERIFY(rows[i - 1].lastVisit <= rows[i].lastVisit);
        QVERIFY(rows.front().lastVisit.empty()); // never visited first
    }

    void keysAndRowsMatchTheFullQuery() {
        for (auto sort : {ruhu::HouseholdSort::Group, ruhu::HouseholdSort::Name, ruhu::HouseholdSort::Risk,
                          ruhu::HouseholdSort::LastVisit}) {
            ruhu::HouseholdQuery q;
            q.regionCode = kVillage.toStdString();
            q.sort = sort;
            const auto full = m_replica->findHouseholds(q);
            const auto keys = m_replica->findHouseholdKeys(q);
            QCOMPARE(keys.size(), full.size());
            const auto rows = m_replica->householdRows(keys);
            for (size_t i = 0; i < full.size(); ++i) {
                QCOMPARE(rows[i].householdId, full[i].householdId);
                QCOMPARE(rows[i].riskTypes, full[i].riskTypes);
            }
        }
    }

    void indexFollowsEditsInTheSameTransaction() {
        auto edited = m_replica->edit("household", "hh-0001", "hh-0001", kVillage.toStdString(),
                                      boost::json::object{{"headName", "测试改名"}, {"group", "十二组"}});
        QVERIFY(edited.ok());
        auto row = m_replica->householdSummary("hh-0001");
        QCOMPARE(row->headName, std::string("测试改名"));
        QCOMPARE(row->groupOrder, int64_t(12));

        // A new member changes the count; the head's new ID number its last four.
        const int64_t before = row->memberCount;
        auto member = m_replica->edit(
            "member", "hh-0001-new", "hh-0001", kVillage.toStdString(),
            boost::json::object{{"name", "新成员"}, {"relationToHead", "之子"}, {"householdId", "hh-0001"}});
        QVERIFY2(member.ok(), member.ok() ? "" : member.error().message.c_str());
        QCOMPARE(m_replica->householdSummary("hh-0001")->memberCount, before + 1);
        const std::string newId = ruhu::makeIdNumber("429005", "19800101", 123);
        auto head = m_replica->edit("member", "hh-0001-m1", "hh-0001", kVillage.toStdString(),
                                    boost::json::object{{"idNo", newId}});
        QVERIFY2(head.ok(), head.ok() ? "" : head.error().message.c_str());
        QCOMPARE(m_replica->householdSummary("hh-0001")->idLast4, newId.substr(14));

        // A 每月走访 today takes hh-0008 off the due list.
        const std::string today = QDate::currentDate().toString(Qt::ISODate).toStdString();
        ruhu::HouseholdQuery due;
        due.regionCode = kVillage.toStdString();
        due.due = ruhu::HouseholdQuery::Due::MonthlyVisit;
        due.today = today;
        QCOMPARE(idsOf(m_replica->findHouseholds(due)), set({"hh-0006", "hh-0008"}));
        auto visit = m_replica->edit("visit", "hh-0008-v-new", "hh-0008", kVillage.toStdString(),
                                     boost::json::object{{"householdId", "hh-0008"},
                                                         {"type", "每月走访"},
                                                         {"startedAt", today + "T10:00:00+08:00"}});
        QVERIFY2(visit.ok(), visit.ok() ? "" : visit.error().message.c_str());
        QCOMPARE(idsOf(m_replica->findHouseholds(due)), set({"hh-0006"}));
        QCOMPARE(m_replica->householdSummary("hh-0008")->lastVisit, today);

        auto removed = m_replica->edit("household", "hh-0002", "hh-0002", kVillage.toStdString(), {}, true);
        QVERIFY(removed.ok());
        QVERIFY(!m_replica->householdSummary("hh-0002"));
    }

    void indexIsBuiltForAnOlderReplica() {
        const auto before = find({});
        m_store.reset();
        m_replica.reset();
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(m_dir->filePath("replica.db").toUtf8().constData(), &db), SQLITE_OK);
        QCOMPARE(sqlite3_exec(db, "DROP TABLE household_index; DELETE FROM meta WHERE key = 'householdIndex'",
                              nullptr, nullptr, nullptr),
                 SQLITE_OK);
        sqlite3_close(db);
        openReplica();
        const auto after = find({});
        QCOMPARE(after.size(), before.size());
        QCOMPARE(idsOf(after), idsOf(before));
    }

    void householdListModelFiltersAndSorts() {
        HouseholdListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStore(m_store.get());
        model.setRegionCode(kVillage);
        QCOMPARE(model.rowCount(), 20);
        QVERIFY(!model.isFiltered());

        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy filters(&model, &HouseholdListModel::filtersChanged);
        model.setMonitoringCategory(QStringLiteral("脱贫不稳定户"));
        QCOMPARE(resets.count(), 1);
        QCOMPARE(filters.count(), 1);
        QVERIFY(model.isFiltered());
        QCOMPARE(idsOf(model, HouseholdListModel::HouseholdIdRole), set({"hh-0006", "hh-0009"}));
        const int row = model.householdIdAt(0) == QLatin1String("hh-0006") ? 0 : 1;
        const QModelIndex index = model.index(row, 0);
        QCOMPARE(model.data(index, HouseholdListModel::RiskTypesRole).toString(), QStringLiteral("因病"));
        QCOMPARE(model.data(index, HouseholdListModel::WorkflowStageRole).toString(),
                 QStringLiteral("帮扶中"));
        const QString masked = model.data(index, HouseholdListModel::MaskedIdNumberRole).toString();
        QCOMPARE(masked.size(), 18);
        QVERIFY(masked.startsWith(QStringLiteral("**************")));

        model.setRiskType(QStringLiteral("因病"));
        QCOMPARE(idsOf(model, HouseholdListModel::HouseholdIdRole), set({"hh-0006"}));
        model.clearFilters();
        QCOMPARE(model.rowCount(), 20);
        QVERIFY(!model.isFiltered());

        model.setSortOrder(QStringLiteral("name"));
        for (int r = 1; r < model.rowCount(); ++r) {
            QVERIFY(model.data(model.index(r - 1, 0), HouseholdListModel::HeadNameRole)
                        .toString()
                        .toStdString() <=
                    model.data(model.index(r, 0), HouseholdListModel::HeadNameRole).toString().toStdString());
        }
        // Search by ID digits goes through the same property as the name search.
        const auto first = m_replica->householdSummary("hh-0001");
        model.setNameFilter(QString::fromStdString(first->idLast4));
        QVERIFY(idsOf(model, HouseholdListModel::HouseholdIdRole).contains(QStringLiteral("hh-0001")));
    }

    void villageSummaryCountsTheDueLists() {
        VillageSummaryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy totals(&model, &VillageSummaryModel::totalsChanged);
        model.setStore(m_store.get());
        QVERIFY(totals.count() >= 1);
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex v = model.index(0, 0);
        QCOMPARE(model.data(v, VillageSummaryModel::NameRole).toString(), QStringLiteral("马家村"));
        QCOMPARE(model.data(v, VillageSummaryModel::HouseholdsRole).toInt(), 20);
        QCOMPARE(model.data(v, VillageSummaryModel::MonitoredRole).toInt(), 5);
        QCOMPARE(model.data(v, VillageSummaryModel::MonthlyVisitDueRole).toInt(), 2);
        QCOMPARE(model.data(v, VillageSummaryModel::LookBackDueRole).toInt(), 1);
        QCOMPARE(model.totalMonthlyVisitDue(), 2);

        // A year on, nothing was eliminated within the window and every 监测对象 is due again.
        model.setToday(QDate::currentDate().addYears(1).toString(Qt::ISODate));
        QCOMPARE(model.data(model.index(0, 0), VillageSummaryModel::LookBackDueRole).toInt(), 0);
        QCOMPARE(model.data(model.index(0, 0), VillageSummaryModel::MonthlyVisitDueRole).toInt(), 3);
    }

    void dueListsNameTheHouseholds() {
        DueHouseholdListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStore(m_store.get());
        QCOMPARE(idsOf(model, DueHouseholdListModel::HouseholdIdRole), set({"hh-0006", "hh-0008"}));
        for (int r = 0; r < model.rowCount(); ++r) {
            QCOMPARE(model.data(model.index(r, 0), DueHouseholdListModel::VillageNameRole).toString(),
                     QStringLiteral("马家村"));
            QVERIFY(!model.data(model.index(r, 0), DueHouseholdListModel::DetailRole).toString().isEmpty());
        }
        // Never visited sorts first.
        QCOMPARE(model.data(model.index(0, 0), DueHouseholdListModel::HouseholdIdRole).toString(),
                 QStringLiteral("hh-0008"));

        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.setList(QStringLiteral("lookBack"));
        QCOMPARE(resets.count(), 1);
        QCOMPARE(idsOf(model, DueHouseholdListModel::HouseholdIdRole), set({"hh-0009"}));

        // A 回头看 visit takes it off the list; LocalStore::changed reloads the model.
        const std::string today = QDate::currentDate().toString(Qt::ISODate).toStdString();
        auto visit = m_replica->edit("visit", "hh-0009-v-look", "hh-0009", kVillage.toStdString(),
                                     boost::json::object{{"householdId", "hh-0009"},
                                                         {"type", "回头看"},
                                                         {"startedAt", today + "T10:00:00+08:00"}});
        QVERIFY(visit.ok());
        m_store->notifyChanged();
        QCOMPARE(model.rowCount(), 0);
    }

    void casesWaitingForTheVillageOverdueFirst() {
        // The seed's leads (mobile/demoseed.cpp): hh-0011 one day old, hh-0013 twenty days old; hh-0012
        // returned by the township; hh-0006/7 ASSISTING and hh-0008 SURVEYED wait for the village too;
        // hh-0009 ELIMINATED does not. Pinned to hh-0011's lead date, its 入户核实 has 5 working days left.
        const auto lead = m_replica->record("workflowCase", "hh-0011-lead");
        QVERIFY(lead);
        const QString leadDate = QString::fromUtf8(lead->fields.at("lead").at("date").as_string().c_str());
        CaseListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setToday(leadDate);
        model.setStore(m_store.get());
        QCOMPARE(idsOf(model, CaseListModel::HouseholdIdRole),
                 set({"hh-0006", "hh-0007", "hh-0008", "hh-0011", "hh-0012", "hh-0013"}));
        auto at = [&](int row, int role) { return model.data(model.index(row, 0), role); };

        QCOMPARE(at(0, CaseListModel::HouseholdIdRole).toString(), QStringLiteral("hh-0013"));
        QCOMPARE(at(0, CaseListModel::OverdueRole).toInt(), 1);
        QVERIFY(at(0, CaseListModel::DueTextRole).toString().startsWith(QStringLiteral("已逾期")));

        QCOMPARE(at(1, CaseListModel::HouseholdIdRole).toString(), QStringLiteral("hh-0012"));
        QCOMPARE(at(1, CaseListModel::StateLabelRole).toString(), QStringLiteral("退回补正"));
        QVERIFY(
            at(1, CaseListModel::WhatRole).toString().contains(QStringLiteral("收入测算缺少务工收入证明")));
        QVERIFY(at(1, CaseListModel::DueTextRole).toString().isEmpty());

        QCOMPARE(at(2, CaseListModel::HouseholdIdRole).toString(), QStringLiteral("hh-0011"));
        QCOMPARE(at(2, CaseListModel::StateLabelRole).toString(), QStringLiteral("线索"));
        QCOMPARE(at(2, CaseListModel::OverdueRole).toInt(), 0);
        QCOMPARE(at(2, CaseListModel::HeadNameRole).toString(),
                 QString::fromStdString(m_replica->householdSummary("hh-0011")->headName));
        QCOMPARE(at(2, CaseListModel::VillageNameRole).toString(), QStringLiteral("马家村"));
        const QDate due = QDate::fromString(at(2, CaseListModel::DueDateRole).toString(), Qt::ISODate);
        QVERIFY(due > QDate::fromString(leadDate, Qt::ISODate).addDays(4));
        QCOMPARE(at(2, CaseListModel::DueTextRole).toString(),
                 QStringLiteral("还剩5个工作日（%1月%2日）").arg(due.month()).arg(due.day()));
        QVERIFY(at(2, CaseListModel::WhatRole).toString().contains(QStringLiteral("入户核实")));

        // The rest have no deadline: their next village step says what to do.
        for (int r = 3; r < model.rowCount(); ++r) {
            QVERIFY(at(r, CaseListModel::DueTextRole).toString().isEmpty());
            QVERIFY(at(r, CaseListModel::WhatRole).toString().startsWith(QStringLiteral("下一步：")));
        }

        // On its last day the lead is due today.
        model.setToday(due.toString(Qt::ISODate));
        QCOMPARE(at(2, CaseListModel::DueTextRole).toString(),
                 QStringLiteral("今天到期（%1月%2日）").arg(due.month()).arg(due.day()));
    }

    void syncOutcomesSayWhatToDo() {
        SyncOutcomeListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStore(m_store.get());
        QCOMPARE(model.rowCount(), 2); // the seed's queued household edit and rejected member edit
        const QModelIndex queued = model.index(0, 0); // newest first
        QCOMPARE(model.data(queued, SyncOutcomeListModel::OutcomeRole).toString(), QStringLiteral("queued"));
        QCOMPARE(model.data(queued, SyncOutcomeListModel::HouseholdIdRole).toString(),
                 QStringLiteral("hh-0005"));
        QCOMPARE(model.data(queued, SyncOutcomeListModel::RegionCodeRole).toString(), kVillage);
        QCOMPARE(model.data(queued, SyncOutcomeListModel::VillageNameRole).toString(),
                 QStringLiteral("马家村"));
        const QModelIndex rejected = model.index(1, 0);
        QCOMPARE(model.data(rejected, SyncOutcomeListModel::OutcomeRole).toString(),
                 QStringLiteral("rejected"));
        QCOMPARE(model.data(rejected, SyncOutcomeListModel::HouseholdIdRole).toString(),
                 QStringLiteral("hh-0003"));
        QCOMPARE(model.data(rejected, SyncOutcomeListModel::HeadNameRole).toString(),
                 QString::fromStdString(m_replica->householdSummary("hh-0003")->headName));
        QVERIFY(model.data(rejected, SyncOutcomeListModel::MessageRole)
                    .toString()
                    .contains(QStringLiteral("乡镇审核员")));
        for (int r = 0; r < 2; ++r)
            QVERIFY(!model.data(model.index(r, 0), SyncOutcomeListModel::AdviceRole).toString().isEmpty());

        model.setLimit(1);
        QCOMPARE(model.rowCount(), 1);
    }
};

QTEST_GUILESS_MAIN(TestTabletLists)
#include "tst_tablet_lists.moc"
