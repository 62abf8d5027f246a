// A workbook described as plain values: sheets of cells (constants, or
// formulas with their results), looks, tables, a chart, print set-up, defined
// names and document properties. The budget layout (budget_layout.hpp) builds
// one from the model; the XLSX emitter (xlsx_emitter.hpp) writes it with
// libxlsxwriter. Keeping the two apart lets the tests read every formula and
// its result without unzipping, and keeps libxlsxwriter in one file.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "model/values.hpp"

namespace esfdraft::xlsx {

// An amount of money, shown in kronor (öre / 100): the one place where an
// amount becomes a floating-point number is when the emitter writes the cell.
struct Amount {
    model::Money ore = 0;
    auto operator<=>(const Amount&) const = default;
};

// An exact fraction (a share), written as numerator / denominator.
struct Ratio {
    std::int64_t numerator = 0;
    std::int64_t denominator = 1;  // never 0
    auto operator<=>(const Ratio&) const = default;
};

// A whole number that is not money (a year).
struct Count {
    std::int64_t value = 0;
    auto operator<=>(const Count&) const = default;
};

// What a cell shows. For a formula cell it is the formula's result.
// std::monostate is an empty cell. A Date must be valid and from 1900 on.
using CellValue = std::variant<std::monostate, std::string, Amount, Ratio, Count, model::Date>;

// A cell's look; the emitter makes one spreadsheet format per distinct look.
struct CellLook {
    enum class Align { general, left, center, right };

    std::string number_format;  // Excel format code; empty = General
    bool bold = false;
    bool italic = false;
    bool wrap = false;
    bool header = false;  // shaded with a rule below
    bool total = false;   // a rule above
    Align align = Align::general;
    bool top = false;     // vertical alignment at the top (else Excel's bottom)
    int indent = 0;       // indent levels from the aligned edge
    int font_points = 0;  // 0 = the default size (11)
    auto operator<=>(const CellLook&) const = default;
};

using LookId = std::size_t;  // index into WorkbookLayout::looks; 0 is the default look

struct Cell {
    std::uint32_t row = 0;     // 0-based
    std::uint32_t column = 0;  // 0-based
    CellValue value;
    std::string formula;  // "=…" for a live cell (value is its result); empty for a constant
    LookId look = 0;
};

// Cells row..row, first_column..last_column shown as one; the text is the
// cell at (row, first_column).
struct Merge {
    std::uint32_t row = 0;
    std::uint32_t first_column = 0;
    std::uint32_t last_column = 0;
};

// An Excel table (autofilter, banded rows) over a header row and its data rows.
struct Table {
    std::string name;
    std::uint32_t header_row = 0;
    std::uint32_t last_row = 0;  // > header_row: a table has at least one data row
    std::uint32_t first_column = 0;
    std::vector<std::string> headers;  // one per column
    std::vector<LookId> header_looks;  // one per column, for viewers that ignore table styles
};

// A drop-down list on a column range; other entries give a warning, not a refusal.
struct ListValidation {
    std::uint32_t first_row = 0;
    std::uint32_t last_row = 0;
    std::uint32_t column = 0;
    std::vector<std::string> values;
};

// A cell shown in red when its text starts with `marker` (a broken limit).
struct Highlight {
    std::uint32_t row = 0;
    std::uint32_t column = 0;
    std::string marker;
};

// A bar chart of one series.
struct Chart {
    std::string title;
    std::string categories;          // "='Sheet'!$A$2:$A$9"
    std::string values;              // "='Sheet'!$F$2:$F$9"
    std::string number_format;       // for the data labels
    std::string axis_number_format;  // for the value axis
    std::string alt_text;
    std::uint32_t anchor_row = 0;
    std::uint32_t anchor_column = 0;
    double width_scale = 1.0;
    double height_scale = 1.0;
};

struct PrintSetup {
    std::optional<std::uint32_t> repeat_rows_through;  // rows 0..n repeat on every page
    std::string header;                                // Excel header codes (&L, &C, &R, &P, &N, &A); at most 255 bytes
    std::string footer;
    std::vector<std::uint32_t> page_breaks;  // rows that start a new page (ascending, > 0)
};

struct SheetLayout {
    std::string name;
    std::vector<Cell> cells;
    std::vector<double> column_widths;                          // in characters, by column; 0 = default
    std::vector<std::pair<std::uint32_t, double>> row_heights;  // (row, points)
    std::vector<Merge> merges;
    std::uint32_t frozen_rows = 0;
    std::uint32_t frozen_columns = 0;
    std::optional<Table> table;
    std::vector<ListValidation> validations;
    std::vector<Highlight> highlights;
    std::optional<Chart> chart;
    PrintSetup print;  // every sheet prints landscape on A4, one page wide

    // The cell at (row, column), or nullptr.
    const Cell* find(std::uint32_t row, std::uint32_t column) const;
};

struct DefinedName {
    std::string name;
    std::string target;  // "='Sheet'!$B$5"
};

struct DocumentProperties {
    std::string title;
    std::string subject;
    std::string author;
    std::string company;
    std::string keywords;
    std::string comments;
    model::Date created;                                      // written as midnight UTC
    std::vector<std::pair<std::string, std::string>> custom;  // custom text properties, name and value
};

struct WorkbookLayout {
    std::vector<SheetLayout> sheets;
    std::vector<CellLook> looks{CellLook{}};
    std::vector<DefinedName> names;
    DocumentProperties properties;

    // The id of `look`, adding it when new.
    LookId look(const CellLook& look);
    // The sheet called `name`, or nullptr.
    const SheetLayout* find_sheet(std::string_view name) const;
};

}  // namespace esfdraft::xlsx
