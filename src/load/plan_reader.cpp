#include <limits>
#include <map>
#include <stdexcept>

#include "load/readers.hpp"
#include "model/rule_pack.hpp"

namespace esfdraft::load {

namespace {

using model::Located;
using model::SourceLocation;

// Appends inline runs of `element` (mixed text, <em>, <strong>, nested).
// Whitespace collapses as in HTML: runs of it become one space, which stays
// in the run where it was written; a space is never doubled across runs.
void read_inlines(const XmlElement& element, bool emphasis, bool strong, model::InlineText& out) {
    for (const XmlContent& piece : element.content) {
        if (!piece.is_text) {
            const XmlElement& child = element.children[piece.child];
            read_inlines(child, emphasis || child.name == "em", strong || child.name == "strong", out);
            continue;
        }
        bool after_space = out.empty() || (!out.back().text.empty() && out.back().text.back() == ' ');
        std::string text;
        for (char c : piece.text) {
            const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
            if (space && after_space) continue;
            text += space ? ' ' : c;
            after_space = space;
        }
        if (text.empty()) continue;
        if (!out.empty() && out.back().emphasis == emphasis && out.back().strong == strong)
            out.back().text += text;
        else
            out.push_back(model::Inline{std::move(text), emphasis, strong});
    }
}

model::InlineText inline_text(const XmlElement& element) {
    model::InlineText out;
    read_inlines(element, false, false, out);
    // The block's trailing space is layout, not content.
    while (!out.empty()) {
        std::string& last = out.back().text;
        while (!last.empty() && last.back() == ' ') last.pop_back();
        if (!last.empty()) break;
        out.pop_back();
    }
    return out;
}

std::string text_of(const XmlElement* element) { return element ? element->normalized_text() : std::string(); }

Located<std::string> located_text(const XmlElement* element) {
    if (!element) return {};
    return {element->normalized_text(), element->where()};
}

model::Date date_attribute(const XmlElement& element, std::string_view name) {
    if (auto value = element.attribute(name))
        if (auto date = model::parse_date(*value)) return *date;
    return {};
}

// A finding for a value the XSD accepts but the format does not define
// exactly (more than six decimals, an amount beyond 64 bits, a source with no
// funder), so that it is never silently read as something else.
void report_format_problem(model::Findings& problems, const XmlElement& element, const char* message_id,
                           const std::string& value) {
    model::Finding finding;
    finding.rule = "X002";
    finding.severity = model::default_severity(finding.rule);
    finding.section = "file";
    finding.message_id = message_id;
    finding.where = element.where();
    finding.arg("value", model::MessageArg::of_text(value));
    problems.push_back(std::move(finding));
}

// A decimal attribute, or nullopt; a value the format cannot hold is X002 in `problems`.
std::optional<model::Decimal> decimal_attribute(const XmlElement& element, std::string_view name,
                                                model::Findings& problems) {
    auto value = element.attribute(name);
    if (!value) return std::nullopt;
    const std::string text = collapse_whitespace(*value);
    auto decimal = model::parse_decimal(text);
    if (!decimal) report_format_problem(problems, element, "X002.decimal", std::string(name) + "=\"" + text + "\"");
    return decimal;
}

// A leading '-' is read (the XSD lets it through), so that a negative amount
// reaches the budget rules (B001: a cost must be positive; a deduction is an
// <income>) instead of stopping the file; any other form is still refused.
model::Money money_attribute(const XmlElement& element, model::Findings& problems) {
    const std::string text = collapse_whitespace(element.attribute("amount").value_or("0"));
    const bool negative = !text.empty() && text.front() == '-';
    if (auto amount = model::parse_money(negative ? std::string_view(text).substr(1) : std::string_view(text)))
        return negative ? -*amount : *amount;
    report_format_problem(problems, element, "X002.amount", text);
    return 0;
}

std::optional<model::RichText> optional_rich_text(const XmlElement& parent, std::string_view name) {
    if (const XmlElement* element = parent.child(name)) return read_rich_text(*element);
    return std::nullopt;
}

model::Organisation read_organisation(const XmlElement* element) {
    model::Organisation organisation;
    if (!element) return organisation;
    organisation.name = element->normalized_text();
    organisation.org_number = element->attribute("orgNumber");
    organisation.where = element->where();
    return organisation;
}

model::Contact read_contact(const XmlElement& element) {
    model::Contact contact;
    contact.where = element.where();
    contact.name = text_of(element.child("name"));
    contact.email = text_of(element.child("email"));
    if (const XmlElement* email = element.child("email")) contact.email_where = email->where();
    if (const XmlElement* phone = element.child("phone")) contact.phone = phone->normalized_text();
    return contact;
}

// An attribute the XSD gives as an enumeration or token: read collapsed, and
// placed at its element (attributes have no position of their own).
std::optional<Located<std::string>> located_attribute(const XmlElement& element, std::string_view name) {
    if (auto value = element.attribute(name)) return Located<std::string>{collapse_whitespace(*value), element.where()};
    return std::nullopt;
}

model::Applicant read_applicant(const XmlElement& element) {
    model::Applicant applicant;
    applicant.where = element.where();
    applicant.kind = located_attribute(element, "kind");
    applicant.vat = located_attribute(element, "vat");
    if (const XmlElement* address = element.child("address"))
        applicant.address = model::PostalAddress{text_of(address->child("street")), text_of(address->child("postcode")),
                                                 text_of(address->child("city")), address->where()};
    if (const XmlElement* signatory = element.child("signatory"))
        applicant.signatory =
            model::Signatory{text_of(signatory->child("name")), text_of(signatory->child("title")), signatory->where()};
    if (const XmlElement* contact = element.child("financeContact")) applicant.finance_contact = read_contact(*contact);
    if (const XmlElement* account = element.child("account"))
        applicant.account = model::PaymentAccount{collapse_whitespace(account->attribute("kind").value_or("")),
                                                  account->normalized_text(), account->where()};
    return applicant;
}

model::Project read_project(const XmlElement& element) {
    model::Project project;
    project.where = element.where();
    project.title = located_text(element.child("title"));
    if (const XmlElement* acronym = element.child("acronym")) project.acronym = located_text(acronym);
    project.programme_area = located_text(element.child("programmeArea"));
    project.phase = located_text(element.child("phase"));
    project.region = located_text(element.child("region"));
    project.owner = read_organisation(element.child("owner"));
    if (const XmlElement* contact = element.child("contact")) project.contact = read_contact(*contact);
    if (const XmlElement* period = element.child("period")) project.period = read_period(*period);
    if (const XmlElement* municipalities = element.child("municipalities")) {
        project.municipalities_where = municipalities->where();
        for (const XmlElement* municipality : municipalities->children_named("municipality")) {
            model::MunicipalityRef ref;
            ref.code = collapse_whitespace(municipality->attribute("code").value_or(""));
            const std::string name = municipality->normalized_text();
            if (!name.empty()) ref.name = name;
            ref.partner = municipality->attribute("role") == std::optional<std::string>("partner");
            ref.where = municipality->where();
            project.municipalities.push_back(std::move(ref));
        }
    }
    if (const XmlElement* pre_study = element.child("preStudy")) {
        model::PreStudyRef ref;
        ref.title = collapse_whitespace(pre_study->attribute("title").value_or(""));
        ref.period.start = date_attribute(*pre_study, "start");
        ref.period.end = date_attribute(*pre_study, "end");
        ref.period.where = pre_study->where();
        ref.findings_path = pre_study->attribute("findings");
        ref.where = pre_study->where();
        project.pre_study = std::move(ref);
    }
    if (const XmlElement* applicant = element.child("applicant")) project.applicant = read_applicant(*applicant);
    if (const XmlElement* case_number = element.child("caseNumber")) project.case_number = located_text(case_number);
    return project;
}

model::Indicator read_indicator(const XmlElement& element, model::Findings& problems) {
    model::Indicator indicator;
    indicator.text = element.normalized_text();
    indicator.unit = element.attribute("unit").value_or("");
    indicator.target = decimal_attribute(element, "target", problems).value_or(model::Decimal{});
    indicator.baseline = decimal_attribute(element, "baseline", problems).value_or(model::Decimal{});
    indicator.women = decimal_attribute(element, "women", problems);
    indicator.men = decimal_attribute(element, "men", problems);
    indicator.non_binary = decimal_attribute(element, "nonBinary", problems);
    if (auto code = element.attribute("code")) indicator.code = collapse_whitespace(*code);
    if (element.attribute("due")) indicator.due = date_attribute(element, "due");
    indicator.where = element.where();
    return indicator;
}

model::Goal read_goal(const XmlElement& element, model::Findings& problems) {
    model::Goal goal;
    goal.id = element.attribute("id").value_or("");
    goal.kind = element.attribute("kind").value_or("");
    goal.statement = text_of(element.child("statement"));
    for (const XmlElement* indicator : element.children_named("indicator"))
        goal.indicators.push_back(read_indicator(*indicator, problems));
    for (const XmlElement* basis : element.children_named("basis"))
        goal.basis.push_back(model::GoalBasis{basis->attribute("finding").value_or(""), basis->where()});
    goal.where = element.where();
    return goal;
}

model::Activity read_activity(const XmlElement& element) {
    model::Activity activity;
    activity.id = element.attribute("id").value_or("");
    activity.start = date_attribute(element, "start");
    activity.end = date_attribute(element, "end");
    activity.goal_ids = split_list(element.attribute("goals").value_or(""));
    activity.tags = split_list(element.attribute("tags").value_or(""));
    activity.title = text_of(element.child("title"));
    activity.description = optional_rich_text(element, "description");
    activity.where = element.where();
    return activity;
}

// All the amounts of a budget together, costs, financing and income, in
// the order they are read. Past 64-bit öre the first element that takes it
// there is a finding: a budget whose amounts all add up within 64 bits can
// be summed and subtracted in any way by the rules and the documents, and a
// larger one stopped them with an overflow that named no file and no line.
class BudgetTotal {
public:
    explicit BudgetTotal(model::Findings& problems) : problems_(problems) {}

    model::Money add(model::Money amount, const XmlElement& element) {
        if (overflowed_) return amount;
        if (__builtin_add_overflow(total_, amount, &total_)) {
            overflowed_ = true;
            model::Finding finding;
            finding.rule = "X002";
            finding.severity = model::default_severity(finding.rule);
            finding.section = "file";
            finding.message_id = "X002.budget_total";
            finding.where = element.where();
            finding.arg("limit", model::MessageArg::of_money(std::numeric_limits<model::Money>::max()));
            problems_.push_back(std::move(finding));
        }
        return amount;
    }

private:
    model::Findings& problems_;
    model::Money total_ = 0;
    bool overflowed_ = false;
};

model::Budget read_budget(const XmlElement& element, model::Findings& problems) {
    BudgetTotal total(problems);
    model::Budget budget;
    budget.where = element.where();
    budget.currency = element.attribute("currency").value_or("SEK");
    if (auto models = element.attribute("costModel")) {
        budget.cost_models = split_list(*models);
        budget.cost_model_where = element.where();
    }
    if (const XmlElement* costs = element.child("costs")) {
        budget.costs_where = costs->where();
        budget.costs.reserve(costs->children.size());
        for (const XmlElement* cost : costs->children_named("cost")) {
            model::CostLine line;
            line.category = cost->attribute("category").value_or("");
            const std::string year = collapse_whitespace(cost->attribute("year").value_or("0"));
            try {
                line.year = std::stoi(year);
            } catch (const std::exception&) {
                line.year = 0;
            }
            line.activity_id = cost->attribute("activity");
            line.amount = total.add(money_attribute(*cost, problems), *cost);
            line.tags = split_list(cost->attribute("tags").value_or(""));
            line.label = cost->normalized_text();
            line.beneficiary = cost->attribute("beneficiary");
            line.where = cost->where();
            budget.costs.push_back(std::move(line));
        }
    }
    if (const XmlElement* financing = element.child("financing")) {
        budget.financing_where = financing->where();
        for (const XmlElement* source : financing->children_named("source")) {
            model::FinancingSource item;
            item.kind = source->attribute("kind").value_or("");
            item.funder = source->attribute("funder");
            item.org_number = source->attribute("orgNumber");
            item.amount = total.add(money_attribute(*source, problems), *source);
            item.beneficiary = source->attribute("beneficiary");
            if (item.kind != "esf" && (!item.funder || collapse_whitespace(*item.funder).empty()))
                report_format_problem(problems, *source, "X002.funder", item.kind);
            item.where = source->where();
            budget.financing.push_back(std::move(item));
        }
    }
    for (const XmlElement* income : element.children_named("income"))
        budget.income.push_back(model::Income{total.add(money_attribute(*income, problems), *income),
                                              income->normalized_text(), income->where()});
    return budget;
}

model::RiskAnalysis read_risk_analysis(const XmlElement& element) {
    model::RiskAnalysis analysis;
    analysis.where = element.where();
    // read_rich_text takes the blocks (p, ul, ol) and passes the risks by.
    analysis.introduction = read_rich_text(element);
    for (const XmlElement* risk : element.children_named("risk")) {
        model::Risk item;
        item.id = risk->attribute("id");
        item.likelihood = collapse_whitespace(risk->attribute("likelihood").value_or(""));
        item.impact = collapse_whitespace(risk->attribute("impact").value_or(""));
        item.description = text_of(risk->child("description"));
        item.measure = text_of(risk->child("measure"));
        item.where = risk->where();
        analysis.risks.push_back(std::move(item));
    }
    return analysis;
}

model::ProjectLogic read_project_logic(const XmlElement& element) {
    model::ProjectLogic logic;
    logic.where = element.where();
    logic.introduction = read_rich_text(element);  // the blocks before the steps
    for (const XmlElement* step : element.children_named("step")) {
        model::LogicStep item;
        item.kind = collapse_whitespace(step->attribute("kind").value_or(""));
        item.goal_ids = split_list(step->attribute("goals").value_or(""));
        item.text = read_rich_text(*step);
        item.where = step->where();
        logic.steps.push_back(std::move(item));
    }
    return logic;
}

}  // namespace

std::vector<std::string> split_list(const std::string& text) {
    std::vector<std::string> out;
    std::string current;
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            if (!current.empty()) out.push_back(std::move(current));
            current.clear();
        } else {
            current += c;
        }
    }
    if (!current.empty()) out.push_back(std::move(current));
    return out;
}

model::Period read_period(const XmlElement& element) {
    model::Period period;
    period.start = date_attribute(element, "start");
    period.end = date_attribute(element, "end");
    period.where = element.where();
    return period;
}

model::RichText read_rich_text(const XmlElement& element) {
    model::RichText text;
    text.where = element.where();
    for (const XmlElement& child : element.children) {
        model::Block block;
        block.where = child.where();
        if (child.name == "p") {
            block.kind = model::Block::Kind::paragraph;
            block.inlines = inline_text(child);
        } else if (child.name == "ul" || child.name == "ol") {
            block.kind = child.name == "ul" ? model::Block::Kind::bullet_list : model::Block::Kind::numbered_list;
            for (const XmlElement* item : child.children_named("li")) block.items.push_back(inline_text(*item));
        } else {
            continue;
        }
        text.blocks.push_back(std::move(block));
    }
    return text;
}

namespace {

// The summaries, told apart by language (a missing lang being sv), and
// every section given again. The sections come in any order; each is read
// from its first place (the child() lookups of read_plan) and every later
// place is recorded for X005.
void read_summaries_and_repeats(const XmlElement& root, model::Application& application) {
    std::map<std::string, model::SourceLocation> first_places;
    for (const XmlElement& child : root.children) {
        if (child.name == "project") continue;
        const bool summary = child.name == "summary";
        const std::string key = summary ? "summary:" + child.attribute("lang").value_or("sv") : child.name;
        auto [place, first] = first_places.emplace(key, child.where());
        if (first) {
            if (summary)
                application.summaries.push_back(model::Summary{child.attribute("lang"), read_rich_text(child)});
            continue;
        }
        model::RepeatedSection repeated;
        repeated.section = child.name;
        if (summary) repeated.lang = child.attribute("lang").value_or("sv");
        repeated.first = place->second;
        repeated.again = child.where();
        application.repeated_sections.push_back(std::move(repeated));
    }
}

void read_target_groups(const XmlElement& groups, model::Application& application, model::Findings& problems) {
    application.target_groups_where = groups.where();
    for (const XmlElement* group : groups.children_named("targetGroup")) {
        model::TargetGroup target_group;
        target_group.id = group->attribute("id").value_or("");
        target_group.name = text_of(group->child("name"));
        target_group.description = optional_rich_text(*group, "description");
        target_group.women = decimal_attribute(*group, "women", problems);
        target_group.men = decimal_attribute(*group, "men", problems);
        target_group.where = group->where();
        application.target_groups.push_back(std::move(target_group));
    }
}

void read_attachments(const XmlElement& attachments, model::Application& application) {
    application.attachments_where = attachments.where();
    std::vector<model::Attachment> items;
    for (const XmlElement* attachment : attachments.children_named("attachment"))
        items.push_back(model::Attachment{collapse_whitespace(attachment->attribute("kind").value_or("")),
                                          attachment->normalized_text(), attachment->where()});
    application.attachments = std::move(items);
}

}  // namespace

model::Application read_plan(const XmlElement& root, model::Findings& problems) {
    model::Application application;
    application.where = root.where();
    application.file = root.where().file;
    application.programme = collapse_whitespace(root.attribute("programme").value_or(""));
    if (auto call = root.attribute("call")) application.call = collapse_whitespace(*call);
    application.lang = root.attribute("lang").value_or("sv");
    if (const XmlElement* project = root.child("project")) application.project = read_project(*project);
    read_summaries_and_repeats(root, application);
    application.background = optional_rich_text(root, "background");
    application.problem = optional_rich_text(root, "problem");
    application.purpose = optional_rich_text(root, "purpose");
    if (const XmlElement* groups = root.child("targetGroups")) read_target_groups(*groups, application, problems);
    if (const XmlElement* goals = root.child("goals")) {
        application.goals_where = goals->where();
        for (const XmlElement* goal : goals->children_named("goal"))
            application.goals.push_back(read_goal(*goal, problems));
    }
    if (const XmlElement* activities = root.child("activities")) {
        application.activities_where = activities->where();
        for (const XmlElement* activity : activities->children_named("activity"))
            application.activities.push_back(read_activity(*activity));
    }
    application.organisation = optional_rich_text(root, "organisation");
    if (const XmlElement* partners = root.child("partners"))
        for (const XmlElement* partner : partners->children_named("partner"))
            application.partners.push_back(model::Partner{partner->attribute("id"), partner->normalized_text(),
                                                          collapse_whitespace(partner->attribute("role").value_or("")),
                                                          partner->attribute("orgNumber"), partner->where()});
    application.gender_equality = optional_rich_text(root, "genderEquality");
    if (const XmlElement* accessibility = root.child("accessibility")) {
        model::Accessibility aspects;
        aspects.physical = optional_rich_text(*accessibility, "physical");
        aspects.information = optional_rich_text(*accessibility, "information");
        aspects.participation = optional_rich_text(*accessibility, "participation");
        aspects.where = accessibility->where();
        application.accessibility = std::move(aspects);
    }
    application.non_discrimination = optional_rich_text(root, "nonDiscrimination");
    application.transnational = optional_rich_text(root, "transnational");
    application.dissemination = optional_rich_text(root, "dissemination");
    application.evaluation = optional_rich_text(root, "evaluation");
    if (const XmlElement* budget = root.child("budget")) application.budget = read_budget(*budget, problems);
    if (const XmlElement* risks = root.child("riskAnalysis")) application.risk_analysis = read_risk_analysis(*risks);
    if (const XmlElement* logic = root.child("projectLogic")) application.project_logic = read_project_logic(*logic);
    application.sustainable_development = optional_rich_text(root, "sustainableDevelopment");
    application.fundamental_rights = optional_rich_text(root, "fundamentalRights");
    if (const XmlElement* attachments = root.child("attachments")) read_attachments(*attachments, application);
    return application;
}

model::PreStudyFindings read_findings(const XmlElement& root, model::Findings& problems) {
    model::PreStudyFindings findings;
    findings.file = root.where().file;
    findings.where = root.where();
    findings.lang = root.attribute("lang").value_or("sv");
    if (const XmlElement* study = root.child("study")) {
        findings.study_title = text_of(study->child("title"));
        if (const XmlElement* period = study->child("period")) findings.study_period = read_period(*period);
        findings.method = optional_rich_text(*study, "method");
    }
    if (const XmlElement* questions = root.child("questions"))
        for (const XmlElement* question : questions->children_named("question"))
            findings.questions.push_back(model::ResearchQuestion{question->attribute("id").value_or(""),
                                                                 question->normalized_text(), question->where()});
    if (const XmlElement* actors = root.child("actors"))
        for (const XmlElement* actor : actors->children_named("actor"))
            findings.actors.push_back(
                model::Actor{actor->attribute("id").value_or(""), actor->attribute("kind").value_or(""),
                             actor->attribute("municipality"), actor->normalized_text(), actor->where()});
    for (const XmlElement* element : root.children_named("finding")) {
        model::StudyFinding finding;
        finding.id = element->attribute("id").value_or("");
        finding.question_id = element->attribute("question").value_or("");
        finding.theme = element->attribute("theme").value_or("");
        finding.priority = element->attribute("priority").value_or("");
        finding.out_of_scope = element->attribute("scope") == std::optional<std::string>("out");
        finding.statement = text_of(element->child("statement"));
        for (const XmlElement* evidence : element->children_named("evidence")) {
            model::Evidence item;
            item.kind = evidence->attribute("kind").value_or("");
            if (auto respondents = evidence->attribute("respondents")) {
                try {
                    item.respondents = std::stoll(*respondents);
                } catch (const std::exception&) {
                }
            }
            item.share = decimal_attribute(*evidence, "share", problems);
            item.actor_ids = split_list(evidence->attribute("actors").value_or(""));
            item.text = evidence->normalized_text();
            item.where = evidence->where();
            finding.evidence.push_back(std::move(item));
        }
        if (const XmlElement* recommendation = element->child("recommendation"))
            finding.recommendation = recommendation->normalized_text();
        finding.where = element->where();
        findings.findings.push_back(std::move(finding));
    }
    return findings;
}

}  // namespace esfdraft::load
