#include "handlers.h"
#include "replies.h"

#include <ruhu/sync/protocol.h>

namespace ruhu::server {

ApiReply handleHealth(const Request &, const ApiContext &) {
    return jsonReply(boost::json::object{{"status", "ok"}, {"protocol", protocol::kVersion}});
}

} // namespace ruhu::server
