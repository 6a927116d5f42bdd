#include "table_builder.h"

#include <algorithm>

namespace ruhu::server::tabular {

std::string rowPrefix(int rowNumber) {
    return "第" + std::to_string(rowNumber) + "行";
}

Status TableBuilder::addCell(int rowNumber, size_t column, TableCell cell) {
    if (column >= m_limits.maxColumns)
        return Error{"too_many_columns",
                     rowPrefix(rowNumber) + "：列数超过上限（" + std::to_string(m_limits.maxColumns) + "列）",
                     ""};
    if (cell.text.size() > m_limits.maxCellBytes)
        return Error{"cell_too_long",
                     rowPrefix(rowNumber) + "第" + std::to_string(column + 1) + "列：内容过长", ""};
    m_row.number = rowNumber;
    if (m_row.cells.size() <= column)
        m_row.cells.resize(column + 1);
    m_row.cells[column] = std::move(cell);
    return okStatus();
}

Status TableBuilder::endRow() {
    const bool empty = std::all_of(m_row.cells.begin(), m_row.cells.end(),
                                   [](const TableCell &c) { return c.text.empty(); });
    if (!empty) {
        if (m_table.rows.size() >= m_limits.maxRows)
            return Error{"too_many_rows",
                         "行数超过上限（" + std::to_string(m_limits.maxRows) + "行），请分批导入", ""};
        m_table.rows.push_back(std::move(m_row));
    }
    m_row = TableRow{};
    return okStatus();
}

} // namespace ruhu::server::tabular
