// Internal to the rules module: one top-level section of the plan as the
// section rules and the report's section list see it.
#pragma once

#include <string_view>

#include "model/application.hpp"

namespace esfdraft::rules {

struct SectionView {
    bool present = false;
    bool empty = true;
    const model::RichText* text = nullptr;  // for the sections of rich text; the main summary for "summary"
    int words = 0;                          // words of rich text (accessibility: its three aspects together)
    model::SourceLocation where;            // the element, or the application when it is missing
};

// `name` is a plan element name: "summary", "targetGroups", "genderEquality", ...
SectionView view_section(const model::Application& application, std::string_view name);

}  // namespace esfdraft::rules
