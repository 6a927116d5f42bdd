#pragma once

#include "table_reader.h"

namespace ruhu::server::tabular {

// Collects cells into rows under the limits; both readers fill a table through it.
class TableBuilder {
public:
    explicit TableBuilder(const Limits &limits)
        : m_limits(limits) {}

    // Column `column` (0-based) of the row being built; rows come in ascending numbers.
    Status addCell(int rowNumber, size_t column, TableCell cell);
    // Ends the row: kept when a cell is non-empty.
    Status endRow();
    Table take() { return std::move(m_table); }

private:
    const Limits &m_limits;
    Table m_table;
    TableRow m_row;
};

std::string rowPrefix(int rowNumber); // "第N行"

} // namespace ruhu::server::tabular
