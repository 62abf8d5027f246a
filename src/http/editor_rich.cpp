#include "http/editor_rich.hpp"

#include "http/rich_text_form.hpp"

namespace esfdraft::http::editor {

std::string rich_markup(const model::Element* element) { return element ? markup_from(*element) : ""; }

model::Element rich_element(std::string name, std::string_view markup) {
    model::Element out(std::move(name));
    fill_rich_text(out, markup);
    return out;
}

}  // namespace esfdraft::http::editor
