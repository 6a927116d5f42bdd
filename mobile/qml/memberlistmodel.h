#pragma once

#include <QAbstractListModel>
#include <QString>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <vector>

// A member as the household form holds it until 保存: the values being edited and those last saved.
struct MemberDraft {
    QString id;
    QVariantMap fields;   // name, relationToHead, idType, idNo, sex, birthDate, seq, status
    QVariantMap original; // as read from the replica; empty for a member added in this form
    bool isNew = false;

    // Counted in n (家庭人口): 成员状态 正常 (死亡/服刑/失踪 are not) and sharing the household's 收支.
    bool isCounted() const;
    // Fields whose value differs from the saved one (all non-empty fields for a new member).
    QVariantMap changedFields() const;
    bool isChanged() const { return isNew || !changedFields().isEmpty(); }
};

// The 家庭成员 of the household being edited. Lists never show the full 身份证号, only the masked form.
class MemberListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by HouseholdEditor")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    // How many members are counted in n (see MemberDraft::isCounted).
    Q_PROPERTY(int countedCount READ countedCount NOTIFY countChanged)
public:
    enum Roles {
        MemberIdRole = Qt::UserRole + 1,
        NameRole,
        RelationToHeadRole,
        MaskedIdNoRole,
        SexRole,
        BirthDateRole,
        StatusRole,
        IsNewRole,
        IsChangedRole,
        CountedRole,
    };
    Q_ENUM(Roles)

    explicit MemberListModel(QObject *parent = nullptr);

    void setDrafts(std::vector<MemberDraft> drafts);
    const std::vector<MemberDraft> &drafts() const { return m_drafts; }

    // The member's values for the editor dialog (with "id"), or an empty map for a bad row.
    Q_INVOKABLE QVariantMap get(int row) const;
    // Replaces the values of a row (from the editor dialog).
    void update(int row, const QVariantMap &fields);
    // Adds a new member at the end and returns its row.
    int append(const QString &id, const QVariantMap &fields);
    // Drops a member that was added in this form and never saved; saved members are not removed here
    // (their 成员状态 changes instead).
    bool removeNew(int row);
    // Drops a row whatever its state (after the household editor deleted the saved member).
    bool remove(int row);
    int countedCount() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void countChanged();

private:
    std::vector<MemberDraft> m_drafts;
};
