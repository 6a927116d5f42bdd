#pragma once

#include "assessmentmodel.h"
#include "localstore.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

// 风险研判: the cadre's decision on the rule engine's suggestion, stored as the household's riskAssessment
// record "ra-<householdId>" (decision {result, note, exceptionJustification}, riskTypes). The risk types
// also go to the household, where the engine reads them. When the engine found a 2–5类 (soft) exclusion
// and the decision still includes the household, the written 专门说明 is required: without it the
// decision is not saved and the error stands next to the explanation field.
class RiskDecisionEditor : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(LocalStore *store READ store WRITE setStore NOTIFY storeChanged)
    Q_PROPERTY(QString householdId READ householdId WRITE setHouseholdId NOTIFY householdIdChanged)
    Q_PROPERTY(AssessmentModel *assessment READ assessment CONSTANT)
    Q_PROPERTY(QStringList resultChoices READ resultChoices CONSTANT)
    Q_PROPERTY(QStringList riskTypeChoices READ riskTypeChoices CONSTANT)
    Q_PROPERTY(QString result READ result NOTIFY changed)
    Q_PROPERTY(QString storedResult READ storedResult NOTIFY changed)
    Q_PROPERTY(QString note READ note NOTIFY changed)
    Q_PROPERTY(QString justification READ justification NOTIFY changed)
    Q_PROPERTY(QStringList riskTypes READ riskTypes NOTIFY changed)
    // The soft exclusions (X2–X5) the engine reports now.
    Q_PROPERTY(QStringList softExclusions READ softExclusions NOTIFY changed)
    Q_PROPERTY(bool justificationRequired READ justificationRequired NOTIFY changed)
    Q_PROPERTY(QString justificationError READ justificationError NOTIFY changed)
    Q_PROPERTY(QString riskTypesError READ riskTypesError NOTIFY changed)
    Q_PROPERTY(QString resultError READ resultError NOTIFY changed)
    Q_PROPERTY(QString savedText READ savedText NOTIFY changed)
public:
    explicit RiskDecisionEditor(QObject *parent = nullptr);

    LocalStore *store() const { return m_store; }
    void setStore(LocalStore *store);
    QString householdId() const { return m_householdId; }
    void setHouseholdId(const QString &id);
    AssessmentModel *assessment() { return &m_assessment; }
    QStringList resultChoices() const;
    QStringList riskTypeChoices() const;
    QString result() const { return m_result; }
    QString storedResult() const { return m_storedResult; }
    QString note() const { return m_note; }
    QString justification() const { return m_justification; }
    QStringList riskTypes() const { return m_riskTypes; }
    QStringList softExclusions() const;
    bool justificationRequired() const;
    QString justificationError() const { return m_justificationError; }
    QString riskTypesError() const { return m_riskTypesError; }
    QString resultError() const { return m_resultError; }
    QString savedText() const { return m_savedText; }

    // Each saves at once (the decision only when it is complete).
    Q_INVOKABLE bool setResult(const QString &result);
    Q_INVOKABLE bool commitNote(const QString &note);
    Q_INVOKABLE bool commitJustification(const QString &text);
    Q_INVOKABLE bool toggleRiskType(const QString &type);
    Q_INVOKABLE void load();

Q_SIGNALS:
    void storeChanged();
    void householdIdChanged();
    void changed();

private:
    bool saveDecision();
    // The explanation goes to household.flags, where the engine reads it (the decision keeps a copy).
    bool writeExplanationToHousehold();
    bool writeAssessment(const boost::json::object &fields);

    QPointer<LocalStore> m_store;
    QString m_householdId;
    AssessmentModel m_assessment;
    QString m_result;       // as chosen (may be unsaved while the explanation is missing)
    QString m_storedResult; // as saved
    QString m_note;
    QString m_justification;
    QStringList m_riskTypes;
    QString m_justificationError;
    QString m_riskTypesError;
    QString m_resultError;
    QString m_savedText;
};
