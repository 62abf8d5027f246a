#include "rules/indexes.hpp"

namespace esfdraft::rules {

std::unordered_map<std::string_view, const model::Activity*> activities_by_id(const model::Application& application) {
    std::unordered_map<std::string_view, const model::Activity*> index;
    index.reserve(application.activities.size());
    for (const model::Activity& activity : application.activities) index.emplace(activity.id, &activity);
    return index;
}

std::unordered_map<std::string_view, const model::Goal*> goals_by_id(const model::Application& application) {
    std::unordered_map<std::string_view, const model::Goal*> index;
    index.reserve(application.goals.size());
    for (const model::Goal& goal : application.goals) index.emplace(goal.id, &goal);
    return index;
}

}  // namespace esfdraft::rules
