#include "xlsx/workbook_layout.hpp"

#include <algorithm>

namespace esfdraft::xlsx {

const Cell* SheetLayout::find(std::uint32_t row, std::uint32_t column) const {
    const auto found = std::find_if(cells.begin(), cells.end(),
                                    [&](const Cell& cell) { return cell.row == row && cell.column == column; });
    return found == cells.end() ? nullptr : &*found;
}

LookId WorkbookLayout::look(const CellLook& wanted) {
    const auto found = std::find(looks.begin(), looks.end(), wanted);
    if (found != looks.end()) return static_cast<LookId>(found - looks.begin());
    looks.push_back(wanted);
    return looks.size() - 1;
}

const SheetLayout* WorkbookLayout::find_sheet(std::string_view name) const {
    const auto found =
        std::find_if(sheets.begin(), sheets.end(), [&](const SheetLayout& sheet) { return sheet.name == name; });
    return found == sheets.end() ? nullptr : &*found;
}

}  // namespace esfdraft::xlsx
