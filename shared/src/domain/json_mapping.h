#pragma once
// Internal: JSON → typed model, one function per record kind.

#include "json_reader.h"

#include <ruhu/domain/household.h>
#include <ruhu/domain/income_sheet.h>
#include <ruhu/domain/member.h>
#include <ruhu/domain/records.h>

namespace ruhu::domain::detail {

Household readHousehold(ObjectReader &r);
Member readMember(ObjectReader &r);
IncomeSheet readIncomeSheet(ObjectReader &r);
AssistanceMeasure readMeasure(ObjectReader &r);

// Reads every element of an array of objects with `read`.
template <class T, class F>
std::vector<T> readList(ObjectReader &parent, std::string_view key, ErrorSlot &errors, F read) {
    std::vector<T> out;
    const boost::json::array *items = parent.array(key);
    if (!items)
        return out;
    out.reserve(items->size());
    for (size_t i = 0; i < items->size() && !errors.failed(); ++i) {
        ObjectReader item(&(*items)[i], indexPath(parent.pathOf(key), i), errors);
        if (!item.present() && !errors.failed())
            errors.fail(item.path(), "应为JSON对象");
        out.push_back(read(item));
        item.finish();
    }
    return out;
}

} // namespace ruhu::domain::detail
