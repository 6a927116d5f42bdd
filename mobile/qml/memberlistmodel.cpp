#include "memberlistmodel.h"

#include "qtjson.h"

#include <ruhu/domain/record_facts.h>
#include <ruhu/model/id_number.h>

#include <algorithm>

namespace {
// Filled from the 身份证号 by the replica; never sent as edits of their own.
bool isDerived(const QString &key) {
    return key == QLatin1String("sex") || key == QLatin1String("birthDate");
}
} // namespace

QVariantMap MemberDraft::changedFields() const {
    QVariantMap changed;
    for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
        if (isDerived(it.key()))
            continue;
        if (isNew) {
            if (!it.value().toString().isEmpty())
                changed.insert(it.key(), it.value());
        } else if (original.value(it.key()) != it.value()) {
            changed.insert(it.key(), it.value());
        }
    }
    return changed;
}

bool MemberDraft::isCounted() const {
    const QVariant shares = fields.value(QStringLiteral("sharesIncomeExpense"));
    return ruhu::domain::isCountedMember(qtjson::toStd(fields.value(QStringLiteral("status")).toString()),
                                         shares.isValid() ? std::optional(shares.toBool()) : std::nullopt);
}

MemberListModel::MemberListModel(QObject *parent)
    : QAbstractListModel(parent) {}

void MemberListModel::setDrafts(std::vector<MemberDraft> drafts) {
    beginResetModel();
    m_drafts = std::move(drafts);
    endResetModel();
    Q_EMIT countChanged(); // also the counted members
}

QVariantMap MemberListModel::get(int row) const {
    if (row < 0 || row >= rowCount())
        return {};
    QVariantMap map = m_drafts[static_cast<size_t>(row)].fields;
    map.insert(QStringLiteral("id"), m_drafts[static_cast<size_t>(row)].id);
    return map;
}

void MemberListModel::update(int row, const QVariantMap &fields) {
    if (row < 0 || row >= rowCount())
        return;
    auto &draft = m_drafts[static_cast<size_t>(row)];
    for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
        if (it.key() != QLatin1String("id"))
            draft.fields.insert(it.key(), it.value());
    }
    Q_EMIT dataChanged(index(row), index(row));
    Q_EMIT countChanged(); // the counted members may have changed
}

int MemberListModel::append(const QString &id, const QVariantMap &fields) {
    const int row = rowCount();
    MemberDraft draft;
    draft.id = id;
    draft.isNew = true;
    for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
        if (it.key() != QLatin1String("id"))
            draft.fields.insert(it.key(), it.value());
    }
    beginInsertRows({}, row, row);
    m_drafts.push_back(std::move(draft));
    endInsertRows();
    Q_EMIT countChanged();
    return row;
}

bool MemberListModel::removeNew(int row) {
    if (row < 0 || row >= rowCount() || !m_drafts[static_cast<size_t>(row)].isNew)
        return false;
    beginRemoveRows({}, row, row);
    m_drafts.erase(m_drafts.begin() + row);
    endRemoveRows();
    Q_EMIT countChanged();
    return true;
}

bool MemberListModel::remove(int row) {
    if (row < 0 || row >= rowCount())
        return false;
    beginRemoveRows({}, row, row);
    m_drafts.erase(m_drafts.begin() + row);
    endRemoveRows();
    Q_EMIT countChanged();
    return true;
}

int MemberListModel::countedCount() const {
    return int(
        std::count_if(m_drafts.begin(), m_drafts.end(), [](const MemberDraft &d) { return d.isCounted(); }));
}

int MemberListModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_drafts.size());
}

QVariant MemberListModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &draft = m_drafts[static_cast<size_t>(index.row())];
    const auto field = [&](const char *name) { return draft.fields.value(QLatin1String(name)).toString(); };
    switch (role) {
    case MemberIdRole:
        return draft.id;
    case Qt::DisplayRole:
    case NameRole:
        return field("name");
    case RelationToHeadRole:
        return field("relationToHead");
    case MaskedIdNoRole: {
        const QString idNo = field("idNo");
        return idNo.isEmpty() ? QString() : qtjson::str(ruhu::maskIdNumber(qtjson::toStd(idNo)));
    }
    case SexRole:
        return field("sex");
    case BirthDateRole:
        return field("birthDate");
    case StatusRole:
        return field("status");
    case IsNewRole:
        return draft.isNew;
    case IsChangedRole:
        return draft.isChanged();
    case CountedRole:
        return draft.isCounted();
    default:
        return {};
    }
}

QHash<int, QByteArray> MemberListModel::roleNames() const {
    return {{MemberIdRole, "memberId"},     {NameRole, "name"},   {RelationToHeadRole, "relationToHead"},
            {MaskedIdNoRole, "maskedIdNo"}, {SexRole, "sex"},     {BirthDateRole, "birthDate"},
            {StatusRole, "status"},         {IsNewRole, "isNew"}, {IsChangedRole, "isChanged"},
            {CountedRole, "counted"}};
}
