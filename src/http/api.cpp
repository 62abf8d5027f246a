// The JSON API of spec §4, one handler per route.
#include "http/api.hpp"

#include "http/artefacts.hpp"
#include "http/context.hpp"
#include "http/json.hpp"
#include "http/plan_diff.hpp"
#include "pipeline/pipeline.hpp"
#include "report/report.hpp"

namespace esfdraft::http {

namespace {

JsonObject summary_json(const store::CheckSummary& summary) {
    JsonObject out = object();
    out->set("errors", summary.errors);
    out->set("warnings", summary.warnings);
    out->set("infos", summary.infos);
    out->set("verdict", summary.verdict);
    return out;
}

JsonObject user_json(const Caller& caller) {
    JsonObject out = object();
    out->set("id", caller.user_id);
    out->set("email", caller.email);
    out->set("name", caller.name);
    out->set("role", caller.role);
    out->set("organisation", caller.organisation);
    return out;
}

Response bytes_response(std::string bytes, const std::string& type, const std::string& file_name) {
    Response response;
    response.content_type = type;
    response.body = std::move(bytes);
    response.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + file_name + "\"");
    return response;
}

const Caller& caller_of(const Request& request) {
    if (!request.caller) throw HttpError(401, "unauthenticated", "sign in or send Authorization: Bearer TOKEN");
    return *request.caller;
}

std::optional<std::string> query_filter(const Request& request, const std::string& name) {
    const std::string* value = request.query_value(name);
    if (!value || value->empty()) return std::nullopt;
    return *value;
}

// What a version's artefact is made from: the application (one the caller
// may see), the version, the language the query asks for when `language`
// ("" without lang: the plan's own; a lang other than sv or en is a 400) and
// the version's findings, when it has them.
struct VersionInputs {
    store::Application application;
    store::Version version;
    std::string lang;
    std::optional<NamedUpload> findings;
    NamedUpload plan() const { return {"plan.xml", version.plan}; }
};

VersionInputs version_inputs(Context& context, const Request& request, bool language) {
    VersionInputs inputs;
    inputs.application = visible_application(context, caller_of(request), request.params.at("id"));
    inputs.version = find_version(context, inputs.application.id, request.params.at("n"));
    if (language && request.query_value("lang")) inputs.lang = report_language(request);
    if (inputs.version.findings) inputs.findings = NamedUpload{"findings.xml", *inputs.version.findings};
    return inputs;
}

}  // namespace

store::ApplicationFilter visibility_filter(const Caller& caller) {
    store::ApplicationFilter filter;
    if (caller.role == "owner")
        filter.organisation = caller.organisation.empty() ? std::string("\x01none") : caller.organisation;
    else if (caller.role == "reviewer")
        filter.submitted_only = true;
    return filter;
}

store::ApplicationFilter listing_filter(const Request& request, const Caller& caller) {
    store::ApplicationFilter filter = visibility_filter(caller);
    if (const auto status = query_filter(request, "status")) {
        filter.status = store::parse_status(*status);
        if (!filter.status) throw HttpError(400, "invalid", "unknown status '" + *status + "'");
    }
    filter.programme = query_filter(request, "programme");
    filter.call = query_filter(request, "call");
    if (const auto verdict = query_filter(request, "verdict")) {
        if (*verdict != "ready" && *verdict != "not-ready")
            throw HttpError(400, "invalid", "verdict must be ready or not-ready");
        filter.verdict = verdict;
    }
    return filter;
}

// Long because it is the route table: one entry per route, with its method,
// path, access and handler together; the handlers' work is in the functions
// they call.
void add_api_routes(Router& router, Context& context) {
    Context* site = &context;

    router.add({"GET", "/healthz", "Liveness and database check", Access::anyone, false, [site](Request&) {
                    JsonObject out = object();
                    try {
                        site->store.ping();
                        out->set("status", "ok");
                        out->set("database", "ok");
                        return json_response(200, out);
                    } catch (const std::exception&) {
                        out->set("status", "unavailable");
                        out->set("database", "unreachable");
                        return json_response(503, out);
                    }
                }});

    router.add({"POST", "/api/login", "Sign in with email and password; sets the session cookie", Access::anyone, false,
                [site](Request& request) {
                    const JsonObject body = body_object(request);
                    const auto email = string_member(body, "email");
                    const auto password = string_member(body, "password");
                    if (!email || !password) throw HttpError(400, "invalid", "\"email\" and \"password\" are required");
                    const LoginResult login = log_in(*site, *email, *password, request.client_address);
                    JsonObject out = object();
                    out->set("csrf", login.csrf);
                    out->set("email", login.user.email);
                    out->set("role", std::string(store::to_string(login.user.role)));
                    Response response = json_response(200, out);
                    response.headers.emplace_back("Set-Cookie", session_cookie_header(*site, login.token));
                    return response;
                }});

    router.add({"POST", "/api/logout", "End the session", Access::signed_in, false, [site](Request& request) {
                    log_out(*site, request);
                    JsonObject out = object();
                    out->set("status", "signed-out");
                    Response response = json_response(200, out);
                    response.headers.emplace_back("Set-Cookie", expired_session_cookie_header(*site));
                    return response;
                }});

    router.add({"GET", "/api/me", "The caller", Access::signed_in, false,
                [](Request& request) { return json_response(200, user_json(caller_of(request))); }});

    router.add({"POST", "/api/check", "Check an uploaded plan without storing anything", Access::signed_in, false,
                [site](Request& request) {
                    const UploadParts parts = upload_parts(request);
                    const model::Date today = site->today();
                    const UploadCheck checked = check_upload(*site, parts, today);
                    report::ReportOptions options;
                    report::parse_language(report_language(request), options.language);
                    options.date = today.iso();
                    Response response;
                    response.body = report::render_json({checked.report}, options);
                    return response;
                }});

    router.add({"GET", "/api/applications", "The applications the caller sees", Access::signed_in, false,
                [site](Request& request) {
                    const Caller& caller = caller_of(request);
                    const store::ApplicationFilter filter = listing_filter(request, caller);
                    JsonArray list = array();
                    for (const store::ApplicationListing& row : site->store.list_applications(filter)) {
                        JsonObject item = object();
                        item->set("id", row.application.id);
                        item->set("title", row.application.title);
                        item->set("acronym", row.application.acronym);
                        item->set("organisation", row.application.organisation);
                        item->set("programme", row.application.programme);
                        item->set("call", row.application.call);
                        item->set("status", std::string(store::to_string(row.application.status)));
                        item->set("latestVersion", row.latest.number);
                        item->set("summary", summary_json(row.latest.summary));
                        item->set("updated", iso_time(row.application.updated));
                        if (row.application.submitted_at)
                            item->set("submitted", iso_time(*row.application.submitted_at));
                        else
                            item->set("submitted", Poco::Dynamic::Var());
                        list->add(item);
                    }
                    JsonObject out = object();
                    out->set("applications", list);
                    return json_response(200, out);
                }});

    router.add({"POST", "/api/applications", "Create an application from an uploaded plan (version 1)",
                Access::signed_in, false, [site](Request& request) {
                    const Caller& caller = caller_of(request);
                    if (caller.role != "owner")
                        throw HttpError(403, "forbidden", "only project owners create applications");
                    const StoredVersion stored = create_application(*site, caller, upload_parts(request));
                    JsonObject out = object();
                    out->set("id", stored.application);
                    out->set("version", stored.version);
                    out->set("summary", summary_json(stored.summary));
                    Response response = json_response(201, out);
                    response.headers.emplace_back("Location", "/api/applications/" + stored.application);
                    return response;
                }});

    router.add({"GET", "/api/applications/{id}", "One application with its versions", Access::signed_in, false,
                [site](Request& request) {
                    const store::Application application =
                        visible_application(*site, caller_of(request), request.params.at("id"));
                    JsonObject out = object();
                    out->set("id", application.id);
                    out->set("title", application.title);
                    out->set("acronym", application.acronym);
                    out->set("organisation", application.organisation);
                    out->set("programme", application.programme);
                    out->set("call", application.call);
                    out->set("status", std::string(store::to_string(application.status)));
                    out->set("created", iso_time(application.created));
                    out->set("updated", iso_time(application.updated));
                    if (application.submitted_at)
                        out->set("submitted", iso_time(*application.submitted_at));
                    else
                        out->set("submitted", Poco::Dynamic::Var());
                    JsonArray versions = array();
                    for (const store::VersionInfo& version : site->store.list_versions(application.id)) {
                        JsonObject item = object();
                        item->set("number", version.number);
                        item->set("created", iso_time(version.created));
                        item->set("by", user_email(*site, version.created_by));
                        item->set("sha256", version.plan_sha256);
                        if (version.findings_sha256)
                            item->set("findingsSha256", *version.findings_sha256);
                        else
                            item->set("findingsSha256", Poco::Dynamic::Var());
                        item->set("summary", summary_json(version.summary));
                        versions->add(item);
                    }
                    out->set("versions", versions);
                    return json_response(200, out);
                }});

    router.add({"POST", "/api/applications/{id}/versions",
                "Upload a new version (multipart: plan, findings; or budget, an edited budget workbook, with "
                "?dry-run=1 for the diff only)",
                Access::signed_in, false, [site](Request& request) {
                    const Caller& caller = caller_of(request);
                    const store::Application application = visible_application(*site, caller, request.params.at("id"));
                    const std::string* dry = request.query_value("dry-run");
                    if (dry && *dry != "1" && *dry != "0" && *dry != "true" && *dry != "false") {
                        throw HttpError(400, "invalid", "dry-run must be 1 or 0");
                    }
                    const bool dry_run = dry && (*dry == "1" || *dry == "true");
                    if (dry_run && !request.parts.count("budget")) {
                        throw HttpError(400, "invalid", "dry-run is for the part 'budget' (a budget workbook)");
                    }
                    const bool from_workbook = request.parts.count("budget") != 0;
                    StoredVersion stored;
                    if (from_workbook) {
                        BudgetRevision revision = revise_budget(*site, caller, application, request, dry_run);
                        if (dry_run) {
                            const UploadCheck old_check = check_version(*site, revision.latest);
                            const UploadCheck new_check = site->checker.check(
                                revision.parts.plan, revision.parts.findings, version_day(revision.latest));
                            VersionSide from{revision.latest.number,
                                             old_check.application ? &*old_check.application : nullptr,
                                             &old_check.report.findings};
                            VersionSide to{revision.latest.number + 1,
                                           new_check.application ? &*new_check.application : nullptr,
                                           &new_check.report.findings};
                            JsonObject out = diff_json(from, to, report_language(request));
                            out->set("dryRun", true);
                            return json_response(200, out);
                        }
                        stored = store_budget_revision(*site, caller, application, revision);
                    } else {
                        stored = add_version(*site, caller, application, upload_parts(request));
                    }
                    JsonObject out = object();
                    out->set("version", stored.version);
                    out->set("summary", summary_json(stored.summary));
                    return json_response(201, out);
                }});

    router.add({"GET", "/api/applications/{id}/versions/{n}/plan.xml", "The plan bytes as uploaded", Access::signed_in,
                false, [site](Request& request) {
                    const store::Application application =
                        visible_application(*site, caller_of(request), request.params.at("id"));
                    const store::Version version = find_version(*site, application.id, request.params.at("n"));
                    return bytes_response(version.plan, "application/xml",
                                          "plan-" + std::to_string(version.number) + ".xml");
                }});

    router.add({"GET", "/api/applications/{id}/versions/{n}/findings.xml", "The findings bytes as uploaded",
                Access::signed_in, false, [site](Request& request) {
                    const store::Application application =
                        visible_application(*site, caller_of(request), request.params.at("id"));
                    const store::Version version = find_version(*site, application.id, request.params.at("n"));
                    if (!version.findings) throw HttpError(404, "not-found", "this version has no findings file");
                    return bytes_response(*version.findings, "application/xml",
                                          "findings-" + std::to_string(version.number) + ".xml");
                }});

    router.add({"GET", "/api/applications/{id}/versions/{n}/report", "The completeness report (format, lang)",
                Access::signed_in, false, [site](Request& request) {
                    const store::Application application =
                        visible_application(*site, caller_of(request), request.params.at("id"));
                    const store::Version version = find_version(*site, application.id, request.params.at("n"));
                    const std::string* format = request.query_value("format");
                    return version_report(*site, version, format ? *format : "json", report_language(request));
                }});

    router.add({"GET", "/api/applications/{id}/versions/{n}/draft.docx", "The application draft (DOCX)",
                Access::signed_in, false, [site](Request& request) {
                    const VersionInputs in = version_inputs(*site, request, true);
                    const auto bytes = cached_artefact(*site, in.version, "docx", in.lang, [&] {
                        return site->checker.draft(in.plan(), in.findings, version_day(in.version), in.lang);
                    });
                    if (!bytes)
                        throw HttpError(409, "conflict",
                                        "this version's plan does not load (see its report), so it has no draft");
                    return bytes_response(*bytes,
                                          "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                                          "application-" + std::to_string(in.version.number) + ".docx");
                }});

    router.add({"GET", "/api/applications/{id}/versions/{n}/budget.xlsx", "The budget workbook (XLSX)",
                Access::signed_in, false, [site](Request& request) {
                    const VersionInputs in = version_inputs(*site, request, false);  // the workbook has no language
                    const std::string& application = in.application.id;
                    // The workbook names its application and version, so the cache keeps one per version.
                    const auto bytes = cached_artefact(
                        *site, in.version, "xlsx", application + "#" + std::to_string(in.version.number), [&] {
                            return site->checker.workbook(in.plan(), in.findings, version_day(in.version), application,
                                                          in.version.number);
                        });
                    if (!bytes)
                        throw HttpError(409, "conflict",
                                        "this version's plan does not load (see its report), so it has no workbook");
                    return bytes_response(*bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                          "budget-" + std::to_string(in.version.number) + ".xlsx");
                }});

    // The reviewer's assessment document, for whoever may see the application (its reviewers and owner).
    for (const bool docx : {true, false}) {
        router.add({"GET",
                    docx ? "/api/applications/{id}/versions/{n}/assessment.docx"
                         : "/api/applications/{id}/versions/{n}/assessment.html",
                    docx ? "The reviewer's assessment document (DOCX, lang)"
                         : "The reviewer's assessment document (HTML, lang)",
                    Access::signed_in, false, [site, docx](Request& request) {
                        const VersionInputs in = version_inputs(*site, request, true);
                        const auto bytes = cached_artefact(
                            *site, in.version, docx ? "assessment-docx" : "assessment-html", in.lang, [&] {
                                return std::optional<std::string>(site->checker.assessment(
                                    in.plan(), in.findings, version_day(in.version), in.lang, docx));
                            });
                        const std::string name = "assessment-" + std::to_string(in.version.number);
                        if (docx)
                            return bytes_response(
                                *bytes, "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                                name + ".docx");
                        return bytes_response(*bytes, "text/html; charset=utf-8", name + ".html");
                    }});
    }

    router.add({"POST", "/api/applications/{id}/transitions", "Move the application to another status {to, comment}",
                Access::signed_in, false, [site](Request& request) {
                    const Caller& caller = caller_of(request);
                    const store::Application application = visible_application(*site, caller, request.params.at("id"));
                    const JsonObject body = body_object(request);
                    const auto to = string_member(body, "to");
                    if (!to) throw HttpError(400, "invalid", "\"to\" is required");
                    const store::Status status =
                        transition(*site, caller, application, *to, string_member(body, "comment").value_or(""));
                    JsonObject out = object();
                    out->set("id", application.id);
                    out->set("status", std::string(store::to_string(status)));
                    return json_response(200, out);
                }});

    router.add({"GET", "/api/applications/{id}/history", "The history, oldest first", Access::signed_in, false,
                [site](Request& request) {
                    const store::Application application =
                        visible_application(*site, caller_of(request), request.params.at("id"));
                    JsonArray events = array();
                    for (const store::HistoryEvent& event : site->store.list_history(application.id)) {
                        JsonObject item = object();
                        item->set("at", iso_time(event.at));
                        if (event.actor)
                            item->set("by", user_email(*site, *event.actor));
                        else
                            item->set("by", Poco::Dynamic::Var());
                        item->set("action", event.action);
                        if (event.from_status)
                            item->set("from", *event.from_status);
                        else
                            item->set("from", Poco::Dynamic::Var());
                        if (event.to_status)
                            item->set("to", *event.to_status);
                        else
                            item->set("to", Poco::Dynamic::Var());
                        item->set("detail", event.detail);
                        events->add(item);
                    }
                    JsonObject out = object();
                    out->set("history", events);
                    return json_response(200, out);
                }});

    router.add({"GET", "/api/applications/{id}/comments", "The comments, oldest first", Access::signed_in, false,
                [site](Request& request) {
                    const store::Application application =
                        visible_application(*site, caller_of(request), request.params.at("id"));
                    JsonArray comments = array();
                    for (const store::Comment& comment : site->store.list_comments(application.id)) {
                        comments->add(comment_json(*site, comment));
                    }
                    JsonObject out = object();
                    out->set("comments", comments);
                    return json_response(200, out);
                }});

    router.add({"POST", "/api/applications/{id}/comments", "Add a comment {version, text, section?, rule?, path?}",
                Access::signed_in, false, [site](Request& request) {
                    const Caller& caller = caller_of(request);
                    const store::Application application = visible_application(*site, caller, request.params.at("id"));
                    const JsonObject body = body_object(request);
                    CommentInput input;
                    // Spec: a comment belongs to a version, so the body names it.
                    if (!body->has("version") || body->isNull("version"))
                        throw HttpError(
                            400, "invalid",
                            Said{"ange vilken version kommentaren gäller: \"version\" (ett nummer eller \"latest\")",
                                 "say which version the comment is about: \"version\" (a number or \"latest\")"});
                    const Poco::Dynamic::Var version = body->get("version");
                    if (version.isInteger())
                        input.version = std::to_string(version.convert<long long>());
                    else if (version.isString())
                        input.version = version.extract<std::string>();
                    else
                        throw HttpError(400, "invalid", "\"version\" must be a number or \"latest\"");
                    input.text = string_member(body, "text").value_or("");
                    input.section = string_member(body, "section");
                    input.rule = string_member(body, "rule");
                    input.path = string_member(body, "path");
                    const store::Comment comment = add_comment(*site, caller, application, input);
                    return json_response(201, comment_json(*site, comment));
                }});

    router.add({"GET", "/api/applications/{id}/diff", "What changed between two versions (from, to)", Access::signed_in,
                false, [site](Request& request) {
                    const store::Application application =
                        visible_application(*site, caller_of(request), request.params.at("id"));
                    const std::string* from = request.query_value("from");
                    const std::string* to = request.query_value("to");
                    if (!from || !to) throw HttpError(400, "invalid", "give both ?from=N and &to=M");
                    return json_response(200, version_diff(*site, application, *from, *to, report_language(request)));
                }});

    router.add(
        {"GET", "/api/openapi.json", "This API described in OpenAPI 3.1", Access::anyone, false, [&router](Request&) {
             Response response;
             response.body = openapi_json(router);
             return response;
         }});
}

JsonObject comment_json(Context& context, const store::Comment& comment) {
    JsonObject item = object();
    item->set("id", comment.id);
    item->set("version", comment.version);
    item->set("by", user_email(context, comment.author));
    item->set("at", iso_time(comment.created));
    item->set("text", comment.text);
    item->set("section", comment.section ? Poco::Dynamic::Var(*comment.section) : Poco::Dynamic::Var());
    item->set("rule", comment.rule ? Poco::Dynamic::Var(*comment.rule) : Poco::Dynamic::Var());
    item->set("path", comment.path ? Poco::Dynamic::Var(*comment.path) : Poco::Dynamic::Var());
    return item;
}

JsonObject version_diff(Context& context, const store::Application& application, const std::string& from,
                        const std::string& to, const std::string& lang) {
    const store::Version before = find_version(context, application.id, from);
    const store::Version after = find_version(context, application.id, to);
    const UploadCheck old_check = check_version(context, before);
    const UploadCheck new_check = check_version(context, after);
    VersionSide from_side{before.number, old_check.application ? &*old_check.application : nullptr,
                          &old_check.report.findings};
    VersionSide to_side{after.number, new_check.application ? &*new_check.application : nullptr,
                        &new_check.report.findings};
    return diff_json(from_side, to_side, lang);
}

}  // namespace esfdraft::http
