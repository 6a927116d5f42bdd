#pragma once

#include "assessmentmodel.h"
#include "localstore.h"

#include <ruhu/domain/civil_date.h>

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <boost/json/object.hpp>

// The 收入核算表 (seed 004 附件2) of one household as a draft: line tables 一–四 and 七, the fixed items
// 五 (财产), 六 (转移), E and F1–F3. Amounts are typed in 元 and held in 分; the totals and the assessment
// come from the shared income-sheet code and rule engine (through `assessment`), live on every edit.
// save() writes the changed fields as one incomeSheet record per household ("is-<householdId>").
class IncomeSheetEditor : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(LocalStore *store READ store WRITE setStore NOTIFY storeChanged)
    Q_PROPERTY(QString householdId READ householdId WRITE setHouseholdId NOTIFY householdIdChanged)
    Q_PROPERTY(AssessmentModel *assessment READ assessment CONSTANT)
    Q_PROPERTY(bool dirty READ isDirty NOTIFY sheetChanged)
    Q_PROPERTY(int revision READ revision NOTIFY linesReset)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorMessageChanged)
    // Implausible entries, in Chinese (negative amounts, income per person above 10× the threshold, wages
    // of a member without labour); warnings, never blocking.
    Q_PROPERTY(QStringList warnings READ warnings NOTIFY sheetChanged)
    Q_PROPERTY(QString savedText READ savedText NOTIFY savedChanged)
    // 核算期 (YYYY-MM-DD) and what is wrong with it for a collection today (or on the assessment's date):
    // it should be the 12 months before collection (ruhu::domain::incomePeriodWarnings).
    Q_PROPERTY(QString periodStart READ periodStart NOTIFY sheetChanged)
    Q_PROPERTY(QString periodEnd READ periodEnd NOTIFY sheetChanged)
    Q_PROPERTY(QStringList periodWarnings READ periodWarnings NOTIFY sheetChanged)
public:
    explicit IncomeSheetEditor(QObject *parent = nullptr);

    LocalStore *store() const { return m_store; }
    void setStore(LocalStore *store);
    QString householdId() const { return m_householdId; }
    void setHouseholdId(const QString &id);
    AssessmentModel *assessment() { return &m_assessment; }
    bool isDirty() const { return m_sheet != m_original; }
    int revision() const { return m_revision; }
    QString errorMessage() const { return m_errorMessage; }
    QStringList warnings() const { return m_warnings; }
    QString savedText() const { return m_savedText; }
    QString periodStart() const;
    QString periodEnd() const;
    QStringList periodWarnings() const;

    // Sets the 核算期 from typed dates (saved at once); false with errorMessage on a bad date.
    Q_INVOKABLE bool setPeriod(const QString &start, const QString &end);
    // The 12 months before collection (today, or the assessment's date).
    Q_INVOKABLE bool usePeriodBeforeCollection();
    // Keeps this sheet as the previous period's (its D becomes 上期人均纯收入 for K6/K7/K8) and starts the
    // next 12 months on an emptied sheet; false with errorMessage when the sheet has no period yet.
    Q_INVOKABLE bool startNewPeriod();

    // The line tables: [{key, title, columns: [{key, label, type: text|money|real|int}]}].
    Q_INVOKABLE QVariantList lineSections() const;
    // The fixed-item groups (property, transfers, claims, rigid): [{key, title, items: [{key, label}]}].
    Q_INVOKABLE QVariantList itemGroups() const;
    // A table's lines as display text (money in 元 with two decimals, empty for 0).
    Q_INVOKABLE QVariantList lines(const QString &section) const;
    Q_INVOKABLE QString itemValue(const QString &group, const QString &key) const;
    // Set a value from the text the cadre typed; false (and errorMessage) when it is not a valid number.
    Q_INVOKABLE bool setLineValue(const QString &section, int row, const QString &key, const QString &text);
    Q_INVOKABLE bool setItemValue(const QString &group, const QString &key, const QString &text);
    // Adding a line saves it at once; removing one saves its tombstone {"id", "deleted": true}, so the
    // deletion survives the server's merge of line collections by id.
    Q_INVOKABLE void addLine(const QString &section);
    Q_INVOKABLE void removeLine(const QString &section, int row);
    // Writes what changed since the last save (a field was left); the lines are not re-read, so the
    // field the cadre moves to keeps its focus.
    Q_INVOKABLE bool commit();

    Q_INVOKABLE void load();
    Q_INVOKABLE bool save();

    // The draft as stored (for tests).
    const boost::json::object &sheet() const { return m_sheet; }

Q_SIGNALS:
    void storeChanged();
    void householdIdChanged();
    void sheetChanged();
    void linesReset();
    void errorMessageChanged();
    void saved();
    void savedChanged();

private:
    void changed();
    void updateWarnings();
    bool write();
    // What storing the sheet's changed fields did; Failed with the error set.
    enum class Commit { Failed, Unchanged, Stored };
    Commit commitChanges();
    void setError(const QString &message);
    ruhu::domain::CivilDate collectionDate() const;

    QPointer<LocalStore> m_store;
    QString m_householdId;
    boost::json::object m_sheet;
    boost::json::object m_original;
    AssessmentModel m_assessment;
    int m_revision = 0;
    QString m_errorMessage;
    QStringList m_warnings;
    QString m_savedText;
};
