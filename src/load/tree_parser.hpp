// Reads the element tree of a large input straight from its bytes, while
// libxml2 validates the same bytes on another core (Schema::check_streaming).
//
// It is not a second XML parser with a verdict of its own: libxml2 decides
// whether a file is well-formed and valid, and this tree is used only when it
// says both. What it must do is give, for such a file, exactly the tree that
// reading libxml2's document gives (tests/load/test_streaming.cpp compares
// the two): namespaces resolved, attribute values and text with references
// replaced, line ends and attribute whitespace normalized as XML 1.0 says,
// comments and processing instructions left out, CDATA as text. Anything it
// does not expect makes it give up (false), and the caller falls back.
#pragma once

#include <string_view>

#include "load/xml_tree.hpp"

namespace esfdraft::load {

// Fills `root` (names, namespaces, attributes, content, line and column of
// every start tag; not paths or file) and returns true, or returns false.
// Never reads outside `bytes`; time and memory are linear in its size.
bool parse_element_tree(std::string_view bytes, XmlElement& root);

}  // namespace esfdraft::load
