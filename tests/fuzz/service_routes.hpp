// The service's routes (method, pattern) as src/http/api.cpp and pages.cpp
// register them, for fuzz_request, which routes requests without building the
// service (its handlers are never called). A copy, so tests/http checks it:
// `the_fuzz_targets_route_table_is_the_services` fails when a route is added,
// renamed or removed without this table.
#pragma once

namespace esfdraft::fuzz {

inline constexpr const char* const service_routes[][2] = {
    {"GET", "/"},
    {"GET", "/api/applications"},
    {"GET", "/api/applications/{id}"},
    {"GET", "/api/applications/{id}/comments"},
    {"GET", "/api/applications/{id}/diff"},
    {"GET", "/api/applications/{id}/history"},
    {"GET", "/api/applications/{id}/versions/{n}/budget.xlsx"},
    {"GET", "/api/applications/{id}/versions/{n}/assessment.docx"},
    {"GET", "/api/applications/{id}/versions/{n}/assessment.html"},
    {"GET", "/api/applications/{id}/versions/{n}/draft.docx"},
    {"GET", "/api/applications/{id}/versions/{n}/findings.xml"},
    {"GET", "/api/applications/{id}/versions/{n}/plan.xml"},
    {"GET", "/api/applications/{id}/versions/{n}/report"},
    {"GET", "/api/me"},
    {"GET", "/api/openapi.json"},
    {"GET", "/applications"},
    {"GET", "/applications/new"},
    {"GET", "/applications/{id}"},
    {"GET", "/applications/{id}/diff"},
    {"GET", "/healthz"},
    {"GET", "/login"},
    {"GET", "/queue"},
    {"GET", "/static/site.css"},
    {"GET", "/static/editor.js"},
    {"GET", "/static/editor.css"},
    {"GET", "/applications/new/edit"},
    {"POST", "/applications/new/edit"},
    {"GET", "/applications/{id}/edit"},
    {"GET", "/applications/{id}/edit/{part}"},
    {"POST", "/applications/{id}/edit/{part}"},
    {"GET", "/users"},
    {"POST", "/api/applications"},
    {"POST", "/api/applications/{id}/comments"},
    {"POST", "/api/applications/{id}/transitions"},
    {"POST", "/api/applications/{id}/versions"},
    {"POST", "/api/check"},
    {"POST", "/api/login"},
    {"POST", "/api/logout"},
    {"POST", "/applications"},
    {"POST", "/applications/{id}/budget"},
    {"POST", "/applications/{id}/budget/accept"},
    {"POST", "/applications/{id}/follow-up"},
    {"POST", "/applications/{id}/comments"},
    {"POST", "/applications/{id}/transitions"},
    {"POST", "/applications/{id}/versions"},
    {"POST", "/language"},
    {"POST", "/login"},
    {"POST", "/logout"},
    {"POST", "/users"},
};

}  // namespace esfdraft::fuzz
