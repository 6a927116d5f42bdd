#pragma once

#include <string_view>
#include <vector>

// The layout of the income sheet record (附件2, docs/data-model.md): its line collections with their
// columns and the fixed items of each group, with the keys the reader (income_sheet_json.cpp) reads.
// Declared once here (decision D1); the tablet's editor shows it, translating the labels for display.
namespace ruhu::domain {

struct IncomeSheetColumn {
    std::string_view key;
    std::string_view label;
    std::string_view type; // text | money (分) | real | int
};

// A collection of lines (crops, livestock, business, wages, fixedAssets).
struct IncomeSheetLineSection {
    std::string_view key;
    std::string_view title;
    std::vector<IncomeSheetColumn> columns;
};
const std::vector<IncomeSheetLineSection> &incomeSheetLineSections();

// A group of fixed money items: "property" and "rigid" live in one object field of that name, "transfers"
// in an object keyed by item code (transferItems()), "claims" are top-level fields of the sheet.
struct IncomeSheetItem {
    std::string_view key;
    std::string_view label;
};
struct IncomeSheetItemGroup {
    std::string_view key;
    std::string_view title;
    std::vector<IncomeSheetItem> items;
};
const std::vector<IncomeSheetItemGroup> &incomeSheetItemGroups();

} // namespace ruhu::domain
