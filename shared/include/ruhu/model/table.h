#pragma once

#include <string>
#include <vector>

// A table read from an uploaded CSV or XLSX file (the server's readers in syncserver/tabular/), as the
// domain's list parsers take it (ruhu/domain/lead_sources.h).
namespace ruhu {

struct TableCell {
    std::string text; // UTF-8; an XLSX numeric cell's stored value verbatim ("429005199003071234", "45356")
    bool number = false; // an XLSX numeric cell (a CSV has none)
};

struct TableRow {
    int number = 0; // 1-based, as the spreadsheet program shows it
    std::vector<TableCell> cells;
};

struct Table {
    std::vector<TableRow> rows; // rows with at least one non-empty cell, in order
};

} // namespace ruhu
