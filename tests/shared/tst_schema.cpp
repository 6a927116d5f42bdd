#include <ruhu/demo/demo_county.h>
#include <ruhu/json/canonical_json.h>
#include <ruhu/model/field_text.h>
#include <ruhu/model/schema.h>

#include <QTest>

static ruhu::FieldSpec fieldOf(const char *label, ruhu::FieldType type) {
    ruhu::FieldSpec spec;
    spec.label = label;
    spec.type = type;
    return spec;
}

class TestSchema : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fieldValuesFromText() {
        const auto flag = fieldOf("标记", ruhu::FieldType::Boolean);
        QCOMPARE(ruhu::fieldValueFromText(flag, "是").value(), boost::json::value(true));
        QCOMPARE(ruhu::fieldValueFromText(flag, "false").value(), boost::json::value(false));
        QVERIFY(!ruhu::fieldValueFromText(flag, "maybe").ok());
        const auto count = fieldOf("人数", ruhu::FieldType::Integer);
        QCOMPARE(ruhu::fieldValueFromText(count, "12").value(), boost::json::value(12));
        QVERIFY(!ruhu::fieldValueFromText(count, "12x").ok());
        QCOMPARE(QString::fromStdString(ruhu::fieldValueFromText(count, "").error().message),
                 QStringLiteral("“人数”应为整数"));
        const auto nested = fieldOf("明细", ruhu::FieldType::Json);
        QVERIFY(ruhu::fieldValueFromText(nested, "{\"a\":1}").value().is_object());
        QVERIFY(!ruhu::fieldValueFromText(nested, "{").ok());
        const auto text = fieldOf("备注", ruhu::FieldType::Text);
        QCOMPARE(ruhu::fieldValueFromText(text, "是").value(), boost::json::value("是"));
    }
    void declaredKinds() {
        QVERIFY(ruhu::findRecordKind("household"));
        QVERIFY(ruhu::findRecordKind("member"));
        QVERIFY(!ruhu::findRecordKind("car"));
        const auto *idNo = ruhu::findRecordKind("member")->field("idNo");
        QVERIFY(idNo);
        QVERIFY(idNo->sensitive);
        QCOMPARE(idNo->policy, ruhu::MergePolicy::ReviewRequired);
    }

    void validMember() {
        boost::json::object fields{{"name", "张三"},
                                   {"relationToHead", "户主"},
                                   {"idNo", ruhu::makeIdNumber("429005", "19750302", 123)},
                                   {"seq", 1}};
        QVERIFY(ruhu::validateFields(*ruhu::findRecordKind("member"), fields).ok());
    }

    void errorsNameTheField_data() {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("code");
        QTest::newRow("bad id") << R"({"idNo":"429005197503021235"})"
                                << "idNo"
                                << "invalid_id_number";
        QTest::newRow("unknown field") << R"({"religion":"x"})"
                                       << "religion"
                                       << "unknown_field";
        QTest::newRow("wrong type") << R"({"seq":"one"})"
                                    << "seq"
                                    << "invalid_field";
        QTest::newRow("bad enum") << R"({"relationToHead":"邻居"})"
                                  << "relationToHead"
                                  << "invalid_field";
        QTest::newRow("bad date") << R"({"birthDate":"1975-02-30"})"
                                  << "birthDate"
                                  << "invalid_field";
        QTest::newRow("required empty") << R"({"name":""})"
                                        << "name"
                                        << "invalid_field";
    }
    void errorsNameTheField() {
        QFETCH(QString, json);
        QFETCH(QString, field);
        QFETCH(QString, code);
        auto fields = ruhu::parseJson(json.toStdString())->as_object();
        auto st = ruhu::validateFields(*ruhu::findRecordKind("member"), fields);
        QVERIFY(!st.ok());
        QCOMPARE(QString::fromStdString(st.error().field), field);
        QCOMPARE(QString::fromStdString(st.error().code), code);
        QVERIFY(!st.error().message.empty());
    }

    void dates() {
        QVERIFY(ruhu::isValidDate("2024-02-29"));
        QVERIFY(!ruhu::isValidDate("2023-02-29"));
        QVERIFY(!ruhu::isValidDate("2024-13-01"));
        QVERIFY(!ruhu::isValidDate("2024-1-01"));
    }

    void demoCountyIsValid() {
        auto county = ruhu::makeDemoCounty();
        QCOMPARE(county.areas.size(), size_t(5));
        int households = 0;
        for (const auto &r : county.records) {
            const auto *kind = ruhu::findRecordKind(r.kind);
            QVERIFY(kind);
            auto st = ruhu::validateFields(*kind, r.fields);
            QVERIFY2(st.ok(), st.ok() ? "" : st.error().message.c_str());
            QVERIFY(ruhu::validateRequired(*kind, r.fields).ok());
            households += r.kind == "household";
        }
        QCOMPARE(households, 60);
        // Deterministic: the same seed gives the same county.
        QCOMPARE(ruhu::makeDemoCounty().records[5].fields, county.records[5].fields);
    }
};

QTEST_APPLESS_MAIN(TestSchema)
#include "tst_schema.moc"
