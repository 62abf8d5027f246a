// The X001 finding for the first error libxml2's parser reports: the
// mistakes people make when they edit XML by hand (a misspelt or missing end
// tag, a bare &, an unquoted value, an entity from HTML, text after the root
// element…) get a message of their own in Swedish and English, with what to
// write instead, at the place of the mistake found in the bytes (libxml2's
// column is counted in characters and drifts on long lines). Any other error
// keeps libxml2's detail inside the translated X001.not_well_formed frame.
#pragma once

#include <string>
#include <string_view>

#include "model/finding.hpp"

namespace esfdraft::load {

// What libxml2 said (an xmlError's fields, copied so no libxml2 type leaves
// xml_input.cpp).
struct ParseError {
    int code = 0;         // xmlParserErrors
    int line = 1;         // 1-based
    int column = 1;       // libxml2's, in characters; a hint only
    int int1 = 0;         // e.g. the line of the start tag an end tag does not match
    std::string str1;     // e.g. the start tag's name, the entity's name
    std::string str2;     // e.g. the end tag's name
    std::string message;  // libxml2's text, tidied
};

// An error of the file itself (section "file") at a line and column: what
// X001, X002 and the input checks report.
model::Finding file_finding(const char* rule, const std::string& message_id, const std::string& file, int line,
                            int column);

model::Finding well_formedness_finding(std::string_view bytes, const std::string& file, const ParseError& error);

}  // namespace esfdraft::load
