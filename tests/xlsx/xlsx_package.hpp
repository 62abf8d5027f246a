// Test support: reading the parts of a written workbook and printing XML in a
// stable, line-per-element form that makes golden-file diffs readable.
#pragma once

#include <map>
#include <string>

namespace esfdraft::testing {

// Every entry of the zip package at `path`, by name. Throws on a broken zip.
std::map<std::string, std::string> read_package(const std::string& path);

// The XML document as canonical text: the declaration, then one element per
// line indented by depth, attributes in document order, text kept exactly
// (escaped), whitespace between elements dropped. Throws on malformed XML.
std::string canonical_xml(const std::string& xml);

}  // namespace esfdraft::testing
