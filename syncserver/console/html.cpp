#include "html.h"

#include <stdexcept>

namespace ruhu::server::console {

std::string escapeHtml(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

void failPlaceholderCount() {
    throw std::logic_error("console template: the number of {} holes does not match the arguments");
}

Markup join(const std::vector<Markup> &parts) {
    Markup out;
    for (const auto &part : parts)
        out += part;
    return out;
}

Markup attributeIf(bool on, const char *name) {
    return on ? html(" {}", name) : Markup();
}

} // namespace ruhu::server::console
