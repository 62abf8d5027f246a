// What a client sends, read into a Request: the request line and headers,
// the query, the cookies, and the body within the server's limits. The
// server calls these on the request its connection parsed; they need no
// socket, so tests and the fuzz target (tests/fuzz/fuzz_request) feed them
// a request parsed from bytes. Internal to http.
#pragma once

#include <cstddef>
#include <iosfwd>

#include "http/exchange.hpp"
#include "http/server.hpp"

namespace Poco::Net {
class HTTPRequest;
}

namespace esfdraft::http {

// The most fields a form may have (400 beyond): the editor's grids (a budget
// of a few hundred cost lines at ~8 fields each) fit; the body limits bound
// the rest.
inline constexpr std::size_t form_field_limit = 4000;

// Fills method, path (as sent, without the query), headers (names in lower
// case), content_type (the media type, lower case), cookies, language
// (from Accept-Language) and query (decoded, the last of a repeated name).
// Throws HttpError 400 for a query that does not decode. Returns whether the
// path is a page's (neither under /api/ nor /healthz), so that an error is
// answered as a page.
bool read_head(const Poco::Net::HTTPRequest& from, Request& request);

// Whether the request announces a body (chunked, or a Content-Length above
// 0). Throws HttpError 400 for a Content-Length that is not a number.
bool has_body(const Poco::Net::HTTPRequest& from);

// Reads the body from `body` the way the content type says. A
// multipart/form-data body (at most options.body_limit bytes in all): each
// file part (one with a filename) into `parts`, at most options.part_limit
// bytes each, the other parts into `fields`. An urlencoded body (at most
// options.json_limit): into `fields`. For both, at most form_field_limit fields, each
// value at most options.json_limit, and the query's names are fields too
// (Poco's HTMLForm reads both). Anything else (JSON): into `body`, at most
// options.json_limit bytes. Throws HttpError 413 (too-large) beyond a limit
// (a Content-Length above it before reading), 400 (invalid) for a form that
// does not parse, a file part given twice or a Content-Length that is not a
// number;
// nothing else for any bytes (tests/fuzz/fuzz_request holds it to that).
void read_body(const Poco::Net::HTTPRequest& from, std::istream& body, Request& into, const ServerOptions& options);

}  // namespace esfdraft::http
