#pragma once

#include "localstore.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <boost/json/object.hpp>

#include <optional>

namespace ruhu::domain {
struct CivilDate;
struct HouseholdAssessment;
} // namespace ruhu::domain

// The rule engine's result for one household, as the cadre reads it: the suggested outcome, the K/X
// codes, the reasons in plain Chinese, and the income totals in 元. Recomputed whenever the store changes
// (a saved income sheet or member), or, inside the income sheet page, on every edit of the draft sheet.
class AssessmentModel : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(LocalStore *store READ store WRITE setStore NOTIFY storeChanged)
    Q_PROPERTY(QString householdId READ householdId WRITE setHouseholdId NOTIFY householdIdChanged)
    // The date the assessment is for (yyyy-MM-dd); empty = today. Picks the threshold's year.
    Q_PROPERTY(
        QString assessmentDate READ assessmentDate WRITE setAssessmentDate NOTIFY assessmentDateChanged)
    Q_PROPERTY(bool valid READ isValid NOTIFY resultChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY resultChanged)
    Q_PROPERTY(QString outcome READ outcome NOTIFY resultChanged)
    Q_PROPERTY(QString outcomeCode READ outcomeCode NOTIFY resultChanged)
    Q_PROPERTY(QStringList categories READ categories NOTIFY resultChanged)
    Q_PROPERTY(QStringList exclusions READ exclusions NOTIFY resultChanged)
    Q_PROPERTY(QStringList reasons READ reasons NOTIFY resultChanged)
    Q_PROPERTY(QStringList warnings READ warnings NOTIFY resultChanged)
    Q_PROPERTY(bool mandatory READ isMandatory NOTIFY resultChanged)
    Q_PROPERTY(bool needsReview READ needsReview NOTIFY resultChanged)
    Q_PROPERTY(int countedMembers READ countedMembers NOTIFY resultChanged)
    // Totals in 元 with two decimals ("6,500.00"), keys A1…D1, n as a number.
    Q_PROPERTY(QVariantMap totals READ totals NOTIFY resultChanged)
    // "人均纯收入 6,500.00 元，低于监测范围 8,300.00 元" (or why it cannot be compared).
    Q_PROPERTY(QString incomeSummary READ incomeSummary NOTIFY resultChanged)
    Q_PROPERTY(bool belowThreshold READ belowThreshold NOTIFY resultChanged)
    // "上期人均纯收入 7,600.00 元（2023-09-01至2024-08-31核算表）" when the household's previous income sheet
    // gives the drop tests their prior income (ruhu::domain::PriorIncome); empty otherwise.
    Q_PROPERTY(QString priorIncome READ priorIncome NOTIFY resultChanged)
    Q_PROPERTY(bool hasPriorSheet READ hasPriorSheet NOTIFY resultChanged)
    // The server re-evaluates on every sync (incomeSheet.computed); where its result differs from this
    // tablet's, the page shows the server's and why (ruhu::domain::compareWithServer).
    Q_PROPERTY(bool serverDiffers READ serverDiffers NOTIFY resultChanged)
    Q_PROPERTY(QString serverResult READ serverResult NOTIFY resultChanged)
    Q_PROPERTY(QString serverReason READ serverReason NOTIFY resultChanged)
public:
    explicit AssessmentModel(QObject *parent = nullptr);

    LocalStore *store() const { return m_store; }
    void setStore(LocalStore *store);
    QString householdId() const { return m_householdId; }
    void setHouseholdId(const QString &id);
    QString assessmentDate() const { return m_assessmentDate; }
    void setAssessmentDate(const QString &date);

    bool isValid() const { return m_valid; }
    QString errorMessage() const { return m_errorMessage; }
    QString outcome() const { return m_outcome; }
    QString outcomeCode() const { return m_outcomeCode; }
    QStringList categories() const { return m_categories; }
    QStringList exclusions() const { return m_exclusions; }
    QStringList reasons() const { return m_reasons; }
    QStringList warnings() const { return m_warnings; }
    bool isMandatory() const { return m_mandatory; }
    bool needsReview() const { return m_needsReview; }
    int countedMembers() const { return m_totals.value(QStringLiteral("n")).toInt(); }
    QVariantMap totals() const { return m_totals; }
    QString incomeSummary() const { return m_incomeSummary; }
    bool belowThreshold() const { return m_below; }
    bool serverDiffers() const { return !m_serverResult.isEmpty(); }
    QString serverResult() const { return m_serverResult; }
    QString serverReason() const { return m_serverReason; }

    // D and the region's threshold for the year in 分 (-1 when unknown), for plausibility checks.
    QString priorIncome() const { return m_priorIncome; }
    bool hasPriorSheet() const { return !m_priorIncome.isEmpty(); }
    qint64 perCapitaFen() const { return m_perCapitaFen; }
    qint64 thresholdFen() const { return m_thresholdFen; }

    // Evaluates with this draft sheet instead of the stored one (the income sheet page's live preview).
    void setDraftSheet(const boost::json::object &sheet);

public Q_SLOTS:
    void refresh();

private:
    void compareWithServer(const ruhu::domain::HouseholdAssessment &local, const ruhu::domain::CivilDate &on);

Q_SIGNALS:
    void storeChanged();
    void householdIdChanged();
    void assessmentDateChanged();
    void resultChanged();

private:
    QPointer<LocalStore> m_store;
    QString m_householdId;
    QString m_assessmentDate;
    std::optional<boost::json::object> m_draftSheet;

    bool m_valid = false;
    QString m_errorMessage;
    QString m_outcome;
    QString m_outcomeCode;
    QStringList m_categories;
    QStringList m_exclusions;
    QStringList m_reasons;
    QStringList m_warnings;
    bool m_mandatory = false;
    bool m_needsReview = false;
    QVariantMap m_totals;
    QString m_incomeSummary;
    bool m_below = false;
    QString m_serverResult;
    QString m_serverReason;
    QString m_priorIncome;
    qint64 m_perCapitaFen = -1;
    qint64 m_thresholdFen = -1;
};
