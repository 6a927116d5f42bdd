#include <ruhu/evidence/authorization.h>

#include <boost/json/object.hpp>

namespace ruhu::evidence {

namespace {

// Reads fields of one JSON object; the first problem is kept with its field path.
class Reader {
public:
    Reader(const boost::json::value &value, std::string path)
        : m_object(value.if_object())
        , m_path(std::move(path)) {
        if (!m_object)
            fail("", "必须是 JSON 对象");
    }

    bool ok() const { return !m_error; }
    const Error &error() const { return *m_error; }
    const boost::json::value *at(const char *key) const {
        return m_object ? m_object->if_contains(key) : nullptr;
    }
    std::string field(const char *key) const { return m_path.empty() ? key : m_path + "." + key; }

    void fail(const std::string &key, const std::string &what) {
        if (!m_error)
            m_error = Error{"malformed_authorization",
                            "授权书记录字段 " + (key.empty() ? m_path : key) + " " + what,
                            key.empty() ? m_path : key};
    }

    std::string string(const char *key) {
        const auto *v = at(key);
        if (!v || !v->is_string()) {
            fail(field(key), "须为字符串");
            return {};
        }
        return std::string(v->as_string());
    }
    double number(const char *key) {
        const auto *v = at(key);
        if (v && v->is_double())
            return v->as_double();
        if (v && v->is_int64())
            return static_cast<double>(v->as_int64());
        fail(field(key), "须为数字");
        return 0;
    }
    bool boolean(const char *key) {
        const auto *v = at(key);
        if (!v || !v->is_bool()) {
            fail(field(key), "须为 true/false");
            return false;
        }
        return v->as_bool();
    }
    // The nested object, or nullptr when the value is null/absent.
    const boost::json::value *optionalObject(const char *key) {
        const auto *v = at(key);
        if (!v || v->is_null())
            return nullptr;
        if (!v->is_object()) {
            fail(field(key), "须为对象或 null");
            return nullptr;
        }
        return v;
    }
    void take(const Reader &inner) {
        if (!inner.ok() && !m_error)
            m_error = inner.error();
    }

private:
    const boost::json::object *m_object;
    std::string m_path;
    std::optional<Error> m_error;
};

Signer readSigner(const boost::json::value &value, const std::string &path, Reader &outer) {
    Reader r(value, path);
    Signer s;
    s.memberId = r.string("memberId");
    s.role = r.string("role");
    s.name = r.string("name");
    s.idNoMasked = r.string("idNoMasked");
    s.method = r.string("method");
    s.strokesSha256 = r.string("strokesSha256");
    s.signedAt = r.string("signedAt");
    if (const auto *strokes = r.optionalObject("strokes")) {
        auto parsed = strokesFromJson(*strokes);
        if (parsed.ok())
            s.strokes = *parsed;
        else
            r.fail(r.field("strokes"), parsed.error().message);
    }
    if (const auto *photo = r.optionalObject("fingerprintPhoto")) {
        Reader p(*photo, r.field("fingerprintPhoto"));
        s.fingerprintPhoto = PhotoRef{p.string("photoId"), p.string("sha256")};
        r.take(p);
    }
    if (const auto *proxy = r.optionalObject("proxy")) {
        Reader p(*proxy, r.field("proxy"));
        s.proxy =
            Proxy{p.string("name"), p.string("role"), p.string("reason"), p.boolean("readAloudConfirmed")};
        r.take(p);
    }
    outer.take(r);
    return s;
}

} // namespace

Result<Authorization> authorizationFromJson(const boost::json::value &value) {
    Reader r(value, "");
    Authorization a;
    a.id = r.string("id");
    a.householdId = r.string("householdId");
    a.kind = r.string("kind");
    if (const auto *t = r.optionalObject("template")) {
        Reader tr(*t, "template");
        a.templateRef.id = tr.string("id");
        a.templateRef.version = static_cast<int>(tr.number("version"));
        a.templateRef.sha256 = tr.string("sha256");
        r.take(tr);
    } else {
        r.fail("template", "缺失");
    }
    a.renderedText = r.string("renderedText");
    a.textSha256 = r.string("textSha256");
    if (const auto *c = r.optionalObject("consents")) {
        Reader cr(*c, "consents");
        a.consents = {cr.boolean("queryAssets"), cr.boolean("sensitivePI"), cr.boolean("photos")};
        r.take(cr);
    } else {
        r.fail("consents", "缺失");
    }
    const auto *signers = r.at("signers");
    if (!signers || !signers->is_array()) {
        r.fail("signers", "须为数组");
    } else {
        for (std::size_t i = 0; i < signers->as_array().size(); ++i)
            a.signers.push_back(readSigner(signers->as_array()[i], "signers[" + std::to_string(i) + "]", r));
    }
    if (const auto *g = r.optionalObject("gps")) {
        Reader gr(*g, "gps");
        a.gps = {gr.number("lat"),   gr.number("lng"),      gr.number("accuracyM"),
                 gr.string("fixAt"), gr.string("provider"), gr.boolean("mock")};
        r.take(gr);
    } else {
        r.fail("gps", "缺失");
    }
    a.signedAt = r.string("signedAt");
    a.coveredDataSha256 = r.string("coveredDataSha256");
    a.bindingHash = r.string("bindingHash");
    a.deviceSignature = r.string("deviceSignature");
    a.devicePublicKey = r.string("devicePublicKey");
    a.status = r.string("status");
    if (!r.ok())
        return r.error();
    return a;
}

} // namespace ruhu::evidence
