#include "multipart.h"

#include <algorithm>
#include <cctype>
#include <optional>

namespace ruhu::server::console {
namespace {

constexpr size_t kMaxParts = 32;
constexpr size_t kMaxPartHeaderBytes = 4096;

Error malformed() {
    return Error{"bad_request", "上传的表单格式不正确，请刷新页面后重试", ""};
}

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

// The value of `key=` in a header's parameters ("form-data; name=\"file\"; filename=\"a.csv\"").
std::optional<std::string> parameter(std::string_view header, std::string_view key) {
    const std::string lowered = lower(header);
    for (size_t at = 0; (at = lowered.find(key, at)) != std::string::npos; at += key.size()) {
        const bool starts = at == 0 || lowered[at - 1] == ';' || lowered[at - 1] == ' ';
        size_t value = at + key.size();
        if (!starts || value >= header.size() || header[value] != '=')
            continue;
        ++value;
        if (value < header.size() && header[value] == '"') {
            const size_t end = header.find('"', value + 1);
            if (end == std::string_view::npos)
                return std::nullopt;
            return std::string(header.substr(value + 1, end - value - 1));
        }
        const size_t end = std::min(header.find(';', value), header.size());
        std::string_view token = header.substr(value, end - value);
        while (!token.empty() && token.back() == ' ')
            token.remove_suffix(1);
        return std::string(token);
    }
    return std::nullopt;
}

} // namespace

std::string multipartBoundary(std::string_view contentType) {
    const std::string type = lower(contentType.substr(0, contentType.find(';')));
    if (type.find("multipart/form-data") == std::string::npos)
        return {};
    auto boundary = parameter(contentType, "boundary");
    // RFC 2046: 1 to 70 characters.
    if (!boundary || boundary->empty() || boundary->size() > 70)
        return {};
    return *boundary;
}

Result<std::map<std::string, std::string>> multipartFields(std::string_view boundary, std::string_view body) {
    if (body.size() > kMaxUploadBytes)
        return Error{"payload_too_large", "上传内容过大（上限 4MB）", ""};
    if (boundary.empty())
        return malformed();
    const std::string delimiter = "--" + std::string(boundary);
    if (body.substr(0, delimiter.size()) != delimiter)
        return malformed();
    const std::string separator = "\r\n" + delimiter;
    std::map<std::string, std::string> fields;
    size_t at = delimiter.size();
    for (size_t parts = 0;; ++parts) {
        if (body.substr(at, 2) == "--")
            return fields; // the closing delimiter
        if (parts == kMaxParts || body.substr(at, 2) != "\r\n")
            return malformed();
        at += 2;
        const size_t headerEnd = body.find("\r\n\r\n", at);
        if (headerEnd == std::string_view::npos || headerEnd - at > kMaxPartHeaderBytes)
            return malformed();
        std::optional<std::string> name, filename;
        for (std::string_view headers = body.substr(at, headerEnd - at); !headers.empty();) {
            const size_t end = std::min(headers.find("\r\n"), headers.size());
            const std::string_view line = headers.substr(0, end);
            headers.remove_prefix(std::min(end + 2, headers.size()));
            const size_t colon = line.find(':');
            if (colon == std::string_view::npos)
                return malformed();
            if (lower(line.substr(0, colon)) == "content-disposition") {
                name = parameter(line.substr(colon + 1), "name");
                filename = parameter(line.substr(colon + 1), "filename");
            }
        }
        if (!name || name->empty())
            return malformed();
        const size_t contentStart = headerEnd + 4;
        const size_t contentEnd = body.find(separator, contentStart);
        if (contentEnd == std::string_view::npos)
            return malformed();
        fields.try_emplace(*name, std::string(body.substr(contentStart, contentEnd - contentStart)));
        if (filename)
            fields.try_emplace(*name + ".filename", *filename);
        at = contentEnd + separator.size();
    }
}

} // namespace ruhu::server::console
