// The server-rendered pages (spec §5). Internal to http.
#pragma once

#include "http/context.hpp"

namespace esfdraft::http {

// The page for an error on a page route (its status is set by the server).
Response error_page(Context& context, const Request& request, const HttpError& error);

// Text for HTML content and attribute values: & < > " ' escaped.
std::string escape_html(const std::string& text);

}  // namespace esfdraft::http
