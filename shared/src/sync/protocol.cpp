#include <ruhu/domain/workflow.h>
#include <ruhu/json/json_fields.h>
#include <ruhu/sync/protocol.h>

namespace ruhu::protocol {
namespace {

boost::json::array stringsToJson(const std::vector<std::string> &items) {
    boost::json::array a;
    for (const auto &s : items)
        a.emplace_back(s);
    return a;
}

std::vector<std::string> stringsFromJson(const boost::json::object &o, std::string_view key) {
    std::vector<std::string> out;
    auto it = o.find(key);
    if (it == o.end() || !it->value().is_array())
        return out;
    for (const auto &v : it->value().get_array()) {
        if (v.is_string())
            out.emplace_back(v.get_string());
    }
    return out;
}

boost::json::array intsToJson(const std::vector<int64_t> &items) {
    boost::json::array a;
    for (int64_t v : items)
        a.emplace_back(v);
    return a;
}

std::vector<int64_t> intsFromJson(const boost::json::object &o, std::string_view key) {
    std::vector<int64_t> out;
    auto it = o.find(key);
    if (it == o.end() || !it->value().is_array())
        return out;
    for (const auto &v : it->value().get_array()) {
        if (v.is_int64())
            out.push_back(v.get_int64());
        else if (v.is_uint64())
            out.push_back(static_cast<int64_t>(v.get_uint64()));
    }
    return out;
}

Result<const boost::json::object *> asObject(const boost::json::value &json) {
    if (!json.is_object())
        return Error{"bad_request", "请求体应为 JSON 对象", ""};
    return &json.get_object();
}

} // namespace

// A workflow case's "state" is server-computed for ordinary edits; a device may only propose a
// transition, which the server checks against the case's current state and the user's role
// (ruhu/domain/workflow.h). So the declared-field check skips it and only the state name is checked here.
Result<Mutation> decodeMutation(const boost::json::value &item) {
    const boost::json::object *o = item.if_object();
    const boost::json::value *kind = o ? o->if_contains("kind") : nullptr;
    const boost::json::value *fields = o ? o->if_contains("fields") : nullptr;
    if (!kind || !kind->is_string() || kind->get_string() != "workflowCase" || !fields ||
        !fields->is_object() || !fields->get_object().contains("state"))
        return Mutation::fromJson(item);
    boost::json::value copy = item;
    boost::json::object &copyFields = copy.get_object()["fields"].get_object();
    boost::json::value state = copyFields["state"];
    copyFields.erase("state");
    auto m = Mutation::fromJson(copy);
    if (!m)
        return m;
    if (!state.is_string() || !workflow::isState(state.get_string()))
        return Error{"invalid_field", "流程状态不正确", "state"};
    m->fields["state"] = state;
    return m;
}

boost::json::value LoginRequest::toJson() const {
    return boost::json::object{{"username", username}, {"password", password}, {"deviceId", deviceId}};
}

Result<LoginRequest> LoginRequest::fromJson(const boost::json::value &json) {
    auto o = asObject(json);
    if (!o)
        return o.error();
    LoginRequest r;
    auto u = requireString(**o, "username");
    if (!u)
        return u.error();
    auto p = requireString(**o, "password");
    if (!p)
        return p.error();
    r.username = *u;
    r.password = *p;
    r.deviceId = optionalString(**o, "deviceId");
    if (!r.deviceId.empty() && !isValidDeviceId(r.deviceId))
        return Error{"bad_request", "设备编号格式不正确（1–64位字母、数字、-、_）", "deviceId"};
    return r;
}

boost::json::value LoginResponse::toJson() const {
    boost::json::array areaList;
    for (const auto &a : areas)
        areaList.push_back(boost::json::object{
            {"code", a.code}, {"name", a.name}, {"level", a.level}, {"parent", a.parent}});
    boost::json::object o{{"token", token},
                          {"username", username},
                          {"displayName", displayName},
                          {"role", role},
                          {"scope", stringsToJson(scope)},
                          {"areas", std::move(areaList)},
                          {"serverTimeMs", serverTimeMs},
                          {"protocol", kVersion}};
    if (mustChangePassword)
        o["mustChangePassword"] = true;
    return o;
}

Result<LoginResponse> LoginResponse::fromJson(const boost::json::value &json) {
    auto o = asObject(json);
    if (!o)
        return o.error();
    LoginResponse r;
    auto token = requireString(**o, "token");
    if (!token)
        return token.error();
    r.token = *token;
    r.username = optionalString(**o, "username");
    r.displayName = optionalString(**o, "displayName");
    r.role = optionalString(**o, "role");
    r.scope = stringsFromJson(**o, "scope");
    r.serverTimeMs = optionalInt(**o, "serverTimeMs");
    if (auto it = (*o)->find("mustChangePassword"); it != (*o)->end() && it->value().is_bool())
        r.mustChangePassword = it->value().get_bool();
    if (auto it = (*o)->find("areas"); it != (*o)->end() && it->value().is_array()) {
        for (const auto &v : it->value().get_array()) {
            if (!v.is_object())
                continue;
            const auto &a = v.get_object();
            r.areas.push_back(Area{optionalString(a, "code"), optionalString(a, "name"),
                                   optionalString(a, "level"), optionalString(a, "parent")});
        }
    }
    return r;
}

boost::json::value PushRequest::toJson() const {
    boost::json::array list;
    list.reserve(mutations.size());
    for (const auto &m : mutations)
        list.push_back(m.toJson());
    boost::json::object o{{"protocol", kVersion}, {"deviceId", deviceId}, {"mutations", std::move(list)}};
    if (!skippedSeqs.empty())
        o["skippedSeqs"] = intsToJson(skippedSeqs);
    return o;
}

Result<PushRequest> PushRequest::fromJson(const boost::json::value &json) {
    auto o = asObject(json);
    if (!o)
        return o.error();
    PushRequest r;
    auto device = requireString(**o, "deviceId");
    if (!device)
        return device.error();
    if (!isValidDeviceId(*device))
        return Error{"bad_request", "设备编号格式不正确（1–64位字母、数字、-、_）", "deviceId"};
    r.deviceId = *device;
    auto list = requireArray(**o, "mutations");
    if (!list)
        return list.error();
    if ((*list)->size() > kMaxPushMutations)
        return Error{"batch_too_large", "一次最多推送" + std::to_string(kMaxPushMutations) + "条变更",
                     "mutations"};
    r.mutations.reserve((*list)->size());
    size_t index = 0;
    for (const auto &item : **list) {
        auto m = decodeMutation(item);
        if (!m) {
            Error e = m.error();
            e.field = "mutations[" + std::to_string(index) + "]" + (e.field.empty() ? "" : "." + e.field);
            return e;
        }
        if (m->deviceId != r.deviceId)
            return Error{"bad_request", "变更的设备编号与推送设备不一致",
                         "mutations[" + std::to_string(index) + "].deviceId"};
        r.mutations.push_back(std::move(*m));
        ++index;
    }
    if (auto it = (*o)->find("skippedSeqs"); it != (*o)->end()) {
        if (!it->value().is_array())
            return Error{"bad_request", "skippedSeqs 应为整数数组", "skippedSeqs"};
        if (it->value().get_array().size() > kMaxSkippedSeqs)
            return Error{"batch_too_large", "skippedSeqs 最多" + std::to_string(kMaxSkippedSeqs) + "个",
                         "skippedSeqs"};
        for (const auto &v : it->value().get_array()) {
            if (!v.is_int64() || v.get_int64() <= 0 || v.get_int64() > kMaxSeq)
                return Error{"bad_request", "skippedSeqs 应为正整数数组", "skippedSeqs"};
            r.skippedSeqs.push_back(v.get_int64());
        }
    }
    return r;
}

boost::json::value PushResult::toJson() const {
    boost::json::object o{{"mutationId", mutationId}, {"status", status}};
    if (!code.empty())
        o["code"] = code;
    if (!message.empty())
        o["message"] = message;
    if (!supersededFields.empty())
        o["supersededFields"] = stringsToJson(supersededFields);
    if (!queuedFields.empty())
        o["queuedFields"] = stringsToJson(queuedFields);
    if (!reviewIds.empty())
        o["reviewIds"] = intsToJson(reviewIds);
    if (!refusedFields.empty())
        o["refusedFields"] = stringsToJson(refusedFields);
    if (hasRecord)
        o["record"] = record.toJson();
    return o;
}

Result<PushResult> PushResult::fromJson(const boost::json::value &json) {
    auto o = asObject(json);
    if (!o)
        return o.error();
    PushResult r;
    auto id = requireString(**o, "mutationId");
    if (!id)
        return id.error();
    auto status = requireString(**o, "status");
    if (!status)
        return status.error();
    r.mutationId = *id;
    r.status = *status;
    r.code = optionalString(**o, "code");
    r.message = optionalString(**o, "message");
    r.supersededFields = stringsFromJson(**o, "supersededFields");
    r.queuedFields = stringsFromJson(**o, "queuedFields");
    r.reviewIds = intsFromJson(**o, "reviewIds");
    r.refusedFields = stringsFromJson(**o, "refusedFields");
    if (auto it = (*o)->find("record"); it != (*o)->end()) {
        auto rec = Record::fromJson(it->value());
        if (!rec)
            return rec.error();
        r.record = std::move(*rec);
        r.hasRecord = true;
    }
    return r;
}

boost::json::value PushResponse::toJson() const {
    boost::json::array list;
    for (const auto &r : results)
        list.push_back(r.toJson());
    boost::json::object o{{"results", std::move(list)}, {"serverTimeMs", serverTimeMs}};
    if (!missingSeqs.empty())
        o["missingSeqs"] = intsToJson(missingSeqs);
    if (!incarnation.empty())
        o["incarnation"] = incarnation;
    return o;
}

Result<PushResponse> PushResponse::fromJson(const boost::json::value &json) {
    auto o = asObject(json);
    if (!o)
        return o.error();
    auto list = requireArray(**o, "results");
    if (!list)
        return list.error();
    PushResponse r;
    r.serverTimeMs = optionalInt(**o, "serverTimeMs");
    r.missingSeqs = intsFromJson(**o, "missingSeqs");
    r.incarnation = optionalString(**o, "incarnation");
    for (const auto &item : **list) {
        auto res = PushResult::fromJson(item);
        if (!res)
            return res.error();
        r.results.push_back(std::move(*res));
    }
    return r;
}

boost::json::value PullResponse::toJson() const {
    boost::json::array list;
    for (const auto &c : changes)
        list.push_back(c.toJson());
    boost::json::object o{{"changes", std::move(list)},
                          {"cursor", cursor},
                          {"hasMore", hasMore},
                          {"serverTimeMs", serverTimeMs}};
    if (!departed.empty()) {
        boost::json::array gone;
        for (const auto &d : departed)
            gone.push_back(boost::json::object{{"kind", d.kind}, {"id", d.id}, {"moved", true}});
        o["departed"] = std::move(gone);
    }
    if (!incarnation.empty())
        o["incarnation"] = incarnation;
    return o;
}

Result<PullResponse> PullResponse::fromJson(const boost::json::value &json) {
    auto o = asObject(json);
    if (!o)
        return o.error();
    auto list = requireArray(**o, "changes");
    if (!list)
        return list.error();
    auto cursor = requireInt(**o, "cursor");
    if (!cursor)
        return cursor.error();
    PullResponse r;
    r.cursor = *cursor;
    r.hasMore = optionalBool(**o, "hasMore");
    r.serverTimeMs = optionalInt(**o, "serverTimeMs");
    r.incarnation = optionalString(**o, "incarnation");
    for (const auto &item : **list) {
        auto rec = Record::fromJson(item);
        if (!rec)
            return rec.error();
        r.changes.push_back(std::move(*rec));
    }
    if (auto it = (*o)->find("departed"); it != (*o)->end() && it->value().is_array()) {
        for (const auto &v : it->value().get_array()) {
            if (v.is_object())
                r.departed.push_back(
                    Departure{optionalString(v.get_object(), "kind"), optionalString(v.get_object(), "id")});
        }
    }
    return r;
}

boost::json::value errorBody(const std::string &code, const std::string &message) {
    return boost::json::object{{"code", code}, {"message", message}};
}

} // namespace ruhu::protocol
