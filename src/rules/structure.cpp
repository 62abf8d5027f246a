// Structural rules X003, X004 and X005 (docs/rules.md, "Structure").
#include <algorithm>
#include <iterator>
#include <map>
#include <string_view>
#include <unordered_map>

#include "rules/check.hpp"
#include "rules/indexes.hpp"
#include "rules/rule_finding.hpp"

namespace esfdraft::rules {

namespace {

// The word a cost or source's @beneficiary uses for the project owner.
constexpr const char* owner_sub_budget = "owner";

// Collects ids with where they were declared; a second declaration is X004.
class IdRegistry {
public:
    explicit IdRegistry(model::Findings& out) : out_(out) {}

    void declare(const std::string& id, const char* section, const model::SourceLocation& where) {
        if (id.empty()) return;
        auto [it, inserted] = ids_.emplace(id, where);
        if (!inserted)
            out_.push_back(rule_finding("X004", section, "X004.duplicate_id", where)
                               .arg("id", model::MessageArg::of_text(id))
                               .arg("first", model::MessageArg::of_text(location_text(it->second))));
    }

private:
    static std::string location_text(const model::SourceLocation& where) {
        return where.file + ":" + std::to_string(where.line) + ":" + std::to_string(where.column);
    }
    std::map<std::string, model::SourceLocation> ids_;
    model::Findings& out_;
};

void unresolved(model::Findings& out, const char* section, const char* kind, const std::string& id,
                const model::SourceLocation& where) {
    out.push_back(rule_finding("X004", section, "X004.unresolved", where)
                      .arg("kind", model::MessageArg::of_text(kind))
                      .arg("id", model::MessageArg::of_text(id)));
}

// Partners by id (the first of duplicates), built once: a lookup per cost
// line must not scan every partner.
using PartnerIndex = std::unordered_map<std::string_view, const model::Partner*>;

PartnerIndex partners_by_id(const model::Application& application) {
    PartnerIndex index;
    for (const model::Partner& partner : application.partners)
        if (partner.id) index.emplace(*partner.id, &partner);
    return index;
}

// A cost or source's @beneficiary: "owner" (the project owner's own
// sub-budget) or the id of a partner with role="beneficiary".
void check_beneficiary(model::Findings& out, const PartnerIndex& partners,
                       const std::optional<std::string>& beneficiary, const model::SourceLocation& where) {
    if (!beneficiary || *beneficiary == owner_sub_budget) return;
    const auto found = partners.find(*beneficiary);
    const model::Partner* partner = found == partners.end() ? nullptr : found->second;
    if (!partner) {
        unresolved(out, "budget", "partner", *beneficiary, where);
        return;
    }
    if (!partner->beneficiary())
        out.push_back(rule_finding("X004", "budget", "X004.not_beneficiary", where)
                          .arg("id", model::MessageArg::of_text(*beneficiary))
                          .arg("partner", model::MessageArg::of_text(partner->name))
                          .arg("role", model::MessageArg::of_text(partner->role.empty() ? "-" : partner->role)));
}

}  // namespace

model::Findings check_programme(const model::Application& application, const model::RulePack* pack) {
    model::Findings out;
    // The pack library has already looked the name up in schemas/; here it is
    // a plain lookup in data, with no file system access.
    if (!pack) {
        out.push_back(rule_finding("X003", "project", "X003.unknown_programme", application.where)
                          .arg("programme", model::MessageArg::of_text(application.programme)));
        return out;
    }
    if (application.call && !pack->find_call(*application.call)) {
        std::vector<std::string> names;
        for (const model::Call& call : pack->calls) names.push_back(call.name);
        out.push_back(rule_finding("X003", "project", "X003.unknown_call", application.where)
                          .arg("call", model::MessageArg::of_text(*application.call))
                          .arg("programme", model::MessageArg::of_text(application.programme))
                          .arg("calls", model::MessageArg::of_text(names.empty() ? "-" : join(names))));
    }
    return out;
}

// One finding at every place of a repeated section, each naming the other
// places' lines: the user may keep either one (plan-format.md, "an error at
// both places").
model::Findings check_repeated_sections(const model::Application& application) {
    model::Findings out;
    // The places of each repeated section (summary per language), the first one first, in the reader's order.
    std::vector<std::pair<const model::RepeatedSection*, std::vector<model::SourceLocation>>> groups;
    for (const model::RepeatedSection& repeated : application.repeated_sections) {
        auto group = std::find_if(groups.begin(), groups.end(), [&](const auto& known) {
            return known.first->section == repeated.section && known.first->lang == repeated.lang;
        });
        if (group == groups.end()) {
            groups.emplace_back(&repeated, std::vector<model::SourceLocation>{repeated.first});
            group = std::prev(groups.end());
        }
        group->second.push_back(repeated.again);
    }
    for (const auto& [repeated, places] : groups)
        for (std::size_t i = 0; i < places.size(); ++i) {
            std::string others;
            for (std::size_t k = 0; k < places.size(); ++k)
                if (k != i) others += (others.empty() ? "" : ", ") + std::to_string(places[k].line);
            model::Finding finding = rule_finding(
                "X005", repeated->section, repeated->lang ? "X005.repeated_summary" : "X005.repeated", places[i]);
            finding.arg("section", model::MessageArg::of_text(repeated->section))
                .arg("other", model::MessageArg::of_text(others));
            if (repeated->lang) finding.arg("lang", model::MessageArg::of_text(*repeated->lang));
            out.push_back(std::move(finding));
        }
    return out;
}

model::Findings check_references(const model::Application& application) {
    model::Findings out;
    IdRegistry ids(out);
    for (const model::TargetGroup& group : application.target_groups)
        ids.declare(group.id, "targetGroups", group.where);
    for (const model::Goal& goal : application.goals) ids.declare(goal.id, "goals", goal.where);
    for (const model::Activity& activity : application.activities)
        ids.declare(activity.id, "activities", activity.where);
    for (const model::Partner& partner : application.partners) {
        if (!partner.id) continue;
        ids.declare(*partner.id, "partners", partner.where);
        // beneficiary="owner" means the project owner; a partner of that id could never be named.
        if (*partner.id == owner_sub_budget)
            out.push_back(rule_finding("X004", "partners", "X004.owner_id", partner.where));
    }
    if (application.risk_analysis)
        for (const model::Risk& risk : application.risk_analysis->risks)
            if (risk.id) ids.declare(*risk.id, "riskAnalysis", risk.where);

    const auto goals = goals_by_id(application);
    const auto activities = activities_by_id(application);
    for (const model::Activity& activity : application.activities)
        for (const std::string& goal_id : activity.goal_ids)
            if (!goals.count(goal_id)) unresolved(out, "activities", "goal", goal_id, activity.where);
    for (const model::CostLine& cost : application.budget.costs)
        if (cost.activity_id && !activities.count(*cost.activity_id))
            unresolved(out, "budget", "activity", *cost.activity_id, cost.where);
    if (application.project_logic)
        for (const model::LogicStep& step : application.project_logic->steps)
            for (const std::string& goal_id : step.goal_ids)
                if (!goals.count(goal_id)) unresolved(out, "projectLogic", "goal", goal_id, step.where);
    const PartnerIndex partners = partners_by_id(application);
    for (const model::CostLine& cost : application.budget.costs)
        check_beneficiary(out, partners, cost.beneficiary, cost.where);
    for (const model::FinancingSource& source : application.budget.financing)
        check_beneficiary(out, partners, source.beneficiary, source.where);

    if (!application.findings) return out;
    const model::PreStudyFindings& findings = *application.findings;
    for (const model::Goal& goal : application.goals)
        for (const model::GoalBasis& basis : goal.basis)
            if (!findings.find(basis.finding_id)) unresolved(out, "goals", "finding", basis.finding_id, basis.where);

    // The findings file has its own id space.
    IdRegistry study_ids(out);
    for (const model::ResearchQuestion& question : findings.questions)
        study_ids.declare(question.id, "findings", question.where);
    for (const model::Actor& actor : findings.actors) study_ids.declare(actor.id, "findings", actor.where);
    for (const model::StudyFinding& finding : findings.findings)
        study_ids.declare(finding.id, "findings", finding.where);
    auto has_question = [&](const std::string& id) {
        for (const auto& question : findings.questions)
            if (question.id == id) return true;
        return false;
    };
    auto has_actor = [&](const std::string& id) {
        for (const auto& actor : findings.actors)
            if (actor.id == id) return true;
        return false;
    };
    for (const model::StudyFinding& finding : findings.findings) {
        if (!finding.question_id.empty() && !has_question(finding.question_id))
            unresolved(out, "findings", "question", finding.question_id, finding.where);
        for (const model::Evidence& evidence : finding.evidence)
            for (const std::string& actor : evidence.actor_ids)
                if (!has_actor(actor)) unresolved(out, "findings", "actor", actor, evidence.where);
    }
    return out;
}

}  // namespace esfdraft::rules
