// The budget's and the pre-study findings' parts of the editor: a stand-in
// until they are written (budgetparts replaces this file).
#include "http/editor.hpp"

namespace esfdraft::http::editor {

void add_budget_and_findings_parts(std::vector<Part>&) {}

}  // namespace esfdraft::http::editor
