#pragma once

#include <ruhu/model/table.h>
#include <ruhu/result.h>

#include <cstddef>
#include <string_view>

// Readers of an uploaded list (a department's 筛查预警 list): CSV (RFC 4180) or the first sheet of an XLSX
// workbook, both bounded so that a hostile file costs little. Errors carry a stable code and a Chinese
// message: file_empty, file_encoding, csv_malformed, xlsx_malformed, file_too_large, too_many_rows,
// too_many_columns, cell_too_long.
namespace ruhu::server::tabular {

struct Limits {
    size_t maxRows = 20000;
    size_t maxColumns = 64;
    size_t maxCellBytes = 4096;
    size_t maxEntryBytes = 32 * 1024 * 1024; // one XLSX part, decompressed (a zip bomb stops here)
    size_t maxTotalBytes = 64 * 1024 * 1024; // every part read, decompressed
    size_t maxEntries = 2000;                // parts in the archive
    size_t maxSharedStrings = 200000;
};

// An XLSX (a zip archive) starts with "PK\3\4"; anything else is taken for CSV.
bool looksLikeXlsx(std::string_view bytes);

// UTF-8 (a byte-order mark is dropped) or, when the bytes are not valid UTF-8, GB18030 (what Excel and
// WPS write on a Chinese Windows). Quoted fields may hold commas, quotes ("") and line breaks; a quote
// inside an unquoted field or text after a closing quote is csv_malformed with its row.
Result<Table> readCsv(std::string_view bytes, const Limits &limits = {});

// The workbook's first sheet (found through workbook.xml and its relationships): shared strings, inline
// strings, formula string results, booleans and numbers (kept as written, so an 18-digit number loses
// nothing).
Result<Table> readXlsx(std::string_view bytes, const Limits &limits = {});

// readXlsx or readCsv by the first bytes.
Result<Table> readTable(std::string_view bytes, const Limits &limits = {});

} // namespace ruhu::server::tabular
