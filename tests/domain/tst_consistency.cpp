// 三一致 as the server can check it (shared/include/ruhu/exports/consistency.h): the case procedure and the
// household record agree on 监测对象类别, 风险消除 and measures; each disagreement is found, and only it.
#include <ruhu/exports/consistency.h>

#include <QtTest>

namespace json = boost::json;
using ruhu::exports::consistencyMismatches;

namespace {

json::object householdWith(const char *category, bool eliminated) {
    json::object h{{"headName", "张三"}};
    if (category)
        h["monitoring"] = json::object{{"category", category}, {"riskEliminated", eliminated}};
    return h;
}

json::object caseIn(const char *state, const char *category, int64_t atMs) {
    return {{"state", state},
            {"countyReview", json::object{{"category", category}}},
            {"events", json::array{json::object{{"atMs", atMs}}}}};
}

QStringList codes(const std::vector<ruhu::exports::Mismatch> &found) {
    QStringList out;
    for (const auto &m : found) {
        out << QString::fromStdString(m.code);
        if (m.message.empty())
            out << QStringLiteral("(no message)");
    }
    return out;
}

const std::vector<json::object> kOneMeasure{json::object{{"category", "产业帮扶"}}};

} // namespace

class TestConsistency : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void agreeingRecordsHaveNoMismatch() {
        QVERIFY(consistencyMismatches(householdWith(nullptr, false), {}, {}).empty());
        QVERIFY(consistencyMismatches(householdWith("边缘易致贫户", false),
                                      {caseIn("ASSISTING", "边缘易致贫户", 10)}, kOneMeasure)
                    .empty());
        QVERIFY(consistencyMismatches(householdWith("边缘易致贫户", true),
                                      {caseIn("ELIMINATED", "边缘易致贫户", 10)}, kOneMeasure)
                    .empty());
        // A case not yet confirmed says nothing about the category.
        QVERIFY(
            consistencyMismatches(householdWith(nullptr, false), {caseIn("PUBLICIZED", "", 10)}, {}).empty());
    }

    void eachDisagreementIsFound() {
        QCOMPARE(codes(consistencyMismatches(householdWith("脱贫不稳定户", false), {}, {})),
                 QStringList{"category_without_case"});
        QCOMPARE(codes(consistencyMismatches(householdWith(nullptr, false),
                                             {caseIn("ENTERED", "边缘易致贫户", 10)}, {})),
                 QStringList{"case_without_category"});
        QCOMPARE(codes(consistencyMismatches(householdWith("脱贫不稳定户", false),
                                             {caseIn("ENTERED", "边缘易致贫户", 10)}, {})),
                 QStringList{"category_differs"});
        QCOMPARE(codes(consistencyMismatches(householdWith("边缘易致贫户", false),
                                             {caseIn("ELIMINATED", "边缘易致贫户", 10)}, kOneMeasure)),
                 QStringList{"elimination_not_marked"});
        QCOMPARE(codes(consistencyMismatches(householdWith("边缘易致贫户", true),
                                             {caseIn("ASSISTING", "边缘易致贫户", 10)}, kOneMeasure)),
                 QStringList{"elimination_marked_open"});
        QCOMPARE(codes(consistencyMismatches(householdWith("边缘易致贫户", false),
                                             {caseIn("ASSISTING", "边缘易致贫户", 10)}, {})),
                 QStringList{"measures_missing"});
    }

    void theConfirmedCaseThatMovedLastCounts() {
        // Eliminated last year, confirmed again since (a new risk, a new case): the new one counts.
        const std::vector<json::object> cases{caseIn("ELIMINATED", "边缘易致贫户", 10),
                                              caseIn("ENTERED", "突发严重困难户", 20)};
        QVERIFY(consistencyMismatches(householdWith("突发严重困难户", false), cases, {}).empty());
        QCOMPARE(codes(consistencyMismatches(householdWith("边缘易致贫户", true), cases, {})),
                 (QStringList{"category_differs", "elimination_marked_open"}));
    }
};

QTEST_GUILESS_MAIN(TestConsistency)
#include "tst_consistency.moc"
