// Writes a WorkbookLayout as an XLSX file. This is the only code that calls
// libxlsxwriter; none of its types appear here.
#pragma once

#include <string>

#include "xlsx/workbook_layout.hpp"

namespace esfdraft::xlsx {

// Writes `layout` to `path`, replacing any file there. Every limit of
// libxlsxwriter 1.1.4 and of Excel is checked before the library is called
// (sheet names, 32 767-character texts, 8 192-character formulas, table and
// defined names, drop-down lists of 255 characters, 255-character headers and
// footers, the grid's rows and columns), so bad data gives a
// std::runtime_error naming the sheet and cell, never a library warning on
// stderr or a damaged file. Nothing touches the file system until the whole
// workbook is built; if writing then fails, the partial file is removed.
void emit_workbook(const WorkbookLayout& layout, const std::string& path);

}  // namespace esfdraft::xlsx
