#pragma once

#include "localstore.h"
#include "memberlistmodel.h"

#include <QObject>
#include <QPointer>
#include <QQmlParserStatus>
#include <QString>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

// The household form: the 户's basic fields and its 家庭成员, held as drafts until 保存. save() writes
// only the fields that changed, offline, through the replica (one outbox mutation per record), so the
// edit is safe on the tablet at once and travels with the next sync.
class HouseholdEditor : public QObject, public QQmlParserStatus {
    Q_OBJECT
    QML_ELEMENT
    Q_INTERFACES(QQmlParserStatus)
    Q_PROPERTY(LocalStore *store READ store WRITE setStore NOTIFY storeChanged)
    Q_PROPERTY(QString householdId READ householdId WRITE setHouseholdId NOTIFY householdIdChanged)
    Q_PROPERTY(QString regionCode READ regionCode WRITE setRegionCode NOTIFY regionCodeChanged)
    Q_PROPERTY(bool isNew READ isNew NOTIFY loaded)
    Q_PROPERTY(QString group READ group WRITE setGroup NOTIFY fieldsChanged)
    Q_PROPERTY(QString householdType READ householdType WRITE setHouseholdType NOTIFY fieldsChanged)
    Q_PROPERTY(QString phone READ phone WRITE setPhone NOTIFY fieldsChanged)
    Q_PROPERTY(QString address READ address WRITE setAddress NOTIFY fieldsChanged)
    Q_PROPERTY(QString headName READ headName NOTIFY fieldsChanged)
    Q_PROPERTY(QString phoneError READ phoneError NOTIFY fieldsChanged)
    Q_PROPERTY(bool dirty READ isDirty NOTIFY fieldsChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorMessageChanged)
    Q_PROPERTY(MemberListModel *members READ members CONSTANT)
public:
    explicit HouseholdEditor(QObject *parent = nullptr);

    LocalStore *store() const { return m_store; }
    void setStore(LocalStore *store);
    QString householdId() const { return m_householdId; }
    void setHouseholdId(const QString &id);
    QString regionCode() const { return m_regionCode; }
    void setRegionCode(const QString &code);
    bool isNew() const { return m_isNew; }

    QString group() const { return field("group"); }
    void setGroup(const QString &value) { setField("group", value); }
    QString householdType() const { return field("householdType"); }
    void setHouseholdType(const QString &value) { setField("householdType", value); }
    QString phone() const { return field("phone"); }
    void setPhone(const QString &value) { setField("phone", value); }
    QString address() const { return field("address"); }
    void setAddress(const QString &value) { setField("address", value); }
    QString headName() const { return field("headName"); }
    QString phoneError() const;
    bool isDirty() const;
    QString errorMessage() const { return m_errorMessage; }
    MemberListModel *members() { return &m_members; }

    // Reads the household (or starts a new one when householdId is empty) from the store.
    Q_INVOKABLE void load();
    // Puts the member dialog's values into the form: row -1 adds a new member.
    Q_INVOKABLE void putMember(int row, const QVariantMap &member);
    Q_INVOKABLE bool removeNewMember(int row);
    // Removes a member for good, at once and offline: a member added in this form is just dropped; a saved
    // one is deleted through the replica (a delete mutation). `reason` (e.g. 户籍迁出, 分户, 录入错误) is
    // required for a saved member and is stored as the member's removalReason on the tombstone.
    Q_INVOKABLE bool removeMember(int row, const QString &reason);
    // Validates and saves offline. On failure errorMessage says what to fix, in Chinese.
    Q_INVOKABLE bool save();
    // Save-as-you-go (the form's fields call these as they are left): writes what changed at once, a new
    // household included. A missing 户主 does not block it (the form shows it as a hint); an invalid
    // phone number stays unsaved with its error next to the field while the other fields are written.
    Q_INVOKABLE bool commitField(const QString &name);
    // The member dialog's 确定: the member goes into the replica at once.
    Q_INVOKABLE bool commitMember(int row, const QVariantMap &member);

    void classBegin() override { m_complete = false; }
    void componentComplete() override;

Q_SIGNALS:
    void storeChanged();
    void householdIdChanged();
    void regionCodeChanged();
    void loaded();
    void fieldsChanged();
    void errorMessageChanged();
    void saved();

private:
    QString field(const char *name) const { return m_fields.value(QLatin1String(name)).toString(); }
    void setField(const char *name, const QString &value);
    void updateHead();
    void setError(const QString &message);
    QVariantMap changedHouseholdFields() const;
    bool persist(bool complete);

    QPointer<LocalStore> m_store;
    QString m_householdId;
    QString m_regionCode;
    bool m_isNew = true;
    bool m_complete = true; // false while QML sets the initial properties
    QVariantMap m_fields;
    QVariantMap m_original;
    MemberListModel m_members;
    QString m_errorMessage;
};
