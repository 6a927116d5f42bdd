#pragma once

#include "localstore.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <boost/json/object.hpp>

// One synced record (a household's §12 sections, a measure, a visit, a risk decision) edited field by
// field: every commit*() call is one local mutation through the replica, written at once — there is no
// draft and no 保存 button, so a killed app loses nothing that was left. A path is a top-level field
// ("industryCovered") or one key inside a Json group ("housing.structure"); a group is written whole,
// as the merge engine treats it as one field. Errors are kept per path, in Chinese, for the field's own
// error line.
class SurveyRecord : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(LocalStore *store READ store WRITE setStore NOTIFY storeChanged)
    Q_PROPERTY(QString kind READ kind WRITE setKind NOTIFY kindChanged)
    Q_PROPERTY(QString recordId READ recordId WRITE setRecordId NOTIFY recordIdChanged)
    Q_PROPERTY(QString householdId READ householdId WRITE setHouseholdId NOTIFY householdIdChanged)
    Q_PROPERTY(bool exists READ exists NOTIFY loaded)
    // Bumped whenever the values are re-read; QML bindings use it to refresh field texts.
    Q_PROPERTY(int revision READ revision NOTIFY loaded)
    Q_PROPERTY(QVariantMap errors READ errors NOTIFY errorsChanged)
    Q_PROPERTY(QString savedPath READ savedPath NOTIFY savedChanged)
    // "已保存 10:21:05" after the last commit of this record, empty before.
    Q_PROPERTY(QString savedText READ savedText NOTIFY savedChanged)
public:
    explicit SurveyRecord(QObject *parent = nullptr);

    LocalStore *store() const { return m_store; }
    void setStore(LocalStore *store);
    QString kind() const { return m_kind; }
    void setKind(const QString &kind);
    QString recordId() const { return m_recordId; }
    void setRecordId(const QString &id);
    QString householdId() const { return m_householdId; }
    void setHouseholdId(const QString &id);
    bool exists() const { return m_exists; }
    int revision() const { return m_revision; }
    QVariantMap errors() const { return m_errors; }
    QString savedPath() const { return m_savedPath; }
    QString savedText() const;

    // The stored value at a path (string, number, bool) or undefined.
    Q_INVOKABLE QVariant value(const QString &path) const;
    // The value as the cadre reads it: money (分) in 元, numbers in decimal, empty when absent.
    Q_INVOKABLE QString text(const QString &path, const QString &type = QStringLiteral("text")) const;
    // The declared choices of a nested enum (e.g. "housing.structure"), or of a top-level enum field.
    Q_INVOKABLE QStringList choices(const QString &path) const;
    // Parses the typed text (type: text, int, real, money, date) and writes it; an empty text removes the
    // value unless `required`. On a bad value the error is kept for the path and nothing is written.
    Q_INVOKABLE bool commitText(const QString &path, const QString &text,
                                const QString &type = QStringLiteral("text"), bool required = false);
    // Writes a value as it is (bool from a switch, a choice, a list of strings); null/"" removes it.
    Q_INVOKABLE bool commitValue(const QString &path, const QVariant &value);
    Q_INVOKABLE QString error(const QString &path) const { return m_errors.value(path).toString(); }
    Q_INVOKABLE void setError(const QString &path, const QString &message);

    // Set-union collections (vehicles, visitors): elements keyed by "id"; a removed element stays as the
    // tombstone {"id", "deleted": true} so the removal survives the server's merge by id.
    Q_INVOKABLE QVariantList elements(const QString &field) const;
    Q_INVOKABLE QString addElement(const QString &field, const QVariantMap &values);
    Q_INVOKABLE bool commitElementText(const QString &field, const QString &elementId, const QString &key,
                                       const QString &text, const QString &type = QStringLiteral("text"));
    // Writes a value as it is (a bool from 是/否, a choice) into one element.
    Q_INVOKABLE bool commitElementValue(const QString &field, const QString &elementId, const QString &key,
                                        const QVariant &value);
    Q_INVOKABLE bool removeElement(const QString &field, const QString &elementId);
    // A list of names typed as one text ("张三、李四"): names no longer there become tombstones.
    Q_INVOKABLE bool commitNames(const QString &field, const QString &text);
    Q_INVOKABLE QString namesText(const QString &field) const;

    // A new record of `kind` for the household, written at once with `fields`; returns its id and
    // makes it the edited record.
    Q_INVOKABLE QString create(const QVariantMap &fields);
    // Deletes the record (a tombstone mutation).
    Q_INVOKABLE bool remove();
    Q_INVOKABLE void load();
    // The stored fields as they are (for checks computed in shared/ over the whole record).
    const boost::json::object &storedFields() const { return m_fields; }

Q_SIGNALS:
    void storeChanged();
    void kindChanged();
    void recordIdChanged();
    void householdIdChanged();
    void loaded();
    void errorsChanged();
    void savedChanged();
    void committed(const QString &path);

private:
    bool write(const QString &path, const boost::json::object &fields);
    // Writes `value` at `path`: a top-level field, or the key inside a group ("housing.areaM2").
    bool writePath(const QString &path, const boost::json::value &value);
    bool writeElementKey(const QString &field, const QString &elementId, const QString &key,
                         const boost::json::value &value);
    bool writeTop(const QString &path, const std::string &field, const boost::json::value &value);
    bool writeElements(const QString &path, const std::string &field, const boost::json::array &elements);
    boost::json::array storedArray(const std::string &field) const;

    QPointer<LocalStore> m_store;
    QString m_kind;
    QString m_recordId;
    QString m_householdId;
    bool m_exists = false;
    int m_revision = 0;
    boost::json::object m_fields;
    QVariantMap m_errors;
    QString m_savedPath;
    QDateTime m_savedAt;
};
