#include "xlsx/xlsx_emitter.hpp"

#include <xlsxwriter.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <deque>
#include <filesystem>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "xlsx/cell_reference.hpp"
#include "xlsx/cell_text.hpp"
#include "xlsx/message_context.hpp"

namespace esfdraft::xlsx {
namespace {

constexpr std::size_t max_formula_length = 8192;  // Excel's limit, in characters
constexpr std::size_t max_sheet_name_length = 31;
constexpr std::size_t max_header_footer_bytes = 255;     // LXW_HEADER_FOOTER_MAX, counted safely in bytes
constexpr std::size_t max_validation_list_length = 255;  // Excel's limit on a list with its commas
constexpr std::size_t max_number_format_length = 255;
constexpr std::size_t max_name_bytes = 127;  // LXW_DEFINED_NAME_LENGTH - 1 for names and their targets
constexpr std::size_t max_property_bytes = 255;

constexpr lxw_color_t header_fill = 0xDCE6F1;
constexpr lxw_color_t broken_fill = 0xFFC7CE;
constexpr lxw_color_t broken_font = 0x9C0006;

[[noreturn]] void fail(const std::string& message) { throw std::runtime_error("budget workbook: " + message); }

template <typename Context>
void check(lxw_error error, const Context& context) {
    if (error != LXW_NO_ERROR) fail(describe(context) + ": " + lxw_strerror(error));
}

std::string where(const SheetLayout& sheet, std::uint32_t row, std::uint32_t column) {
    return "sheet '" + sheet.name + "' cell " + cell_ref(row, column);
}

template <typename Context>
void check_text(std::string_view text, const Context& context, std::size_t limit = max_cell_text_units) {
    if (const auto problem = cell_text_problem(text, limit)) fail(describe(context) + " " + *problem);
}

bool is_ascii_letter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

std::string ascii_lower(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// Excel's rules for defined names and table names: a letter, '_' or '\'
// first, then letters, digits, '_' and '.'; and not something Excel would
// read as a cell reference ("B5", "R1C1", "R", "C").
std::optional<std::string> name_problem(std::string_view name) {
    if (name.empty() || name.size() > max_name_bytes) return "must have 1–127 characters";
    if (!is_ascii_letter(name[0]) && name[0] != '_' && name[0] != '\\') return "must start with a letter or '_'";
    for (const char c : name)
        if (!is_ascii_letter(c) && !is_ascii_digit(c) && c != '_' && c != '.' && c != '\\')
            return "may hold only letters, digits, '_' and '.'";
    std::size_t letters = 0;
    while (letters < name.size() && is_ascii_letter(name[letters])) ++letters;
    bool digits_after = letters < name.size();
    for (std::size_t i = letters; i < name.size(); ++i) digits_after = digits_after && is_ascii_digit(name[i]);
    if (letters >= 1 && letters <= 3 && digits_after) return "looks like a cell reference";
    const std::string lower = ascii_lower(name);
    const bool r1c1 =
        lower.find_first_not_of("rc0123456789") == std::string::npos && (lower[0] == 'r' || lower[0] == 'c');
    if (r1c1) return "looks like an R1C1 reference";
    return std::nullopt;
}

std::optional<std::string> sheet_name_problem(std::string_view name) {
    if (name.empty()) return "is empty";
    if (const auto problem = cell_text_problem(name, max_sheet_name_length)) return problem;
    if (name.find_first_of("[]:*?/\\") != std::string_view::npos) return "holds one of [ ] : * ? / \\";
    if (name.front() == '\'' || name.back() == '\'') return "starts or ends with an apostrophe";
    if (ascii_lower(name) == "history") return "is reserved by Excel";
    return std::nullopt;
}

// Owns the libxlsxwriter workbook until it is closed; frees it unwritten on
// any exception.
class WorkbookHandle {
public:
    WorkbookHandle(const std::string& path, const std::string& temporary_folder) {
        lxw_workbook_options options{};
        // libxlsxwriter keeps this pointer, not a copy: the string outlives the workbook.
        options.tmpdir = const_cast<char*>(temporary_folder.c_str());
        workbook_ = workbook_new_opt(path.c_str(), &options);
        if (workbook_ == nullptr) fail("cannot start a workbook (out of memory)");
    }
    ~WorkbookHandle() {
        if (workbook_ != nullptr) lxw_workbook_free(workbook_);
    }
    WorkbookHandle(const WorkbookHandle&) = delete;
    WorkbookHandle& operator=(const WorkbookHandle&) = delete;

    lxw_workbook* get() const { return workbook_; }

    // Writes the file; the workbook is gone afterwards whatever happens.
    // One workbook at a time is written per process: libxlsxwriter 1.1.4
    // packs it with gmtime() (one static buffer for the document date) and
    // names its temporary files with rand(), neither safe in two threads.
    lxw_error close() {
        static std::mutex closing;
        const std::lock_guard<std::mutex> lock(closing);
        lxw_workbook* workbook = workbook_;
        workbook_ = nullptr;
        return workbook_close(workbook);
    }

private:
    lxw_workbook* workbook_ = nullptr;
};

class Emitter {
public:
    Emitter(const WorkbookLayout& layout, const std::string& path)
        : layout_(layout), path_(path), temporary_folder_(folder_of(path)), workbook_(path, temporary_folder_) {}

    void emit() {
        check_names();
        make_formats();
        for (const SheetLayout& sheet : layout_.sheets) emit_sheet(sheet);
        for (const DefinedName& name : layout_.names)
            check(workbook_define_name(workbook_.get(), name.name.c_str(), name.target.c_str()),
                  "defined name '" + name.name + "'");
        set_properties();
        write_file();
    }

private:
    static std::string folder_of(const std::string& path) {
        const std::filesystem::path folder = std::filesystem::path(path).parent_path();
        return folder.empty() ? std::string(".") : folder.string();
    }

    // libxlsxwriter takes some strings as char*; these copies outlive the workbook.
    char* keep(std::string text) {
        kept_.push_back(std::move(text));
        return kept_.back().data();
    }

    void check_names() const {
        std::set<std::string> taken;  // defined names and table names share one name space, ignoring case
        for (const DefinedName& name : layout_.names) {
            if (const auto problem = name_problem(name.name)) fail("defined name '" + name.name + "' " + *problem);
            if (name.target.size() > max_name_bytes) fail("defined name '" + name.name + "' refers too far");
            if (!taken.insert(ascii_lower(name.name)).second) fail("defined name '" + name.name + "' is used twice");
        }
        std::set<std::string> sheets;
        for (const SheetLayout& sheet : layout_.sheets) {
            if (const auto problem = sheet_name_problem(sheet.name))
                fail("sheet name '" + sheet.name + "' " + *problem);
            if (!sheets.insert(ascii_lower(sheet.name)).second) fail("sheet name '" + sheet.name + "' is used twice");
            if (!sheet.table) continue;
            const std::string& table = sheet.table->name;
            if (const auto problem = name_problem(table)) fail("table name '" + table + "' " + *problem);
            if (!taken.insert(ascii_lower(table)).second) fail("table name '" + table + "' is already a name");
        }
    }

    void make_formats() {
        formats_.reserve(layout_.looks.size());
        for (const CellLook& look : layout_.looks) {
            if (look == CellLook{}) {
                formats_.push_back(nullptr);
                continue;
            }
            lxw_format* format = workbook_add_format(workbook_.get());
            if (format == nullptr) fail("cannot add a cell format (out of memory)");
            if (!look.number_format.empty()) {
                check_text(look.number_format, "the number format '" + look.number_format + "'",
                           max_number_format_length);
                format_set_num_format(format, look.number_format.c_str());
            }
            if (look.bold) format_set_bold(format);
            if (look.italic) format_set_italic(format);
            if (look.wrap) format_set_text_wrap(format);
            if (look.header) {
                format_set_bg_color(format, header_fill);
                format_set_bottom(format, LXW_BORDER_THIN);
            }
            if (look.total) format_set_top(format, LXW_BORDER_THIN);
            switch (look.align) {
                case CellLook::Align::general: break;
                case CellLook::Align::left: format_set_align(format, LXW_ALIGN_LEFT); break;
                case CellLook::Align::center: format_set_align(format, LXW_ALIGN_CENTER); break;
                case CellLook::Align::right: format_set_align(format, LXW_ALIGN_RIGHT); break;
            }
            if (look.top) format_set_align(format, LXW_ALIGN_VERTICAL_TOP);
            if (look.indent > 0) format_set_indent(format, static_cast<std::uint8_t>(look.indent));
            if (look.font_points > 0) format_set_font_size(format, look.font_points);
            formats_.push_back(format);
        }
        broken_format_ = workbook_add_format(workbook_.get());
        if (broken_format_ == nullptr) fail("cannot add a cell format (out of memory)");
        format_set_bg_color(broken_format_, broken_fill);
        format_set_font_color(broken_format_, broken_font);
    }

    template <typename Context>
    lxw_format* format_of(LookId look, const Context& context) const {
        if (look >= formats_.size()) fail(describe(context) + " has an unknown look");
        return formats_[look];
    }

    void emit_sheet(const SheetLayout& sheet) {
        check(workbook_validate_sheet_name(workbook_.get(), sheet.name.c_str()), "sheet name '" + sheet.name + "'");
        lxw_worksheet* worksheet = workbook_add_worksheet(workbook_.get(), sheet.name.c_str());
        if (worksheet == nullptr) fail("cannot add sheet '" + sheet.name + "'");

        std::set<std::pair<std::uint32_t, std::uint32_t>> merged_anchors;
        for (const Merge& merge : sheet.merges) merged_anchors.insert({merge.row, merge.first_column});
        for (const Cell& cell : sheet.cells)
            if (!merged_anchors.count({cell.row, cell.column})) emit_cell(sheet, worksheet, cell);
        for (const Merge& merge : sheet.merges) emit_merge(sheet, worksheet, merge);

        for (std::size_t column = 0; column < sheet.column_widths.size(); ++column) {
            if (sheet.column_widths[column] <= 0) continue;
            const auto index = static_cast<lxw_col_t>(column);
            check(worksheet_set_column(worksheet, index, index, sheet.column_widths[column], nullptr),
                  "sheet '" + sheet.name + "' column " + column_letters(index));
        }
        for (const auto& [row, points] : sheet.row_heights)
            check(worksheet_set_row(worksheet, row, points, nullptr),
                  "sheet '" + sheet.name + "' row " + std::to_string(row + 1));
        if (sheet.frozen_rows > 0 || sheet.frozen_columns > 0)
            worksheet_freeze_panes(worksheet, sheet.frozen_rows, static_cast<lxw_col_t>(sheet.frozen_columns));
        if (sheet.table) emit_table(sheet, worksheet, *sheet.table);
        for (const ListValidation& validation : sheet.validations) emit_validation(sheet, worksheet, validation);
        for (const Highlight& highlight : sheet.highlights) emit_highlight(sheet, worksheet, highlight);
        if (sheet.chart) emit_chart(sheet, worksheet, *sheet.chart);
        emit_print_setup(sheet, worksheet);
    }

    static void check_position(const SheetLayout& sheet, std::uint32_t row, std::uint32_t column) {
        if (row >= max_rows || column >= max_columns)
            fail("sheet '" + sheet.name + "' would need row " + std::to_string(row + 1) + ", column " +
                 std::to_string(column + 1) + "; a worksheet has 1 048 576 rows and 16 384 columns");
    }

    void emit_cell(const SheetLayout& sheet, lxw_worksheet* worksheet, const Cell& cell) {
        check_position(sheet, cell.row, cell.column);
        const auto context = [&] { return where(sheet, cell.row, cell.column); };
        lxw_format* format = format_of(cell.look, context);
        const auto row = static_cast<lxw_row_t>(cell.row);
        const auto column = static_cast<lxw_col_t>(cell.column);
        if (!cell.formula.empty()) {
            check_text(
                cell.formula, [&] { return context() + ": the formula"; }, max_formula_length);
            if (const auto* text = std::get_if<std::string>(&cell.value)) {
                check_text(*text, [&] { return context() + ": the formula's result"; });
                check(worksheet_write_formula_str(worksheet, row, column, cell.formula.c_str(), format,
                                                  escape_ooxml_escapes(*text).c_str()),
                      context);
            } else {
                check(worksheet_write_formula_num(worksheet, row, column, cell.formula.c_str(), format,
                                                  number_of(cell.value, context)),
                      context);
            }
            return;
        }
        if (const auto* text = std::get_if<std::string>(&cell.value)) {
            check_text(*text, context);
            if (text->empty()) {
                if (format != nullptr) check(worksheet_write_blank(worksheet, row, column, format), context);
                return;
            }
            check(worksheet_write_string(worksheet, row, column, escape_ooxml_escapes(*text).c_str(), format), context);
        } else if (const auto* date = std::get_if<model::Date>(&cell.value)) {
            if (!date->valid() || date->year < 1900)
                fail(context() + ": the date " + date->iso() + " cannot be a date cell");
            lxw_datetime datetime{date->year, date->month, date->day, 0, 0, 0.0};
            check(worksheet_write_datetime(worksheet, row, column, &datetime, format), context);
        } else if (std::holds_alternative<std::monostate>(cell.value)) {
            if (format != nullptr) check(worksheet_write_blank(worksheet, row, column, format), context);
        } else {
            check(worksheet_write_number(worksheet, row, column, number_of(cell.value, context), format), context);
        }
    }

    // The one place a number becomes floating point: öre / 100 for money, a
    // fraction for a share. Both divisions round correctly, so a cell holds
    // the double nearest to the exact value.
    template <typename Context>
    static double number_of(const CellValue& value, const Context& context) {
        if (const auto* amount = std::get_if<Amount>(&value)) return static_cast<double>(amount->ore) / 100.0;
        if (const auto* ratio = std::get_if<Ratio>(&value)) {
            if (ratio->denominator == 0) fail(describe(context) + ": a share of nothing");
            return static_cast<double>(ratio->numerator) / static_cast<double>(ratio->denominator);
        }
        if (const auto* count = std::get_if<Count>(&value)) return static_cast<double>(count->value);
        fail(describe(context) + ": a formula's result must be a number or a text");
    }

    void emit_merge(const SheetLayout& sheet, lxw_worksheet* worksheet, const Merge& merge) {
        check_position(sheet, merge.row, merge.last_column);
        const std::string context = where(sheet, merge.row, merge.first_column);
        const Cell* cell = sheet.find(merge.row, merge.first_column);
        const auto* text = cell ? std::get_if<std::string>(&cell->value) : nullptr;
        if (text == nullptr || !cell->formula.empty() || merge.last_column <= merge.first_column)
            fail(context + ": only a text cell can be merged with the cells to its right");
        check_text(*text, context);
        check(worksheet_merge_range(worksheet, merge.row, static_cast<lxw_col_t>(merge.first_column), merge.row,
                                    static_cast<lxw_col_t>(merge.last_column), escape_ooxml_escapes(*text).c_str(),
                                    format_of(cell->look, context)),
              context);
    }

    void emit_table(const SheetLayout& sheet, lxw_worksheet* worksheet, const Table& table) {
        const auto last_column = static_cast<std::uint32_t>(table.first_column + table.headers.size() - 1);
        check_position(sheet, table.last_row, last_column);
        const std::string context = "sheet '" + sheet.name + "' table '" + table.name + "'";
        // libxlsxwriter warns on stderr for a table without data rows or with a long header.
        if (table.headers.empty() || table.last_row <= table.header_row) fail(context + " has no data row");
        std::vector<lxw_table_column> columns(table.headers.size());
        std::vector<lxw_table_column*> column_list;
        for (std::size_t i = 0; i < table.headers.size(); ++i) {
            check_text(table.headers[i], context + " header", 255);
            columns[i] = lxw_table_column{};
            columns[i].header = keep(escape_ooxml_escapes(table.headers[i]));
            if (i < table.header_looks.size()) columns[i].header_format = format_of(table.header_looks[i], context);
            column_list.push_back(&columns[i]);
        }
        column_list.push_back(nullptr);
        lxw_table_options options{};
        options.name = keep(table.name);
        options.style_type = LXW_TABLE_STYLE_TYPE_MEDIUM;
        options.style_type_number = 2;
        options.columns = column_list.data();
        check(worksheet_add_table(worksheet, table.header_row, static_cast<lxw_col_t>(table.first_column),
                                  table.last_row, static_cast<lxw_col_t>(last_column), &options),
              context);
    }

    void emit_validation(const SheetLayout& sheet, lxw_worksheet* worksheet, const ListValidation& validation) {
        check_position(sheet, validation.last_row, validation.column);
        const std::string context =
            "sheet '" + sheet.name + "' drop-down list in column " + column_letters(validation.column);
        // Excel keeps the list as one text "a,b,c" of at most 255 characters;
        // libxlsxwriter warns on stderr beyond that.
        std::size_t length = 0;
        std::vector<char*> values;
        for (const std::string& value : validation.values) {
            check_text(value, context + " value");
            if (value.empty() || value.find_first_of(",\"") != std::string::npos)
                fail(context + ": the value '" + value + "' is empty or holds a comma or a quote");
            length += utf16_length(value) + (values.empty() ? 0 : 1);
            values.push_back(keep(value));
        }
        if (values.empty() || length > max_validation_list_length)
            fail(context + " needs 1–255 characters, not " + std::to_string(length));
        values.push_back(nullptr);
        lxw_data_validation rule{};
        rule.validate = LXW_VALIDATION_TYPE_LIST;
        rule.value_list = values.data();
        rule.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;  // another category is questionable, not impossible
        check(
            worksheet_data_validation_range(worksheet, validation.first_row, static_cast<lxw_col_t>(validation.column),
                                            validation.last_row, static_cast<lxw_col_t>(validation.column), &rule),
            context);
    }

    void emit_highlight(const SheetLayout& sheet, lxw_worksheet* worksheet, const Highlight& highlight) {
        check_position(sheet, highlight.row, highlight.column);
        const std::string context = where(sheet, highlight.row, highlight.column) + " highlight";
        check_text(highlight.marker, context, 255);
        // A formula rule, not libxlsxwriter's "begins with" rule, which counts
        // the marker's length in bytes rather than characters.
        const std::string cell = cell_ref(highlight.row, highlight.column, Anchor::both);
        const std::string marker = string_literal(highlight.marker);
        lxw_conditional_format rule{};
        rule.type = LXW_CONDITIONAL_TYPE_FORMULA;
        rule.value_string = keep("=LEFT(" + cell + ",LEN(" + marker + "))=" + marker);
        rule.format = broken_format_;
        check(worksheet_conditional_format_cell(worksheet, highlight.row, static_cast<lxw_col_t>(highlight.column),
                                                &rule),
              context);
    }

    void emit_chart(const SheetLayout& sheet, lxw_worksheet* worksheet, const Chart& chart) {
        check_position(sheet, chart.anchor_row, chart.anchor_column);
        const std::string context = "sheet '" + sheet.name + "' chart";
        check_text(chart.title, context + " title", 255);
        check_text(chart.alt_text, context + " alternative text", 1000);
        check_text(chart.number_format, context + " number format", max_number_format_length);
        check_text(chart.axis_number_format, context + " axis number format", max_number_format_length);
        lxw_chart* bar_chart = workbook_add_chart(workbook_.get(), LXW_CHART_BAR);
        if (bar_chart == nullptr) fail(context + ": cannot add a chart (out of memory)");
        lxw_chart_series* series = chart_add_series(bar_chart, chart.categories.c_str(), chart.values.c_str());
        if (series == nullptr) fail(context + ": cannot add its series");
        chart_title_set_name(bar_chart, chart.title.c_str());
        chart_legend_set_position(bar_chart, LXW_CHART_LEGEND_NONE);
        chart_series_set_labels(series);
        chart_series_set_labels_num_format(series, chart.number_format.c_str());
        // In a bar chart the x axis runs across and carries the amounts; the
        // categories go down the y axis, reversed to read in the table's order.
        chart_axis_set_num_format(bar_chart->x_axis, chart.axis_number_format.c_str());
        chart_axis_set_reverse(bar_chart->y_axis);
        lxw_chart_options options{};
        options.x_scale = chart.width_scale;
        options.y_scale = chart.height_scale;
        options.description = keep(chart.alt_text);
        check(worksheet_insert_chart_opt(worksheet, chart.anchor_row, static_cast<lxw_col_t>(chart.anchor_column),
                                         bar_chart, &options),
              context);
    }

    void emit_print_setup(const SheetLayout& sheet, lxw_worksheet* worksheet) {
        const std::string context = "sheet '" + sheet.name + "' print";
        worksheet_set_landscape(worksheet);
        worksheet_set_paper(worksheet, 9);        // A4
        worksheet_fit_to_pages(worksheet, 1, 0);  // one page wide, as many pages down as it takes
        if (sheet.print.repeat_rows_through)
            check(worksheet_repeat_rows(worksheet, 0, *sheet.print.repeat_rows_through), context + " title rows");
        if (!sheet.print.page_breaks.empty()) {
            std::vector<lxw_row_t> breaks(sheet.print.page_breaks.begin(), sheet.print.page_breaks.end());
            breaks.push_back(0);  // libxlsxwriter's end mark
            check(worksheet_set_h_pagebreaks(worksheet, breaks.data()), context + " page breaks");
        }
        for (const auto& [text, part] :
             {std::pair{&sheet.print.header, "header"}, std::pair{&sheet.print.footer, "footer"}}) {
            if (text->empty()) continue;
            check_text(*text, context + " " + part, max_header_footer_bytes);
            if (text->size() > max_header_footer_bytes)
                fail(context + " " + part + " is " + std::to_string(text->size()) + " bytes; at most 255 fit");
            const lxw_error error = std::string_view(part) == "header" ? worksheet_set_header(worksheet, text->c_str())
                                                                       : worksheet_set_footer(worksheet, text->c_str());
            check(error, context + " " + part);
        }
    }

    void set_properties() {
        const DocumentProperties& source = layout_.properties;
        const auto property = [&](const std::string& text, const char* what) -> char* {
            if (text.empty()) return nullptr;
            check_text(text, std::string("the document property '") + what + "'", max_property_bytes);
            if (text.size() > max_property_bytes) fail(std::string("the document property '") + what + "' is too long");
            return keep(text);
        };
        if (!source.created.valid()) fail("the document date " + source.created.iso() + " is not a valid date");
        lxw_doc_properties properties{};
        properties.title = property(source.title, "title");
        properties.subject = property(source.subject, "subject");
        properties.author = property(source.author, "author");
        properties.company = property(source.company, "company");
        properties.keywords = property(source.keywords, "keywords");
        properties.comments = property(source.comments, "comments");
        // libxlsxwriter reads a creation time of 0 as "now"; 1970-01-01 is
        // written one second later instead, so the file never takes the clock.
        const std::int64_t seconds = source.created.days_since_epoch() * 86400;
        properties.created = static_cast<std::time_t>(seconds == 0 ? 1 : seconds);
        check(workbook_set_properties(workbook_.get(), &properties), "the document properties");
        for (const auto& [name, value] : source.custom) {
            check_text(value, "the document property '" + name + "'", max_property_bytes);
            check(workbook_set_custom_property_string(workbook_.get(), keep(name), keep(value)),
                  "the document property '" + name + "'");
        }
    }

    void write_file() {
        // libxlsxwriter reports a file it cannot create on stderr; find out first.
        std::FILE* probe = std::fopen(path_.c_str(), "wb");
        if (probe == nullptr) fail("cannot write '" + path_ + "': " + std::strerror(errno));
        std::fclose(probe);
        const lxw_error closed = workbook_.close();
        if (closed != LXW_NO_ERROR) {
            // Remove the half-written workbook, but never a device or anything else that is not a plain file.
            std::error_code ignored;
            if (std::filesystem::is_regular_file(path_, ignored)) std::filesystem::remove(path_, ignored);
            fail("cannot write '" + path_ + "': " + lxw_strerror(closed));
        }
    }

    const WorkbookLayout& layout_;
    const std::string path_;
    const std::string temporary_folder_;
    std::deque<std::string> kept_;
    WorkbookHandle workbook_;
    std::vector<lxw_format*> formats_;
    lxw_format* broken_format_ = nullptr;
};

}  // namespace

void emit_workbook(const WorkbookLayout& layout, const std::string& path) { Emitter(layout, path).emit(); }

}  // namespace esfdraft::xlsx
