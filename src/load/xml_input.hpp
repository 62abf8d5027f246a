// Reading an input file safely and checking it is XML we are willing to
// parse: the size limit, UTF-8, no DTD, well-formedness and XSD validity.
// Problems in the file become findings (X001, X002); problems that stop the
// tool (missing file, too large) are LoadError exceptions.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

#include "load/xml_tree.hpp"
#include "model/finding.hpp"
#include "model/said.hpp"

namespace esfdraft::load {

// From this size on, a file is checked in two passes on two cores (a
// 10 000-line plan is about 1.1 MiB). Measured (ARCHITECTURE.md, "The tree
// parser: kept, from 64 KiB"; bench/load_paths.sh): from about 50 KiB the
// two passes take less CPU time than the one-pass check, as well as less
// wall time; below it the thread costs more than it saves.
inline constexpr std::size_t default_streaming_from_bytes = 64u * 1024u;

// Inputs larger than this are refused before parsing (a plan with 10 000 cost
// lines is about 2 MiB).
inline constexpr std::size_t default_max_input_bytes = 32u * 1024u * 1024u;

// A start tag with more attributes than this (namespace declarations
// included), or one that brings more namespace declarations into force at
// once, is an X002 finding before libxml2 sees the file: libxml2 takes time
// quadratic in them, and the formats need fewer than 10.
inline constexpr std::size_t max_attributes_per_element = 256;
inline constexpr std::size_t max_namespaces_in_scope = 256;

// At most this many X002 findings of the schema per file; one more says how
// many were left out.
inline constexpr std::size_t max_schema_findings = 100;

// The tool cannot do its job with this input (exit status 2).
class LoadError : public model::SaidError {
public:
    using model::SaidError::SaidError;
};

// "'FILE' is larger than the N MiB esfdraft reads", in both languages.
LoadError larger_than(const std::string& file, std::size_t max_bytes);

// Reads a whole regular file (a symbolic link to one too). Throws LoadError
// when it does not exist, is a folder, a device, a FIFO or a socket (never
// waiting for one), cannot be read, or is larger than `max_bytes` (the
// message says the limit and the size); the limit holds for what is read,
// even when the file grows meanwhile.
std::string read_input_file(const std::string& path, std::size_t max_bytes = default_max_input_bytes);

// Checks what libxml2 and expat would otherwise handle in ways we do not
// want: an empty file, invalid UTF-8 (with the line and column of the first
// bad byte), and any <!DOCTYPE (DTDs and entities are refused outright, so no
// file is ever read through an entity and no entity can expand). Appends X001
// findings to `out`; returns false when any was found.
bool check_input_bytes(std::string_view bytes, const std::string& file, model::Findings& out);

// Reads bytes as XML without a schema (for editing a document one part at
// a time): check_input_bytes, the markup limits above, then libxml2's parse.
// Fills `tree` (the same tree Schema::check gives: positions, paths with
// `file`) and returns true; or appends the one X001 finding (X002 for a
// start tag over the limits) with its line and returns false. The caller
// refuses inputs over its size limit first.
bool read_well_formed(std::string_view bytes, const std::string& file, model::Findings& out, XmlElement& tree);

// A compiled XSD, parsed once and reused for many files.
class Schema {
public:
    // Throws LoadError naming the file (and line) when the XSD is missing or
    // broken. Files of `streaming_from_bytes` and more are checked in two
    // passes side by side (see check).
    explicit Schema(const std::string& xsd_path, std::size_t streaming_from_bytes = default_streaming_from_bytes);
    ~Schema();
    Schema(const Schema&) = delete;
    Schema& operator=(const Schema&) = delete;

    enum class Outcome { not_well_formed, invalid, valid };

    // Checks that the bytes are well-formed and valid: one X001 finding when
    // they are not well-formed, else one X002 finding per violation (line
    // from libxml2; column and element path are filled in by the caller from
    // the element tree), the first max_schema_findings of them and then one
    // saying how many more there are. A start tag over the limits above is
    // one X002 finding with its line and column (outcome invalid, no tree),
    // and libxml2 never sees the bytes.
    // When `tree` is given and the bytes are well-formed, it receives the
    // element tree (positions from the bytes). `while_validating`, when
    // given, is called with that tree while the validation runs (for a large
    // file, on another thread): the readers start before the verdict is in,
    // so it must accept any well-formed tree, and the caller must drop what
    // it made unless the outcome is valid. It may be called twice (a large
    // file that is not valid is checked again in one pass for the findings'
    // positions); the second call is about the same file and replaces the
    // first. Not for use by two threads at once.
    Outcome check(std::string_view bytes, const std::string& file, model::Findings& out, XmlElement* tree = nullptr,
                  const std::function<void(const XmlElement&)>& while_validating = {}) const;
    const std::string& path() const { return path_; }

    // What the last check asked of libxml2, for the tests that bound it: a
    // file with a violation on every line must cost time linear in its size.
    struct Work {
        // Validation messages of the one-pass check: all of them, so the
        // closing finding's "N more" is exact; past max_schema_findings + 1
        // each only adds to this count.
        std::size_t schema_messages = 0;
        // Of them, those copied for findings (at most max_schema_findings + 2:
        // the one past the cut, and the first error proper after warnings).
        std::size_t messages_kept = 0;
        // Messages for which libxml2 found the file name by stepping back
        // over every node before the one in question (quadratic in all); 0.
        std::size_t located_through_document = 0;
        // Messages the streaming pass took before it stopped (it stops at
        // the first: any means "not surely valid"); 0 when it did not run.
        std::size_t streaming_messages = 0;
    };
    const Work& last_work() const { return work_; }

    // The two ways check takes (public for the tests that compare them):
    // Parse into a document, copy the tree, validate the document: exact
    // positions for every finding.
    Outcome check_in_one_pass(std::string_view bytes, const std::string& file, model::Findings& out, XmlElement* tree,
                              const std::function<void(const XmlElement&)>& while_validating) const;
    // parse_element_tree (tree_parser.hpp) reads the tree straight from the
    // bytes (and the readers read it) while libxml2, on another thread,
    // parses and validates in one SAX pass with no document at all. True
    // only when the tree was read and libxml2 went through without a single
    // message: then the file is valid and the tree is the one it describes.
    bool check_streaming(std::string_view bytes, const std::string& file, XmlElement& tree,
                         const std::function<void(const XmlElement&)>& while_validating) const;

private:
    bool validates_streaming(std::string_view bytes, std::size_t& messages) const;
    Outcome one_pass(std::string_view bytes, const std::string& file, model::Findings& out, XmlElement* tree,
                     const std::function<void(const XmlElement&)>& while_validating) const;
    bool streaming(std::string_view bytes, const std::string& file, XmlElement& tree,
                   const std::function<void(const XmlElement&)>& while_validating) const;

    struct Impl;
    std::unique_ptr<Impl> impl_;
    std::string path_;
    std::size_t streaming_from_bytes_;
    mutable Work work_;  // check is const and not for two threads at once
};

}  // namespace esfdraft::load
