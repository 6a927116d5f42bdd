#pragma once

#include <ruhu/result.h>

#include <functional>
#include <string_view>

namespace ruhu::server::tabular {

// One pass of expat over an XML part with namespaces resolved: elements and attributes by local name
// (an attribute in a namespace is "ns:local" with ns the last path segment of its URI, so r:id reads
// "relationships:id"). A document type declaration (and with it any entity) is refused, so no entity
// expansion happens. A callback returning an Error stops the walk with it.
struct XmlHandlers {
    std::function<Status(std::string_view name, const char **attributes)> start;
    std::function<Status(std::string_view name)> end;
    std::function<Status(std::string_view text)> text;
};

Status walkXml(std::string_view xml, XmlHandlers &handlers);

// The value of attribute `name` (as named above) among expat's attribute pairs, or nullptr.
const char *xmlAttribute(const char **attributes, std::string_view name);

} // namespace ruhu::server::tabular
