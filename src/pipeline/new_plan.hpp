// `esfdraft new`: a plan to start from, with every section the programme's
// rule pack requires, each holding a short guiding text that S003 (text left
// to be written) flags until it is replaced.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/values.hpp"

namespace esfdraft::pipeline {

struct NewPlanRequest {
    std::optional<std::string> programme;       // a rule pack's name; default: the pre-study's programme
    std::optional<std::string> phase;           // "prestudy" | "implementation"; default: implementation
                                                // with from_prestudy, else required
    std::optional<std::string> from_prestudy;   // a pre-study's plan whose project data is carried forward
    std::string lang = "sv";                    // "sv" | "en": the plan's lang and the guiding texts' language
    std::string output;                         // the plan file to write
    bool force = false;                         // replace existing files
    model::Date today;                          // the proposed period starts in the next year
};

struct NewPlanResult {
    std::vector<std::string> written;   // the plan, then (implementation) its findings file
};

// Writes the plan and, for an implementation application, a findings file
// "findings.xml" beside it that the plan names in preStudy/@findings (both
// whole or not at all). The plan carries xsi:schemaLocation pointing at the
// data folder's schemas/plan-1.xsd by its absolute path, so XML editors
// complete it; the values the format requires but only the applicant knows
// (region, municipality, dates) get a stand-in and a comment saying so.
// With `from_prestudy`, the pre-study's title, acronym, owner, contact,
// region, programme area and municipalities are carried forward and
// preStudy gets its title and period.
// Throws ToolError for an unknown programme or phase, a pre-study that cannot
// be read or is not a pre-study, an existing output without `force`, or an
// output that is the pre-study itself.
NewPlanResult write_new_plan(const NewPlanRequest& request);

}  // namespace esfdraft::pipeline
