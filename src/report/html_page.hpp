// Shared by the report's HTML pages (the completeness report and the
// assessment document): one style sheet, so both print and read alike.
// Internal to the report module.
#pragma once

#include <string_view>

namespace esfdraft::report {

// The style sheet of every HTML page the report writes: contrast at least
// 7:1 on white, severity never by colour alone, print styles.
std::string_view html_style_sheet();

}  // namespace esfdraft::report
