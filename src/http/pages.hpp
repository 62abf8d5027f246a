// The server-rendered pages (spec §5). Internal to http.
#pragma once

#include "http/context.hpp"
#include "http/json.hpp"
#include "http/router.hpp"

namespace esfdraft::http {

// The page for an error on a page route (its status is set by the server).
Response error_page(Context& context, const Request& request, const HttpError& error);

// The diff of two versions (version_diff's JSON) as the diff page shows it:
// key figures before and after, the changes in the plan, new and resolved
// findings (the editor's refused save shows what the other save changed).
std::string diff_html(const Request& request, const JsonObject& diff);

// An edited budget workbook from the application page, shown first
// (budget_upload.cpp): POST /applications/{id}/budget answers a preview, the
// diff against the latest version, with a form that accepts it; POST
// /applications/{id}/budget/accept stores it while that version is still
// the latest.
void add_budget_upload_routes(Router& router, Context& context);
// The preview for a request with the part `budget` (also what the page's
// POST …/versions answers for one: a workbook is never stored unseen).
Response budget_preview_page(Context& context, Request& request);
// POST /applications/{id}/follow-up (follow_up.cpp): an implementation
// application made from a pre-study application's latest plan, its findings
// carried along; 403 unless the owner, 409 unless the plan is a pre-study's.
void add_follow_up_route(Router& router, Context& context);

// Text for HTML content and attribute values: & < > " ' escaped.
std::string escape_html(const std::string& text);

}  // namespace esfdraft::http
