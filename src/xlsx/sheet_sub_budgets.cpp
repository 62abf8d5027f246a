// The budget workbook's sub-budgets sheet (budget_sheets.hpp).
#include "xlsx/budget_sheets.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <set>
#include <utility>

#include "xlsx/cell_reference.hpp"

namespace esfdraft::xlsx::sheets {

namespace {

// The sub-budgets: one summary row per beneficiary with its own balance,
// then each beneficiary's sub-budget in full.
class SubBudgetsWriter : SheetWriter {
public:
    SubBudgetsWriter(const BudgetKit& kit, const std::vector<std::string>& category_labels,
                     const std::vector<std::string>& kind_labels)
        : SheetWriter(kit), category_labels_(category_labels), kind_labels_(kind_labels) {}

    // One row per sub-budget (the owner's, each beneficiary partner's, ids
    // the lines name that no beneficiary partner has, and the lines naming
    // none), each with its costs, financing, ESF support and its own balance.
    // Income has no beneficiary in the plan, so it is not split (a note says so).
    SheetLayout write() {
        SheetLayout sheet;
        sheet.name = labels_.sub_budgets_sheet;
        std::size_t beneficiaries = 0;  // the owner and the beneficiary partners, the first rows
        const std::vector<SubBudget> rows = sub_budget_rows(beneficiaries);
        put(sheet, 0, key_column, std::string(labels_.beneficiary), looks_.header);
        put(sheet, 0, name_column, std::string(labels_.name), looks_.header);
        put(sheet, 0, costs_column, std::string(labels_.costs), looks_.header_right);
        put(sheet, 0, financing_column, std::string(labels_.financing), looks_.header_right);
        put(sheet, 0, esf_column, std::string(labels_.of_which_esf), looks_.header_right);
        put(sheet, 0, difference_column, std::string(labels_.sub_budget_difference), looks_.header_right);
        put(sheet, 0, status_column_here, std::string(labels_.status), looks_.header_indented);
        widen(sheet, key_column, text_width(labels_.beneficiary));
        widen(sheet, name_column, text_width(labels_.name));
        for (std::uint32_t column = costs_column; column <= difference_column; ++column) widen(sheet, column, 14);
        widen(sheet, difference_column, 22);
        for (const auto words : {labels_.balanced, labels_.not_balanced})
            widen(sheet, status_column_here, text_width(words) + 1);

        const RowKeys keys{string_literal(*source_kind_words(labels_, "esf")), costs_range(cost_beneficiary_column),
                           sources_range(source_beneficiary_column)};
        const Money all_costs = figures_.total_costs, all_financing = figures_.financing, all_esf = figures_.esf;
        for (std::size_t r = 0; r < rows.size(); ++r)
            summary_row(sheet, static_cast<std::uint32_t>(r + 1), rows[r], keys);
        const auto total_row = static_cast<std::uint32_t>(rows.size() + 1);
        put(sheet, total_row, key_column, std::string(labels_.total), looks_.total_label);
        put(sheet, total_row, name_column, std::monostate{}, looks_.total_label);
        const std::array<std::pair<std::uint32_t, Money>, 4> totals{{{costs_column, all_costs},
                                                                     {financing_column, all_financing},
                                                                     {esf_column, all_esf},
                                                                     {difference_column, all_costs - all_financing}}};
        for (const auto& [column, ore] : totals) {
            put(sheet, total_row, column, Amount{ore}, looks_.money_total,
                "=SUM(" + range_ref(1, column, total_row - 1, column) + ")");
            widen(sheet, column, money_width(ore));
        }
        row_ = total_row + 2;
        note(sheet, row_, std::string(labels_.sub_budget_note), status_column_here);
        if (!budget_.income.empty()) note(sheet, row_, std::string(labels_.sub_budget_income_note), status_column_here);
        // Below the summary, one block per beneficiary, keyed by its row's
        // column A; each prints on a page of its own. The summary's header
        // row is neither frozen nor repeated: it would stand above the blocks'
        // columns, which are others.
        for (std::size_t r = 0; r < beneficiaries; ++r) {
            ++row_;
            sheet.print.page_breaks.push_back(row_);
            sub_budget_block(sheet, static_cast<std::uint32_t>(r + 1), rows[r].key,
                             rows[r].name + " (" + rows[r].shown + ")");
        }
        sheet.frozen_columns = 1;
        return sheet;
    }

private:
    static constexpr std::uint32_t key_column = 0, name_column = 1, costs_column = 2, financing_column = 3,
                                   esf_column = 4, difference_column = 5, status_column_here = 6;
    struct SubBudget {
        std::string key;    // what the beneficiary columns hold; "" = none given
        std::string shown;  // column A
        std::string name;
    };

    // The rows of the summary: the owner, the beneficiary partners (their
    // number goes to `beneficiaries`), ids the lines name that no
    // beneficiary partner has, and a row for the lines naming none.
    std::vector<SubBudget> sub_budget_rows(std::size_t& beneficiaries) const {
        std::vector<SubBudget> rows;
        std::set<std::string> seen{std::string(labels_.owner_key)};
        rows.push_back({std::string(labels_.owner_key), std::string(labels_.owner_key),
                        model_text(application_.project.owner.name, "the project owner")});
        for (const model::Partner& partner : application_.partners) {
            if (!partner.beneficiary() || !partner.id || !seen.insert(*partner.id).second) continue;
            const std::string what = located("partner '" + *partner.id + "'", partner.where);
            rows.push_back({model_text(*partner.id, "the id of " + what), *partner.id,
                            model_text(partner.name, "the name of " + what)});
        }
        beneficiaries = rows.size();
        const auto add_unknown = [&](const std::optional<std::string>& beneficiary) {
            const std::string key = beneficiary_key(beneficiary);
            if (!key.empty() && seen.insert(key).second)
                rows.push_back({key, key, std::string(labels_.unknown_beneficiary)});
        };
        for (const auto& cost : budget_.costs) add_unknown(cost.beneficiary);
        for (const auto& source : budget_.financing) add_unknown(source.beneficiary);
        rows.push_back({"", std::string(labels_.no_beneficiary), ""});

        return rows;
    }

    // The figures' sub-budgets the sheet shows under `key`: one, unless a
    // partner's id is the owner's words; "" is the lines naming no one.
    std::vector<const model::SubBudgetFigures*> shown_as(const std::string& key) const {
        std::vector<const model::SubBudgetFigures*> out;
        for (const model::SubBudgetFigures& figures : figures_.sub_budgets) {
            const std::optional<std::string> named = figures.key.empty() ? std::nullopt : std::optional(figures.key);
            if (beneficiary_key(named) == key) out.push_back(&figures);
        }
        return out;
    }

    // The ranges a summary row matches its key in, and the ESF's words.
    struct RowKeys {
        std::string esf_words, costs, sources;
    };

    // One sub-budget's row: its costs, financing, ESF and balance, each the
    // figures' sub-budgets whose key its cells show (the owner in words, ""
    // for the lines naming no one).
    void summary_row(SheetLayout& sheet, std::uint32_t row, const SubBudget& sub, const RowKeys& keys) const {
        Money costs = 0, financing = 0, esf = 0;
        for (const model::SubBudgetFigures* figures : shown_as(sub.key)) {
            costs = add_amounts(costs, figures->costs, "the cost lines");
            financing = add_amounts(financing, figures->financing, "the financing sources");
            esf = add_amounts(esf, figures->esf, "the financing sources");
        }
        put(sheet, row, key_column, sub.shown, sub.key.empty() ? looks_.text : looks_.bold);
        widen(sheet, key_column, std::min(text_width(sub.shown), narrow_text_width));
        if (!sub.name.empty()) {
            put(sheet, row, name_column, sub.name, looks_.wrapped);
            widen(sheet, name_column, std::min(text_width(sub.name), wide_text_width));
        }
        // EXACT: keys are ids as typed, and "" must match only empty cells.
        const std::string key = sub.key.empty() ? "\"\"" : cell_ref(row, key_column, Anchor::column);
        put(sheet, row, costs_column, Amount{costs}, looks_.money,
            "=SUMPRODUCT(EXACT(" + keys.costs + "," + key + ")*" + costs_range(cost_amount_column) + ")");
        put(sheet, row, financing_column, Amount{financing}, looks_.money,
            "=SUMPRODUCT(EXACT(" + keys.sources + "," + key + ")*" + sources_range(source_amount_column) + ")");
        put(sheet, row, esf_column, Amount{esf}, looks_.money,
            "=SUMPRODUCT(EXACT(" + keys.sources + "," + key + ")*EXACT(" + sources_range(source_kind_column) + "," +
                keys.esf_words + ")*" + sources_range(source_amount_column) + ")");
        const Money difference = costs - financing;
        put(sheet, row, difference_column, Amount{difference}, looks_.money,
            "=" + cell_ref(row, costs_column) + "-" + cell_ref(row, financing_column));
        widen(sheet, costs_column, money_width(costs));
        widen(sheet, financing_column, money_width(financing));
        widen(sheet, esf_column, money_width(esf));
        widen(sheet, difference_column, money_width(difference));
        status(sheet, row, difference == 0 ? labels_.balanced : labels_.not_balanced,
               "=IF(ROUND(" + cell_ref(row, difference_column) + "*100,0)=0," + string_literal(labels_.balanced) + "," +
                   string_literal(labels_.not_balanced) + ")",
               status_column_here);
    }

    // One beneficiary's sub-budget in full, from row row_ on: a heading with
    // its name and key, its costs by category (the categories it has lines
    // in) and year with their totals, its financing by kind, and its balance.
    // Every cell is a live formula matching the beneficiary by the key in
    // column A of its summary row (`summary_row`) with EXACT, as the summary
    // row does, over the same ranges (the cost ranges reach the spare rows
    // below the table); the categories and kinds are matched with EXACT on
    // the words the costs and financing sheets show. The results are the
    // figures' sub-budgets whose key the beneficiary columns show as `key`.
    void sub_budget_block(SheetLayout& sheet, std::uint32_t summary_row, const std::string& key,
                          const std::string& heading) {
        const auto total_column = static_cast<std::uint32_t>(first_year_column + years_.size());
        if (total_column + 1 >= max_columns) fail("the cost lines span more years than a worksheet has columns");
        const BlockSums sums = block_sums(key);
        const std::string key_cell = cell_ref(summary_row, 0, Anchor::both);
        Block block{sheet, total_column, "EXACT(" + costs_range(cost_beneficiary_column) + "," + key_cell + ")",
                    "EXACT(" + sources_range(source_beneficiary_column) + "," + key_cell + ")"};

        put(sheet, row_, 0, model_text(heading, "the heading of a sub-budget"), looks_.sub_budget_heading);
        sheet.merges.push_back({row_, 0, total_column});
        ++row_;
        const std::uint32_t costs_row = block_costs(block, sums);
        ++row_;
        const std::uint32_t financing_row = block_financing(block, sums, key);
        // The balance, with its status beside it.
        const std::uint32_t balance_row = row_++;
        label_cell(block, balance_row, std::string(labels_.sub_budget_difference), looks_.bold_wrapped);
        const Money difference = sums.costs - sums.financing;
        money_cell(block, balance_row, block.total_column, difference, looks_.money_total,
                   "=" + cell_ref(costs_row, block.total_column) + "-" + cell_ref(financing_row, block.total_column));
        status(block.sheet, balance_row, difference == 0 ? labels_.balanced : labels_.not_balanced,
               "=IF(ROUND(" + cell_ref(balance_row, block.total_column) + "*100,0)=0," +
                   string_literal(labels_.balanced) + "," + string_literal(labels_.not_balanced) + ")",
               block.total_column + 1);
        for (const auto words : {labels_.balanced, labels_.not_balanced})
            widen(block.sheet, block.total_column + 1, text_width(words) + 1);
    }

    // Columns of a block: the labels in B, the years from C on, then the total.
    static constexpr std::uint32_t row_label_column = 1, first_year_column = 2;

    // Where a block's cells go and how its formulas match the beneficiary:
    // EXACT on the cost and financing sheets' beneficiary columns against
    // the key in column A of the beneficiary's summary row.
    struct Block {
        SheetLayout& sheet;
        std::uint32_t total_column;
        std::string cost_match, source_match;
    };

    // The figures of the sub-budgets shown under `key` (one, unless a
    // partner's id is the owner's words), by category and year, category,
    // year and kind, with the lines per category.
    struct BlockSums {
        std::vector<Money> cells, by_category, by_year, by_kind;
        std::vector<std::size_t> lines;
        Money costs = 0, financing = 0;
    };

    BlockSums block_sums(const std::string& key) const {
        const std::size_t category_count = figures_.categories.size();
        BlockSums sums{std::vector<Money>(category_count * years_.size(), 0), std::vector<Money>(category_count, 0),
                       std::vector<Money>(years_.size(), 0), std::vector<Money>(figures_.kinds.size(), 0),
                       std::vector<std::size_t>(category_count, 0)};
        const auto add_all = [&](std::vector<Money>& into, const std::vector<Money>& parts) {
            for (std::size_t i = 0; i < into.size() && i < parts.size(); ++i)
                into[i] = add_amounts(into[i], parts[i], "the lines of a sub-budget");
        };
        for (const model::SubBudgetFigures* figures : shown_as(key)) {
            if (figures->key.empty()) continue;  // the lines naming no one have no block
            add_all(sums.cells, figures->by_category_year);
            add_all(sums.by_category, figures->by_category);
            add_all(sums.by_year, figures->by_year);
            add_all(sums.by_kind, figures->by_kind);
            for (std::size_t c = 0; c < category_count && c < figures->lines_by_category.size(); ++c)
                sums.lines[c] += figures->lines_by_category[c];
            sums.costs = add_amounts(sums.costs, figures->costs, "the cost lines");
            sums.financing = add_amounts(sums.financing, figures->financing, "the financing sources");
        }
        return sums;
    }

    void money_cell(Block& block, std::uint32_t row, std::uint32_t column, Money ore, LookId cell_look,
                    std::string formula) const {
        put(block.sheet, row, column, Amount{checked_amount(ore, "a sum of a sub-budget")}, cell_look,
            std::move(formula));
        widen(block.sheet, column, money_width(ore));
    }

    void label_cell(Block& block, std::uint32_t row, const std::string& label, LookId cell_look) const {
        put(block.sheet, row, row_label_column, label, cell_look);
        widen(block.sheet, row_label_column, std::min(text_width(label), wide_text_width));
    }

    // The block's costs by category (those with lines) and year, and their
    // total row, whose row is returned.
    std::uint32_t block_costs(Block& block, const BlockSums& sums) {
        // Costs by category and year.
        const std::uint32_t header_row = row_++;
        put(block.sheet, header_row, 0, std::monostate{}, looks_.header);
        label_cell(block, header_row, std::string(labels_.category), looks_.header);
        for (std::size_t y = 0; y < years_.size(); ++y)
            put(block.sheet, header_row, static_cast<std::uint32_t>(first_year_column + y), Count{years_[y]},
                looks_.header_year);
        put(block.sheet, header_row, block.total_column, std::string(labels_.total), looks_.header_right);
        const std::string years_range = costs_range(cost_year_column);
        const std::string amounts = costs_range(cost_amount_column);
        for (std::size_t c = 0; c < figures_.categories.size(); ++c) {
            if (sums.lines[c] == 0) continue;
            const std::string& code = figures_.categories[c];
            std::string label;
            if (const auto words = category_word(code)) {
                label = *words;
            } else {
                const auto& all = budget_.costs;
                const auto line =
                    std::find_if(all.begin(), all.end(), [&](const auto& cost) { return cost.category == code; });
                label = category_labels_[static_cast<std::size_t>(line - all.begin())];
            }
            const std::uint32_t row = row_++;
            label_cell(block, row, label, looks_.text);
            const std::string category_match = "EXACT(" + costs_range(cost_category_column) + "," +
                                               cell_ref(row, row_label_column, Anchor::column) + ")";
            for (std::size_t y = 0; y < years_.size(); ++y) {
                const auto column = static_cast<std::uint32_t>(first_year_column + y);
                money_cell(block, row, column, sums.cells[c * years_.size() + y], looks_.money,
                           "=SUMPRODUCT(" + block.cost_match + "*" + category_match + "*(" + years_range + "=" +
                               cell_ref(header_row, column, Anchor::row) + ")*" + amounts + ")");
            }
            // Over every year, so a line of a year without a column still counts.
            money_cell(block, row, block.total_column, sums.by_category[c], looks_.money,
                       "=SUMPRODUCT(" + block.cost_match + "*" + category_match + "*" + amounts + ")");
        }
        // The totals read the cost lines themselves, so a line of a category without a row counts too.
        const std::uint32_t costs_row = row_++;
        put(block.sheet, costs_row, 0, std::monostate{}, looks_.total_label);
        label_cell(block, costs_row, std::string(labels_.total_cost), looks_.total_label);
        for (std::size_t y = 0; y < years_.size(); ++y) {
            const auto column = static_cast<std::uint32_t>(first_year_column + y);
            money_cell(block, costs_row, column, sums.by_year[y], looks_.money_total,
                       "=SUMPRODUCT(" + block.cost_match + "*(" + years_range + "=" +
                           cell_ref(header_row, column, Anchor::row) + ")*" + amounts + ")");
        }
        money_cell(block, costs_row, block.total_column, sums.costs, looks_.money_total,
                   "=SUMPRODUCT(" + block.cost_match + "*" + amounts + ")");

        return costs_row;
    }

    // The block's financing by kind (those the beneficiary has), in the
    // total column, and its total row, whose row is returned.
    std::uint32_t block_financing(Block& block, const BlockSums& sums, const std::string& key) {
        const std::uint32_t financing_header = row_++;
        put(block.sheet, financing_header, 0, std::monostate{}, looks_.header);
        label_cell(block, financing_header, std::string(labels_.financing), looks_.header);
        for (std::uint32_t column = first_year_column; column < block.total_column; ++column)
            put(block.sheet, financing_header, column, std::monostate{}, looks_.header);
        put(block.sheet, financing_header, block.total_column, std::string(labels_.amount), looks_.header_right);
        const auto& sources = budget_.financing;
        const std::string source_amounts = sources_range(source_amount_column);
        for (std::size_t k = 0; k < figures_.kinds.size(); ++k) {
            const std::string& code = figures_.kinds[k];
            std::optional<std::size_t> first;
            for (std::size_t s = 0; s < sources.size() && !first; ++s)
                if (sources[s].kind == code && sources[s].beneficiary && beneficiary_key(sources[s].beneficiary) == key)
                    first = s;
            if (!first) continue;
            const std::uint32_t row = row_++;
            label_cell(block, row, kind_labels_[*first], looks_.text);
            money_cell(block, row, block.total_column, sums.by_kind[k], looks_.money,
                       "=SUMPRODUCT(" + block.source_match + "*EXACT(" + sources_range(source_kind_column) + "," +
                           cell_ref(row, row_label_column, Anchor::column) + ")*" + source_amounts + ")");
        }
        const std::uint32_t financing_row = row_++;
        put(block.sheet, financing_row, 0, std::monostate{}, looks_.total_label);
        label_cell(block, financing_row, std::string(labels_.total_financing), looks_.total_label);
        for (std::uint32_t column = first_year_column; column < block.total_column; ++column)
            put(block.sheet, financing_row, column, std::monostate{}, looks_.total_label);
        money_cell(block, financing_row, block.total_column, sums.financing, looks_.money_total,
                   "=SUMPRODUCT(" + block.source_match + "*" + source_amounts + ")");

        return financing_row;
    }

    const std::vector<std::string>& category_labels_;  // the costs sheet's, per cost line
    const std::vector<std::string>& kind_labels_;      // the financing sheet's, per source
    std::uint32_t row_ = 0;                            // the next row of the blocks
};

}  // namespace

SheetLayout sub_budgets_sheet(const BudgetKit& kit, const std::vector<std::string>& category_labels,
                              const std::vector<std::string>& kind_labels) {
    return SubBudgetsWriter(kit, category_labels, kind_labels).write();
}

}  // namespace esfdraft::xlsx::sheets
