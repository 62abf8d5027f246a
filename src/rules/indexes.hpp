// Internal to the rules module: activities and goals by id (the first of
// duplicates), built once per check, so that a lookup per cost line does not
// scan every activity.
#pragma once

#include <string_view>
#include <unordered_map>

#include "model/application.hpp"

namespace esfdraft::rules {

std::unordered_map<std::string_view, const model::Activity*> activities_by_id(const model::Application& application);
std::unordered_map<std::string_view, const model::Goal*> goals_by_id(const model::Application& application);

}  // namespace esfdraft::rules
