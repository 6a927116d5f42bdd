// The survey pages' C++ side: the income sheet editor (totals and the rule engine's suggestion, live and
// after 保存), the assessment of a household read from the replica, and member removal (n follows).
#include "assessmentmodel.h"
#include "demoreplicafixture.h"
#include "householdassessment.h"
#include "householdeditor.h"
#include "incomesheeteditor.h"
#include "localstore.h"
#include "memberlistmodel.h"

#include <ruhu/domain/household_records.h>
#include <ruhu/json/canonical_json.h>
#include <ruhu/store/device_replica.h>
#include <ruhu/store/replica_household.h>
#include <ruhu/sync/hlc.h>
#include <ruhu/sync/protocol.h>

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {
const std::string kVillage = "429005103201";
const QString kDate = QStringLiteral("2024-06-30"); // the shipped config has thresholds for 2021 and 2024
} // namespace

class TestSurveyModels : public QObject, protected DemoReplicaFixture {
    Q_OBJECT

private:
    // The demo members have no 劳动技能, which the engine needs for every counted member.
    void giveLabor(const std::string &householdId) {
        for (const auto &member : m_replica->members(householdId)) {
            auto edited = m_replica->edit("member", member.id, householdId, kVillage,
                                          boost::json::object{{"labor", "普通劳动力"}});
            QVERIFY2(edited.ok(), edited.ok() ? "" : edited.error().message.c_str());
        }
    }

    // A demo household with at least `size` members.
    std::string householdWithMembers(size_t size) {
        for (const auto &household : m_replica->households(kVillage))
            if (m_replica->members(household.id).size() >= size)
                return household.id;
        return {};
    }

private Q_SLOTS:
    void init() { openDemoReplica(); }

    void cleanup() { closeDemoReplica(); }

    void ruleConfigIsShipped() { QVERIFY2(assessment::ruleConfig(), assessment::configError().c_str()); }

    void missingLaborIsExplainedButTotalsShow() {
        const std::string id = householdWithMembers(1);
        AssessmentModel model;
        model.setAssessmentDate(kDate);
        model.setStore(m_store.get());
        model.setHouseholdId(QString::fromStdString(id));
        QVERIFY(!model.isValid());
        QVERIFY(model.errorMessage().contains(QStringLiteral("劳动技能")));
        QVERIFY2(!model.errorMessage().contains(QStringLiteral("members[")),
                 qPrintable(model.errorMessage()));
        QCOMPARE(model.totals().value(QStringLiteral("D")).toString(), QStringLiteral("0.00"));
        QVERIFY(model.countedMembers() >= 1);
    }

    void incomeLineChangesTotalsAndOutcome() {
        const std::string id = householdWithMembers(2);
        QVERIFY(!id.empty());
        giveLabor(id);
        const int n = int(m_replica->members(id).size());

        IncomeSheetEditor editor;
        editor.assessment()->setAssessmentDate(kDate);
        editor.setStore(m_store.get());
        editor.setHouseholdId(QString::fromStdString(id));
        AssessmentModel *result = editor.assessment();
        QVERIFY2(result->isValid(), qPrintable(result->errorMessage()));
        QCOMPARE(result->countedMembers(), n);
        QCOMPARE(result->totals().value(QStringLiteral("A")).toString(), QStringLiteral("0.00"));
        QVERIFY(result->belowThreshold());
        QVERIFY(result->incomeSummary().contains(QStringLiteral("低于")));
        QVERIFY(result->incomeSummary().contains(QStringLiteral("8,300.00")));
        const QString poorOutcome = result->outcomeCode();
        QVERIFY(poorOutcome != QLatin1String("NOT_INCLUDED"));
        QVERIFY(!result->reasons().isEmpty());
        QVERIFY(!editor.isDirty());

        // One wage line of 30 万元 a year lifts D far above the threshold.
        QSignalSpy resultSpy(result, &AssessmentModel::resultChanged);
        QSignalSpy resetSpy(&editor, &IncomeSheetEditor::linesReset);
        editor.addLine(QStringLiteral("wages"));
        QCOMPARE(resetSpy.count(), 1);
        QCOMPARE(editor.lines(QStringLiteral("wages")).size(), 1);
        QVERIFY(!editor.setLineValue(QStringLiteral("wages"), 0, QStringLiteral("awayCash"),
                                     QStringLiteral("abc")));
        QVERIFY(!editor.errorMessage().isEmpty());
        QVERIFY(editor.setLineValue(QStringLiteral("wages"), 0, QStringLiteral("awayCash"),
                                    QStringLiteral("300,000")));
        QVERIFY(editor.errorMessage().isEmpty());
        QVERIFY(resultSpy.count() >= 1);
        QCOMPARE(result->totals().value(QStringLiteral("A2")).toString(), QStringLiteral("300,000.00"));
        QCOMPARE(result->totals().value(QStringLiteral("A")).toString(), QStringLiteral("300,000.00"));
        QVERIFY(!result->belowThreshold());
        QVERIFY(result->outcomeCode() != poorOutcome);
        QCOMPARE(editor.lines(QStringLiteral("wages"))
                     .first()
                     .toMap()
                     .value(QStringLiteral("awayCash"))
                     .toString(),
                 QStringLiteral("300000.00"));

        // F (rigid expenses) is an item group; D1 = (C + E − F) / n.
        QVERIFY(editor.setItemValue(QStringLiteral("rigid"), QStringLiteral("F2"), QStringLiteral("1000")));
        QCOMPARE(result->totals().value(QStringLiteral("F")).toString(), QStringLiteral("1,000.00"));
        QCOMPARE(editor.itemValue(QStringLiteral("rigid"), QStringLiteral("F2")), QStringLiteral("1000.00"));
        QVERIFY(editor.isDirty());

        // 保存: one incomeSheet record per household, one mutation, and the stored sheet gives the same
        // result.
        const auto pendingBefore = m_replica->pendingCount();
        QSignalSpy storeSpy(m_store.get(), &LocalStore::changed);
        QVERIFY2(editor.save(), qPrintable(editor.errorMessage()));
        QCOMPARE(m_replica->pendingCount(), pendingBefore + 1);
        QCOMPARE(storeSpy.count(), 1);
        QVERIFY(!editor.isDirty());
        auto record = m_replica->record("incomeSheet", assessment::sheetId(id));
        QVERIFY(record);
        QCOMPARE(record->householdId, id);
        QCOMPARE(std::string(record->fields.at("householdId").as_string()), id);
        QCOMPARE(record->fields.at("wages").as_array().size(), size_t(1));

        AssessmentModel stored;
        stored.setAssessmentDate(kDate);
        stored.setStore(m_store.get());
        stored.setHouseholdId(QString::fromStdString(id));
        QCOMPARE(stored.outcomeCode(), result->outcomeCode());
        QCOMPARE(stored.totals().value(QStringLiteral("D")), result->totals().value(QStringLiteral("D")));

        // Removing the line brings the household back under the threshold (live, before 保存).
        editor.removeLine(QStringLiteral("wages"), 0);
        QCOMPARE(result->totals().value(QStringLiteral("A")).toString(), QStringLiteral("0.00"));
        QCOMPARE(result->outcomeCode(), poorOutcome);
    }

    // The server re-evaluated with a configuration a county loaded since (issue 12): the page shows the
    // server's result beside the tablet's, and says why they differ.
    void serverResultShownWhenItDiffers() {
        const std::string id = householdWithMembers(1);
        giveLabor(id);
        AssessmentModel model;
        model.setAssessmentDate(kDate);
        model.setStore(m_store.get());
        model.setHouseholdId(QString::fromStdString(id));
        QVERIFY2(model.isValid(), qPrintable(model.errorMessage()));
        QVERIFY(!model.serverDiffers());

        auto json = ruhu::parseJson(ruhu::domain::builtinRuleConfigJson());
        auto &doc = json->as_object();
        doc.erase("hash");
        doc["id"] = "qianjiang-county-2";
        doc["version"] = 9;
        for (auto &t : doc["thresholds"].as_array())
            if (t.as_object()["regionPrefix"] == "42")
                t.as_object()["value"] = "90000.00"; // everyone is below this line
        auto county = ruhu::domain::parseRuleConfig(*json);
        QVERIFY(county.ok());
        const auto on = *ruhu::domain::CivilDate::parse("2024-06-30");
        const auto server =
            ruhu::domain::assessHousehold(ruhu::replicaHouseholdRecords(*m_replica, id), id, *county, on);
        ruhu::Record sheet;
        sheet.kind = "incomeSheet";
        sheet.id = ruhu::domain::incomeSheetId(id);
        sheet.householdId = id;
        sheet.regionCode = kVillage;
        sheet.version = m_replica->cursor() + 1000;
        const std::string stamp = ruhu::HlcStamp{1735000000000, 0, "server"}.encode();
        sheet.fields = {{"householdId", id},
                        {"computed", ruhu::domain::assessmentToJson(server, *county, on)}};
        sheet.clocks = {{"householdId", stamp}, {"computed", stamp}};
        ruhu::protocol::PullResponse pull;
        pull.changes.push_back(sheet);
        pull.cursor = sheet.version;
        QVERIFY(m_replica->applyPull(pull).ok());
        model.refresh();

        QVERIFY(model.serverDiffers());
        QVERIFY2(model.serverReason().contains(QStringLiteral("qianjiang-county-2")),
                 qPrintable(model.serverReason()));
        QVERIFY(!model.serverResult().isEmpty());
        QVERIFY(model.outcome() != model.serverResult()); // the tablet's own suggestion stays beside it
    }

    void thresholdMissingForYearIsSaidPlainly() {
        const std::string id = householdWithMembers(1);
        giveLabor(id);
        AssessmentModel model;
        model.setAssessmentDate(QStringLiteral("2023-06-30"));
        model.setStore(m_store.get());
        model.setHouseholdId(QString::fromStdString(id));
        QVERIFY(!model.isValid());
        QVERIFY(model.incomeSummary().contains(QStringLiteral("2023")));
    }

    void removedMemberLeavesN() {
        const std::string id = householdWithMembers(2);
        QVERIFY(!id.empty());
        giveLabor(id);
        AssessmentModel assessmentModel;
        assessmentModel.setAssessmentDate(kDate);
        assessmentModel.setStore(m_store.get());
        assessmentModel.setHouseholdId(QString::fromStdString(id));
        const int before = assessmentModel.countedMembers();
        QVERIFY2(assessmentModel.isValid(), qPrintable(assessmentModel.errorMessage()));

        HouseholdEditor editor;
        QAbstractItemModelTester tester(editor.members(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        editor.setStore(m_store.get());
        editor.setHouseholdId(QString::fromStdString(id));
        MemberListModel *members = editor.members();
        QCOMPARE(members->rowCount(), before);
        QCOMPARE(members->countedCount(), before);
        int headRow = -1;
        int otherRow = -1;
        for (int row = 0; row < members->rowCount(); ++row) {
            const bool head = members->data(members->index(row), MemberListModel::RelationToHeadRole) ==
                              QStringLiteral("户主");
            (head ? headRow : otherRow) = row;
            QVERIFY(members->data(members->index(row), MemberListModel::CountedRole).toBool());
        }
        QVERIFY(headRow >= 0 && otherRow >= 0);

        QVERIFY(!editor.removeMember(otherRow, QString())); // a reason is required
        QVERIFY(!editor.errorMessage().isEmpty());
        QVERIFY(!editor.removeMember(headRow, QStringLiteral("户籍迁出"))); // never the 户主
        QCOMPARE(members->rowCount(), before);

        const QString removedId =
            members->data(members->index(otherRow), MemberListModel::MemberIdRole).toString();
        const auto pendingBefore = m_replica->pendingCount();
        QSignalSpy countSpy(members, &MemberListModel::countChanged);
        QVERIFY2(editor.removeMember(otherRow, QStringLiteral("户籍迁出")),
                 qPrintable(editor.errorMessage()));
        QCOMPARE(countSpy.count(), 1);
        QCOMPARE(members->rowCount(), before - 1);
        QCOMPARE(m_replica->pendingCount(), pendingBefore + 1);
        const auto tombstone = m_replica->record("member", removedId.toStdString());
        QVERIFY(!tombstone || tombstone->deleted);
        QCOMPARE(int(m_replica->members(id).size()), before - 1);
        QCOMPARE(assessmentModel.countedMembers(), before - 1); // refreshed by LocalStore::changed
    }

    void memberWithStatusIsNotCounted() {
        const std::string id = householdWithMembers(2);
        HouseholdEditor editor;
        QAbstractItemModelTester tester(editor.members(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        editor.setStore(m_store.get());
        editor.setHouseholdId(QString::fromStdString(id));
        MemberListModel *members = editor.members();
        const int counted = members->countedCount();
        const int row = members->rowCount() - 1;
        QSignalSpy countSpy(members, &MemberListModel::countChanged);
        editor.putMember(row, QVariantMap{{QStringLiteral("status"), QStringLiteral("服刑")}});
        QVERIFY(countSpy.count() >= 1);
        QCOMPARE(members->countedCount(), counted - 1);
        QCOMPARE(members->data(members->index(row), MemberListModel::CountedRole).toBool(), false);
    }
};

QTEST_MAIN(TestSurveyModels)
#include "tst_survey_models.moc"
