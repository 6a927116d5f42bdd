#pragma once

#include "localstore.h"

#include <QObject>
#include <QPointer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

// One monitoring case for the case page: state, source and lead, the event timeline, the steps the
// signed-in user may propose from its state with what each still misses (cases::availableSteps, the
// check the server runs), and proposing one: the case is saved with the target `state` and `stepNote`
// and pushed; the server decides, and a refusal comes back as a rejected edit (`rejection`).
class CaseDetail : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(LocalStore *store READ store WRITE setStore NOTIFY storeChanged)
    Q_PROPERTY(QString caseId READ caseId WRITE setCaseId NOTIFY caseIdChanged)
    Q_PROPERTY(QString today READ today WRITE setToday NOTIFY todayChanged)
    Q_PROPERTY(bool exists READ exists NOTIFY changed)
    Q_PROPERTY(QString householdId READ householdId NOTIFY changed)
    Q_PROPERTY(QString regionCode READ regionCode NOTIFY changed)
    Q_PROPERTY(QString headName READ headName NOTIFY changed)
    Q_PROPERTY(QString state READ state NOTIFY changed)
    Q_PROPERTY(QString stateLabel READ stateLabel NOTIFY changed)
    Q_PROPERTY(QString source READ source NOTIFY changed)
    // [{label, value}] of the lead: 日期, 部门, 原因 … as far as given.
    Q_PROPERTY(QVariantList lead READ lead NOTIFY changed)
    // [{message, dueText, overdue}] from cases::caseAttention.
    Q_PROPERTY(QVariantList attention READ attention NOTIFY changed)
    // [{at, fromLabel, toLabel, by, note}], oldest first.
    Q_PROPERTY(QVariantList events READ events NOTIFY changed)
    // [{to, label, toLabel, ready, missing: [message]}] the user's role may propose.
    Q_PROPERTY(QVariantList steps READ steps NOTIFY changed)
    // The server's refusal of the latest proposed step, in its words ("" when none).
    Q_PROPERTY(QString rejection READ rejection NOTIFY changed)
    Q_PROPERTY(QString error READ error NOTIFY changed)
public:
    explicit CaseDetail(QObject *parent = nullptr);

    LocalStore *store() const { return m_store; }
    void setStore(LocalStore *store);
    QString caseId() const { return m_caseId; }
    void setCaseId(const QString &id);
    QString today() const { return m_today; }
    void setToday(const QString &date);

    bool exists() const { return m_exists; }
    QString householdId() const { return m_householdId; }
    QString regionCode() const { return m_regionCode; }
    QString headName() const { return m_headName; }
    QString state() const { return m_state; }
    QString stateLabel() const { return m_stateLabel; }
    QString source() const { return m_source; }
    QVariantList lead() const { return m_lead; }
    QVariantList attention() const { return m_attention; }
    QVariantList events() const { return m_events; }
    QVariantList steps() const { return m_steps; }
    QString rejection() const { return m_rejection; }
    QString error() const { return m_error; }

    // Saves the case with state `to` and the note; false (and `error`) when the tablet already knows the
    // step is not in the table for this user. The server still checks every precondition.
    Q_INVOKABLE bool propose(const QString &to, const QString &note);

public Q_SLOTS:
    void reload();

Q_SIGNALS:
    void storeChanged();
    void caseIdChanged();
    void todayChanged();
    void changed();

private:
    QPointer<LocalStore> m_store;
    QString m_caseId;
    QString m_today;
    bool m_exists = false;
    QString m_householdId;
    QString m_regionCode;
    QString m_headName;
    QString m_state;
    QString m_stateLabel;
    QString m_source;
    QVariantList m_lead;
    QVariantList m_attention;
    QVariantList m_events;
    QVariantList m_steps;
    QString m_rejection;
    QString m_error;
};
