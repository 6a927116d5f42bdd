#include "incomesheeteditor.h"

#include "householdassessment.h"
#include "qtjson.h"

#include <ruhu/domain/household_records.h>
#include <ruhu/domain/income_period.h>
#include <ruhu/domain/income_sheet.h>
#include <ruhu/domain/income_sheet_layout.h>
#include <ruhu/domain/money.h>
#include <ruhu/domain/record_facts.h>
#include <ruhu/store/device_replica.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>

namespace {

using Section = ruhu::domain::IncomeSheetLineSection;
using Column = ruhu::domain::IncomeSheetColumn;

QString qstr(std::string_view text) {
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

// The layout's labels are Chinese source texts, translated in the editor's context for display.
QString translated(std::string_view text) {
    const std::string source(text);
    return QCoreApplication::translate("IncomeSheetEditor", source.c_str());
}

const std::vector<Section> &sections() {
    return ruhu::domain::incomeSheetLineSections();
}

const Section *findSection(const QString &key) {
    for (const auto &s : sections())
        if (key == qstr(s.key))
            return &s;
    return nullptr;
}

const Column *findColumn(const Section &section, const QString &key) {
    for (const auto &c : section.columns)
        if (key == qstr(c.key))
            return &c;
    return nullptr;
}

struct Item {
    std::string key;
    QString label;
};

// The fixed items of a group (ruhu::domain::incomeSheetItemGroups); a transfer item shows its code.
std::vector<Item> groupItems(const QString &group) {
    std::vector<Item> items;
    for (const auto &g : ruhu::domain::incomeSheetItemGroups()) {
        if (group != qstr(g.key))
            continue;
        for (const auto &item : g.items)
            items.push_back(
                {std::string(item.key), group == QLatin1String("transfers")
                                            ? QStringLiteral("%1 %2").arg(qstr(item.key), qstr(item.label))
                                            : translated(item.label)});
    }
    return items;
}

QString moneyText(const boost::json::value *value) {
    if (!value || !value->is_int64() || value->get_int64() == 0)
        return {};
    return qtjson::str(ruhu::domain::formatYuan(value->get_int64()));
}

QString valueText(const boost::json::value *value, std::string_view type) {
    if (!value)
        return {};
    if (type == "money")
        return moneyText(value);
    if (value->is_string())
        return qtjson::str(std::string(value->get_string()));
    if (value->is_int64())
        return value->get_int64() == 0 ? QString() : QString::number(value->get_int64());
    if (value->is_double())
        return value->get_double() == 0 ? QString() : QString::number(value->get_double());
    return {};
}

// The typed value of `text`, or nullopt when it is not a valid number. Empty text is a null value.
std::optional<boost::json::value> parseValue(const QString &input, std::string_view type) {
    const QString text = input.trimmed();
    if (type == "text")
        return boost::json::value(qtjson::toStd(text));
    if (text.isEmpty())
        return boost::json::value(nullptr);
    if (type == "money") {
        auto fen = ruhu::domain::parseYuan(qtjson::toStd(QString(text).remove(QLatin1Char(','))));
        if (!fen)
            return std::nullopt;
        return boost::json::value(*fen);
    }
    bool ok = false;
    if (type == "int") {
        const qlonglong n = text.toLongLong(&ok);
        return ok ? std::optional(boost::json::value(int64_t(n))) : std::nullopt;
    }
    const double d = text.toDouble(&ok);
    return ok ? std::optional(boost::json::value(d)) : std::nullopt;
}

// A line the sheet shows: an object that is not a tombstone (ruhu::domain::isTombstone).
bool isLiveLine(const boost::json::value &line) {
    return line.is_object() && !ruhu::domain::isTombstone(line);
}

// The array index of the row-th live line (tombstones are not shown), or -1.
int liveIndex(const boost::json::array &lines, int row) {
    int live = -1;
    for (size_t i = 0; i < lines.size(); ++i)
        if (isLiveLine(lines[i]) && ++live == row)
            return int(i);
    return -1;
}

void putValue(boost::json::object &object, std::string_view key, const boost::json::value &value) {
    if (value.is_null())
        object.erase(key);
    else
        object[key] = value;
}

} // namespace

IncomeSheetEditor::IncomeSheetEditor(QObject *parent)
    : QObject(parent) {}

void IncomeSheetEditor::setStore(LocalStore *store) {
    if (store == m_store)
        return;
    m_store = store;
    m_assessment.setStore(store);
    Q_EMIT storeChanged();
    load();
}

void IncomeSheetEditor::setHouseholdId(const QString &id) {
    if (id == m_householdId)
        return;
    m_householdId = id;
    m_assessment.setHouseholdId(id);
    Q_EMIT householdIdChanged();
    load();
}

QVariantList IncomeSheetEditor::lineSections() const {
    QVariantList list;
    for (const auto &s : sections()) {
        QVariantList columns;
        for (const auto &c : s.columns)
            columns << QVariantMap{{QStringLiteral("key"), qstr(c.key)},
                                   {QStringLiteral("label"), translated(c.label)},
                                   {QStringLiteral("type"), qstr(c.type)}};
        list << QVariantMap{{QStringLiteral("key"), qstr(s.key)},
                            {QStringLiteral("title"), translated(s.title)},
                            {QStringLiteral("columns"), columns}};
    }
    return list;
}

QVariantList IncomeSheetEditor::itemGroups() const {
    QVariantList list;
    for (const auto &group : ruhu::domain::incomeSheetItemGroups()) {
        QVariantList items;
        for (const auto &item : groupItems(qstr(group.key)))
            items << QVariantMap{{QStringLiteral("key"), qtjson::str(item.key)},
                                 {QStringLiteral("label"), item.label}};
        list << QVariantMap{{QStringLiteral("key"), qstr(group.key)},
                            {QStringLiteral("title"), translated(group.title)},
                            {QStringLiteral("items"), items}};
    }
    return list;
}

QVariantList IncomeSheetEditor::lines(const QString &section) const {
    QVariantList list;
    const Section *spec = findSection(section);
    const auto *array = spec ? m_sheet.if_contains(spec->key) : nullptr;
    if (!array || !array->is_array())
        return list;
    for (const auto &line : array->get_array()) {
        if (!isLiveLine(line))
            continue;
        QVariantMap map;
        for (const auto &c : spec->columns)
            map.insert(qstr(c.key), valueText(line.get_object().if_contains(c.key), c.type));
        list << map;
    }
    return list;
}

QString IncomeSheetEditor::itemValue(const QString &group, const QString &key) const {
    const std::string k = qtjson::toStd(key);
    if (group == QLatin1String("claims"))
        return moneyText(m_sheet.if_contains(k));
    const auto *object = m_sheet.if_contains(qtjson::toStd(group));
    if (!object || !object->is_object())
        return {};
    return moneyText(object->get_object().if_contains(k));
}

bool IncomeSheetEditor::setLineValue(const QString &section, int row, const QString &key,
                                     const QString &text) {
    const Section *spec = findSection(section);
    const Column *column = spec ? findColumn(*spec, key) : nullptr;
    auto *array = spec ? m_sheet.if_contains(spec->key) : nullptr;
    const int index = column && array && array->is_array() ? liveIndex(array->get_array(), row) : -1;
    if (index < 0)
        return false;
    auto value = parseValue(text, column->type);
    if (!value) {
        setError(tr("“%1”不是有效的数字").arg(text));
        return false;
    }
    auto &line = array->get_array()[size_t(index)].as_object();
    putValue(line, column->key, *value);
    setError({});
    changed();
    return true;
}

bool IncomeSheetEditor::setItemValue(const QString &group, const QString &key, const QString &text) {
    auto value = parseValue(text, "money");
    if (!value) {
        setError(tr("“%1”不是有效的金额").arg(text));
        return false;
    }
    const std::string k = qtjson::toStd(key);
    if (group == QLatin1String("claims")) {
        putValue(m_sheet, k, value->is_null() ? boost::json::value(int64_t(0)) : *value);
    } else {
        auto &slot = m_sheet[qtjson::toStd(group)];
        if (!slot.is_object())
            slot = boost::json::object{};
        putValue(slot.as_object(), k, *value);
    }
    setError({});
    changed();
    return true;
}

void IncomeSheetEditor::addLine(const QString &section) {
    const Section *spec = findSection(section);
    if (!spec)
        return;
    auto &slot = m_sheet[spec->key];
    if (!slot.is_array())
        slot = boost::json::array{};
    slot.as_array().push_back(boost::json::object{{"id", ruhu::DeviceReplica::newId("ln")}});
    ++m_revision;
    Q_EMIT linesReset();
    changed();
    write();
}

void IncomeSheetEditor::removeLine(const QString &section, int row) {
    const Section *spec = findSection(section);
    auto *array = spec ? m_sheet.if_contains(spec->key) : nullptr;
    const int index = array && array->is_array() ? liveIndex(array->get_array(), row) : -1;
    if (index < 0)
        return;
    auto &line = array->get_array()[size_t(index)];
    line = boost::json::object{{"id", line.as_object()["id"]}, {"deleted", true}};
    ++m_revision;
    Q_EMIT linesReset();
    changed();
    write();
}

bool IncomeSheetEditor::commit() {
    return isDirty() ? write() : true;
}

void IncomeSheetEditor::load() {
    const auto *replica = m_store ? m_store->replica() : nullptr;
    m_sheet = replica && !m_householdId.isEmpty()
                  ? assessment::storedSheet(*replica, qtjson::toStd(m_householdId))
                  : boost::json::object{};
    m_original = m_sheet;
    setError({});
    ++m_revision;
    Q_EMIT linesReset();
    changed();
}

void IncomeSheetEditor::changed() {
    m_assessment.setDraftSheet(m_sheet);
    updateWarnings();
    Q_EMIT sheetChanged();
}

void IncomeSheetEditor::updateWarnings() {
    m_warnings.clear();
    for (const auto &section : sections()) {
        const auto *array = m_sheet.if_contains(section.key);
        if (!array || !array->is_array())
            continue;
        int row = 0;
        for (const auto &line : array->get_array()) {
            if (!isLiveLine(line))
                continue;
            ++row;
            for (const auto &column : section.columns) {
                const auto *value = line.get_object().if_contains(column.key);
                const bool negative = value && ((value->is_int64() && value->get_int64() < 0) ||
                                                (value->is_double() && value->get_double() < 0));
                if (negative)
                    m_warnings << tr("%1第%2行“%3”是负数，请核对")
                                      .arg(translated(section.title))
                                      .arg(row)
                                      .arg(translated(column.label));
            }
        }
    }
    const qint64 d = m_assessment.perCapitaFen();
    const qint64 threshold = m_assessment.thresholdFen();
    if (d > 0 && threshold > 0 && d > 10 * threshold)
        m_warnings << tr("人均纯收入 %1 元超过监测范围 %2 元的10倍，请核对金额是否多填了位数（单位：元）")
                          .arg(qtjson::str(ruhu::domain::formatYuan(d)),
                               qtjson::str(ruhu::domain::formatYuan(threshold)));

    // 务工收入 needs someone who can work: the named member, or anyone counted in the household.
    const auto *replica = m_store ? m_store->replica() : nullptr;
    const auto *wages = m_sheet.if_contains("wages");
    if (!replica || !wages || !wages->is_array())
        return;
    QHash<QString, QString> laborByName;
    bool anyLabor = false;
    for (const auto &member : replica->members(qtjson::toStd(m_householdId))) {
        if (member.deleted)
            continue;
        const QString labor = qtjson::text(member.fields, "labor");
        const QString status = qtjson::text(member.fields, "status");
        const bool normal = ruhu::domain::isCountedMember(qtjson::toStd(status), true);
        const bool works = ruhu::domain::canEarnWages(qtjson::toStd(status), qtjson::toStd(labor));
        laborByName.insert(qtjson::text(member.fields, "name"), works ? QString() : normal ? labor : status);
        anyLabor = anyLabor || works;
    }
    int row = 0;
    for (const auto &line : wages->get_array()) {
        if (!isLiveLine(line))
            continue;
        ++row;
        const auto &object = line.get_object();
        qint64 amount = 0;
        for (const char *key : {"localCash", "awayCash", "inKind"})
            if (const auto *v = object.if_contains(key); v && v->is_int64())
                amount += v->get_int64();
        if (amount <= 0)
            continue;
        const QString name = qtjson::text(object, "name");
        if (!name.isEmpty() && laborByName.contains(name) && !laborByName.value(name).isEmpty())
            m_warnings << tr("务工第%1行记在“%2”名下，但其为“%3”，请核对")
                              .arg(row)
                              .arg(name, laborByName.value(name));
        else if (!name.isEmpty() && !laborByName.contains(name))
            m_warnings << tr("务工第%1行的成员“%2”不在本户家庭成员中，请核对姓名").arg(row).arg(name);
        else if (name.isEmpty() && !anyLabor)
            m_warnings << tr("务工第%1行有收入，但本户没有有劳动能力的成员，请核对").arg(row);
    }
}

IncomeSheetEditor::Commit IncomeSheetEditor::commitChanges() {
    auto *replica = m_store ? m_store->replica() : nullptr;
    if (!replica || m_householdId.isEmpty()) {
        setError(tr("本机数据未打开，无法保存"));
        return Commit::Failed;
    }
    const std::string householdId = qtjson::toStd(m_householdId);
    const auto household = replica->record("household", householdId);
    if (!household) {
        setError(tr("找不到这一户，无法保存"));
        return Commit::Failed;
    }
    boost::json::object changes;
    for (const auto &kv : m_sheet)
        if (const auto *before = m_original.if_contains(kv.key()); !before || *before != kv.value())
            changes[kv.key()] = kv.value();
    if (m_original.empty())
        changes["householdId"] = householdId;
    changes.erase("computed");
    if (changes.empty())
        return Commit::Unchanged;
    auto result = replica->edit("incomeSheet", assessment::sheetId(householdId), householdId,
                                household->regionCode, changes);
    if (!result) {
        setError(tr("保存失败：%1").arg(qtjson::plainMessage(result.error().message)));
        return Commit::Failed;
    }
    return Commit::Stored;
}

bool IncomeSheetEditor::write() {
    if (const auto commit = commitChanges(); commit != Commit::Stored)
        return commit == Commit::Unchanged;
    m_original = m_sheet;
    if (!m_original.contains("householdId"))
        m_original["householdId"] = qtjson::toStd(m_householdId);
    m_sheet = m_original;
    m_savedText = tr("已保存 %1").arg(QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss")));
    Q_EMIT savedChanged();
    Q_EMIT sheetChanged();
    m_store->notifyChanged();
    return true;
}

bool IncomeSheetEditor::save() {
    if (const auto commit = commitChanges(); commit != Commit::Stored)
        return commit == Commit::Unchanged;
    load();
    Q_EMIT saved();
    m_store->notifyChanged();
    return true;
}

void IncomeSheetEditor::setError(const QString &message) {
    if (message == m_errorMessage)
        return;
    m_errorMessage = message;
    Q_EMIT errorMessageChanged();
}

ruhu::domain::CivilDate IncomeSheetEditor::collectionDate() const {
    return ruhu::domain::CivilDate::parse(qtjson::toStd(m_assessment.assessmentDate()))
        .value_or(ruhu::domain::CivilDate::today());
}

QString IncomeSheetEditor::periodStart() const {
    return qtjson::text(m_sheet, "periodStart");
}

QString IncomeSheetEditor::periodEnd() const {
    return qtjson::text(m_sheet, "periodEnd");
}

QStringList IncomeSheetEditor::periodWarnings() const {
    QStringList out;
    for (const auto &w : ruhu::domain::incomePeriodWarnings(m_sheet, collectionDate()))
        out << qtjson::str(w);
    return out;
}

bool IncomeSheetEditor::setPeriod(const QString &start, const QString &end) {
    for (const auto &text : {start, end}) {
        if (!ruhu::domain::CivilDate::parse(qtjson::toStd(text.trimmed()))) {
            setError(tr("日期应写成 2024-09-05 这样的格式"));
            return false;
        }
    }
    m_sheet["periodStart"] = qtjson::toStd(start.trimmed());
    m_sheet["periodEnd"] = qtjson::toStd(end.trimmed());
    setError({});
    changed();
    return write();
}

bool IncomeSheetEditor::usePeriodBeforeCollection() {
    const auto period = ruhu::domain::expectedIncomePeriod(collectionDate());
    return setPeriod(qtjson::str(period.start.toString()), qtjson::str(period.end.toString()));
}

bool IncomeSheetEditor::startNewPeriod() {
    auto *replica = m_store ? m_store->replica() : nullptr;
    const std::string householdId = qtjson::toStd(m_householdId);
    const auto household = replica ? replica->record("household", householdId) : std::nullopt;
    if (!household || !commit())
        return false;
    auto next = ruhu::domain::startNewIncomePeriod(m_sheet, householdId, collectionDate());
    if (!next) {
        setError(qtjson::plainMessage(next.error().message));
        return false;
    }
    auto kept =
        replica->edit("incomeSheet", next->archivedId, householdId, household->regionCode, next->archived);
    if (!kept) {
        setError(tr("保存失败：%1").arg(qtjson::plainMessage(kept.error().message)));
        return false;
    }
    auto reset = replica->edit("incomeSheet", assessment::sheetId(householdId), householdId,
                               household->regionCode, next->reset);
    if (!reset) {
        setError(tr("保存失败：%1").arg(qtjson::plainMessage(reset.error().message)));
        return false;
    }
    load();
    m_savedText = tr("已保存 %1").arg(QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss")));
    Q_EMIT savedChanged();
    m_store->notifyChanged();
    return true;
}
