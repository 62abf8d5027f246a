// The server-rendered pages (spec §5). Internal to http.
#pragma once

#include "http/context.hpp"
#include "http/json.hpp"

namespace esfdraft::http {

// The page for an error on a page route (its status is set by the server).
Response error_page(Context& context, const Request& request, const HttpError& error);

// The diff of two versions (version_diff's JSON) as the diff page shows it:
// key figures before and after, the changes in the plan, new and resolved
// findings (the editor's refused save shows what the other save changed).
std::string diff_html(const Request& request, const JsonObject& diff);

// Text for HTML content and attribute values: & < > " ' escaped.
std::string escape_html(const std::string& text);

}  // namespace esfdraft::http
