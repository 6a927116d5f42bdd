// The QML-facing models and editors of the tablet app, over a real replica filled with the demo village.
#include "demoreplicafixture.h"
#include "householdeditor.h"
#include "householdlistmodel.h"
#include "localstore.h"
#include "membereditor.h"
#include "memberlistmodel.h"
#include "session.h"
#include "syncclient.h"
#include "syncstatus.h"
#include "villagelistmodel.h"

#include <ruhu/demo/demo_county.h>
#include <ruhu/store/device_replica.h>

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {
const QString kVillage = QStringLiteral("429005103201");
}

class TestMobileModels : public QObject, protected DemoReplicaFixture {
    Q_OBJECT

private:
    int rowOf(const QAbstractItemModel &model, int role, const QVariant &value) {
        for (int row = 0; row < model.rowCount(); ++row) {
            if (model.data(model.index(row, 0), role) == value)
                return row;
        }
        return -1;
    }

private Q_SLOTS:
    void init() { openDemoReplica(); }

    void cleanup() { closeDemoReplica(); }

    void villageListShowsScopeWithCounts() {
        VillageListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy countSpy(&model, &VillageListModel::countChanged);
        model.setStore(m_store.get());
        QCOMPARE(countSpy.count(), 1);
        QCOMPARE(model.rowCount(), 1); // cadre1 sees only 马家村 (township and county are not villages)
        const QModelIndex first = model.index(0, 0);
        QCOMPARE(model.data(first, VillageListModel::NameRole).toString(), QStringLiteral("马家村"));
        QCOMPARE(model.data(first, VillageListModel::CodeRole).toString(), kVillage);
        QCOMPARE(model.data(first, VillageListModel::HouseholdCountRole).toInt(), 20);
    }

    void householdListFiltersByHeadNameAndHidesSensitiveFields() {
        HouseholdListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStore(m_store.get());
        model.setRegionCode(kVillage);
        QCOMPARE(model.rowCount(), 20);
        for (const QByteArray &role : model.roleNames())
            QVERIFY2(role != "idNo" && role != "phone", role.constData());

        const QString head = model.data(model.index(0, 0), HouseholdListModel::HeadNameRole).toString();
        QVERIFY(!head.isEmpty());
        QVERIFY(model.data(model.index(0, 0), HouseholdListModel::MemberCountRole).toInt() >= 1);
        QVERIFY(model.data(model.index(0, 0), HouseholdListModel::OnServerRole).toBool());

        QSignalSpy resetSpy(&model, &QAbstractItemModel::modelReset);
        model.setNameFilter(head);
        QCOMPARE(resetSpy.count(), 1);
        QVERIFY(model.rowCount() >= 1);
        for (int row = 0; row < model.rowCount(); ++row)
            QVERIFY(
                model.data(model.index(row, 0), HouseholdListModel::HeadNameRole).toString().contains(head));

        model.setNameFilter(QStringLiteral("不存在的名字"));
        QCOMPARE(model.rowCount(), 0);
        model.setNameFilter(QStringLiteral("  ")); // blank = no filter
        QCOMPARE(model.rowCount(), 20);
    }

    void memberListSignalsExactRanges() {
        MemberListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

        const std::string idNo = ruhu::makeIdNumber("429005", "19800101", 123);
        QCOMPARE(model.append("m-1", {{"name", "李四"}, {"idNo", QString::fromStdString(idNo)}}), 0);
        QCOMPARE(model.append("m-2", {{"name", "李五"}}), 1);
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(inserted.at(1).at(1).toInt(), 1);
        QCOMPARE(inserted.at(1).at(2).toInt(), 1);

        const QString masked = model.data(model.index(0, 0), MemberListModel::MaskedIdNoRole).toString();
        QCOMPARE(masked, QStringLiteral("4290**********") + QString::fromStdString(idNo.substr(14)));

        model.update(1, {{"relationToHead", "之子"}});
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1);
        QCOMPARE(model.data(model.index(1, 0), MemberListModel::RelationToHeadRole).toString(),
                 QStringLiteral("之子"));

        QVERIFY(model.removeNew(0));
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.at(0).at(1).toInt(), 0);
        QCOMPARE(model.rowCount(), 1);
    }

    void memberEditorChecksIdNumberAsTyped() {
        MemberEditor editor;
        const QString idNo =
            QString::fromStdString(ruhu::makeIdNumber("429005", "19750302", 124)); // even: 女
        editor.setName(QStringLiteral("王秀英"));
        editor.setIdNo(idNo.left(10));
        QVERIFY(editor.idNoError().isEmpty());
        QVERIFY(editor.idNoHint().contains(QStringLiteral("还差 8 位")));
        QVERIFY(!editor.isAcceptable());

        editor.setIdNo(idNo);
        QVERIFY(editor.idNoValid());
        QCOMPARE(editor.sex(), QStringLiteral("女"));
        QCOMPARE(editor.birthDate(), QStringLiteral("1975-03-02"));
        QVERIFY(editor.isAcceptable());

        QString typo = idNo;
        typo[17] = typo[17] == QLatin1Char('1') ? QLatin1Char('2') : QLatin1Char('1');
        editor.setIdNo(typo);
        QVERIFY(!editor.idNoValid());
        QVERIFY(editor.idNoError().contains(QStringLiteral("校验位")));
        QVERIFY(editor.sex().isEmpty());

        editor.setIdNo(idNo.left(17) + QLatin1Char('x'));
        editor.setName(QString());
        QVERIFY(!editor.validate());
        QCOMPARE(editor.nameError(), QStringLiteral("请填写姓名"));
    }

    void editorSavesOnlyChangedFieldsOffline() {
        HouseholdListModel list;
        list.setStore(m_store.get());
        list.setRegionCode(kVillage);
        QSignalSpy listReset(&list, &QAbstractItemModel::modelReset);

        HouseholdEditor editor;
        QAbstractItemModelTester tester(editor.members(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        editor.setStore(m_store.get());
        editor.setHouseholdId(QStringLiteral("hh-0002"));
        QVERIFY(!editor.isNew());
        QVERIFY(!editor.headName().isEmpty());
        QVERIFY(editor.members()->rowCount() >= 1);
        QVERIFY(!editor.isDirty());

        const int pendingBefore = static_cast<int>(m_replica->pendingCount());
        QSignalSpy savedSpy(&editor, &HouseholdEditor::saved);
        QSignalSpy storeSpy(m_store.get(), &LocalStore::changed);
        editor.setAddress(editor.address() + QStringLiteral("（新址）"));
        QVERIFY(editor.isDirty());
        QVERIFY2(editor.save(), qPrintable(editor.errorMessage()));
        QCOMPARE(savedSpy.count(), 1);
        QCOMPARE(storeSpy.count(), 1);
        QCOMPARE(listReset.count(), 1);
        QCOMPARE(static_cast<int>(m_replica->pendingCount()), pendingBefore + 1); // one household mutation
        QVERIFY(!editor.isDirty());

        auto record = m_replica->record("household", "hh-0002");
        QVERIFY(record.has_value());
        QVERIFY(QString::fromStdString(std::string(record->fields.at("address").as_string()))
                    .endsWith("（新址）"));

        // A member edited through the dialog values (numbers come back from JavaScript as doubles).
        QVariantMap member = editor.members()->get(0);
        member.insert(QStringLiteral("seq"), 1.0);
        member.insert(QStringLiteral("status"), QStringLiteral("服刑"));
        editor.putMember(0, member);
        QVERIFY(editor.isDirty());
        QVERIFY2(editor.save(), qPrintable(editor.errorMessage()));
        QCOMPARE(static_cast<int>(m_replica->pendingCount()), pendingBefore + 2);
    }

    void newHouseholdNeedsAHead() {
        HouseholdEditor editor;
        editor.setStore(m_store.get());
        editor.setRegionCode(kVillage);
        editor.load();
        QVERIFY(editor.isNew());
        editor.setGroup(QStringLiteral("三组"));
        QVERIFY(!editor.save());
        QVERIFY(editor.errorMessage().contains(QStringLiteral("户主")));

        const QString idNo = QString::fromStdString(ruhu::makeIdNumber("429005", "19680805", 321));
        editor.putMember(
            -1, {{"name", "赵德明"}, {"relationToHead", "户主"}, {"idNo", idNo}, {"status", "正常"}});
        QCOMPARE(editor.headName(), QStringLiteral("赵德明"));
        editor.setPhone(QStringLiteral("1380000"));
        QVERIFY(!editor.phoneError().isEmpty());
        QVERIFY(!editor.save());
        editor.setPhone(QStringLiteral("13800001111"));
        QVERIFY2(editor.save(), qPrintable(editor.errorMessage()));
        QVERIFY(!editor.isNew());

        HouseholdListModel list;
        list.setStore(m_store.get());
        list.setRegionCode(kVillage);
        QCOMPARE(list.rowCount(), 21);
        const int row = rowOf(list, HouseholdListModel::HeadNameRole, QStringLiteral("赵德明"));
        QVERIFY(row >= 0);
        QCOMPARE(list.data(list.index(row, 0), HouseholdListModel::MemberCountRole).toInt(), 1);
        QCOMPARE(list.data(list.index(row, 0), HouseholdListModel::OnServerRole).toBool(), false);
        auto member = m_replica->members(editor.householdId().toStdString());
        QCOMPARE(member.size(), size_t(1));
        QCOMPARE(QString::fromStdString(std::string(member[0].fields.at("sex").as_string())),
                 QStringLiteral("男"));
    }

    void syncStatusCountsPendingAndRejected() {
        SyncClient client(*m_replica);
        SyncStatus status(*m_store, client);
        status.setAutoSyncEnabled(false);
        QAbstractItemModelTester tester(status.rejected(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(status.rejectedCount(), 1); // the demo seed's refused edit
        const QModelIndex first = status.rejected()->index(0, 0);
        QCOMPARE(status.rejected()->data(first, RejectedListModel::KindLabelRole).toString(),
                 QStringLiteral("家庭成员"));
        QVERIFY(!status.rejected()->data(first, RejectedListModel::MessageRole).toString().isEmpty());
        QCOMPARE(status.pendingCount(), static_cast<int>(m_replica->pendingCount()));

        QSignalSpy changed(&status, &SyncStatus::changed);
        auto edited = m_replica->edit("household", "hh-0001", "hh-0001", kVillage.toStdString(),
                                      boost::json::object{{"group", "五组"}});
        QVERIFY(edited.ok());
        m_store->notifyChanged();
        QVERIFY(changed.count() >= 1);
        QCOMPARE(status.pendingCount(), static_cast<int>(m_replica->pendingCount()));
        QVERIFY(status.pendingCount() >= 1);
    }

    void savedSessionMeansStraightInAndLogoutClearsIt() {
        SyncClient client(*m_replica);
        Session session(*m_store, client);
        QVERIFY(session.isLoggedIn()); // the seed saved cadre1's login: no network needed to start
        QCOMPARE(session.username(), QStringLiteral("cadre1"));
        QSignalSpy changed(&session, &Session::changed);
        session.logout();
        QCOMPARE(changed.count(), 1);
        QVERIFY(!session.isLoggedIn());
        QVERIFY(m_replica->pendingCount() >= 0); // unsynced edits stay in the replica

        QSignalSpy error(&session, &Session::errorMessageChanged);
        session.setServerUrl(QString());
        session.login(QStringLiteral("cadre1"), QStringLiteral("x"));
        QCOMPARE(session.errorMessage(), QStringLiteral("请填写服务器地址"));
        session.setServerUrl(QStringLiteral("http://127.0.0.1:9"));
        session.login(QStringLiteral("cadre1"), QString());
        QCOMPARE(session.errorMessage(), QStringLiteral("请输入密码"));
        QCOMPARE(error.count(), 2);
        QVERIFY(!session.isBusy());
    }

    void syncTimeIsWrittenForPeople() {
        const QDateTime now(QDate(2024, 9, 5), QTime(15, 30));
        const qint64 nowMs = now.toMSecsSinceEpoch();
        QCOMPARE(SyncStatus::formatSyncTime(0, nowMs), QStringLiteral("从未同步"));
        QCOMPARE(
            SyncStatus::formatSyncTime(QDateTime(QDate(2024, 9, 5), QTime(8, 5)).toMSecsSinceEpoch(), nowMs),
            QStringLiteral("今天 08:05"));
        QCOMPARE(
            SyncStatus::formatSyncTime(QDateTime(QDate(2024, 9, 4), QTime(21, 0)).toMSecsSinceEpoch(), nowMs),
            QStringLiteral("昨天 21:00"));
        QCOMPARE(
            SyncStatus::formatSyncTime(QDateTime(QDate(2024, 3, 1), QTime(9, 0)).toMSecsSinceEpoch(), nowMs),
            QStringLiteral("3月1日 09:00"));
    }
};

QTEST_GUILESS_MAIN(TestMobileModels)
#include "tst_mobile_models.moc"
