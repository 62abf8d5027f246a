// The JSON API's routes and what the pages reuse of it. Internal to http.
#pragma once

#include <string>

#include "http/context.hpp"
#include "http/json.hpp"
#include "http/router.hpp"

namespace esfdraft::http {

void add_api_routes(Router& router, Context& context);
// Pages: the HTML routes (pages.cpp).
void add_page_routes(Router& router, Context& context);
// The guided editor's routes (editor.cpp).
void add_editor_routes(Router& router, Context& context);

// The applications a caller sees, then narrowed by ?status, programme, call, verdict (400 for unknown values).
store::ApplicationFilter visibility_filter(const Caller& caller);
store::ApplicationFilter listing_filter(const Request& request, const Caller& caller);
JsonObject comment_json(Context& context, const store::Comment& comment);
JsonObject version_diff(Context& context, const store::Application& application, const std::string& from,
                        const std::string& to, const std::string& lang);
// OpenAPI 3.1 for every route of `router` (openapi.cpp).
std::string openapi_json(const Router& router);

}  // namespace esfdraft::http
