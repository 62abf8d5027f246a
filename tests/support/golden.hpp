// Test support: golden files, one helper for every suite.
//
// A golden file is the expected output of a test, kept in the source tree
// under <suite folder>/golden/ (tests/docx/golden, tests/report/golden, …) so
// that a change of output shows up as a readable diff in review. A test
// compares what it made with check_golden(), which returns "" when equal and
// otherwise where the first difference is, with the lines around it.
//
// Accepting an intended change: run the suite with ESFDRAFT_ACCEPT=1 in the
// environment (the one switch, for every suite); the golden files are rewritten instead of compared, and a
// folder of files is replaced as a whole, so parts no longer written go away.
// Then read `git diff -- tests/*/golden` before committing it.
//
// Writing is refused anywhere but under the golden/ folder of a test folder
// of this source tree: `folder` is that test folder relative to the source
// tree ("tests/report"), `name` a file or folder below its golden/.
#pragma once

#include <map>
#include <set>
#include <string>

namespace esfdraft::testing {

// Relative file name ("word/document.xml") -> bytes.
using GoldenFiles = std::map<std::string, std::string>;

// ESFDRAFT_ACCEPT=1 is set: goldens are rewritten.
bool accepting_goldens();

// `actual` against the file <folder>/golden/<name>.
std::string check_golden(const std::string& folder, const std::string& name, const std::string& actual);

// `actual` against the folder <folder>/golden/<name>/: every file compared,
// files missing on either side named.
std::string check_golden(const std::string& folder, const std::string& name, const GoldenFiles& actual);

// The canonical form of an XML part for golden files: one element per line,
// indented two spaces a level, attributes in document order, text kept
// exactly (escaped), an element holding only text on one line, whitespace
// between elements dropped, comments and processing instructions dropped.
// Throws std::runtime_error on malformed XML.
enum class XmlDeclaration {
    omitted,  // the docx goldens
    written,  // the xlsx goldens start with <?xml version="1.0" encoding="UTF-8"?>
};
std::string canonical_xml(const std::string& xml, XmlDeclaration declaration);

// Every entry of a zip archive (its bytes, or the file at `path`), by name.
// Throws std::runtime_error on a broken archive.
std::map<std::string, std::string> zip_entries(const std::string& bytes);
std::map<std::string, std::string> zip_entries_of_file(const std::string& path);

// The XML parts (.xml and .rels) of an OOXML package in canonical form, by
// name, leaving out the parts in `skip` (fixed parts a library writes).
GoldenFiles canonical_parts(const std::map<std::string, std::string>& entries, XmlDeclaration declaration,
                            const std::set<std::string>& skip = {});

}  // namespace esfdraft::testing
