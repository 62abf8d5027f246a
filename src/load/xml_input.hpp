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

namespace esfdraft::load {

// Inputs larger than this are refused before parsing (a plan with 10 000 cost
// lines is about 2 MiB).
inline constexpr std::size_t default_max_input_bytes = 32u * 1024u * 1024u;

// The tool cannot do its job with this input (exit status 2).
class LoadError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Reads a whole file. Throws LoadError when it does not exist, is a
// directory, cannot be read, or is larger than `max_bytes` (the message says
// the limit and the size).
std::string read_input_file(const std::string& path, std::size_t max_bytes = default_max_input_bytes);

// Checks what libxml2 and expat would otherwise handle in ways we do not
// want: an empty file, invalid UTF-8 (with the line and column of the first
// bad byte), and any <!DOCTYPE (DTDs and entities are refused outright, so no
// file is ever read through an entity and no entity can expand). Appends X001
// findings to `out`; returns false when any was found.
bool check_input_bytes(std::string_view bytes, const std::string& file, model::Findings& out);

// Checks well-formedness with libxml2 (no network, no DTD loading, no entity
// substitution). Appends one X001 finding with line and column on failure.
bool check_well_formed(std::string_view bytes, const std::string& file, model::Findings& out);

// What Schema::check parsed, kept so that the caller decides when (and on
// which thread) to free it: freeing a large document is not free.
class ParsedDocument {
public:
    ParsedDocument() = default;
    ~ParsedDocument();
    ParsedDocument(ParsedDocument&& other) noexcept;
    ParsedDocument& operator=(ParsedDocument&& other) noexcept;
    ParsedDocument(const ParsedDocument&) = delete;
    ParsedDocument& operator=(const ParsedDocument&) = delete;

private:
    friend class Schema;
    void* document_ = nullptr;  // libxml2's xmlDoc; no libxml2 type in this header
};

// A compiled XSD, parsed once and reused for many files.
class Schema {
public:
    // Throws LoadError naming the file (and line) when the XSD is missing or broken.
    explicit Schema(const std::string& xsd_path);
    ~Schema();
    Schema(const Schema&) = delete;
    Schema& operator=(const Schema&) = delete;

    enum class Outcome { not_well_formed, invalid, valid };

    // Parses the bytes once and validates them: one X001 finding when they
    // are not well-formed, else one X002 finding per violation (line from
    // libxml2; column and element path are filled in by the caller from the
    // element tree).
    // When `tree` is given and the bytes are well-formed, it receives the
    // element tree read from the same parse (positions from the bytes).
    // `while_validating`, when given, is called with that tree while the
    // validation runs (for a large file, on another thread): the readers
    // start before the verdict is in, so it must accept any well-formed tree,
    // and the caller must drop what it made unless the outcome is valid.
    // Not for use by two threads at once.
    // `keep`, when given, receives the parsed document instead of it being
    // freed before check returns.
    Outcome check(std::string_view bytes, const std::string& file, model::Findings& out, XmlElement* tree = nullptr,
                  const std::function<void(const XmlElement&)>& while_validating = {},
                  ParsedDocument* keep = nullptr) const;

    const std::string& path() const { return path_; }

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    std::string path_;
};

}  // namespace esfdraft::load
