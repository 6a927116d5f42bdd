// The member and household inputs the tablet's pages enter (issue 12, every rule input): the survey's value
// lists are the ones the strict readers accept, the plausibility warnings of a member, and the 2–5类
// exception's explanation as the engine reads it.
#include "domain_test_support.h"

#include <ruhu/domain/household_json.h>
#include <ruhu/domain/household_records.h>
#include <ruhu/domain/member_plausibility.h>
#include <ruhu/domain/record_facts.h>
#include <ruhu/domain/rules.h>
#include <ruhu/domain/survey_choices.h>

#include <QtTest>

#include <algorithm>

using namespace ruhu;
using namespace ruhu::domain;
using namespace ruhu::domain::test;
namespace json = boost::json;

namespace {

// A one-member household document with `member` merged over a counted adult.
json::object documentWith(const json::object &memberFields, const json::object &householdFields = {}) {
    json::object member{
        {"id", "mb-1"}, {"name", "张一"}, {"relationToHead", "户主"}, {"labor", "普通劳动力"}};
    for (const auto &kv : memberFields)
        member[kv.key()] = kv.value();
    json::object household{{"id", "hh-1"}, {"regionCode", "429005103201"}, {"householdType", "一般农户"}};
    for (const auto &kv : householdFields)
        household[kv.key()] = kv.value();
    return json::object{{"household", household},
                        {"members", json::array{member}},
                        {"incomeSheet", json::object{{"id", "is-hh-1"}, {"householdId", "hh-1"}}}};
}

bool mentions(const std::vector<std::string> &warnings, const std::string &part) {
    return std::any_of(warnings.begin(), warnings.end(),
                       [&](const std::string &w) { return w.find(part) != std::string::npos; });
}

} // namespace

class TstMemberInputs : public QObject {
    Q_OBJECT

private slots:
    // Every offered value of a closed list parses; a value outside it is refused by the reader.
    void offeredChoicesAreAcceptedByTheReaders_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("group");
        QTest::addColumn<QString>("key");
        for (const char *p :
             {"benefits.dibao", "benefits.tekun", "benefits.tekunMode", "work.place", "health.status"}) {
            const QString path = QString::fromUtf8(p);
            QTest::newRow(p) << path << path.section('.', 0, 0) << path.section('.', 1);
        }
    }
    void offeredChoicesAreAcceptedByTheReaders() {
        QFETCH(QString, path);
        QFETCH(QString, group);
        QFETCH(QString, key);
        const auto &choices = surveyChoices("member", path.toStdString());
        QVERIFY(!choices.empty());
        for (const auto &value : choices) {
            json::object inner{{key.toStdString(), value}};
            auto doc = parseHouseholdDocument(documentWith({{group.toStdString(), inner}}));
            QVERIFY2(doc, (value + ": " + (doc ? "" : doc.error().message)).c_str());
        }
        json::object bad{{key.toStdString(), "不存在的值"}};
        QVERIFY(!parseHouseholdDocument(documentWith({{group.toStdString(), bad}})));
    }

    void schoolingListFeedsK5() {
        const auto &schooling = surveyChoices("member", "schooling");
        QVERIFY(std::find(schooling.begin(), schooling.end(), "普通高中二年级") != schooling.end());
        QVERIFY(std::find(schooling.begin(), schooling.end(), "七年级") != schooling.end());
        QVERIFY(surveyChoices("member", "name").empty());
    }

    // The brief's example: a 9-year-old marked 技能劳动力.
    void childMarkedSkilledLabourIsAWarning() {
        const auto params = defaultConfig().params;
        json::object child{{"birthDate", "2015-06-01"}, {"labor", "技能劳动力"}, {"schooling", "小学四年级"}};
        auto warnings = memberPlausibilityWarnings(child, CivilDate{2024, 9, 1}, params);
        QVERIFY(mentions(warnings, "9周岁的未成年人"));
        QVERIFY(mentions(warnings, "在校生的劳动技能应为“无劳动力”"));
        child["labor"] = "无劳动力";
        QVERIFY(memberPlausibilityWarnings(child, CivilDate{2024, 9, 1}, params).empty());
    }

    void schoolingAgainstAge() {
        const auto params = defaultConfig().params;
        const CivilDate on{2024, 9, 1};
        json::object m{{"birthDate", "1990-01-01"}, {"labor", "无劳动力"}, {"schooling", "七年级"}};
        QVERIFY(mentions(memberPlausibilityWarnings(m, on, params), "与年龄34周岁不符"));
        // compulsory age without schooling or a reason
        json::object pupil{{"birthDate", "2014-01-01"}, {"labor", "无劳动力"}};
        QVERIFY(mentions(memberPlausibilityWarnings(pupil, on, params), "义务教育阶段"));
        pupil["notInSchoolReason"] = "因病";
        QVERIFY(memberPlausibilityWarnings(pupil, on, params).empty());
        // a reason for an adult
        json::object adult{
            {"birthDate", "1980-01-01"}, {"labor", "普通劳动力"}, {"notInSchoolReason", "因病"}};
        QVERIFY(mentions(memberPlausibilityWarnings(adult, on, params), "只适用于"));
    }

    void disabilityAndLabour() {
        const auto params = defaultConfig().params;
        const CivilDate on{2024, 9, 1};
        json::object m{
            {"birthDate", "1980-01-01"},
            {"labor", "普通劳动力"},
            {"health", json::object{{"status", "残疾"}, {"disabilityGrade", 1}, {"disabilityType", "肢体"}}}};
        QVERIFY(mentions(memberPlausibilityWarnings(m, on, params), "一、二级肢体残疾"));
        json::object healthyWeak{{"birthDate", "1980-01-01"},
                                 {"labor", "丧失劳动力"},
                                 {"health", json::object{{"status", "健康"}}}};
        QVERIFY(mentions(memberPlausibilityWarnings(healthyWeak, on, params), "身体健康的非在校生"));
        json::object noGrade{{"birthDate", "1980-01-01"}, {"health", json::object{{"status", "残疾"}}}};
        QVERIFY(mentions(memberPlausibilityWarnings(noGrade, on, params), "请填写残疾等级"));
    }

    // The risk decision page's 专门说明 is what lifts X2–X5: written into household.flags, read by the
    // engine.
    void exceptionExplanationIsWhatTheEngineReads() {
        auto flags = withExceptionExplanation(json::object{{"integrityIssue", false}}, "  户主车祸致残  ");
        QCOMPARE(flags.at("majorFamilyChange").as_bool(), true);
        QCOMPARE(std::string(flags.at("majorFamilyChangeNote").as_string()), std::string("户主车祸致残"));
        QVERIFY(flags.contains("integrityIssue"));
        json::object household{{"flags", flags}};
        QCOMPARE(exceptionExplanation(household), std::string("户主车祸致残"));

        const auto config = defaultConfig();
        auto soft = documentWith({{"villageCadrePaid", true}}, {{"flags", flags}});
        auto doc = parseHouseholdDocument(soft);
        QVERIFY2(doc, doc ? "" : doc.error().message.c_str());
        auto ev = evaluateHousehold(*doc, config, CivilDate{2024, 9, 1});
        QVERIFY2(ev, ev ? "" : ev.error().message.c_str());
        QVERIFY(ev->softExclusion);
        QVERIFY(ev->softException);

        auto cleared = withExceptionExplanation(flags, " ");
        QCOMPARE(cleared.at("majorFamilyChange").as_bool(), false);
        QVERIFY(!cleared.contains("majorFamilyChangeNote"));
        auto withdrawn =
            parseHouseholdDocument(documentWith({{"villageCadrePaid", true}}, {{"flags", cleared}}));
        QVERIFY(withdrawn);
        auto ev2 = evaluateHousehold(*withdrawn, config, CivilDate{2024, 9, 1});
        QVERIFY(ev2 && ev2->softExclusion && !ev2->softException);
    }
};

QTEST_APPLESS_MAIN(TstMemberInputs)
#include "tst_member_inputs.moc"
