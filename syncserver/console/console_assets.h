#pragma once

#include <span>
#include <string_view>

namespace ruhu::server::console {

// A static file of the console compiled into the binary (embed_assets.cmake).
struct EmbeddedAsset {
    std::string_view name; // "htmx.min.js"
    std::string_view bytes;
    std::string_view contentType;
};

std::span<const EmbeddedAsset> embeddedAssets();

} // namespace ruhu::server::console
