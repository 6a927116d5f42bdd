#include "auth.h"
#include "handlers.h"
#include "replies.h"
#include "rule_config_in_force.h"

#include <ruhu/domain/beijing_time.h>
#include <ruhu/json/canonical_json.h>

namespace ruhu::server {
namespace {

constexpr size_t kMaxDocumentBytes = 256 * 1024;
constexpr size_t kMaxThresholds = 2000;
constexpr size_t kHistoryLimit = 50;

bool mayLoad(const UserAccount &user) {
    return user.role == "county" || user.role == "admin";
}

boost::json::object describe(const std::optional<RuleConfigRow> &row, boost::json::value document) {
    boost::json::object body{{"document", std::move(document)}};
    if (!row) {
        body["source"] = "builtin";
        return body;
    }
    body["source"] = "loaded";
    body["seq"] = row->seq;
    body["loadedBy"] = row->loadedBy;
    body["loadedAt"] = domain::beijingTime(row->loadedAtMs);
    return body;
}

ApiReply getConfig(const ApiContext &context) {
    auto tx = context.store.beginWrite(); // read-only use: a consistent snapshot of the row in force
    if (!tx)
        return errorReply(tx.error());
    auto row = (*tx)->ruleConfigInForce();
    if (!row)
        return errorReply(row.error());
    auto document = parseJson(*row ? std::string_view((*row)->document) : domain::builtinRuleConfigJson());
    if (!document)
        return errorReply(document.error());
    if (!*row) { // the built-in file may omit its hash; devices compare hashes
        auto config = domain::parseRuleConfig(*document);
        if (!config)
            return errorReply(config.error());
        document->as_object()["hash"] = config->hash;
    }
    return jsonReply(describe(*row, std::move(*document)));
}

ApiReply getHistory(const ApiContext &context, const UserAccount &user) {
    if (!mayLoad(user))
        return errorReply(http::status::forbidden, "forbidden_role", "只有县级管理员可以查看规则配置的历史");
    auto tx = context.store.beginWrite();
    if (!tx)
        return errorReply(tx.error());
    auto rows = (*tx)->ruleConfigHistory(kHistoryLimit);
    if (!rows)
        return errorReply(rows.error());
    boost::json::array history;
    for (const auto &row : *rows)
        history.push_back(boost::json::object{{"seq", row.seq},
                                              {"id", row.configId},
                                              {"version", row.configVersion},
                                              {"hash", row.hash},
                                              {"loadedBy", row.loadedBy},
                                              {"loadedAt", domain::beijingTime(row.loadedAtMs)}});
    return jsonReply(boost::json::object{{"history", std::move(history)}});
}

ApiReply putConfig(const Request &request, const ApiContext &context, const UserAccount &user) {
    if (!mayLoad(user))
        return errorReply(http::status::forbidden, "forbidden_role", "只有县级管理员可以加载规则配置");
    if (request.body().size() > kMaxDocumentBytes)
        return errorReply(http::status::payload_too_large, "too_large", "规则配置文件过大（上限256KB）");
    auto json = parseJson(request.body());
    if (!json)
        return errorReply(http::status::bad_request, "invalid_rule_config",
                          "规则配置不是有效的JSON：" + json.error().message);
    if (const auto *t = json->is_object() ? json->get_object().if_contains("thresholds") : nullptr;
        t && t->is_array() && t->get_array().size() > kMaxThresholds)
        return errorReply(http::status::bad_request, "invalid_rule_config", "监测范围条目过多（上限2000条）",
                          "thresholds");
    auto config = domain::parseRuleConfig(*json);
    if (!config)
        return errorReply(http::status::bad_request, config.error().code, config.error().message,
                          config.error().field);
    json->as_object()["hash"] = config->hash;
    const std::string document = toCanonicalJson(*json);

    auto tx = context.store.beginWrite();
    if (!tx)
        return errorReply(tx.error());
    auto current = ruleConfigInForce(**tx);
    if (!current)
        return errorReply(current.error());
    if ((*current)->hash == config->hash)
        return jsonReply(boost::json::object{{"status", "unchanged"},
                                             {"id", config->id},
                                             {"version", config->version},
                                             {"hash", config->hash}});
    if (config->version <= (*current)->version)
        return errorReply(http::status::conflict, "stale_rule_config",
                          "规则配置版本号应大于正在使用的版本（" + (*current)->id + "，版本" +
                              std::to_string((*current)->version) + "）",
                          "version");
    RuleConfigRow row{0,        config->id,    config->version,      config->hash,
                      document, user.username, context.clock.nowMs()};
    auto seq = (*tx)->putRuleConfig(row);
    if (!seq)
        return errorReply(seq.error());
    if (auto st = (*tx)->commit(); !st)
        return errorReply(st.error());
    return jsonReply(boost::json::object{{"status", "loaded"},
                                         {"seq", *seq},
                                         {"id", config->id},
                                         {"version", config->version},
                                         {"hash", config->hash}},
                     http::status::created);
}

} // namespace

// GET /api/v1/rules/config (any user): the configuration in force, {"document", "source", …}.
// GET /api/v1/rules/config/history (county/admin). PUT /api/v1/rules/config (county/admin): validates
// and stores a new configuration (docs/decisions.md D13); it is in force for every evaluation from then on.
ApiReply handleRuleConfig(const Request &request, const ApiContext &context) {
    auto user = authenticate(request, context);
    if (!user)
        return errorReply(user.error());
    std::string_view target(request.target().data(), request.target().size());
    target = target.substr(0, target.find('?'));
    ApiReply reply;
    if (target == "/api/v1/rules/config" && request.method() == http::verb::get)
        reply = getConfig(context);
    else if (target == "/api/v1/rules/config" && request.method() == http::verb::put)
        reply = putConfig(request, context, *user);
    else if (target == "/api/v1/rules/config/history" && request.method() == http::verb::get)
        reply = getHistory(context, *user);
    else if (target == "/api/v1/rules/config" || target == "/api/v1/rules/config/history") {
        reply = errorReply(http::status::method_not_allowed, "method_not_allowed",
                           "该地址不支持 " + std::string(request.method_string()) + " 请求");
        reply.allow = target.ends_with("history") ? "GET" : "GET, PUT";
    } else
        reply = errorReply(http::status::not_found, "not_found", "请求的地址不存在");
    reply.user = user->username;
    return reply;
}

} // namespace ruhu::server
