// Save-as-you-go survey records: SurveyRecord (one mutation per field left, errors per field, tombstones
// for removed collection elements), the measure and visit list models under QAbstractItemModelTester,
// the risk decision's required 专门说明, member removal keeping its reason, income-line tombstones and
// plausibility warnings.
#include "demoseed.h"
#include "householdeditor.h"
#include "incomesheeteditor.h"
#include "localstore.h"
#include "measurelistmodel.h"
#include "riskdecisioneditor.h"
#include "surveyrecord.h"
#include "visitlistmodel.h"

#include <ruhu/store/device_replica.h>

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {
const std::string kVillage = "429005103201";
const QString kHousehold = QStringLiteral("hh-0002");
} // namespace

class TestSurveyRecords : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ruhu::DeviceReplica> m_replica;
    std::unique_ptr<LocalStore> m_store;

    void openReplica() {
        auto key = ruhu::loadOrCreateDeviceKey(m_dir->filePath("device.key").toStdString());
        QVERIFY(key.ok());
        auto replica = ruhu::DeviceReplica::open(m_dir->filePath("replica.db").toStdString(), *key);
        QVERIFY2(replica.ok(), replica.ok() ? "" : replica.error().message.c_str());
        m_replica = std::move(*replica);
        m_store = std::make_unique<LocalStore>(m_replica.get());
    }

    boost::json::object stored(const char *kind, const QString &id) {
        auto record = m_replica->record(kind, id.toStdString());
        return record ? record->fields : boost::json::object{};
    }

    void giveLabor(const std::string &householdId) {
        for (const auto &member : m_replica->members(householdId))
            QVERIFY(m_replica
                        ->edit("member", member.id, householdId, kVillage,
                               boost::json::object{{"labor", "普通劳动力"}})
                        .ok());
    }

private Q_SLOTS:
    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        openReplica();
        QVERIFY(seedDemoReplica(*m_replica).ok());
    }

    void cleanup() {
        m_store.reset();
        m_replica.reset();
        m_dir.reset();
    }

    void fieldIsStoredWhenCommittedAndSurvivesReopen() {
        SurveyRecord record;
        record.setStore(m_store.get());
        record.setKind(QStringLiteral("household"));
        record.setRecordId(kHousehold);
        const auto pending = m_replica->pendingCount();
        QSignalSpy saved(&record, &SurveyRecord::savedChanged);
        QVERIFY(record.commitText(QStringLiteral("housing.areaM2"), QStringLiteral("96.5"),
                                  QStringLiteral("real")));
        QVERIFY(record.commitValue(QStringLiteral("housing.structure"), QStringLiteral("土坯")));
        QVERIFY(record.commitValue(QStringLiteral("water.safe"), false));
        QCOMPARE(saved.count(), 3);
        QCOMPARE(m_replica->pendingCount(), pending + 3); // one mutation per field left
        QVERIFY(record.savedText().startsWith(QStringLiteral("已保存")));
        // the same value again writes nothing
        QVERIFY(record.commitText(QStringLiteral("housing.areaM2"), QStringLiteral("96.5"),
                                  QStringLiteral("real")));
        QCOMPARE(m_replica->pendingCount(), pending + 3);

        m_store.reset();
        m_replica.reset();
        openReplica(); // as after a restart
        const auto fields = stored("household", kHousehold);
        QCOMPARE(fields.at("housing").at("structure").as_string(), "土坯");
        QCOMPARE(fields.at("housing").at("areaM2").as_double(), 96.5);
        QCOMPARE(fields.at("water").at("safe").as_bool(), false);
    }

    void badValueShowsItsErrorAndWritesNothing() {
        SurveyRecord record;
        record.setStore(m_store.get());
        record.setKind(QStringLiteral("household"));
        record.setRecordId(kHousehold);
        const auto pending = m_replica->pendingCount();
        QVERIFY(!record.commitText(QStringLiteral("land.farmlandMu"), QStringLiteral("四亩"),
                                   QStringLiteral("real")));
        QVERIFY(record.error(QStringLiteral("land.farmlandMu")).contains(QStringLiteral("数字")));
        QVERIFY(!record.commitText(QStringLiteral("noIndustryEmploymentReason"), QStringLiteral(" "),
                                   QStringLiteral("text"), true));
        QCOMPARE(record.error(QStringLiteral("noIndustryEmploymentReason")),
                 QStringLiteral("此项必填，请填写"));
        QCOMPARE(m_replica->pendingCount(), pending);
        QVERIFY(record.commitText(QStringLiteral("land.farmlandMu"), QStringLiteral("4"),
                                  QStringLiteral("real")));
        QVERIFY(record.error(QStringLiteral("land.farmlandMu")).isEmpty());
    }

    void removedVehicleIsATombstone() {
        SurveyRecord record;
        record.setStore(m_store.get());
        record.setKind(QStringLiteral("household"));
        record.setRecordId(kHousehold);
        const QString id =
            record.addElement(QStringLiteral("vehicles"), {{QStringLiteral("type"), QStringLiteral("轿车")},
                                                           {QStringLiteral("use"), QStringLiteral("消费")}});
        QVERIFY(!id.isEmpty());
        QVERIFY(record.commitElementText(QStringLiteral("vehicles"), id, QStringLiteral("price"),
                                         QStringLiteral("58000"), QStringLiteral("money")));
        QCOMPARE(record.elements(QStringLiteral("vehicles")).size(), 1);
        QVERIFY(record.removeElement(QStringLiteral("vehicles"), id));
        QCOMPARE(record.elements(QStringLiteral("vehicles")).size(), 0);
        const auto household = stored("household", kHousehold);
        const auto &vehicles = household.at("vehicles").as_array();
        QCOMPARE(vehicles.size(), size_t(1));
        QCOMPARE(vehicles[0].at("id").as_string(), id.toStdString());
        QCOMPARE(vehicles[0].at("deleted").as_bool(), true);
    }

    void measureListFollowsCreateEditRemove() {
        MeasureListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStore(m_store.get());
        model.setHouseholdId(kHousehold);
        const int before = model.rowCount();
        QSignalSpy countSpy(&model, &CountedListModel::countChanged);

        SurveyRecord record;
        record.setStore(m_store.get());
        record.setKind(QStringLiteral("measure"));
        record.setHouseholdId(kHousehold);
        const QString id = record.create({{QStringLiteral("category"), QStringLiteral("就业帮扶")},
                                          {QStringLiteral("status"), QStringLiteral("计划")},
                                          {QStringLiteral("startDate"), QStringLiteral("2099-01-01")}});
        QVERIFY2(!id.isEmpty(), qPrintable(record.errors().values().value(0).toString()));
        QCOMPARE(model.rowCount(), before + 1);
        QCOMPARE(countSpy.count(), 1);
        const int row = model.indexOf(id);
        QCOMPARE(row, 0); // newest start date first
        QVERIFY(
            record.commitText(QStringLiteral("amount"), QStringLiteral("1200.50"), QStringLiteral("money")));
        QVERIFY(record.commitText(QStringLiteral("item"), QStringLiteral("外出务工补贴")));
        const QModelIndex index = model.index(model.indexOf(id));
        QCOMPARE(index.data(MeasureListModel::AmountRole).toString(), QStringLiteral("1200.50"));
        QCOMPARE(index.data(MeasureListModel::ItemRole).toString(), QStringLiteral("外出务工补贴"));
        QCOMPARE(index.data(MeasureListModel::CategoryRole).toString(), QStringLiteral("就业帮扶"));
        QVERIFY(
            !record.commitValue(QStringLiteral("status"), QStringLiteral("完成"))); // not a declared value
        QVERIFY(!record.error(QStringLiteral("status")).isEmpty());

        QVERIFY(record.remove());
        QCOMPARE(model.rowCount(), before);
        QCOMPARE(model.indexOf(id), -1);
        auto tombstone = m_replica->record("measure", id.toStdString());
        QVERIFY(tombstone && tombstone->deleted);
    }

    void visitListShowsVisitorsAndFindings() {
        VisitListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStore(m_store.get());
        model.setHouseholdId(kHousehold);
        const int before = model.rowCount();

        SurveyRecord record;
        record.setStore(m_store.get());
        record.setKind(QStringLiteral("visit"));
        record.setHouseholdId(kHousehold);
        const QString id = record.create({{QStringLiteral("type"), QStringLiteral("回头看")},
                                          {QStringLiteral("startedAt"), QStringLiteral("2099-02-03")}});
        QVERIFY(!id.isEmpty());
        QVERIFY(record.commitNames(QStringLiteral("visitors"), QStringLiteral("张建国、李红")));
        QVERIFY(record.commitText(QStringLiteral("findings.notes"), QStringLiteral("户主腰伤复发")));
        QCOMPARE(model.rowCount(), before + 1);
        QModelIndex index = model.index(model.indexOf(id));
        QCOMPARE(index.data(VisitListModel::TypeRole).toString(), QStringLiteral("回头看"));
        QCOMPARE(index.data(VisitListModel::DateRole).toString(), QStringLiteral("2099-02-03"));
        QCOMPARE(index.data(VisitListModel::VisitorsRole).toString(), QStringLiteral("张建国、李红"));
        QCOMPARE(index.data(VisitListModel::NotesRole).toString(), QStringLiteral("户主腰伤复发"));

        // a visitor taken off the list stays as a tombstone (set-union merge by id)
        QVERIFY(record.commitNames(QStringLiteral("visitors"), QStringLiteral("李红")));
        index = model.index(model.indexOf(id));
        QCOMPARE(index.data(VisitListModel::VisitorsRole).toString(), QStringLiteral("李红"));
        QCOMPARE(stored("visit", id).at("visitors").as_array().size(), size_t(2));
    }

    void removedMemberKeepsItsReasonAndLeavesN() {
        HouseholdEditor editor;
        editor.setStore(m_store.get());
        editor.setHouseholdId(kHousehold);
        const int counted = editor.members()->countedCount();
        int row = -1;
        for (int r = 0; r < editor.members()->rowCount(); ++r)
            if (editor.members()->get(r).value(QStringLiteral("relationToHead")).toString() !=
                QStringLiteral("户主"))
                row = r;
        QVERIFY(row >= 0);
        const QString memberId = editor.members()->get(row).value(QStringLiteral("id")).toString();
        QVERIFY2(editor.removeMember(row, QStringLiteral("户籍迁出")), qPrintable(editor.errorMessage()));
        QCOMPARE(editor.members()->countedCount(), counted - 1);
        auto tombstone = m_replica->record("member", memberId.toStdString());
        QVERIFY(tombstone && tombstone->deleted);
        QCOMPARE(tombstone->fields.at("removalReason").as_string(), "户籍迁出");
    }

    void householdFieldSavesWhenLeftWithoutSaveButton() {
        HouseholdEditor editor;
        editor.setStore(m_store.get());
        editor.setHouseholdId(kHousehold);
        editor.setPhone(QStringLiteral("139")); // typing, not valid yet
        editor.setAddress(QStringLiteral("马家村三组12号"));
        QVERIFY(editor.commitField(QStringLiteral("address")));
        QCOMPARE(stored("household", kHousehold).at("address").as_string(), "马家村三组12号");
        QVERIFY(!editor.phoneError().isEmpty()); // kept in the form with its error, not stored
        QCOMPARE(editor.phone(), QStringLiteral("139"));
        QVERIFY(stored("household", kHousehold).at("phone").as_string() != "139");
    }

    void newHouseholdIsStoredOnTheFirstField() {
        HouseholdEditor editor;
        editor.setStore(m_store.get());
        editor.setRegionCode(QString::fromStdString(kVillage));
        editor.load();
        QVERIFY(editor.isNew());
        editor.setGroup(QStringLiteral("五组"));
        QVERIFY2(editor.commitField(QStringLiteral("group")), qPrintable(editor.errorMessage()));
        QVERIFY(!editor.isNew());
        QCOMPARE(stored("household", editor.householdId()).at("group").as_string(), "五组");
    }

    void softExclusionNeedsTheWrittenExplanation() {
        const std::string hh = kHousehold.toStdString();
        giveLabor(hh);
        // a 消费型 car of 58000 bought a month before the assessment: X3 (soft). The shipped config has
        // thresholds for 2021 and 2024 only.
        const QString lastMonth = QStringLiteral("2024-11-30");
        QVERIFY(m_replica
                    ->edit("household", hh, hh, kVillage,
                           boost::json::object{{"vehicles", boost::json::array{boost::json::object{
                                                                {"id", "v1"},
                                                                {"type", "轿车"},
                                                                {"use", "消费"},
                                                                {"price", 5800000},
                                                                {"purchaseDate", lastMonth.toStdString()}}}}})
                    .ok());
        RiskDecisionEditor decision;
        decision.assessment()->setAssessmentDate(QStringLiteral("2024-12-31"));
        decision.setStore(m_store.get());
        decision.setHouseholdId(kHousehold);
        QVERIFY2(decision.softExclusions().contains(QStringLiteral("X3")),
                 qPrintable(decision.assessment()->exclusions().join(',') +
                            decision.assessment()->errorMessage()));

        QVERIFY(!decision.setResult(QStringLiteral("纳入监测")));
        QVERIFY(decision.justificationRequired());
        QVERIFY(decision.justificationError().contains(QStringLiteral("专门说明")));
        QVERIFY(decision.storedResult().isEmpty()); // not saved without it
        QVERIFY(!stored("riskAssessment", QStringLiteral("ra-") + kHousehold)
                     .at("decision")
                     .as_object()
                     .contains("result"));

        QVERIFY(decision.commitJustification(QStringLiteral("户主车祸致残，家庭重大变故")));
        QVERIFY(decision.justificationError().isEmpty());
        QCOMPARE(decision.storedResult(), QStringLiteral("纳入监测"));
        const auto saved =
            stored("riskAssessment", QStringLiteral("ra-") + kHousehold).at("decision").as_object();
        QCOMPARE(saved.at("result").as_string(), "纳入监测");
        QCOMPARE(saved.at("exceptionJustification").as_string(), "户主车祸致残，家庭重大变故");

        QVERIFY(decision.setResult(QStringLiteral("不纳入"))); // no explanation needed to leave it out
        QVERIFY(decision.toggleRiskType(QStringLiteral("因病")));
        QCOMPARE(stored("household", kHousehold).at("riskTypes").as_array().size(), size_t(1));
    }

    void deletedIncomeLineIsATombstoneAndWarningsShow() {
        const std::string hh = kHousehold.toStdString();
        giveLabor(hh);
        IncomeSheetEditor editor;
        editor.setStore(m_store.get());
        editor.setHouseholdId(kHousehold);
        editor.addLine(QStringLiteral("crops"));
        editor.addLine(QStringLiteral("crops"));
        QVERIFY(editor.setLineValue(QStringLiteral("crops"), 1, QStringLiteral("soldAmount"),
                                    QStringLiteral("5000")));
        QVERIFY(editor.commit());
        editor.removeLine(QStringLiteral("crops"), 0);
        QCOMPARE(editor.lines(QStringLiteral("crops")).size(), 1);
        QCOMPARE(
            editor.lines(QStringLiteral("crops"))[0].toMap().value(QStringLiteral("soldAmount")).toString(),
            QStringLiteral("5000.00"));
        const auto sheet = stored("incomeSheet", QStringLiteral("is-") + kHousehold);
        const auto &crops = sheet.at("crops").as_array(); // sheet is a local copy
        QCOMPARE(crops.size(), size_t(2));
        QCOMPARE(crops[0].at("deleted").as_bool(), true);
        QVERIFY(!editor.isDirty());

        // implausible: a very large amount (D > 10 × threshold)
        QVERIFY(editor.setLineValue(QStringLiteral("crops"), 0, QStringLiteral("soldAmount"),
                                    QStringLiteral("9000000")));
        bool tenfold = false;
        for (const auto &w : editor.warnings())
            tenfold = tenfold || w.contains(QStringLiteral("10倍"));
        QVERIFY2(tenfold || editor.assessment()->thresholdFen() < 0,
                 qPrintable(editor.warnings().join('\n')));
        // wages of someone who is not in the household
        editor.addLine(QStringLiteral("wages"));
        QVERIFY(editor.setLineValue(QStringLiteral("wages"), 0, QStringLiteral("name"),
                                    QStringLiteral("不存在的人")));
        QVERIFY(editor.setLineValue(QStringLiteral("wages"), 0, QStringLiteral("awayCash"),
                                    QStringLiteral("12000")));
        QVERIFY(editor.warnings().join('\n').contains(QStringLiteral("不在本户家庭成员中")));
    }
};

QTEST_GUILESS_MAIN(TestSurveyRecords)
#include "tst_survey_records.moc"
