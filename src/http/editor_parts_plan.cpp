#include "http/editor.hpp"
namespace esfdraft::http::editor {
void add_plan_parts(std::vector<Part>&) {}
}
