// The budget workbook's summary sheet (budget_sheets.hpp).
#include "xlsx/budget_sheets.hpp"

#include <algorithm>
#include <utility>

#include "xlsx/cell_reference.hpp"

namespace esfdraft::xlsx::sheets {

namespace {

// One figure of the summary with its row, for formulas and defined names.
struct SummaryRow {
    std::uint32_t row = 0;
    Money ore = 0;
};

// The summary: the project's facts, the key figures with their formulas,
// the limits they are held to and a status for each, and the defined names.
class SummaryWriter : SheetWriter {
public:
    SummaryWriter(const BudgetKit& kit, const std::vector<std::string>& kind_labels)
        : SheetWriter(kit), kind_labels_(kind_labels) {}

    static constexpr std::uint32_t label_column = 0, value_column = 1, limit_column = 2, status_column = 3;

    SummarySheet write() {
        SheetLayout sheet;
        sheet.name = labels_.summary_sheet;
        facts(sheet);
        put(sheet, row_, label_column, std::string(labels_.key_figure), looks_.header);
        put(sheet, row_, value_column, std::string(labels_.value), looks_.header_right);
        put(sheet, row_, limit_column, std::string(labels_.limit), looks_.header_right);
        put(sheet, row_, status_column, std::string(labels_.status), looks_.header_indented);
        ++row_;

        const Financing financing = amounts(sheet);
        shares(sheet, financing);
        widen(sheet, value_column, 12);
        widen(sheet, limit_column, text_width(labels_.limit) + 12);
        for (const auto words : {labels_.within_limit, labels_.above_limit, labels_.below_limit, labels_.not_balanced})
            widen(sheet, status_column, text_width(words) + 1);

        ++row_;
        if (!options_.limits.source_note.empty()) {
            note(sheet, row_,
                 std::string(labels_.limits_note) +
                     model_text(options_.limits.source_note, "the source note of the limits"),
                 status_column);
        }
        note(sheet, row_, std::string(labels_.marks_note), status_column);
        return SummarySheet{std::move(sheet), std::move(names_)};
    }

private:
    // The rows the shares are computed from.
    struct Financing {
        SummaryRow eligible, esf, cofinancing;
    };

    // The title, then the project's facts: owner, programme, call, area,
    // region, period and the day the workbook was made.
    void facts(SheetLayout& sheet) {
        const model::Project& project = application_.project;
        const std::string title = model_text(project.title.value, located("the project title", project.title.where));
        put(sheet, 0, 0, std::string(labels_.budget_title) + " – " + title, looks_.title);
        sheet.merges.push_back({0, 0, status_column});
        row_ = 2;

        fact(sheet, labels_.project, title);
        if (project.acronym)
            fact(sheet, labels_.acronym,
                 model_text(project.acronym->value, located("the acronym", project.acronym->where)));
        fact(sheet, labels_.owner, model_text(project.owner.name, located("the project owner", project.owner.where)));
        if (project.owner.org_number)
            fact(
                sheet, labels_.org_number,
                model_text(*project.owner.org_number, located("the owner's organisation number", project.owner.where)));
        // The pack's name with the plan's id after it, so a finance officer
        // reads what the call is and can still search for its id.
        const auto named = [&](const std::optional<model::LocalizedName>& pack_name, const std::string& id) {
            if (!pack_name) return id;
            const std::string& name =
                (options_.lang.empty() ? application_.lang : options_.lang) == "en" ? pack_name->en : pack_name->sv;
            return name.empty() ? id : name + " (" + id + ")";
        };
        fact(sheet, labels_.programme,
             model_text(named(options_.programme_title, application_.programme),
                        located("the programme", application_.where)));
        if (application_.call)
            fact(sheet, labels_.call,
                 model_text(named(options_.call_title, *application_.call), located("the call", application_.where)));
        fact(sheet, labels_.programme_area,
             model_text(named(options_.area_title, project.programme_area.value),
                        located("the programme area", project.programme_area.where)));
        const std::string region = options_.region_name && !options_.region_name->empty()
                                       ? *options_.region_name + " (" + project.region.value + ")"
                                       : project.region.value;
        fact(sheet, labels_.region, model_text(region, located("the region", project.region.where)));
        fact(sheet, labels_.period_start, date_value(project.period.start));
        fact(sheet, labels_.period_end, date_value(project.period.end));
        fact(sheet, labels_.prepared, date_value(options_.date));
        ++row_;
    }

    // The costs, income and eligible cost; the financing by kind (ESF first),
    // the co-financing, the financing and the difference with its status;
    // the ESF ceiling beside the ESF. Each a defined name too.
    Financing amounts(SheetLayout& sheet) {
        const Money eligible = figures_.eligible;
        const SummaryRow total = named(
            sheet, labels_.name_total_cost,
            figure(sheet, labels_.total_cost, figures_.total_costs, "=SUM(" + costs_range(cost_amount_column) + ")"));
        const SummaryRow income =
            named(sheet, labels_.name_income,
                  figure(sheet, labels_.income, figures_.income,
                         "=" + sheet_prefix(labels_.financing_sheet) +
                             cell_ref(kit_.income_total_row, source_amount_column, Anchor::both)));
        const SummaryRow eligible_row =
            named(sheet, labels_.name_eligible_cost,
                  figure(sheet, labels_.eligible_cost, eligible, "=" + value_cell(total) + "-" + value_cell(income)));
        const SummaryRow esf = named(sheet, labels_.name_esf, kind_rows(sheet));
        const std::uint32_t financing_row = row_ + 1;  // written right after the co-financing total
        const SummaryRow cofinancing =
            named(sheet, labels_.name_cofinancing,
                  figure(sheet, labels_.total_cofinancing, figures_.financing - esf.ore,
                         "=" + cell_ref(financing_row, value_column) + "-" + value_cell(esf)));
        const SummaryRow financing =
            named(sheet, labels_.name_financing,
                  figure(sheet, labels_.total_financing, figures_.financing,
                         "=" + sheet_prefix(labels_.financing_sheet) +
                             cell_ref(kit_.financing_total_row, source_amount_column, Anchor::both)));
        const SummaryRow difference = named(sheet, labels_.name_difference,
                                            figure(sheet, labels_.difference, eligible - figures_.financing,
                                                   "=" + value_cell(eligible_row) + "-" + value_cell(financing)));

        // The budget balances only to the öre: compare whole öre, never
        // floating-point kronor (0.1 + 0.2 is not 0.3 in a spreadsheet either).
        put(sheet, difference.row, limit_column, Amount{0}, looks_.must_be_money);
        status(sheet, difference.row, difference.ore == 0 ? labels_.balanced : labels_.not_balanced,
               "=IF(ROUND(" + value_cell(difference) + "*100,0)=0," + string_literal(labels_.balanced) + "," +
                   string_literal(labels_.not_balanced) + ")",
               status_column);

        if (const auto& ceiling = options_.limits.esf_ceiling) {
            put(sheet, esf.row, limit_column, Amount{*ceiling}, looks_.at_most_money);
            widen(sheet, limit_column, money_width(*ceiling) + static_cast<double>(code_points(labels_.at_most)));
            status(sheet, esf.row, esf.ore > *ceiling ? labels_.above_limit : labels_.within_limit,
                   "=IF(ROUND(" + value_cell(esf) + "*100,0)>ROUND(" + cell_ref(esf.row, limit_column) + "*100,0)," +
                       string_literal(labels_.above_limit) + "," + string_literal(labels_.within_limit) + ")",
                   status_column);
        }
        return Financing{eligible_row, esf, cofinancing};
    }

    // A row per kind of financing, the ESF's first (its row is returned).
    SummaryRow kind_rows(SheetLayout& sheet) {
        // ESF, then each kind of co-financing present: known kinds in the
        // plan format's order, then unknown ones as met.
        struct KindRow {
            std::string label;
            bool own;  // one of our own labels
            Money sum;
        };
        std::vector<KindRow> kinds{{std::string(*source_kind_words(labels_, "esf")), true, figures_.esf}};
        for (std::size_t k = 0; k < figures_.kinds.size(); ++k) {
            const std::string& code = figures_.kinds[k];
            if (code == "esf") continue;
            if (const auto words = source_kind_words(labels_, code)) {
                kinds.push_back({std::string(*words), true, figures_.by_kind[k]});
                continue;
            }
            const auto source = std::find_if(budget_.financing.begin(), budget_.financing.end(),
                                             [&](const auto& s) { return s.kind == code; });
            kinds.push_back({kind_labels_[static_cast<std::size_t>(source - budget_.financing.begin())], false,
                             figures_.by_kind[k]});
        }
        std::vector<SummaryRow> kind_rows;
        for (const auto& [label, own, sum] : kinds) {
            const std::string formula =
                "=" + sum_where(sources_range(source_amount_column), sources_range(source_kind_column),
                                cell_ref(row_, label_column, Anchor::column), own);
            kind_rows.push_back(figure(sheet, label, sum, formula));
        }
        return kind_rows.front();
    }

    // The ESF and co-financing shares, the staff and indirect costs and the
    // indirect share, each share with its limit and status.
    void shares(SheetLayout& sheet, const Financing& financing) {
        named(sheet, labels_.name_esf_share,
              share_figure(sheet, labels_.esf_share, financing.esf, financing.eligible,
                           options_.limits.max_esf_share_hundredths, true));
        named(sheet, labels_.name_cofinancing_share,
              share_figure(sheet, labels_.cofinancing_share, financing.cofinancing, financing.eligible,
                           options_.limits.min_cofinancing_share_hundredths, false));
        const auto category_sum = [&](std::string_view code) {
            const std::string words = *category_word(code);
            return "=" + sum_where(costs_range(cost_amount_column), costs_range(cost_category_column),
                                   string_literal(words), plain_criterion(words));
        };
        const SummaryRow staff_row =
            named(sheet, labels_.name_staff_costs,
                  figure(sheet, labels_.staff_costs, figures_.staff, category_sum(model::staff_category)));
        const SummaryRow indirect_row =
            named(sheet, labels_.name_indirect_costs,
                  figure(sheet, labels_.indirect_costs, figures_.indirect, category_sum(model::indirect_category)));
        named(sheet, labels_.name_indirect_share,
              share_figure(sheet, labels_.indirect_share, indirect_row, staff_row,
                           options_.limits.max_indirect_share_of_staff_hundredths, true));
    }

    // `figure_row`, with a defined name for its value cell.
    SummaryRow named(const SheetLayout& sheet, std::string_view defined, const SummaryRow& figure_row) {
        names_.push_back({std::string(defined),
                          "=" + sheet_prefix(sheet.name) + cell_ref(figure_row.row, value_column, Anchor::both)});
        return figure_row;
    }

    static std::string value_cell(const SummaryRow& figure_row) { return cell_ref(figure_row.row, value_column); }

    // A fact of the project: a label, and a text across the other columns or a date.
    void fact(SheetLayout& sheet, std::string_view label, CellValue value) {
        put(sheet, row_, label_column, std::string(label), looks_.fact_label);
        widen(sheet, label_column, text_width(label));
        if (const auto* text = std::get_if<std::string>(&value)) {
            put(sheet, row_, value_column, *text, looks_.fact);
            sheet.merges.push_back({row_, value_column, status_column});
        } else {
            put(sheet, row_, value_column, std::move(value), looks_.date);
        }
        ++row_;
    }

    // An amount among the key figures, with its formula.
    SummaryRow figure(SheetLayout& sheet, std::string_view label, Money ore, const std::string& formula) {
        const SummaryRow figure_row{row_, checked_amount(ore, "the figure '" + std::string(label) + "'")};
        put(sheet, row_, label_column, std::string(label));
        widen(sheet, label_column, std::min(text_width(label), wide_text_width));
        put(sheet, row_, value_column, Amount{ore}, looks_.money, formula);
        widen(sheet, value_column, money_width(ore));
        ++row_;
        return figure_row;
    }

    // A share with its limit and status. `at_most`: the limit is a maximum
    // (broken when part / whole > limit), else a minimum. The status compares
    // whole öre times the limit in hundredths, so a budget exactly at its
    // limit is never marked broken by floating-point rounding.
    SummaryRow share_figure(SheetLayout& sheet, std::string_view label, const SummaryRow& part, const SummaryRow& whole,
                            const std::optional<std::int64_t>& limit_hundredths, bool at_most) {
        const std::uint32_t row = row_++;
        put(sheet, row, label_column, std::string(label));
        widen(sheet, label_column, std::min(text_width(label), wide_text_width));
        put(sheet, row, value_column, share_value(part.ore, whole.ore), looks_.percent,
            "=IF(ROUND(" + value_cell(whole) + "*100,0)>0," + value_cell(part) + "/" + value_cell(whole) + ",\"–\")");
        if (limit_hundredths) {
            put(sheet, row, limit_column, Ratio{*limit_hundredths, 10000},
                at_most ? looks_.at_most_percent : looks_.at_least_percent);
            const bool broken = at_most ? !model::at_most_share(part.ore, whole.ore, *limit_hundredths)
                                        : !model::at_least_share(part.ore, whole.ore, *limit_hundredths);
            const std::string_view broken_words = at_most ? labels_.above_limit : labels_.below_limit;
            status(sheet, row, broken ? broken_words : labels_.within_limit,
                   "=IF(ROUND(" + value_cell(part) + "*100,0)*10000" + (at_most ? ">" : "<") + "ROUND(" +
                       cell_ref(row, limit_column) + "*10000,0)*ROUND(" + value_cell(whole) + "*100,0)," +
                       string_literal(broken_words) + "," + string_literal(labels_.within_limit) + ")",
                   status_column);
        }
        return SummaryRow{row, 0};
    }

    const std::vector<std::string>& kind_labels_;  // the financing sheet's, per source
    std::vector<DefinedName> names_;
    std::uint32_t row_ = 0;  // the next row
};

}  // namespace

SummarySheet summary_sheet(const BudgetKit& kit, const std::vector<std::string>& kind_labels) {
    return SummaryWriter(kit, kind_labels).write();
}

}  // namespace esfdraft::xlsx::sheets
