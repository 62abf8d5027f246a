// Internal to the load module: element tree → model. The tree has passed XSD
// validation, so the readers may rely on required elements being there, but
// they still never crash on a missing one (they leave the default).
#pragma once

#include "load/xml_tree.hpp"
#include "model/application.hpp"
#include "model/finding.hpp"

namespace esfdraft::load {

// Values the XSD cannot judge exactly (an amount beyond 64 bits, a budget
// whose amounts together go beyond 64-bit öre) add X002 findings.
// The readers accept any well-formed tree, valid or not (they look every
// element and attribute up and never assume one is there): the loader runs
// them while the schema validation is still going on, and drops what they
// made when the file turns out to be invalid.
model::Application read_plan(const XmlElement& root, model::Findings& problems);
model::PreStudyFindings read_findings(const XmlElement& root, model::Findings& problems);

// Shared by both readers: <p>, <ul>/<ol> with <li>, inline <em>/<strong>.
model::RichText read_rich_text(const XmlElement& element);
model::Period read_period(const XmlElement& element);
std::vector<std::string> split_list(const std::string& text);

}  // namespace esfdraft::load
