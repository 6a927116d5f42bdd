// Property tests over seeded random households (ruhu::domain::makeSyntheticHousehold). The seed is printed
// on failure; set RUHU_PROPERTY_SEED to replay another one.
#include "domain_test_support.h"

#include <ruhu/domain/rules.h>
#include <ruhu/domain/synthetic.h>

#include <QtTest>

#include <cstdlib>

using namespace ruhu::domain;
using namespace ruhu::domain::test;

namespace {

constexpr int householdsPerProperty = 2000;

uint64_t seed() {
    const char *env = std::getenv("RUHU_PROPERTY_SEED");
    return env ? std::strtoull(env, nullptr, 10) : 20240901u;
}

Evaluation evaluateOrThrow(const HouseholdDocument &doc, const RuleConfig &config) {
    auto ev = evaluateHousehold(doc, config, CivilDate{2024, 9, 1});
    if (!ev)
        throw std::runtime_error(ev.error().field + ": " + ev.error().message);
    return *ev;
}

} // namespace

class TestDomainProperties : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { qInfo("property seed: %llu", static_cast<unsigned long long>(seed())); }
    void perCapitaTimesSizeIsNetIncome();
    void moreTransferIncomeNeverLowersIncome();
    void hardExclusionAlwaysWins();
    void softExclusionWithoutExceptionExcludes();
    void countedMembersDefineN();
    void evaluationIsDeterministic();

private:
    RuleConfig m_config = defaultConfig();
};

void TestDomainProperties::perCapitaTimesSizeIsNetIncome() {
    std::mt19937_64 random(seed());
    for (int i = 0; i < householdsPerProperty; ++i) {
        auto ev = evaluateOrThrow(makeSyntheticHousehold(random, i), m_config);
        const auto &t = ev.income;
        // D = round(C / n) ⇒ |D·n − C| ≤ n/2 (the rounding rule), likewise for D1.
        Fen error = t.D * t.n - t.C;
        QVERIFY2(2 * (error < 0 ? -error : error) <= t.n, qPrintable(QString("household %1").arg(i)));
        Fen net1 = t.C + (m_config.params.includeClaimsInD1 ? t.E : 0) - t.F;
        Fen error1 = t.D1 * t.n - net1;
        QVERIFY(2 * (error1 < 0 ? -error1 : error1) <= t.n);
        QCOMPARE(t.A, t.A1 + t.A2 + t.A3 + t.A4);
        QCOMPARE(t.C, t.A - t.B);
    }
}

void TestDomainProperties::moreTransferIncomeNeverLowersIncome() {
    std::mt19937_64 random(seed() + 1);
    for (int i = 0; i < householdsPerProperty; ++i) {
        auto doc = makeSyntheticHousehold(random, i);
        auto before = evaluateOrThrow(doc, m_config);
        size_t item = std::uniform_int_distribution<size_t>(0, transferItemCount - 1)(random);
        doc.incomeSheet.transfers[item] += std::uniform_int_distribution<Fen>(1, yuan(20000))(random);
        auto after = evaluateOrThrow(doc, m_config);
        QVERIFY(after.income.A > before.income.A);
        QVERIFY(after.income.A4 > before.income.A4);
        QVERIFY(after.income.D >= before.income.D);
        QVERIFY(after.income.D1 >= before.income.D1);
        QVERIFY(!(after.below && !before.below)); // more income cannot push a household below the line
    }
}

void TestDomainProperties::hardExclusionAlwaysWins() {
    std::mt19937_64 random(seed() + 2);
    for (int i = 0; i < householdsPerProperty; ++i) {
        auto doc = makeSyntheticHousehold(random, i);
        doc.household.flags.majorFamilyChange = true; // the exception never applies to hard exclusions
        doc.household.flags.majorFamilyChangeNote = "重大变故";
        switch (i % 6) {
        case 0:
            doc.members.front().isPublicServant = true; // X1
            break;
        case 1:
            doc.household.externalRelatives.push_back(ExternalRelative{"r", "配偶", "某", true}); // X1
            break;
        case 2:
            doc.household.flags.employsOthers = true; // X6
            break;
        case 3:
            doc.household.flags.splitMergeSuspect = true; // X7
            break;
        case 4:
            doc.household.flags.emptyHukou = true; // X8
            break;
        default:
            doc.household.flags.integrityIssue = true; // X10
            break;
        }
        auto ev = evaluateOrThrow(doc, m_config);
        QCOMPARE(QString(outcomeCode(ev.outcome)), QString("EXCLUDED_HARD"));
        QVERIFY(ev.hardExclusion);
        QVERIFY(!ev.needsReview);
    }
}

void TestDomainProperties::softExclusionWithoutExceptionExcludes() {
    std::mt19937_64 random(seed() + 3);
    for (int i = 0; i < householdsPerProperty; ++i) {
        auto doc = makeSyntheticHousehold(random, i);
        doc.household.flags.majorFamilyChange = false;
        doc.household.companies.push_back(Company{"c", "某公司", true, true}); // X5
        auto ev = evaluateOrThrow(doc, m_config);
        QVERIFY(ev.outcome == Outcome::ExcludedHard || ev.outcome == Outcome::ExcludedSoft);
        doc.household.flags.majorFamilyChange = true;
        doc.household.flags.majorFamilyChangeNote = "家庭重大变故";
        ev = evaluateOrThrow(doc, m_config);
        QVERIFY(ev.outcome != Outcome::ExcludedSoft);
        QCOMPARE(ev.needsReview, ev.outcome != Outcome::ExcludedHard);
    }
}

void TestDomainProperties::countedMembersDefineN() {
    std::mt19937_64 random(seed() + 4);
    for (int i = 0; i < householdsPerProperty; ++i) {
        auto doc = makeSyntheticHousehold(random, i);
        auto ev = evaluateOrThrow(doc, m_config);
        int counted = 0;
        for (const auto &m : doc.members)
            counted += m.isCounted() ? 1 : 0;
        QCOMPARE(ev.income.n, counted);
        QCOMPARE(ev.excludedMemberIds.size(), doc.members.size() - static_cast<size_t>(counted));
        QCOMPARE(ev.hasExclusion(9), counted < static_cast<int>(doc.members.size()));
    }
}

void TestDomainProperties::evaluationIsDeterministic() {
    std::mt19937_64 a(seed() + 5);
    std::mt19937_64 b(seed() + 5);
    for (int i = 0; i < 200; ++i) {
        auto x = evaluateOrThrow(makeSyntheticHousehold(a, i), m_config);
        auto y = evaluateOrThrow(makeSyntheticHousehold(b, i), m_config);
        QCOMPARE(x.reasons, y.reasons);
        QCOMPARE(x.categoryBits, y.categoryBits);
        QVERIFY(x.outcome == y.outcome);
    }
}

QTEST_APPLESS_MAIN(TestDomainProperties)
#include "tst_domain_properties.moc"
