#pragma once

#include <QObject>
#include <QString>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

// The values in the member dialog, checked as the cadre types: the 身份证号 against GB 11643 (length,
// birth date, check digit), with 性别 and 出生日期 derived from it and shown read-only.
class MemberEditor : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString name READ name WRITE setName NOTIFY changed)
    Q_PROPERTY(QString relationToHead READ relationToHead WRITE setRelationToHead NOTIFY changed)
    Q_PROPERTY(QString idNo READ idNo WRITE setIdNo NOTIFY changed)
    Q_PROPERTY(QString status READ status WRITE setStatus NOTIFY changed)
    // 劳动技能: the rule engine needs it for every member counted in n.
    Q_PROPERTY(QString labor READ labor WRITE setLabor NOTIFY changed)
    Q_PROPERTY(QString sex READ sex NOTIFY changed)
    Q_PROPERTY(QString birthDate READ birthDate NOTIFY changed)
    Q_PROPERTY(QString idNoError READ idNoError NOTIFY changed)
    Q_PROPERTY(QString idNoHint READ idNoHint NOTIFY changed)
    Q_PROPERTY(bool idNoValid READ idNoValid NOTIFY changed)
    Q_PROPERTY(QString nameError READ nameError NOTIFY changed)
    Q_PROPERTY(bool acceptable READ isAcceptable NOTIFY changed)
public:
    explicit MemberEditor(QObject *parent = nullptr);

    QString name() const { return m_name; }
    void setName(const QString &name);
    QString relationToHead() const { return m_relationToHead; }
    void setRelationToHead(const QString &relation);
    QString idNo() const { return m_idNo; }
    void setIdNo(const QString &idNo);
    QString status() const { return m_status; }
    void setStatus(const QString &status);
    QString labor() const { return m_labor; }
    void setLabor(const QString &labor);
    QString sex() const { return m_sex; }
    QString birthDate() const { return m_birthDate; }
    QString idNoError() const { return m_idNoError; }
    QString idNoHint() const { return m_idNoHint; }
    bool idNoValid() const { return m_idNoValid; }
    QString nameError() const { return m_nameError; }
    bool isAcceptable() const;

    // Starts editing a member (a map from MemberListModel::get, or an empty map for a new member).
    Q_INVOKABLE void load(const QVariantMap &member);
    // The edited values merged over the loaded map (keeps id, seq and fields the dialog does not show).
    Q_INVOKABLE QVariantMap toMap() const;
    // Shows the errors of empty required fields too; true when the member can be accepted.
    Q_INVOKABLE bool validate();

Q_SIGNALS:
    void changed();

private:
    void checkIdNo();

    QVariantMap m_loaded;
    QString m_name;
    QString m_relationToHead;
    QString m_idNo;
    QString m_status;
    QString m_labor;
    QString m_sex;
    QString m_birthDate;
    QString m_idNoError;
    QString m_idNoHint;
    bool m_idNoValid = false;
    QString m_nameError;
    bool m_showRequired = false;
};
