#include "rules/rule_test_support.hpp"

#include <boost/test/unit_test.hpp>

#include "load/loader.hpp"
#include "support/temp_files.hpp"

namespace esfdraft::testing {

load::RulePackLibrary& pack_library() {
    static load::RulePackLibrary library(source_path("schemas"));
    return library;
}

model::RulePack pack_copy(const std::string& name) {
    const model::RulePack* pack = pack_library().find(name);
    BOOST_TEST_REQUIRE(pack != nullptr, "no pack " << name);
    return *pack;
}

std::string fixture(const std::string& name) {
    const std::string text = read_file(source_path("tests/rules/fixtures/" + name));
    BOOST_TEST_REQUIRE(!text.empty(), "missing fixture " << name);
    return text;
}

std::string clean_plan() { return fixture("clean-plan.xml"); }
std::string clean_findings() { return fixture("clean-findings.xml"); }
std::string clean_plan_esf_plus() { return fixture("clean-plan-esf-plus.xml"); }
std::string clean_plan_esf_plus_full() { return fixture("clean-plan-esf-plus-full.xml"); }
std::string clean_findings_esf_plus() { return fixture("clean-findings-esf-plus.xml"); }

std::string replaced(std::string text, std::string_view from, std::string_view to) {
    const std::size_t at = text.find(from);
    BOOST_TEST_REQUIRE(at != std::string::npos, "the fixture has no \"" << from << "\"");
    return text.replace(at, from.size(), to);
}

std::string paragraph_of(const std::string& plan, const std::string& element) {
    const std::size_t open = plan.find("<" + element + ">");
    const std::size_t start = plan.find("<p>", open);
    const std::size_t end = plan.find("</p>", start);
    return plan.substr(start, end + 4 - start);
}

int line_of(std::string_view text, std::string_view needle) {
    const std::size_t at = text.find(needle);
    if (at == std::string_view::npos) return 0;
    int line = 1;
    for (std::size_t i = 0; i < at; ++i)
        if (text[i] == '\n') ++line;
    return line;
}

std::vector<model::Finding> CheckedPlan::of_rule(std::string_view rule) const {
    std::vector<model::Finding> out;
    for (const model::Finding& finding : findings)
        if (finding.rule == rule) out.push_back(finding);
    return out;
}

CheckOptions with_pack(model::RulePack pack) {
    CheckOptions options;
    options.pack = std::move(pack);
    return options;
}

CheckOptions with_findings(std::string findings) {
    CheckOptions options;
    options.findings = std::move(findings);
    return options;
}

CheckOptions with_today(model::Date today) {
    CheckOptions options;
    options.today = today;
    return options;
}

CheckedPlan check_plan(const std::string& plan, const CheckOptions& options) {
    ScratchFolder folder;
    CheckedPlan checked;
    checked.plan_file = folder.write("plan.xml", plan);
    if (!options.findings.empty()) checked.findings_file = folder.write(options.findings_name, options.findings);

    load::Loader loader(source_path("schemas"));
    load::PlanLoad loaded = loader.load_plan(checked.plan_file);
    BOOST_TEST_REQUIRE(loaded.application.has_value(), "the plan does not load:\n" << listing(loaded.findings));
    model::Application& application = *loaded.application;
    if (!checked.findings_file.empty() && application.project.pre_study &&
        application.project.pre_study->findings_path) {
        load::FindingsLoad study = loader.load_findings(checked.findings_file);
        BOOST_TEST_REQUIRE(study.findings.has_value(), "the findings do not load:\n" << listing(study.problems));
        application.findings = std::move(study.findings);
    }
    checked.loaded = true;
    const model::RulePack* pack = options.pack ? &*options.pack : pack_library().find(application.programme);
    std::optional<rules::Terms> terms;
    if (options.adjust_terms && pack) options.adjust_terms(terms.emplace(rules::resolve_terms(application, *pack)));
    const rules::CheckContext context{options.today, &pack_library().municipalities(), terms ? &*terms : nullptr};
    // The loader's findings (X001, X002) first, as `esfdraft check` lists them,
    // so that a test can assert that a plan is judged by the rules, not the schema.
    checked.findings = std::move(loaded.findings);
    for (model::Finding& finding : rules::check_application(application, pack, context))
        checked.findings.push_back(std::move(finding));
    return checked;
}

CheckedPlan check_plan_esf_plus(const std::string& plan, CheckOptions options) {
    if (options.findings_name == "clean-findings.xml") {
        options.findings_name = "clean-findings-esf-plus.xml";
        if (options.findings == clean_findings()) options.findings = clean_findings_esf_plus();
    }
    if (options.today == model::Date{2009, 9, 1}) options.today = model::Date{2023, 9, 1};
    return check_plan(plan, options);
}

void expect_one(const CheckedPlan& checked, std::string_view rule, model::Severity severity, int line,
                const std::string& path) {
    const std::vector<model::Finding> found = checked.of_rule(rule);
    BOOST_TEST_REQUIRE(found.size() == 1u, "expected one " << rule << ", found " << found.size() << ":\n"
                                                           << listing(checked.findings));
    const model::Finding& finding = found.front();
    BOOST_TEST(model::to_string(finding.severity) == model::to_string(severity), rule);
    BOOST_TEST(finding.where.line == line, rule << " at line " << finding.where.line << ", expected " << line);
    BOOST_TEST(finding.where.path == path, rule << " at " << finding.where.path << ", expected " << path);
    BOOST_TEST(finding.where.column > 0, rule);
    BOOST_TEST(!finding.section.empty(), rule);
}

void expect_none(const CheckedPlan& checked, std::string_view rule) {
    BOOST_TEST(checked.of_rule(rule).empty(), "unexpected " << rule << ":\n" << listing(checked.findings));
}

std::string listing(const model::Findings& findings) {
    std::string out;
    for (const model::Finding& finding : findings) {
        out += "  " + finding.where.file + ":" + std::to_string(finding.where.line) + ":" +
               std::to_string(finding.where.column) + " " + std::string(model::to_string(finding.severity)) + " " +
               finding.rule + " " + finding.message_id + " " + finding.where.path;
        for (const auto& [name, value] : finding.args)
            out += " " + name + "=" + (value.text.empty() ? std::to_string(value.number) : value.text);
        out += "\n";
    }
    return out.empty() ? "  (none)\n" : out;
}

}  // namespace esfdraft::testing
