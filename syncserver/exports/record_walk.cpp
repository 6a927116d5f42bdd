#include "record_walk.h"

namespace ruhu::server {

Status forEachRecord(CentralStore &store, const std::string &kind, const std::vector<std::string> &prefixes,
                     const std::function<Status(const Record &)> &visit) {
    constexpr size_t kPage = 2000;
    std::string after;
    for (;;) {
        auto page = store.recordsOfKind(kind, prefixes, after, kPage);
        if (!page)
            return page.error();
        for (const auto &record : *page) {
            if (auto st = visit(record); !st)
                return st;
        }
        if (page->size() < kPage)
            return okStatus();
        after = page->back().id;
    }
}

} // namespace ruhu::server
