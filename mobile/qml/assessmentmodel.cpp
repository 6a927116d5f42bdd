#include "assessmentmodel.h"

#include "householdassessment.h"
#include "qtjson.h"
#include "reloadingproperty.h"

#include <ruhu/domain/money.h>

namespace {

// 元 with two decimals and thousands separators: 650000 分 → "6,500.00".
QString yuanText(ruhu::domain::Fen fen) {
    QString text = qtjson::str(ruhu::domain::formatYuan(fen));
    const int sign = text.startsWith(QLatin1Char('-')) ? 1 : 0;
    for (int pos = text.indexOf(QLatin1Char('.')) - 3; pos > sign; pos -= 3)
        text.insert(pos, QLatin1Char(','));
    return text;
}

QVariantMap totalsMap(const ruhu::domain::IncomeTotals &t) {
    QVariantMap map;
    for (const auto &[key, fen] : ruhu::domain::namedTotals(t))
        map.insert(QLatin1String(key), yuanText(fen));
    map.insert(QStringLiteral("n"), t.n);
    return map;
}

QStringList codes(const std::vector<int> &numbers, QChar prefix) {
    QStringList list;
    for (int k : numbers)
        list << prefix + QString::number(k);
    return list;
}

QStringList toStringList(const std::vector<std::string> &lines) {
    QStringList list;
    for (const auto &line : lines)
        list << qtjson::str(line);
    return list;
}

} // namespace

AssessmentModel::AssessmentModel(QObject *parent)
    : QObject(parent) {}

void AssessmentModel::setStore(LocalStore *store) {
    setStoreAndReload(this, m_store, store, &AssessmentModel::storeChanged, &AssessmentModel::refresh);
}

void AssessmentModel::setHouseholdId(const QString &id) {
    setAndReload(this, m_householdId, id, &AssessmentModel::householdIdChanged, &AssessmentModel::refresh);
}

void AssessmentModel::setAssessmentDate(const QString &date) {
    setAndReload(this, m_assessmentDate, date, &AssessmentModel::assessmentDateChanged,
                 &AssessmentModel::refresh);
}

void AssessmentModel::setDraftSheet(const boost::json::object &sheet) {
    m_draftSheet = sheet;
    refresh();
}

void AssessmentModel::refresh() {
    using namespace ruhu::domain;
    m_valid = false;
    m_errorMessage.clear();
    m_outcome.clear();
    m_outcomeCode.clear();
    m_categories.clear();
    m_exclusions.clear();
    m_reasons.clear();
    m_warnings.clear();
    m_mandatory = m_needsReview = m_below = false;
    m_totals.clear();
    m_incomeSummary.clear();
    m_priorIncome.clear();
    m_perCapitaFen = m_thresholdFen = -1;
    m_serverResult.clear();
    m_serverReason.clear();

    const auto *replica = m_store ? m_store->replica() : nullptr;
    if (!replica || m_householdId.isEmpty()) {
        Q_EMIT resultChanged();
        return;
    }
    const std::string householdId = qtjson::toStd(m_householdId);
    auto on = m_assessmentDate.isEmpty() ? std::optional(CivilDate::today())
                                         : CivilDate::parse(qtjson::toStd(m_assessmentDate));
    if (!on)
        on = CivilDate::today();
    const auto sheet = m_draftSheet ? *m_draftSheet : assessment::storedSheet(*replica, householdId);
    const auto result = assessment::evaluate(*replica, householdId, sheet, *on);

    if (result.totals) {
        m_totals = totalsMap(*result.totals);
        m_perCapitaFen = result.totals->D;
    }
    if (result.threshold)
        m_thresholdFen = result.threshold->value;
    if (const auto &prior = result.prior)
        m_priorIncome =
            tr("上期人均纯收入 %1 元（%2至%3核算表）")
                .arg(yuanText(prior->D), qtjson::str(prior->periodStart), qtjson::str(prior->periodEnd));
    if (const auto &ev = result.evaluation) {
        m_valid = true;
        m_outcome = QString::fromUtf8(ruhu::domain::outcomeLabel(ev->outcome));
        m_outcomeCode = QString::fromUtf8(ruhu::domain::outcomeCode(ev->outcome));
        m_categories = codes(ev->categories(), QLatin1Char('K'));
        m_exclusions = codes(ev->exclusions(), QLatin1Char('X'));
        m_reasons = toStringList(ev->reasons);
        m_warnings = toStringList(ev->warnings);
        m_mandatory = ev->mandatory;
        m_needsReview = ev->needsReview;
    } else {
        m_errorMessage = tr("无法研判：%1").arg(qtjson::plainMessage(result.error));
    }

    if (!result.totals) {
        m_incomeSummary = tr("人均纯收入无法计算");
    } else if (!result.threshold) {
        m_incomeSummary = tr("人均纯收入 %1 元；规则配置中没有%2年本地区的监测范围，无法比较")
                              .arg(yuanText(result.totals->D))
                              .arg(on->year);
    } else {
        m_below = result.totals->D < result.threshold->value;
        m_incomeSummary = (m_below ? tr("人均纯收入 %1 元，低于%2年监测范围 %3 元")
                                   : tr("人均纯收入 %1 元，不低于%2年监测范围 %3 元"))
                              .arg(yuanText(result.totals->D))
                              .arg(result.threshold->year)
                              .arg(yuanText(result.threshold->value));
    }
    compareWithServer(result, *on);
    Q_EMIT resultChanged();
}

void AssessmentModel::compareWithServer(const ruhu::domain::HouseholdAssessment &local,
                                        const ruhu::domain::CivilDate &on) {
    using Reason = ruhu::domain::ServerResultComparison::Reason;
    const auto stored = assessment::storedSheet(*m_store->replica(), qtjson::toStd(m_householdId));
    const auto *computed = stored.if_contains("computed");
    const auto *config = assessment::ruleConfig(m_store->replica());
    if (!computed || !computed->is_object() || !config)
        return;
    const auto c = ruhu::domain::compareWithServer(computed->get_object(), local, *config, on);
    if (c.reason == Reason::Same)
        return;
    QStringList codes;
    for (const auto &code : c.serverCategories)
        codes << qtjson::str(code);
    for (const auto &code : c.serverExclusions)
        codes << qtjson::str(code);
    m_serverResult =
        c.serverOutcomeLabel.empty() ? tr("服务器无法研判：%1").arg(qtjson::plainMessage(c.serverError))
        : codes.isEmpty()
            ? qtjson::str(c.serverOutcomeLabel)
            : tr("%1（%2）").arg(qtjson::str(c.serverOutcomeLabel), codes.join(QStringLiteral("、")));
    switch (c.reason) {
    case Reason::NewerConfig:
        m_serverReason = tr("服务器按规则配置“%1”（第%2版）研判，本机使用的规则配置不同，以服务器结果为准")
                             .arg(qtjson::str(c.serverConfigId))
                             .arg(c.serverConfigVersion);
        break;
    case Reason::OtherDate:
        m_serverReason = tr("服务器于%1研判，研判日期不同").arg(qtjson::str(c.serverAssessedOn));
        break;
    default:
        m_serverReason = tr("本机有尚未同步的修改，同步后服务器将重新研判");
        break;
    }
}
