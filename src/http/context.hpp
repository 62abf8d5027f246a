// What the API and the pages share: the store, the checker, the rules of
// who sees and does what, and the service's actions (login, upload,
// transition, comment) with their HTTP answers. Internal to http.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "http/checker.hpp"
#include "http/exchange.hpp"
#include "http/site.hpp"
#include "model/values.hpp"
#include "store/records.hpp"
#include "store/store.hpp"

namespace esfdraft::http {

struct Site::Context {
    Context(store::Store& given_store, SiteOptions given_options)
        : store(given_store), options(std::move(given_options)) {}
    store::Store& store;
    SiteOptions options;
    Checker checker;

    std::int64_t now() const;
    model::Date today() const;
};
using Context = Site::Context;

extern const char* const session_cookie;   // "esfdraft_session"
extern const char* const language_cookie;  // "esfdraft_lang"

// --- who may see and do what (spec §2) ------------------------------------
bool can_see(const Caller& caller, const store::Application& application);
// The application when `id` names one the caller may see; else 404 (the same
// for one that does not exist).
store::Application visible_application(Context& context, const Caller& caller, const std::string& id);
// "latest" or 1, 2, 3 …; 404 for anything else or a version that is not there.
store::Version find_version(Context& context, const std::string& application, const std::string& number);

// --- actions ----------------------------------------------------------------
struct LoginResult {
    std::string token;  // the session cookie's value
    std::string csrf;
    store::User user;
};
// 429 when throttled, 401 (one message) for an unknown email, a wrong password
// or a disabled user.
LoginResult log_in(Context& context, const std::string& email, const std::string& password, const std::string& address);
void log_out(Context& context, const Request& request);
std::string session_cookie_header(const Context& context, const std::string& token);
std::string expired_session_cookie_header(const Context& context);

struct StoredVersion {
    std::string application;
    int version = 0;
    store::CheckSummary summary;
};
// The plan and findings parts of an upload: 415 unless multipart, 400 without `plan`.
struct UploadParts {
    NamedUpload plan;
    std::optional<NamedUpload> findings;
};
UploadParts upload_parts(const Request& request);
UploadCheck check_upload(Context& context, const UploadParts& parts, model::Date today);
// Owners only (403 otherwise).
StoredVersion create_application(Context& context, const Caller& caller, const UploadParts& parts);
// 403 unless the owner; 409 unless draft or changes-requested. With
// `based_on` (the version the parts were derived from) stored only while that
// is still the latest version, else 409 naming the version that landed since.
StoredVersion add_version(Context& context, const Caller& caller, const store::Application& application,
                          const UploadParts& parts, std::optional<int> based_on = std::nullopt);
// An upload of the part `budget` (an edited budget workbook): the latest
// version and the parts a new version would have, its plan the latest plan
// with the workbook's budget and its findings the latest version's. 415
// unless multipart; 400 when `plan` or `findings` is sent too; 403 unless
// the owner; 409 (unless `dry_run`) when the status takes no version; 422 in
// the request's language when the workbook cannot be read back or gives a
// plan the format refuses (the error names the sheet and cell).
struct BudgetRevision {
    store::Version latest;
    UploadParts parts;
    std::string language;  // the request's (sv or en), for the messages
};
BudgetRevision revise_budget(Context& context, const Caller& caller, const store::Application& application,
                             const Request& request, bool dry_run);
// Stores the revision as a new version only while `revision.latest` is still
// the latest (an upload landing meanwhile is never undone): add_version's
// answers, and 409 in the revision's language naming the newer version.
StoredVersion store_budget_revision(Context& context, const Caller& caller, const store::Application& application,
                                    const BudgetRevision& revision);
// 400 for an unknown status, 403 for a move the caller's role never makes,
// 409 when not allowed from the current status or (submitting) the latest
// version has errors (with its report).
store::Status transition(Context& context, const Caller& caller, const store::Application& application,
                         const std::string& to, const std::string& comment);
struct CommentInput {
    std::string version;  // "latest" or a number
    std::string text;
    std::optional<std::string> section, rule, path;
};
store::Comment add_comment(Context& context, const Caller& caller, const store::Application& application,
                           const CommentInput& input);

// --- a version's outputs (deterministic: checked with its own day as today) --
model::Date version_day(const store::VersionInfo& version);
UploadCheck check_version(Context& context, const store::Version& version);
// format: json | html | text; lang: sv | en (400 otherwise).
Response version_report(Context& context, const store::Version& version, const std::string& format,
                        const std::string& lang);
std::string report_language(const Request& request);

// Display helpers.
std::string user_email(Context& context, std::int64_t id);
std::string iso_time(std::int64_t at);

}  // namespace esfdraft::http
