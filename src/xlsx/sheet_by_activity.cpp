// The budget workbook's sheet of costs by activity and by goal (budget_sheets.hpp).
#include "xlsx/budget_sheets.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>

#include "xlsx/cell_reference.hpp"

namespace esfdraft::xlsx::sheets {

namespace {

// The costs by activity and year, and below them by goal (through the
// activities that serve each goal).
class ByActivityWriter : SheetWriter {
public:
    explicit ByActivityWriter(const BudgetKit& kit) : SheetWriter(kit) {}

    struct ActivityRow {
        std::string key;        // what the costs' activity column holds; "" for costs without one
        std::string shown_key;  // column A
        std::string title;
        std::vector<std::string> goal_ids;
        std::string goals_text;  // the goals' names separated by spaces, as column C shows them
    };

    // Rows: the plan's activities, then ids the costs name but nothing
    // defines, then the costs without an activity.
    std::vector<ActivityRow> activity_rows() const {
        const auto& costs = budget_.costs;
        std::vector<ActivityRow> rows;
        std::set<std::string> seen;
        for (const auto& activity : application_.activities) {
            if (!seen.insert(activity.id).second) continue;  // a duplicate id would count its costs twice
            const std::string what = located("activity '" + activity.id + "'", activity.where);
            std::vector<std::string> goals;
            for (const std::string& goal : activity.goal_ids) goals.push_back(name_of(kit_.goal_names, goal));
            ActivityRow row{.key = model_text(name_of(kit_.cost_activities.shown, activity.id), "the id of " + what),
                            .shown_key = model_text(name_of(kit_.activity_names, activity.id), "the id of " + what),
                            .title = model_text(activity.title, "the title of " + what),
                            .goal_ids = activity.goal_ids,
                            .goals_text = model_text(model::join(goals, " "), "the goals of " + what)};
            rows.push_back(std::move(row));
        }
        for (const auto& cost : costs)
            if (cost.activity_id && !cost.activity_id->empty() && seen.insert(*cost.activity_id).second)
                rows.push_back(
                    ActivityRow{*cost.activity_id, *cost.activity_id, std::string(labels_.unknown_activity), {}, {}});
        rows.push_back(ActivityRow{"", std::string(labels_.no_activity), {}, {}, {}});
        return rows;
    }

    static constexpr std::uint32_t key_column = 0, title_column = 1, goals_column = 2, first_year_column = 3;

    // Activity row r: its key, title and goals, its costs in each year and in all.
    void activity_row(SheetLayout& sheet, std::size_t r, const ActivityRow& activity, bool no_activity,
                      std::uint32_t total_column) const {
        const auto row = static_cast<std::uint32_t>(r + 1);
        put(sheet, row, key_column, activity.shown_key, no_activity ? looks_.text : looks_.bold);
        widen(sheet, key_column, std::min(text_width(activity.shown_key), narrow_text_width));
        if (!activity.title.empty()) {
            put(sheet, row, title_column, activity.title, looks_.wrapped);
            widen(sheet, title_column, std::min(text_width(activity.title), wide_text_width));
        }
        if (!activity.goals_text.empty()) {
            put(sheet, row, goals_column, activity.goals_text, looks_.wrapped);
            widen(sheet, goals_column, std::min(text_width(activity.goals_text), narrow_text_width));
        }
        // The key is the cell in column A, except for the row of costs
        // without an activity, whose costs have an empty activity cell,
        // and an activity the costs sheet names by its id but this
        // column by its label (ids that look like labels in another order).
        const std::string key = no_activity                          ? "\"\""
                                : activity.key == activity.shown_key ? cell_ref(row, key_column, Anchor::column)
                                                                     : string_literal(activity.key);
        for (std::size_t y = 0; y < years_.size(); ++y) {
            const auto column = static_cast<std::uint32_t>(first_year_column + y);
            const Money ore = figures_.by_activity_year[r * years_.size() + y];
            put(sheet, row, column, Amount{ore}, looks_.money,
                "=" + sum_where(costs_range(cost_amount_column), costs_range(cost_activity_column), key, false,
                                costs_range(cost_year_column), cell_ref(0, column, Anchor::row)));
            widen(sheet, column, money_width(ore));
        }
        const Money row_total = figures_.by_activity[r];
        const std::string total_formula =
            years_.empty()
                ? "=" + sum_where(costs_range(cost_amount_column), costs_range(cost_activity_column), key, false)
                : "=SUM(" + range_ref(row, first_year_column, row, total_column - 1) + ")";
        put(sheet, row, total_column, Amount{row_total}, looks_.money, total_formula);
        widen(sheet, total_column, money_width(row_total));
    }

    SheetLayout write() {
        SheetLayout sheet;
        sheet.name = labels_.by_activity_sheet;

        const std::vector<ActivityRow> rows = activity_rows();

        // The rows are the figures' activities, in the same order: their sums per year are the figures'.
        if (rows.size() != figures_.activities.size()) fail("the activities could not be matched to their sums");

        const auto total_column = static_cast<std::uint32_t>(first_year_column + years_.size());
        const auto last_activity_row = static_cast<std::uint32_t>(rows.size());
        const std::uint32_t total_row = last_activity_row + 1;

        const auto header_row = [&](std::uint32_t row, std::string_view a, std::string_view b, std::string_view c) {
            put(sheet, row, key_column, std::string(a), looks_.header);
            put(sheet, row, title_column, std::string(b), looks_.header);
            put(sheet, row, goals_column, std::string(c), looks_.header);
            for (std::size_t y = 0; y < years_.size(); ++y)
                put(sheet, row, static_cast<std::uint32_t>(first_year_column + y), Count{years_[y]},
                    looks_.header_year);
            put(sheet, row, total_column, std::string(labels_.total), looks_.header_right);
        };
        header_row(0, labels_.activity, labels_.title, labels_.goals);
        widen(sheet, key_column, text_width(labels_.activity));
        widen(sheet, title_column, text_width(labels_.title));
        widen(sheet, goals_column, text_width(labels_.goals));

        std::vector<Money> column_sums(figures_.by_year);  // each cost is in one row: the years' totals
        column_sums.push_back(figures_.total_costs);
        for (std::size_t r = 0; r < rows.size(); ++r)
            activity_row(sheet, r, rows[r], r + 1 == rows.size(), total_column);
        put(sheet, total_row, key_column, std::string(labels_.total), looks_.total_label);
        for (std::uint32_t column = first_year_column; column <= total_column; ++column) {
            const Money ore = column_sums[column - first_year_column];
            put(sheet, total_row, column, Amount{ore}, looks_.money_total,
                "=SUM(" + range_ref(1, column, last_activity_row, column) + ")");
            widen(sheet, column, money_width(ore));
        }

        goal_table(sheet, rows, total_row + 2, last_activity_row, total_column);

        sheet.frozen_rows = 1;
        sheet.frozen_columns = 1;
        sheet.print.repeat_rows_through = 0;
        return sheet;
    }

private:
    struct GoalRow {
        std::string id;
        std::string name;  // column A, as the activities' goals column names it
        std::string statement;
    };

    // The plan's goals, then ids the activities name that no goal has.
    std::vector<GoalRow> goal_rows(const std::vector<ActivityRow>& activities) const {
        std::vector<GoalRow> goals;
        std::set<std::string> seen;
        for (const auto& goal : application_.goals) {
            if (!seen.insert(goal.id).second) continue;
            const std::string what = located("goal '" + goal.id + "'", goal.where);
            goals.push_back({model_text(goal.id, "the id of " + what),
                             model_text(name_of(kit_.goal_names, goal.id), "the id of " + what),
                             model_text(goal.statement, "the statement of " + what)});
        }
        for (const auto& activity : activities)
            for (const auto& id : activity.goal_ids)
                if (seen.insert(id).second) goals.push_back({id, id, std::string(labels_.unknown_goal)});
        return goals;
    }

    // Per goal: the costs of the activities that serve it. Each cell is
    // SUMPRODUCT over the activity rows whose goals column (C) holds the
    // goal's id as a whole word: FIND(" g1 ", " " & C & " "), which is exact
    // and case-sensitive. The results repeat that test on the same texts.
    void goal_table(SheetLayout& sheet, const std::vector<ActivityRow>& activities, std::uint32_t header_row,
                    std::uint32_t last_activity_row, std::uint32_t total_column) {
        constexpr std::uint32_t statement_column = 1, activities_column = 2;
        const std::vector<GoalRow> goals = goal_rows(activities);
        if (goals.empty()) return;
        // The rows are the figures' goals, in the same order: their costs are the figures'.
        bool same = goals.size() == figures_.goals.size();
        for (std::size_t g = 0; same && g < goals.size(); ++g) same = goals[g].id == figures_.goals[g];
        if (!same) fail("the goals could not be matched to their sums");

        put(sheet, header_row, key_column, std::string(labels_.goals), looks_.header);
        put(sheet, header_row, statement_column, std::string(labels_.statement), looks_.header);
        put(sheet, header_row, activities_column, std::string(labels_.activities), looks_.header);
        for (std::size_t y = 0; y < years_.size(); ++y)
            put(sheet, header_row, static_cast<std::uint32_t>(first_year_column + y), Count{years_[y]},
                looks_.header_year);
        put(sheet, header_row, total_column, std::string(labels_.total), looks_.header_right);
        widen(sheet, statement_column, text_width(labels_.statement));
        widen(sheet, activities_column, text_width(labels_.activities));

        const std::string goals_range =
            range_ref(1, activities_column, last_activity_row, activities_column, Anchor::both);
        // The activities serving each goal, found once: the formula's test
        // (" id " within " " & the activity's goals & " ") holds exactly when
        // the id is one of the activity's goal ids, which its goals cell lists
        // separated by spaces. A scan of every activity for every goal grew
        // with the square of the plan.
        std::map<std::string_view, std::vector<std::size_t>> serving_activities;
        for (std::size_t a = 0; a < activities.size(); ++a)
            for (const std::string& goal_id : activities[a].goal_ids) {
                std::vector<std::size_t>& members = serving_activities[goal_id];
                if (members.empty() || members.back() != a) members.push_back(a);
            }
        const std::vector<std::size_t> none;
        for (std::size_t g = 0; g < goals.size(); ++g) {
            const auto row = static_cast<std::uint32_t>(header_row + 1 + g);
            const std::string& id = goals[g].id;
            const auto found = serving_activities.find(id);
            const std::vector<std::size_t>& members = found == serving_activities.end() ? none : found->second;
            std::vector<std::string> serving;
            for (std::size_t a : members) serving.push_back(activities[a].shown_key);
            put(sheet, row, key_column, goals[g].name, looks_.bold);
            widen(sheet, key_column, std::min(text_width(goals[g].name), narrow_text_width));
            put(sheet, row, statement_column, goals[g].statement, looks_.wrapped);
            widen(sheet, statement_column, std::min(text_width(goals[g].statement), wide_text_width));
            const std::string serving_text =
                model_text(model::join(serving, " "), "the activities of goal '" + id + "'");
            if (!serving_text.empty()) {
                put(sheet, row, activities_column, serving_text, looks_.wrapped);
                widen(sheet, activities_column, std::min(text_width(serving_text), narrow_text_width));
            }
            const std::string serves = "ISNUMBER(FIND(\" \"&" + cell_ref(row, key_column, Anchor::column) +
                                       "&\" \",\" \"&" + goals_range + "&\" \"))";
            for (std::size_t y = 0; y < years_.size(); ++y) {
                const auto column = static_cast<std::uint32_t>(first_year_column + y);
                const Money ore = figures_.by_goal_year[g * years_.size() + y];
                put(sheet, row, column, Amount{ore}, looks_.money,
                    "=SUMPRODUCT(" + serves + "*" + range_ref(1, column, last_activity_row, column, Anchor::row) + ")");
                widen(sheet, column, money_width(ore));
            }
            const Money total = figures_.by_goal[g];
            const std::string total_formula =
                years_.empty() ? "=SUMPRODUCT(" + serves + "*" +
                                     range_ref(1, total_column, last_activity_row, total_column, Anchor::row) + ")"
                               : "=SUM(" + range_ref(row, first_year_column, row, total_column - 1) + ")";
            put(sheet, row, total_column, Amount{total}, looks_.money, total_formula);
            widen(sheet, total_column, money_width(total));
        }
        const auto note_row = static_cast<std::uint32_t>(header_row + 1 + goals.size() + 1);
        put(sheet, note_row, 0, std::string(labels_.goal_note), looks_.note);
        sheet.merges.push_back({note_row, 0, total_column});
    }
};

}  // namespace

SheetLayout by_activity_sheet(const BudgetKit& kit) { return ByActivityWriter(kit).write(); }

}  // namespace esfdraft::xlsx::sheets
