#include "surveyrecord.h"

#include "qtjson.h"
#include "reloadingproperty.h"
#include "surveychoices.h"

#include <ruhu/domain/civil_date.h>
#include <ruhu/domain/household_records.h>
#include <ruhu/domain/money.h>
#include <ruhu/model/record_ids.h>
#include <ruhu/model/schema.h>
#include <ruhu/store/device_replica.h>

#include <QRegularExpression>

namespace {

std::pair<std::string, std::string> splitPath(const QString &path) {
    const int dot = path.indexOf(QLatin1Char('.'));
    if (dot < 0)
        return {qtjson::toStd(path), {}};
    return {qtjson::toStd(path.left(dot)), qtjson::toStd(path.mid(dot + 1))};
}

// "work.publicWelfarePost.months": a key inside nested groups.
const boost::json::value *lookup(const boost::json::object &fields, const QString &path) {
    const boost::json::object *holder = &fields;
    const auto keys = path.split(QLatin1Char('.'));
    for (int i = 0; i < keys.size(); ++i) {
        const auto *value = holder->if_contains(qtjson::toStd(keys[i]));
        if (!value || i + 1 == keys.size())
            return value;
        if (!value->is_object())
            return nullptr;
        holder = &value->get_object();
    }
    return nullptr;
}

// Sets (or, for null, removes) the value at `keys` inside `group`, creating the groups on the way.
void setNested(boost::json::object &group, const QStringList &keys, int at, const boost::json::value &value) {
    const std::string key = qtjson::toStd(keys[at]);
    if (at + 1 == keys.size()) {
        if (value.is_null())
            group.erase(key);
        else
            group[key] = value;
        return;
    }
    boost::json::object inner;
    if (const auto *current = group.if_contains(key); current && current->is_object())
        inner = current->get_object();
    setNested(inner, keys, at + 1, value);
    group[key] = std::move(inner);
}

QVariant toVariant(const boost::json::value &value) {
    if (value.is_string())
        return qtjson::str(std::string(value.get_string()));
    if (value.is_int64())
        return qint64(value.get_int64());
    if (value.is_double())
        return value.get_double();
    if (value.is_bool())
        return value.get_bool();
    if (value.is_array()) {
        QVariantList list;
        for (const auto &item : value.get_array())
            list << toVariant(item);
        return list;
    }
    if (value.is_object()) {
        QVariantMap map;
        for (const auto &kv : value.get_object())
            map.insert(qtjson::str(std::string(kv.key())), toVariant(kv.value()));
        return map;
    }
    return {};
}

boost::json::value toJson(const QVariant &value) {
    switch (value.typeId()) {
    case QMetaType::Bool:
        return value.toBool();
    case QMetaType::Int:
    case QMetaType::LongLong:
        return value.toLongLong();
    case QMetaType::Double: {
        const double d = value.toDouble();
        if (d == double(int64_t(d)))
            return int64_t(d);
        return d;
    }
    case QMetaType::QStringList:
    case QMetaType::QVariantList: {
        boost::json::array array;
        for (const auto &item : value.toList())
            array.push_back(toJson(item));
        return array;
    }
    default:
        break;
    }
    if (!value.isValid() || value.isNull())
        return nullptr;
    const QString text = value.toString();
    return text.isEmpty() ? boost::json::value(nullptr) : boost::json::value(qtjson::toStd(text));
}

std::string elementId(const boost::json::value &element) {
    if (!element.is_object())
        return {};
    const auto *id = element.get_object().if_contains("id");
    return id && id->is_string() ? std::string(id->get_string()) : std::string();
}

// The typed value of `input`, or the error the cadre reads next to the field.
std::variant<boost::json::value, QString> parseTyped(const QString &input, const QString &type) {
    const QString text = input.trimmed();
    if (text.isEmpty())
        return boost::json::value(nullptr);
    if (type == QLatin1String("int")) {
        bool ok = false;
        const qlonglong n = text.toLongLong(&ok);
        if (!ok || n < 0)
            return QObject::tr("请填写不小于0的整数，例如 3");
        return boost::json::value(int64_t(n));
    }
    if (type == QLatin1String("real")) {
        bool ok = false;
        const double d = text.toDouble(&ok);
        if (!ok || d < 0 || d > 100000)
            return QObject::tr("请填写0到100000之间的数字，例如 4.5");
        if (d == double(int64_t(d)))
            return boost::json::value(int64_t(d));
        return boost::json::value(d);
    }
    if (type == QLatin1String("money")) {
        auto fen = ruhu::domain::parseYuan(qtjson::toStd(QString(text).remove(QLatin1Char(','))));
        if (!fen || *fen < 0)
            return QObject::tr("请填写金额（元），例如 1200 或 1200.50");
        return boost::json::value(*fen);
    }
    if (type == QLatin1String("list")) { // "高血压、糖尿病" → ["高血压", "糖尿病"]
        boost::json::array items;
        static const QRegularExpression separators(QStringLiteral("[、，,；;\\s]+"));
        for (const auto &item : text.split(separators, Qt::SkipEmptyParts))
            items.push_back(boost::json::value(qtjson::toStd(item)));
        return boost::json::value(std::move(items));
    }
    if (type == QLatin1String("date")) {
        if (!ruhu::domain::CivilDate::parse(qtjson::toStd(text)))
            return QObject::tr("日期应写成 2024-09-05 这样的格式");
        return boost::json::value(qtjson::toStd(text));
    }
    return boost::json::value(qtjson::toStd(text));
}

} // namespace

SurveyRecord::SurveyRecord(QObject *parent)
    : QObject(parent) {}

void SurveyRecord::setStore(LocalStore *store) {
    setAndReload(this, m_store, store, &SurveyRecord::storeChanged, &SurveyRecord::load);
}

void SurveyRecord::setKind(const QString &kind) {
    setAndReload(this, m_kind, kind, &SurveyRecord::kindChanged, &SurveyRecord::load);
}

void SurveyRecord::setRecordId(const QString &id) {
    setAndReload(this, m_recordId, id, &SurveyRecord::recordIdChanged, &SurveyRecord::load);
}

void SurveyRecord::setHouseholdId(const QString &id) {
    setAndReload(this, m_householdId, id, &SurveyRecord::householdIdChanged, &SurveyRecord::load);
}

QString SurveyRecord::savedText() const {
    if (!m_savedAt.isValid())
        return {};
    return tr("已保存 %1").arg(m_savedAt.toString(QStringLiteral("HH:mm:ss")));
}

void SurveyRecord::load() {
    const auto *replica = m_store ? m_store->replica() : nullptr;
    m_fields.clear();
    m_exists = false;
    if (replica && !m_kind.isEmpty() && !m_recordId.isEmpty()) {
        if (auto record = replica->record(qtjson::toStd(m_kind), qtjson::toStd(m_recordId));
            record && !record->deleted) {
            m_fields = record->fields;
            m_exists = true;
        }
    }
    if (!m_errors.isEmpty()) {
        m_errors.clear();
        Q_EMIT errorsChanged();
    }
    ++m_revision;
    Q_EMIT loaded();
}

QVariant SurveyRecord::value(const QString &path) const {
    const auto *value = lookup(m_fields, path);
    return value ? toVariant(*value) : QVariant();
}

QString SurveyRecord::text(const QString &path, const QString &type) const {
    const auto *value = lookup(m_fields, path);
    if (!value || value->is_null())
        return {};
    if (type == QLatin1String("money") && value->is_int64())
        return qtjson::str(ruhu::domain::formatYuan(value->get_int64()));
    if (value->is_double())
        return QString::number(value->get_double());
    if (value->is_array()) {
        QStringList items;
        for (const auto &item : value->get_array())
            if (item.is_string())
                items << qtjson::str(std::string(item.get_string()));
        return items.join(QStringLiteral("、"));
    }
    return toVariant(*value).toString();
}

QStringList SurveyRecord::choices(const QString &path) const {
    if (!path.contains(QLatin1Char('.'))) {
        QStringList values;
        if (const auto *kind = ruhu::findRecordKind(qtjson::toStd(m_kind)))
            if (const auto *spec = kind->field(qtjson::toStd(path)))
                for (const auto &v : spec->enumValues)
                    values << qtjson::str(v);
        if (!values.isEmpty())
            return values;
    }
    return surveyChoices(m_kind, path); // groups, and text fields answered from the survey's list
}

void SurveyRecord::setError(const QString &path, const QString &message) {
    if (m_errors.value(path).toString() == message)
        return;
    if (message.isEmpty())
        m_errors.remove(path);
    else
        m_errors.insert(path, message);
    Q_EMIT errorsChanged();
}

bool SurveyRecord::commitText(const QString &path, const QString &text, const QString &type, bool required) {
    if (required && text.trimmed().isEmpty()) {
        setError(path, tr("此项必填，请填写"));
        return false;
    }
    auto parsed = parseTyped(text, type);
    if (auto *message = std::get_if<QString>(&parsed)) {
        setError(path, *message);
        return false;
    }
    return writePath(path, std::get<boost::json::value>(parsed));
}

bool SurveyRecord::commitValue(const QString &path, const QVariant &input) {
    return writePath(path, toJson(input));
}

bool SurveyRecord::writePath(const QString &path, const boost::json::value &value) {
    const auto [top, key] = splitPath(path);
    if (key.empty())
        return writeTop(path, top, value);
    boost::json::object group;
    if (const auto *current = m_fields.if_contains(top); current && current->is_object())
        group = current->get_object();
    setNested(group, qtjson::str(key).split(QLatin1Char('.')), 0, value);
    return writeTop(path, top, group);
}

bool SurveyRecord::writeTop(const QString &path, const std::string &field, const boost::json::value &value) {
    const auto *current = m_fields.if_contains(field);
    const bool absent = !current || current->is_null();
    if ((value.is_null() && absent) || (current && *current == value)) {
        setError(path, {});
        return true; // unchanged: nothing to write
    }
    // A cleared top-level value is written as "" for text and removed from Json groups by the caller;
    // null is not a declared value.
    boost::json::object fields;
    fields[field] = value.is_null() ? boost::json::value("") : value;
    return write(path, fields);
}

bool SurveyRecord::write(const QString &path, const boost::json::object &input) {
    auto *replica = m_store ? m_store->replica() : nullptr;
    if (!replica || m_recordId.isEmpty() || m_kind.isEmpty()) {
        setError(path, tr("本机数据未打开，无法保存"));
        return false;
    }
    const std::string householdId =
        m_kind == QLatin1String("household") ? qtjson::toStd(m_recordId) : qtjson::toStd(m_householdId);
    const auto household = replica->record("household", householdId);
    if (!household) {
        setError(path, tr("找不到这一户，无法保存"));
        return false;
    }
    boost::json::object fields = input;
    if (!m_exists && m_kind != QLatin1String("household"))
        fields["householdId"] = householdId;
    auto result = replica->edit(qtjson::toStd(m_kind), qtjson::toStd(m_recordId), householdId,
                                household->regionCode, fields);
    if (!result) {
        setError(path, tr("未能保存：%1").arg(qtjson::plainMessage(result.error().message)));
        return false;
    }
    m_fields = result->fields;
    m_exists = true;
    setError(path, {});
    m_savedPath = path;
    m_savedAt = QDateTime::currentDateTime();
    ++m_revision; // the fields show the stored (normalised) values
    Q_EMIT loaded();
    Q_EMIT savedChanged();
    Q_EMIT committed(path);
    m_store->notifyChanged();
    return true;
}

// A list is a top-level field ("vehicles") or a list inside a Json group ("housing.urbanProperty").
boost::json::array SurveyRecord::storedArray(const std::string &field) const {
    const boost::json::object *holder = &m_fields;
    std::string key = field;
    if (const auto dot = field.find('.'); dot != std::string::npos) {
        const auto *group = m_fields.if_contains(field.substr(0, dot));
        if (!group || !group->is_object())
            return {};
        holder = &group->get_object();
        key = field.substr(dot + 1);
    }
    const auto *value = holder->if_contains(key);
    return value && value->is_array() ? value->get_array() : boost::json::array();
}

QVariantList SurveyRecord::elements(const QString &field) const {
    QVariantList list;
    for (const auto &element : storedArray(qtjson::toStd(field)))
        if (element.is_object() && !ruhu::domain::isTombstone(element))
            list << toVariant(element);
    return list;
}

bool SurveyRecord::writeElements(const QString &path, const std::string &field,
                                 const boost::json::array &elements) {
    boost::json::object fields;
    if (const auto dot = field.find('.'); dot != std::string::npos) { // the group is written whole
        const std::string groupName = field.substr(0, dot);
        boost::json::object group;
        if (const auto *stored = m_fields.if_contains(groupName); stored && stored->is_object())
            group = stored->get_object();
        group[field.substr(dot + 1)] = elements;
        fields[groupName] = std::move(group);
    } else {
        fields[field] = elements;
    }
    return write(path, fields);
}

QString SurveyRecord::addElement(const QString &field, const QVariantMap &values) {
    const std::string name = qtjson::toStd(field);
    auto elements = storedArray(name);
    boost::json::object element;
    const std::string id = ruhu::DeviceReplica::newId("el");
    element["id"] = id;
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        if (auto v = toJson(it.value()); !v.is_null())
            element[qtjson::toStd(it.key())] = v;
    elements.push_back(std::move(element));
    return writeElements(field, name, elements) ? qtjson::str(id) : QString();
}

bool SurveyRecord::commitElementText(const QString &field, const QString &elementId_, const QString &key,
                                     const QString &text, const QString &type) {
    auto parsed = parseTyped(text, type);
    if (auto *message = std::get_if<QString>(&parsed)) {
        setError(field + QLatin1Char('.') + elementId_ + QLatin1Char('.') + key, *message);
        return false;
    }
    return writeElementKey(field, elementId_, key, std::get<boost::json::value>(parsed));
}

bool SurveyRecord::commitElementValue(const QString &field, const QString &elementId_, const QString &key,
                                      const QVariant &value) {
    return writeElementKey(field, elementId_, key, toJson(value));
}

bool SurveyRecord::writeElementKey(const QString &field, const QString &elementId_, const QString &key,
                                   const boost::json::value &value) {
    const QString path = field + QLatin1Char('.') + elementId_ + QLatin1Char('.') + key;
    const std::string name = qtjson::toStd(field);
    auto elements = storedArray(name);
    for (auto &element : elements) {
        if (elementId(element) != qtjson::toStd(elementId_) || ruhu::domain::isTombstone(element))
            continue;
        auto &object = element.as_object();
        const auto *current = object.if_contains(qtjson::toStd(key));
        if ((value.is_null() && !current) || (current && *current == value)) {
            setError(path, {});
            return true;
        }
        if (value.is_null())
            object.erase(qtjson::toStd(key));
        else
            object[qtjson::toStd(key)] = value;
        return writeElements(path, name, elements);
    }
    setError(path, tr("这一行已被删除"));
    return false;
}

bool SurveyRecord::removeElement(const QString &field, const QString &id) {
    const std::string name = qtjson::toStd(field);
    auto elements = storedArray(name);
    for (auto &element : elements) {
        if (elementId(element) == qtjson::toStd(id)) {
            element = boost::json::object{{"id", qtjson::toStd(id)}, {"deleted", true}};
            return writeElements(field, name, elements);
        }
    }
    return false;
}

QString SurveyRecord::namesText(const QString &field) const {
    QStringList names;
    for (const auto &element : elements(field))
        names << element.toMap().value(QStringLiteral("name")).toString();
    return names.join(QStringLiteral("、"));
}

bool SurveyRecord::commitNames(const QString &field, const QString &text) {
    static const QRegularExpression separators(QStringLiteral("[、,，;；\\s]+"));
    QStringList wanted = text.split(separators, Qt::SkipEmptyParts);
    wanted.removeDuplicates();
    const std::string name = qtjson::toStd(field);
    auto elements = storedArray(name);
    bool changed = false;
    QStringList present;
    for (auto &element : elements) {
        if (!element.is_object() || ruhu::domain::isTombstone(element))
            continue;
        const QString current = toVariant(element).toMap().value(QStringLiteral("name")).toString();
        if (wanted.contains(current)) {
            present << current;
        } else {
            element = boost::json::object{{"id", elementId(element)}, {"deleted", true}};
            changed = true;
        }
    }
    for (const auto &person : wanted) {
        if (present.contains(person))
            continue;
        elements.push_back(
            boost::json::object{{"id", ruhu::DeviceReplica::newId("el")}, {"name", qtjson::toStd(person)}});
        changed = true;
    }
    if (!changed) {
        setError(field, {});
        return true;
    }
    return writeElements(field, name, elements);
}

QString SurveyRecord::create(const QVariantMap &values) {
    m_recordId = qtjson::str(ruhu::DeviceReplica::newId(ruhu::idPrefixFor(qtjson::toStd(m_kind))));
    m_exists = false;
    m_fields.clear();
    boost::json::object fields;
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        if (auto v = toJson(it.value()); !v.is_null())
            fields[qtjson::toStd(it.key())] = v;
    if (!write(QStringLiteral("create"), fields)) {
        m_recordId.clear();
        return {};
    }
    Q_EMIT recordIdChanged();
    ++m_revision;
    Q_EMIT loaded();
    return m_recordId;
}

bool SurveyRecord::remove() {
    auto *replica = m_store ? m_store->replica() : nullptr;
    if (!replica || !m_exists)
        return false;
    const auto household = replica->record("household", qtjson::toStd(m_householdId));
    auto result =
        replica->edit(qtjson::toStd(m_kind), qtjson::toStd(m_recordId), qtjson::toStd(m_householdId),
                      household ? household->regionCode : std::string(), {}, true);
    if (!result) {
        setError(QStringLiteral("remove"),
                 tr("未能删除：%1").arg(qtjson::plainMessage(result.error().message)));
        return false;
    }
    m_recordId.clear();
    Q_EMIT recordIdChanged();
    load();
    m_store->notifyChanged();
    return true;
}
