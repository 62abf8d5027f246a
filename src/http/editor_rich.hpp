// The parts' short names for rich_text_form.hpp (the editor's light markup
// to and from rich text), for an element that may be absent. Internal to http.
#pragma once

#include <string>
#include <string_view>

#include "model/element_tree.hpp"

namespace esfdraft::http::editor {

// The markup for the blocks among `element`'s children (other children,
// such as riskAnalysis' risks, left out); "" for nullptr. Runs of
// whitespace inside a block are one space, as the format reads them.
std::string rich_markup(const model::Element* element);
// An element `name` holding the blocks `markup` describes; no children
// when the markup is empty or only whitespace.
model::Element rich_element(std::string name, std::string_view markup);

}  // namespace esfdraft::http::editor
