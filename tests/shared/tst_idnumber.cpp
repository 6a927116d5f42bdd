#include <ruhu/demo/demo_county.h>
#include <ruhu/model/id_number.h>

#include <QTest>

class TestIdNumber : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void checkDigit_data() {
        QTest::addColumn<QString>("first17");
        QTest::addColumn<QChar>("check");
        // GB 11643-1999 appendix example and hand-computed cases (weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4
        // 2).
        QTest::newRow("standard example") << "11010519491231002" << QChar('X');
        QTest::newRow("guangdong") << "44052418800101001" << QChar('4');
        QTest::newRow("hubei") << "42900519750302123" << QChar('4');
    }
    void checkDigit() {
        QFETCH(QString, first17);
        QFETCH(QChar, check);
        QCOMPARE(QChar(ruhu::idNumberCheckDigit(first17.toStdString())), check);
    }

    void knownValidNumber() {
        auto info = ruhu::parseIdNumber("11010519491231002X");
        QVERIFY(info.ok());
        QCOMPARE(QString::fromStdString(info->birthDate), QStringLiteral("1949-12-31"));
        QCOMPARE(info->sex, ruhu::Sex::Female); // 17th digit 2 → even → 女
        QCOMPARE(QString::fromStdString(info->areaCode), QStringLiteral("110105"));
        QVERIFY(ruhu::parseIdNumber("11010519491231002x").ok());
    }

    void derivedSex() {
        auto male = ruhu::parseIdNumber(ruhu::makeIdNumber("429005", "19800101", 13));
        QVERIFY(male.ok());
        QCOMPARE(male->sex, ruhu::Sex::Male);
        auto female = ruhu::parseIdNumber(ruhu::makeIdNumber("429005", "19800101", 14));
        QCOMPARE(female->sex, ruhu::Sex::Female);
    }

    void rejects_data() {
        QTest::addColumn<QString>("id");
        QTest::newRow("wrong check digit") << "110105194912310021";
        QTest::newRow("too short") << "11010519491231002";
        QTest::newRow("letters") << "1101051949123100AX";
        QTest::newRow("month 13") << QString::fromStdString(ruhu::makeIdNumber("110105", "19491331", 2));
        QTest::newRow("feb 30") << QString::fromStdString(ruhu::makeIdNumber("110105", "20000230", 2));
        QTest::newRow("feb 29 non-leap")
            << QString::fromStdString(ruhu::makeIdNumber("110105", "19000229", 2));
        QTest::newRow("empty") << "";
    }
    void rejects() {
        QFETCH(QString, id);
        auto info = ruhu::parseIdNumber(id.toStdString());
        QVERIFY(!info.ok());
        QCOMPARE(QString::fromStdString(info.error().code), QStringLiteral("invalid_id_number"));
        QCOMPARE(QString::fromStdString(info.error().field), QStringLiteral("idNo"));
        QVERIFY(!info.error().message.empty());
    }

    void leapDayAccepted() { QVERIFY(ruhu::parseIdNumber(ruhu::makeIdNumber("110105", "20000229", 2)).ok()); }

    void masking() {
        QCOMPARE(QString::fromStdString(ruhu::maskIdNumber("11010519491231002X")),
                 QStringLiteral("1101**********002X"));
    }
};

QTEST_APPLESS_MAIN(TestIdNumber)
#include "tst_idnumber.moc"
