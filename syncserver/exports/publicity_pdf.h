#pragma once

#include <ruhu/exports/publicity_layout.h>
#include <ruhu/result.h>

#include <string>
#include <vector>

namespace ruhu::server {

// One village's notice for one 公示 period and the households it lists.
struct PublicityNoticeRows {
    exports::PublicityNotice notice;
    std::vector<exports::PublicityEntry> entries;
};

// The notices as one printable A4 PDF (cairo + pango, Noto Sans CJK SC): each notice starts on a new page
// with its title, the text, 公示期 and the table (its header repeated on every page), then where to object,
// the 村民委员会 and the date; every page numbered "第 n 页 共 m 页" within its notice. No notice: one page
// saying there is nothing in 公示. Error "internal" if cairo fails.
Result<std::string> renderPublicityPdf(const std::vector<PublicityNoticeRows> &notices,
                                       const std::string &emptyTitle);

} // namespace ruhu::server
