// Reading a budget workbook back: the cost lines, financing sources and
// income lines of a workbook that write_budget_workbook wrote and a finance
// person then edited in Excel or LibreOffice (amounts and texts changed,
// rows added or deleted, columns moved).
//
// The reader knows the layout by its labels, not by fixed addresses: the
// sheets are found by name (Kostnader / Costs, Finansiering / Financing), the
// columns by their header texts, the financing's end and the income block by
// the "Totalt" / "Intäkter" rows. It reads the cells' stored values only;
// formulas are never evaluated, and the derived sheets (summary, by year, by
// activity) and derived columns (shares, totals) are not read at all, so what
// comes back is what was typed. Poco XML stays inside budget_reader.cpp.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "model/application.hpp"
#include "xlsx/budget_workbook.hpp"

namespace esfdraft::xlsx {

// One part of the workbook's package, as the zip reader gave it ("xl/workbook.xml").
struct WorkbookPart {
    std::string name;
    std::string bytes;
};

// A workbook that cannot be read back, with a message for its user in
// Swedish and English. what() is the English one. Messages about one cell
// start with it ("Kostnader!E7: …"); about a sheet with its name.
class WorkbookReadError : public std::runtime_error {
public:
    WorkbookReadError(const std::string& english, std::string swedish)
        : std::runtime_error(english), swedish_(std::move(swedish)) {}
    const std::string& swedish() const { return swedish_; }
    // "en" gives what(), anything else the Swedish message.
    std::string message(std::string_view lang) const { return lang == "en" ? what() : swedish_; }

private:
    std::string swedish_;
};

struct WorkbookBudget {
    std::string lang;      // "sv" or "en": the language of the workbook's sheet names
    model::Budget budget;  // currency "SEK"; lines in sheet order; locations left empty
    // The application and version it was made from (WorkbookOptions::source),
    // when its custom properties say so; nullopt for one made without them.
    std::optional<WorkbookSource> source;
};

// Most cells (and most shared texts) kept from one sheet: a workbook esfdraft
// writes has six per cost line, so this reads 150 000 cost lines and keeps a
// hostile sheet of tiny cells to a few hundred MB.
inline constexpr std::size_t max_read_cells = 1'000'000;

// Reads the budget from the parts of an .xlsx package.
//
// `categories`: the pack's allowed categories as the workbook was written
// with them (WorkbookOptions::categories); their words (either language,
// ASCII case ignored) read as their codes, besides the words and codes
// every workbook takes. An unknown category is refused naming its cell and
// the allowed words. A column Stödmottagare / Beneficiary (on costs and
// financing, when the plan has beneficiary partners) gives each line's
// beneficiary: "Projektägaren" / "Project owner" / "owner" read as "owner",
// any other text as the partner id typed; empty = none.
//
// `activity_ids`: the plan's CostActivityNames::ids (the costs sheet names
// its activities by their labels, "A1"): an activity cell holding one of
// them reads as that activity's id, any other text as typed (an id, also a
// label the plan's ids made the writer leave out). Empty = every activity
// cell as typed.
//
// Edges: a row whose every read column is empty is skipped (the placeholder
// rows of an empty list, a row a user cleared); the placeholder notes
// "(ingen finansiering)" and "(inga intäkter)" are not lines. A category,
// kind or tag may be given in either language's words or as the plan's code.
// Amounts are kronor as numbers with at most two decimals (a cell's binary
// noise such as 0.30000000000000004 is read as 0.30); a formula cell counts
// with its stored result. Texts are kept as typed; an empty activity, funder
// or organisation number is absent.
//
// Throws WorkbookReadError when: a part is missing, refused (a DOCTYPE) or
// not well-formed XML; the workbook has no costs or financing sheet of
// esfdraft's layout in either language or a header is missing; a sheet has
// more than max_read_cells cells; a cell holds what its column cannot take
// (a text or an error where an amount goes, a year that is not a whole
// number, an unknown category, kind or tag, an amount with fractions of an
// öre or beyond 15 digits, a control character); a line lacks its category,
// year, kind or amount; a formula cell has no stored result.
WorkbookBudget read_budget_workbook(const std::vector<WorkbookPart>& parts,
                                    const std::vector<CategoryChoice>& categories = {},
                                    const model::Labels& activity_ids = {});

}  // namespace esfdraft::xlsx
