// The checks of spec/rules.md: pure functions from an application (and the
// rule pack's data) to findings. They never stop at the first problem.
#pragma once

#include <string>

#include "model/application.hpp"
#include "model/finding.hpp"

namespace esfdraft::rules {

struct CheckContext {
    // The folder that holds schemas/ (rule packs live in schemas/<programme>/).
    std::string data_dir;
    // "Today" for date rules; fixed by --date for reproducible reports.
    model::Date today;
};

// Runs every rule family on a loaded application and returns all findings.
// The structural rules X001/X002 belong to loading; this adds X003 onwards.
model::Findings check_application(const model::Application& application, const CheckContext& context);

// X003: the rule pack and the call exist.
void check_programme(const model::Application& application, const CheckContext& context, model::Findings& out);
// X004: ids are unique and every reference resolves, within the plan and
// into its findings file.
void check_references(const model::Application& application, model::Findings& out);

}  // namespace esfdraft::rules
