#include "http/plan_diff.hpp"

#include <map>
#include <set>
#include <stdexcept>

#include "model/budget_figures.hpp"
#include "model/values.hpp"
#include "model/vocabulary.hpp"
#include "report/report.hpp"

namespace esfdraft::http {

namespace {

using Fields = std::map<std::string, std::string>;
// Items of one kind by key, in the order they appear in the plan.
using Items = std::vector<std::pair<std::string, Fields>>;

std::string kronor(model::Money ore) { return model::fixed_point(ore, 2); }

std::string text_of(const std::optional<model::RichText>& text) { return text ? text->plain_text() : std::string(); }

std::string decimal(const std::optional<model::Decimal>& value) { return value ? value->text() : std::string(); }

// "genderEquality" -> "gender-equality": a plan element's name as the diff's
// keys are written.
std::string kebab_case(std::string_view name) {
    std::string out;
    for (const char c : name) {
        if (c >= 'A' && c <= 'Z') {
            out += '-';
            out += static_cast<char>(c - 'A' + 'a');
        } else {
            out += c;
        }
    }
    return out;
}

// Keys must be unique: a second "staff 2024" becomes "staff 2024 #2".
void add_item(Items& items, std::map<std::string, int>& seen, const std::string& key, Fields fields) {
    const int count = ++seen[key];
    items.emplace_back(count == 1 ? key : key + " #" + std::to_string(count), std::move(fields));
}

// The diff's items of one plan by kind, each kind's in plan order; a key
// given twice gets " #2" (add_item).
class PlanItems {
public:
    void add(const std::string& kind, const std::string& key, Fields fields) {
        add_item(all_[kind], seen_[kind], key, std::move(fields));
    }
    void section(const std::string& key, const std::string& text) { add("section", key, {{"text", text}}); }
    std::map<std::string, Items> take() { return std::move(all_); }

private:
    std::map<std::string, Items> all_;
    std::map<std::string, std::map<std::string, int>> seen_;
};

// The title, the sections of text, the case number and the cost model.
void section_items(PlanItems& items, const model::Application& plan) {
    items.section("title", plan.project.title.value);
    // The sections of text in application order, keyed as the rest of the
    // diff is (genderEquality is "gender-equality"); accessibility by its
    // three parts.
    for (const model::SectionWords& words : model::sections()) {
        const std::string key = kebab_case(words.key);
        if (const std::optional<model::RichText>* text = model::rich_section(plan, words.key)) {
            items.section(key, text_of(*text));
        } else if (key == "summary") {
            if (const model::Summary* summary = plan.main_summary()) items.section(key, summary->text.plain_text());
        } else if (key == "accessibility" && plan.accessibility) {
            items.section("accessibility-physical", text_of(plan.accessibility->physical));
            items.section("accessibility-information", text_of(plan.accessibility->information));
            items.section("accessibility-participation", text_of(plan.accessibility->participation));
        } else if (key == "project-logic" && plan.project_logic) {
            std::string logic = plan.project_logic->introduction.plain_text();
            for (const model::LogicStep& step : plan.project_logic->steps)
                logic += (logic.empty() ? "" : "\n") + step.kind +
                         (step.goal_ids.empty() ? "" : " (" + model::join(step.goal_ids) + ")") + ": " +
                         step.text.plain_text();
            items.section(key, logic);
        } else if (key == "risk-analysis" && plan.risk_analysis) {
            items.section(key, plan.risk_analysis->introduction.plain_text());
        }
    }
    if (plan.project.case_number) items.section("case-number", plan.project.case_number->value);
    if (!plan.budget.cost_models.empty()) items.section("cost-model", model::join(plan.budget.cost_models));
}

// The risks, partners, attachments and target groups.
void people_items(PlanItems& items, const model::Application& plan) {
    if (plan.risk_analysis) {
        int index = 0;
        for (const model::Risk& risk : plan.risk_analysis->risks) {
            ++index;
            items.add("risk", risk.id.value_or(std::to_string(index)),
                      {{"description", risk.description},
                       {"likelihood", risk.likelihood},
                       {"impact", risk.impact},
                       {"measure", risk.measure}});
        }
    }
    for (const model::Partner& partner : plan.partners)
        items.add(
            "partner", partner.id.value_or(partner.name),
            {{"name", partner.name}, {"role", partner.role}, {"organisationNumber", partner.org_number.value_or("")}});
    if (plan.attachments)
        for (const model::Attachment& attachment : *plan.attachments)
            items.add("attachment", attachment.kind + " " + attachment.title, {});
    for (const model::TargetGroup& group : plan.target_groups)
        items.add("target-group", group.id,
                  {{"name", group.name},
                   {"women", decimal(group.women)},
                   {"men", decimal(group.men)},
                   {"description", text_of(group.description)}});
}

// The goals with their indicators, and the activities.
void goal_items(PlanItems& items, const model::Application& plan) {
    for (const model::Goal& goal : plan.goals) {
        items.add("goal", goal.id, {{"kind", goal.kind}, {"statement", goal.statement}});
        int index = 0;
        for (const model::Indicator& indicator : goal.indicators) {
            ++index;
            items.add("indicator", goal.id + "/" + std::to_string(index),
                      {{"text", indicator.text},
                       {"unit", indicator.unit},
                       {"target", indicator.target.text()},
                       {"baseline", indicator.baseline.text()},
                       {"women", decimal(indicator.women)},
                       {"men", decimal(indicator.men)},
                       {"nonBinary", decimal(indicator.non_binary)},
                       {"code", indicator.code.value_or("")},
                       {"due", indicator.due ? indicator.due->iso() : ""}});
        }
    }
    for (const model::Activity& activity : plan.activities) {
        items.add("activity", activity.id,
                  {{"title", activity.title},
                   {"start", activity.start.iso()},
                   {"end", activity.end.iso()},
                   {"goals", model::join(activity.goal_ids)},
                   {"description", text_of(activity.description)}});
    }
}

// The cost lines, financing, income and municipalities.
void budget_items(PlanItems& items, const model::Application& plan) {
    for (const model::CostLine& line : plan.budget.costs) {
        const std::string key = line.category + " " + std::to_string(line.year) +
                                (line.activity_id ? " " + *line.activity_id : "") + " " + line.label;
        Fields fields{{"amount", kronor(line.amount)}};
        if (line.beneficiary) fields["beneficiary"] = *line.beneficiary;
        items.add("cost-line", key, std::move(fields));
    }
    for (const model::FinancingSource& source : plan.budget.financing) {
        items.add("financing", source.kind + (source.funder ? " " + *source.funder : ""),
                  source.beneficiary ? Fields{{"amount", kronor(source.amount)},
                                              {"organisationNumber", source.org_number.value_or("")},
                                              {"beneficiary", *source.beneficiary}}
                                     : Fields{{"amount", kronor(source.amount)},
                                              {"organisationNumber", source.org_number.value_or("")}});
    }
    for (const model::Income& income : plan.budget.income)
        items.add("income", income.label, {{"amount", kronor(income.amount)}});
    for (const model::MunicipalityRef& municipality : plan.project.municipalities) {
        items.add("municipality", municipality.code,
                  {{"name", municipality.name.value_or("")}, {"partner", municipality.partner ? "yes" : "no"}});
    }
}

std::map<std::string, Items> items_of(const model::Application& plan) {
    PlanItems items;
    section_items(items, plan);
    people_items(items, plan);
    goal_items(items, plan);
    budget_items(items, plan);
    return items.take();
}

// The budget's total, ESF support and co-financing, and the co-financing's
// share of the eligible cost in per cent with one decimal ("40.0"), as the
// rules (B007) and the report count it; nothing when the sums overflow.
JsonObject key_figures(const model::Application* plan) {
    JsonObject figures = object();
    if (!plan) return figures;
    model::BudgetFigures sums;
    try {
        sums = model::budget_figures(*plan);
    } catch (const std::overflow_error&) {
        return figures;
    }
    figures->set("totalCost", kronor(sums.total_costs));
    figures->set("esf", kronor(sums.esf));
    figures->set("coFinancing", kronor(sums.cofinancing));
    if (sums.eligible > 0) {
        figures->set("coFinancingShare", model::fixed_point(model::share_of(sums.cofinancing, sums.eligible, 1), 1));
    } else {
        figures->set("coFinancingShare", Poco::Dynamic::Var());
    }
    return figures;
}

std::string finding_key(const model::Finding& finding) {
    return finding.rule + "|" + finding.where.path + "|" + finding.message_id;
}

JsonObject finding_json(const model::Finding& finding, report::Language language) {
    JsonObject out = object();
    out->set("rule", finding.rule);
    out->set("severity", std::string(model::to_string(finding.severity)));
    out->set("section", finding.section);
    out->set("path", finding.where.path);
    out->set("message", report::message_text(finding, language));
    return out;
}

}  // namespace

constexpr DiffKind kind_table[] = {
    {"section", "Avsnitt", "Section"},
    {"target-group", "Målgrupp", "Target group"},
    {"goal", "Mål", "Goal"},
    {"indicator", "Indikator", "Indicator"},
    {"activity", "Aktivitet", "Activity"},
    {"cost-line", "Kostnad", "Cost"},
    {"financing", "Finansiering", "Financing"},
    {"income", "Intäkt", "Income"},
    {"municipality", "Kommun", "Municipality"},
    {"partner", "Samverkanspart", "Partner"},
    {"risk", "Risk", "Risk"},
    {"attachment", "Bilaga", "Attachment"},
};

std::span<const DiffKind> diff_kinds() { return kind_table; }

const DiffKind* diff_kind(std::string_view key) {
    for (const DiffKind& kind : kind_table)
        if (kind.key == key) return &kind;
    return nullptr;
}

std::vector<PlanChange> plan_changes(const model::Application& before, const model::Application& after) {
    std::vector<PlanChange> changes;
    const std::map<std::string, Items> old_items = items_of(before);
    const std::map<std::string, Items> new_items = items_of(after);
    for (const DiffKind& each : diff_kinds()) {
        const std::string kind(each.key);
        const auto old_found = old_items.find(kind);
        const auto new_found = new_items.find(kind);
        const Items empty;
        const Items& olds = old_found == old_items.end() ? empty : old_found->second;
        const Items& news = new_found == new_items.end() ? empty : new_found->second;
        std::map<std::string, const Fields*> old_by_key, new_by_key;
        for (const auto& [key, fields] : olds) old_by_key[key] = &fields;
        for (const auto& [key, fields] : news) new_by_key[key] = &fields;
        for (const auto& [key, fields] : olds) {
            if (new_by_key.count(key)) continue;
            PlanChange change{kind, key, "removed", {}};
            for (const auto& [name, value] : fields) change.fields.push_back({name, {value, ""}});
            changes.push_back(std::move(change));
        }
        for (const auto& [key, fields] : news) {
            const auto old = old_by_key.find(key);
            PlanChange change{kind, key, old == old_by_key.end() ? "added" : "changed", {}};
            for (const auto& [name, value] : fields) {
                const std::string before_value =
                    old == old_by_key.end() ? "" : (old->second->count(name) ? old->second->at(name) : "");
                if (old == old_by_key.end() || before_value != value)
                    change.fields.push_back({name, {before_value, value}});
            }
            if (change.change == "added" || !change.fields.empty()) changes.push_back(std::move(change));
        }
    }
    return changes;
}

JsonObject diff_json(const VersionSide& from, const VersionSide& to, const std::string& lang) {
    const report::Language language = lang == "en" ? report::Language::en : report::Language::sv;
    JsonObject out = object();
    out->set("from", from.number);
    out->set("to", to.number);
    JsonArray changes = array();
    if (from.application && to.application) {
        for (const PlanChange& change : plan_changes(*from.application, *to.application)) {
            JsonObject item = object();
            item->set("kind", change.kind);
            item->set("key", change.key);
            item->set("change", change.change);
            JsonArray fields = array();
            for (const auto& [name, values] : change.fields) {
                JsonObject field = object();
                field->set("field", name);
                if (change.change == "added")
                    field->set("old", Poco::Dynamic::Var());
                else
                    field->set("old", values.first);
                if (change.change == "removed")
                    field->set("new", Poco::Dynamic::Var());
                else
                    field->set("new", values.second);
                fields->add(field);
            }
            item->set("fields", fields);
            changes->add(item);
        }
    }
    out->set("planComparable", from.application != nullptr && to.application != nullptr);
    out->set("changes", changes);
    JsonObject figures = object();
    figures->set("before", key_figures(from.application));
    figures->set("after", key_figures(to.application));
    out->set("keyFigures", figures);
    JsonObject check = object();
    JsonArray added = array(), resolved = array();
    std::multiset<std::string> before_keys, after_keys;
    if (from.findings)
        for (const model::Finding& f : *from.findings) before_keys.insert(finding_key(f));
    if (to.findings)
        for (const model::Finding& f : *to.findings) after_keys.insert(finding_key(f));
    if (to.findings) {
        std::multiset<std::string> remaining = before_keys;
        for (const model::Finding& f : report::sorted(*to.findings)) {
            const auto found = remaining.find(finding_key(f));
            if (found == remaining.end())
                added->add(finding_json(f, language));
            else
                remaining.erase(found);
        }
    }
    if (from.findings) {
        std::multiset<std::string> remaining = after_keys;
        for (const model::Finding& f : report::sorted(*from.findings)) {
            const auto found = remaining.find(finding_key(f));
            if (found == remaining.end())
                resolved->add(finding_json(f, language));
            else
                remaining.erase(found);
        }
    }
    check->set("new", added);
    check->set("resolved", resolved);
    out->set("check", check);
    return out;
}

}  // namespace esfdraft::http
