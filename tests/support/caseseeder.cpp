#include "caseseeder.h"

#include "httpclient.h"

#include <ruhu/domain/beijing_time.h>
#include <ruhu/evidence/authorization.h>
#include <ruhu/evidence/consent_template.h>
#include <ruhu/evidence/covered_household.h>
#include <ruhu/json/canonical_json.h>
#include <ruhu/sync/hlc.h>

#include <QDateTime>

#include <boost/json.hpp>

#include <stdexcept>

using namespace ruhu;
namespace json = boost::json;

namespace {

json::value call(const QString &url, const char *method, const std::string &path, const json::value &body,
                 const QByteArray &token, int expect) {
    auto reply =
        httpRequest(method, QUrl(url + QString::fromStdString(path)),
                    body.is_null() ? QByteArray() : QByteArray::fromStdString(json::serialize(body)), token);
    if (reply.status != expect)
        throw std::runtime_error(std::string(method) + " " + path + ": " + std::to_string(reply.status) +
                                 " " + reply.body.toStdString());
    return json::parse(reply.body.toStdString());
}

QByteArray login(const QString &url, const std::string &user, const std::string &device) {
    auto v = call(url, "POST", "/api/v1/login",
                  json::object{{"username", user}, {"password", "ruhu2024"}, {"deviceId", device}}, {}, 200);
    return QByteArray::fromStdString(std::string(v.at("token").as_string()));
}

Record caseRecord(const std::string &id, const demo::CaseHouseholdSpec &spec, json::object fields) {
    Record r;
    r.kind = "workflowCase";
    r.id = id;
    r.householdId = spec.householdId;
    r.regionCode = spec.regionCode;
    r.fields = std::move(fields);
    return r;
}

Record signedLetter(const std::vector<Record> &records, const demo::CaseHouseholdSpec &spec,
                    const evidence::ConsentTemplate &consent, const evidence::DeviceSigningKey &key) {
    std::vector<Record> members;
    for (const auto &r : records) {
        if (r.kind == "member")
            members.push_back(r);
    }
    const auto doc = evidence::coveredHouseholdFromRecords(records.front(), members);
    evidence::AuthorizationInput in;
    in.id = spec.householdId + "-auth";
    in.consentTemplate = &consent;
    in.consents = {true, true, false};
    const std::string now = domain::beijingTime(QDateTime::currentMSecsSinceEpoch());
    for (const auto &m : members) {
        evidence::Signer s;
        s.memberId = m.id;
        s.role = m.id.ends_with("-m1") ? "户主" : "家庭成员";
        s.name = std::string(m.fields.at("name").as_string());
        s.method = "手写签名";
        s.strokes =
            evidence::SignatureStrokes{"v1", 600, 200, 160, {{{10, 10, 0, 0.5}, {500, 150, 40, 0.5}}}};
        s.signedAt = now;
        in.signers.push_back(s);
    }
    in.gps = {30.4, 112.9, 8, now, "gps", false};
    in.signedAt = now;
    auto letter = evidence::createAuthorization(in, doc, key);
    if (!letter)
        throw std::runtime_error("letter: " + letter.error().message);
    Record r;
    r.kind = "authorization";
    r.id = in.id;
    r.householdId = spec.householdId;
    r.regionCode = spec.regionCode;
    r.fields = {{"householdId", spec.householdId}, {"document", evidence::authorizationToJson(*letter)}};
    return r;
}

} // namespace

struct CaseSeeder::Impl {
    QString url;
    std::string deviceId;
    QByteArray token;
    evidence::ConsentTemplate consent;
    std::optional<evidence::DeviceSigningKey> key;
    int seq = 0;

    json::object mutation(const Record &r) {
        const int s = ++seq;
        return {{"id", deviceId + ":" + std::to_string(s)},
                {"deviceId", deviceId},
                {"seq", s},
                {"kind", r.kind},
                {"recordId", r.id},
                {"householdId", r.householdId},
                {"regionCode", r.regionCode},
                {"baseVersion", 0},
                {"hlc", HlcStamp{QDateTime::currentMSecsSinceEpoch() + s, 0, deviceId}.encode()},
                {"author", deviceId},
                {"fields", r.fields}};
    }

    // Pushes the records; every one must be applied.
    void push(const std::vector<Record> &records) {
        json::array mutations;
        for (const auto &r : records)
            mutations.push_back(mutation(r));
        auto v =
            call(url, "POST", "/api/v1/push",
                 json::object{{"protocol", 1}, {"deviceId", deviceId}, {"mutations", mutations}}, token, 200);
        for (const auto &r : v.at("results").as_array()) {
            if (r.at("status").as_string() != "applied")
                throw std::runtime_error("push refused: " + json::serialize(r));
        }
    }
};

CaseSeeder::CaseSeeder(const QString &url, const std::string &user, const std::string &deviceId)
    : m(std::make_unique<Impl>()) {
    m->url = url;
    m->deviceId = deviceId;
    auto consent = evidence::loadConsentTemplateFile(RUHU_CONSENT_DIR "/auth-v1.json");
    if (!consent)
        throw std::runtime_error(consent.error().message);
    m->consent = std::move(*consent);
    auto key = evidence::DeviceSigningKey::generate();
    if (!key)
        throw std::runtime_error(key.error().message);
    m->key = std::move(*key);
    m->token = login(url, user, deviceId);
    call(url, "POST", "/api/v1/devices/key",
         json::object{{"deviceId", deviceId}, {"publicKey", m->key->publicKeyBase64()}}, m->token, 201);
}

CaseSeeder::~CaseSeeder() = default;

void CaseSeeder::loadThresholds(const QString &url, int year, const QByteArray &countyToken) {
    const QByteArray county = countyToken.isEmpty() ? login(url, "county", "dev-seed-county") : countyToken;
    auto builtin = call(url, "GET", "/api/v1/rules/config", nullptr, county, 200);
    json::object doc = builtin.at("document").as_object();
    doc.erase("hash");
    doc["id"] = "console-seed";
    doc["version"] = doc["version"].to_number<int64_t>() + 1;
    for (int y : {year, year + 1})
        doc["thresholds"].as_array().push_back(json::object{{"regionPrefix", "42"},
                                                            {"regionName", "湖北省"},
                                                            {"year", y},
                                                            {"value", "8300.00"},
                                                            {"source", "测试"}});
    auto reply = httpRequest("PUT", QUrl(url + "/api/v1/rules/config"),
                             QByteArray::fromStdString(toCanonicalJson(doc)), county);
    if (reply.status != 201)
        throw std::runtime_error("rules: " + reply.body.toStdString());
}

void CaseSeeder::seedToPublicity(demo::CaseHouseholdSpec spec, const std::string &id,
                                 const std::string &headName, const std::string &location) {
    const auto today = domain::beijingDate(QDateTime::currentMSecsSinceEpoch());
    const std::string day = today.toString();
    spec.surveyDate = today;
    auto records = demo::makeCaseHousehold(spec);
    if (!headName.empty()) {
        records.front().fields["headName"] = headName;
        for (auto &r : records) {
            if (r.kind == "member" && r.id.ends_with("-m1"))
                r.fields["name"] = headName;
        }
    }
    m->push({records.front()});
    m->push({caseRecord(id, spec,
                        {{"householdId", spec.householdId},
                         {"caseType", "识别"},
                         {"source", "农户申报"},
                         {"leadChannel", "12317"},
                         {"lead", json::object{{"applicant", "户主本人"}, {"date", day}}},
                         {"state", "LEAD"},
                         {"stepNote", "电话申报"}})});
    m->push({caseRecord(id, spec, {{"triage", json::object{{"result", "重点核查"}}}, {"state", "TRIAGED"}})});
    m->push(std::vector<Record>(records.begin() + 1, records.end()));
    m->push({caseRecord(id, spec, {{"state", "SURVEYED"}, {"stepNote", "入户调查"}})});
    m->push({signedLetter(records, spec, m->consent, *m->key)});
    m->push({caseRecord(id, spec, {{"state", "AUTHORIZED"}})});
    m->push({caseRecord(
        id, spec,
        {{"villageReview", json::object{{"meetingDate", day},
                                        {"attendees", json::array{"村党支部书记", "二组户主代表"}},
                                        {"result", "通过"},
                                        {"decision", "村“两委”会同意纳入监测"},
                                        {"suggestedMeasures", json::array{"就业帮扶"}}}},
         {"state", "VILLAGE_REVIEWED"}})});
    m->push(
        {caseRecord(id, spec,
                    {{"publicity", json::object{{"start", day}, {"place", "线下"}, {"location", location}}},
                     {"state", "PUBLICIZED"}})});
}
