// `esfdraft new`: a plan to start from, with every section the programme's
// rule pack requires, each holding a short guiding text that S003 (text left
// to be written) flags until it is replaced.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/values.hpp"

namespace esfdraft::pipeline {

struct NewPlanRequest {
    std::optional<std::string> programme;      // a rule pack's name; default: the pre-study's programme
    std::optional<std::string> phase;          // "prestudy" | "implementation"; default: implementation
                                               // with from_prestudy, else required
    std::optional<std::string> from_prestudy;  // a pre-study's plan whose project data is carried forward
    std::string lang = "sv";                   // "sv" | "en": the plan's lang and the guiding texts' language
    std::string output;                        // the plan file to write
    bool force = false;                        // replace existing files
    model::Date today;                         // the proposed period starts in the next year
};

struct NewPlanResult {
    std::vector<std::string> written;  // the plan, then (implementation) its findings file
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

// A new plan as bytes, for the browser editor.
struct NewPlanBytes {
    std::string plan;
    std::optional<std::string> findings;       // an implementation application's findings skeleton
    std::optional<std::string> findings_name;  // what the plan's preStudy/@findings names it ("findings.xml")
};

// The implementation application that follows the pre-study whose plan is
// `prestudy_plan_bytes` (`name`: what messages call it): the pre-study's
// programme, title, acronym, owner, contact, region, programme area and
// municipalities carried forward, preStudy with its title and period and
// @findings="findings.xml", and a findings skeleton (the study's title and
// period, one question q1 and one finding f1 with empty texts, as the
// format needs at least one of each). Unlike esfdraft new, no guiding texts,
// no comments and no schema location: the sections are left out, so the
// check reports them as missing, not as text left to write (S003). The
// period is a stand-in: the calendar year after the pre-study ends and the
// one after it. Throws ToolError for `lang` other than sv/en, bytes over the
// input limit, a plan that does not load (its first error is named), a plan
// that is not a pre-study, or a broken rule pack.
NewPlanBytes follow_up_plan(std::string_view prestudy_plan_bytes, const std::string& name, model::Date today,
                            std::string lang);

// What the editor asks before it makes a plan from nothing.
struct StarterPlan {
    std::string programme;            // a rule pack's name
    std::optional<std::string> call;  // one of its calls; nullopt or "": none
    std::string phase;                // "prestudy" | "implementation"
    std::string title;                // not blank
    std::string owner;                // the owner organisation's name; may be empty (a finding then)
    std::string owner_org_number;     // "" leaves orgNumber out
    std::string lang = "sv";          // "sv" | "en"
    model::Date today;
};

// A minimal plan with only the project facts: what was asked, and stand-ins
// where the format requires a value the applicant gives on the project
// facts page: the programme area (the call's first, else the pack's first),
// the region (the call's first, else SE11), one municipality 0180, the
// period (from 1 January next year, or the call's earliest start, for two
// calendar years, at most to the call's latest end), contact name and e-mail
// empty. No sections, no preStudy and no findings: the check reports what is
// missing. Throws ToolError for an unknown programme, phase or call, a call
// not open to the phase, a blank title, or `lang` other than sv/en.
std::string starter_plan(const StarterPlan& request);

}  // namespace esfdraft::pipeline
