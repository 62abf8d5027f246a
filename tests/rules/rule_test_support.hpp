// Support for the rule tests: a plan that passes every rule (fixtures/),
// changed one thing at a time, loaded by the real loader (so findings carry
// real lines and element paths) and checked against the real packs.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "load/rule_pack_reader.hpp"
#include "model/application.hpp"
#include "model/finding.hpp"
#include "model/rule_pack.hpp"
#include "rules/check.hpp"

namespace esfdraft::testing {

// The source tree's packs and municipality register, read once for all tests.
load::RulePackLibrary& pack_library();
// A copy of a real pack, to change a parameter in a test.
model::RulePack pack_copy(const std::string& name);

std::string fixture(const std::string& name);  // the text of tests/rules/fixtures/NAME
std::string clean_plan();                      // esf-2007-2013, call ovre-norrland-2009
std::string clean_findings();
std::string clean_plan_esf_plus();  // esf-plus-2021-2027, call livslangt-larande-ovre-norrland-2023
// The same with the plan format's additions: passes the added rules too (M009, M010, S006, S007, B013).
std::string clean_plan_esf_plus_full();
std::string clean_findings_esf_plus();

// `text` with the first `from` replaced by `to`; fails the test when `from` is not there.
std::string replaced(std::string text, std::string_view from, std::string_view to);
// The <p>…</p> of the first `element` in `plan`.
std::string paragraph_of(const std::string& plan, const std::string& element);
// The 1-based line of the first `needle` in `text`; 0 when absent.
int line_of(std::string_view text, std::string_view needle);

struct CheckedPlan {
    std::string plan_file;
    std::string findings_file;
    bool loaded = false;
    model::Findings findings;

    std::vector<model::Finding> of_rule(std::string_view rule) const;
};

struct CheckOptions {
    std::string findings = clean_findings();  // written as the file the plan names; "" writes none
    std::string findings_name = "clean-findings.xml";
    std::optional<model::RulePack> pack;  // instead of the pack the plan names
    model::Date today{2009, 9, 1};
    // When set, the terms are resolved before the check, changed by this and
    // handed to it (CheckContext::terms), as a build hands over its own.
    std::function<void(rules::Terms&)> adjust_terms;
};

CheckOptions with_pack(model::RulePack pack);
CheckOptions with_findings(std::string findings);
CheckOptions with_today(model::Date today);

// Loads `plan` (written to a scratch folder with its findings file) and runs
// rules::check_application; `findings` holds the loader's (X001, X002) and
// then the rules'. Fails the test when the plan does not load.
CheckedPlan check_plan(const std::string& plan, const CheckOptions& options = {});
CheckedPlan check_plan_esf_plus(const std::string& plan, CheckOptions options = {});

// Exactly one finding of `rule`, with this severity, line and element path.
void expect_one(const CheckedPlan& checked, std::string_view rule, model::Severity severity, int line,
                const std::string& path);
// No finding of `rule`.
void expect_none(const CheckedPlan& checked, std::string_view rule);
// All findings, one a line, for test messages.
std::string listing(const model::Findings& findings);

}  // namespace esfdraft::testing
