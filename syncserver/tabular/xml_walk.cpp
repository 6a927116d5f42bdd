#include "xml_walk.h"

#include <expat.h>
#include <optional>
#include <string>

namespace ruhu::server::tabular {
namespace {

constexpr char kSeparator = '\x01';

Error malformed() {
    return Error{"xlsx_malformed", "无法读取该 XLSX 文件（内容格式有误）", ""};
}

struct Walk {
    XML_Parser parser = nullptr;
    XmlHandlers *handlers = nullptr;
    std::optional<Error> failure;
    std::string name;

    // "uri\1local" -> "local" (elements) or "seg:local" (attributes in a namespace).
    static std::string_view localName(const char *raw) {
        std::string_view s(raw);
        const auto sep = s.rfind(kSeparator);
        return sep == std::string_view::npos ? s : s.substr(sep + 1);
    }

    void stop(Error e) {
        if (!failure)
            failure = std::move(e);
        XML_StopParser(parser, XML_FALSE);
    }
};

std::string attributeName(const char *raw) {
    std::string_view s(raw);
    const auto sep = s.rfind(kSeparator);
    if (sep == std::string_view::npos)
        return std::string(s);
    std::string_view uri = s.substr(0, sep);
    const auto slash = uri.rfind('/');
    if (slash != std::string_view::npos)
        uri = uri.substr(slash + 1);
    return std::string(uri) + ":" + std::string(s.substr(sep + 1));
}

void onStart(void *data, const XML_Char *name, const XML_Char **attributes) {
    auto *w = static_cast<Walk *>(data);
    if (w->handlers->start) {
        if (auto st = w->handlers->start(Walk::localName(name), attributes); !st)
            w->stop(st.error());
    }
}

void onEnd(void *data, const XML_Char *name) {
    auto *w = static_cast<Walk *>(data);
    if (w->handlers->end) {
        if (auto st = w->handlers->end(Walk::localName(name)); !st)
            w->stop(st.error());
    }
}

void onText(void *data, const XML_Char *text, int length) {
    auto *w = static_cast<Walk *>(data);
    if (w->handlers->text) {
        if (auto st = w->handlers->text(std::string_view(text, static_cast<size_t>(length))); !st)
            w->stop(st.error());
    }
}

void onDoctype(void *data, const XML_Char *, const XML_Char *, const XML_Char *, int) {
    static_cast<Walk *>(data)->stop(malformed());
}

} // namespace

const char *xmlAttribute(const char **attributes, std::string_view name) {
    for (size_t i = 0; attributes && attributes[i]; i += 2) {
        if (attributeName(attributes[i]) == name)
            return attributes[i + 1];
    }
    return nullptr;
}

Status walkXml(std::string_view xml, XmlHandlers &handlers) {
    Walk w;
    w.parser = XML_ParserCreateNS("UTF-8", kSeparator);
    if (!w.parser)
        return Error{"internal", "服务器内存不足", ""};
    w.handlers = &handlers;
    XML_SetUserData(w.parser, &w);
    XML_SetElementHandler(w.parser, onStart, onEnd);
    XML_SetCharacterDataHandler(w.parser, onText);
    XML_SetStartDoctypeDeclHandler(w.parser, onDoctype);
    const bool parsed =
        XML_Parse(w.parser, xml.data(), static_cast<int>(xml.size()), XML_TRUE) == XML_STATUS_OK;
    XML_ParserFree(w.parser);
    if (w.failure)
        return *w.failure;
    if (!parsed)
        return malformed();
    return okStatus();
}

} // namespace ruhu::server::tabular
