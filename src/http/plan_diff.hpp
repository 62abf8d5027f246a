// The difference between two versions of an application (spec §3 "Diff"):
// what changed in the plan (sections, goals, indicators, activities, cost
// lines, financing, municipalities: added, removed, changed with old and
// new values), the key figures before and after, and the check delta
// (findings that are new, findings that were resolved). Internal to http.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "http/json.hpp"
#include "model/application.hpp"
#include "model/finding.hpp"

namespace esfdraft::http {

struct VersionSide {
    int number = 0;
    const model::Application* application = nullptr;  // nullptr when the plan did not load
    const model::Findings* findings = nullptr;
};

// One changed item: its kind ("goal"), its key ("G1"), added | removed |
// changed, and the fields that differ with their old and new values.
struct PlanChange {
    std::string kind;
    std::string key;
    std::string change;
    std::vector<std::pair<std::string, std::pair<std::string, std::string>>> fields;  // name → (old, new)
};

// The kinds of item the diff compares, in the order it lists them, with
// their names for the pages ("cost-line": "Kostnad" / "Cost").
struct DiffKind {
    std::string_view key;
    std::string_view sv, en;
};
std::span<const DiffKind> diff_kinds();
// nullptr for a kind the diff does not have.
const DiffKind* diff_kind(std::string_view key);

std::vector<PlanChange> plan_changes(const model::Application& before, const model::Application& after);

// The whole diff as the API's JSON.
// Finding messages in `lang` ("sv" or "en").
JsonObject diff_json(const VersionSide& from, const VersionSide& to, const std::string& lang);

}  // namespace esfdraft::http
