// GET /console/assets/NAME: the embedded files, or with --console-assets DIR the same names read from
// DIR (a developer edits the stylesheet without rebuilding). Only names in the embedded list are served.
#include "console_assets.h"

#include "../api/replies.h"
#include "console.h"

#include <fstream>
#include <sstream>

namespace ruhu::server::console {

ApiReply assetReply(const ApiContext &context, std::string_view name) {
    for (const auto &asset : embeddedAssets()) {
        if (asset.name != name)
            continue;
        ApiReply reply;
        reply.contentType = std::string(asset.contentType);
        if (context.consoleAssetsDir.empty()) {
            reply.rawBody = std::string(asset.bytes);
            reply.headers.emplace_back("Cache-Control", "max-age=300");
        } else {
            std::ifstream file(context.consoleAssetsDir + "/" + std::string(asset.name), std::ios::binary);
            if (!file)
                return errorReply(http::status::not_found, "not_found", "静态文件不存在");
            std::ostringstream bytes;
            bytes << file.rdbuf();
            reply.rawBody = bytes.str();
        }
        addSecurityHeaders(reply);
        return reply;
    }
    return errorReply(http::status::not_found, "not_found", "请求的地址不存在");
}

} // namespace ruhu::server::console
