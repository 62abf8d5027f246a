#include <chrono>
#include <ctime>

#include "http/artefacts.hpp"
#include "http/context.hpp"
#include "http/json.hpp"
#include "model/printable.hpp"
#include "model/vocabulary.hpp"
#include "pipeline/pipeline.hpp"
#include "pipeline/workbook_budget.hpp"
#include "report/report.hpp"
#include "store/passwords.hpp"

namespace esfdraft::http {

const char* const session_cookie = "esfdraft_session";
const char* const language_cookie = "esfdraft_lang";

std::int64_t Context::now() const {
    if (options.clock) return options.clock();
    return static_cast<std::int64_t>(std::time(nullptr));
}

model::Date Context::today() const {
    std::int64_t seconds = now();
    std::int64_t days = seconds / 86400;
    if (seconds < 0 && seconds % 86400 != 0) --days;
    return model::Date::from_days_since_epoch(days);
}

std::string iso_time(std::int64_t at) { return store::format_timestamp(at); }

std::string user_email(Context& context, std::int64_t id) {
    const std::optional<store::User> user = context.store.find_user(id);
    return user ? user->email : std::string();
}

// --------------------------------------------------------------- visibility

bool can_see(const Caller& caller, const store::Application& application) {
    if (caller.role == "admin") return true;
    if (caller.role == "reviewer") return application.submitted_at.has_value();
    return caller.role == "owner" && !caller.organisation.empty() && caller.organisation == application.organisation;
}

store::Application visible_application(Context& context, const Caller& caller, const std::string& id) {
    const std::optional<store::Application> application = context.store.find_application(id);
    if (!application || !can_see(caller, *application)) {
        throw HttpError(404, "not-found", Said{"det finns ingen ansökan " + id, "there is no application " + id});
    }
    return *application;
}

store::Version find_version(Context& context, const std::string& application, const std::string& number) {
    std::optional<store::Version> version;
    if (number == "latest") {
        version = context.store.find_latest_version(application);
    } else if (!number.empty() && number.size() <= 9 && number.find_first_not_of("0123456789") == std::string::npos &&
               number.front() != '0') {
        version = context.store.find_version(application, std::stoi(number));
    }
    if (!version)
        throw HttpError(404, "not-found",
                        Said{"ansökan har ingen version " + number, "the application has no version " + number});
    return *version;
}

// ---------------------------------------------------------------- sessions

LoginResult log_in(Context& context, const std::string& email_given, const std::string& password,
                   const std::string& address) {
    std::string email = email_given;
    for (char& c : email) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const store::LoginFailureCounts failures =
        context.store.count_login_failures(email, address, context.now() - context.options.failure_window_seconds);
    if (failures.account >= context.options.account_failures || failures.address >= context.options.address_failures) {
        throw HttpError(429, "too-many-requests",
                        Said{"för många misslyckade inloggningar; vänta en kvart och försök igen",
                             "too many failed sign-ins; wait a quarter of an hour and try again"});
    }
    const std::optional<store::UserCredentials> credentials = context.store.find_credentials(email);
    // An unknown email costs the same as a wrong password: hash anyway.
    static const std::string decoy = store::hash_password("decoy password that matches nothing");
    const bool matches = store::verify_password(password, credentials ? credentials->password_hash : decoy);
    if (!credentials || !matches || credentials->user.disabled || credentials->password_hash.empty()) {
        context.store.record_login_failure(email, address);
        throw HttpError(401, "unauthenticated", Said{"fel e-postadress eller lösenord", "wrong email or password"});
    }
    context.store.clear_login_failures(email);
    if (store::password_needs_rehash(credentials->password_hash)) {
        context.store.set_password_hash(email, store::hash_password(password));
    }
    LoginResult result;
    result.token = store::random_token();
    result.csrf = store::random_token();
    result.user = credentials->user;
    store::Session session;
    session.token_hash = store::token_hash(result.token);
    session.user = credentials->user.id;
    session.csrf_token = result.csrf;
    session.created = context.now();
    session.expires = session.created + context.options.session_seconds;
    context.store.create_session(session);
    context.store.append_history({std::nullopt, credentials->user.id, "login", std::nullopt, std::nullopt, address});
    return result;
}

void log_out(Context& context, const Request& request) {
    const auto cookie = request.cookies.find(session_cookie);
    if (cookie != request.cookies.end()) context.store.delete_session(store::token_hash(cookie->second));
    if (request.caller) {
        context.store.append_history({std::nullopt, request.caller->user_id, "logout", std::nullopt, std::nullopt, ""});
    }
}

std::string session_cookie_header(const Context& context, const std::string& token) {
    return std::string(session_cookie) + "=" + token +
           "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" + std::to_string(context.options.session_seconds) +
           (context.options.secure_cookies ? "; Secure" : "");
}

std::string expired_session_cookie_header(const Context& context) {
    return std::string(session_cookie) + "=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0" +
           (context.options.secure_cookies ? "; Secure" : "");
}

// ------------------------------------------------------------------ uploads

UploadParts upload_parts(const Request& request) {
    if (request.content_type != "multipart/form-data") {
        throw HttpError(415, "unsupported-media-type",
                        Said{"skicka planen som multipart/form-data med en del som heter 'plan'",
                             "upload the plan as multipart/form-data with a part named 'plan'"});
    }
    const auto plan = request.parts.find("plan");
    if (plan == request.parts.end() || plan->second.bytes.empty()) {
        throw HttpError(400, "invalid",
                        Said{"välj en planfil (XML) att ladda upp: delen 'plan' saknas eller är tom",
                             "the part 'plan' (the plan XML) is required"});
    }
    UploadParts parts;
    parts.plan = {plain_file_name(plan->second.filename, "plan.xml"), plan->second.bytes};
    const auto findings = request.parts.find("findings");
    if (findings != request.parts.end() && !findings->second.bytes.empty()) {
        parts.findings =
            NamedUpload{plain_file_name(findings->second.filename, "findings.xml"), findings->second.bytes};
    }
    return parts;
}

UploadCheck check_upload(Context& context, const UploadParts& parts, model::Date today) {
    return context.checker.check(parts.plan, parts.findings, today);
}

namespace {

store::NewVersion new_version(Context& context, const Caller& caller, const UploadParts& parts, UploadCheck& checked,
                              model::Date today) {
    store::NewVersion version;
    version.plan = parts.plan.bytes;
    if (parts.findings) version.findings = parts.findings->bytes;
    version.created_by = caller.user_id;
    const SummaryCounts counts = summarise(checked.report);
    version.summary = {counts.errors, counts.warnings, counts.infos, counts.verdict};
    report::ReportOptions options;
    options.language = report::Language::sv;
    if (checked.application && checked.application->lang == "en") options.language = report::Language::en;
    options.date = today.iso();
    version.report_json = report::render_json({checked.report}, options);
    if (checked.application) {
        store::NewApplication facts;
        facts.title = checked.report.title.empty() ? parts.plan.name : checked.report.title;
        if (checked.application->project.acronym) facts.acronym = checked.application->project.acronym->value;
        facts.programme = checked.application->programme;
        facts.call = checked.application->call.value_or("");
        version.facts = std::move(facts);
    }
    (void)context;
    return version;
}

namespace {

// The statuses as the Swedish pages name them (pages.cpp status_name).
std::string swedish_status(store::Status status) {
    using store::Status;
    switch (status) {
        case Status::draft: return "utkast";
        case Status::submitted: return "inskickad";
        case Status::in_review: return "granskas";
        case Status::changes_requested: return "ändringar begärda";
        case Status::approved: return "beviljad";
        case Status::rejected: return "avslagen";
    }
    return std::string(store::to_string(status));
}

HttpError not_the_owners(bool versions) {
    return versions ? HttpError(403, "forbidden",
                                Said{"bara den ägande organisationen lägger till versioner",
                                     "only the owner's organisation adds versions"})
                    : HttpError(403, "forbidden",
                                Said{"bara den ägande organisationen skickar in och drar tillbaka",
                                     "only the owner's organisation submits and withdraws"});
}

HttpError no_versions_now(store::Status status) {
    return HttpError(409, "conflict",
                     Said{"en ny version går att lägga till bara när ansökan är ett utkast eller ändringar är begärda, "
                          "inte när den är " +
                              swedish_status(status),
                          "a version can be added only in draft or changes-requested, not " +
                              std::string(store::to_string(status))});
}

}  // namespace

bool owns(const Caller& caller, const store::Application& application) {
    return caller.role == "owner" && !caller.organisation.empty() && caller.organisation == application.organisation;
}

}  // namespace

StoredVersion create_application(Context& context, const Caller& caller, const UploadParts& parts) {
    if (caller.role != "owner")
        throw HttpError(403, "forbidden",
                        Said{"bara projektägare skapar ansökningar", "only project owners create applications"});
    if (caller.organisation.empty())
        throw HttpError(403, "forbidden",
                        Said{"ditt konto hör inte till någon organisation; be en administratör lägga till den",
                             "your account has no organisation; ask an administrator"});
    const model::Date today = context.today();
    UploadCheck checked = check_upload(context, parts, today);
    const store::NewVersion first = new_version(context, caller, parts, checked, today);
    store::NewApplication application = first.facts.value_or(store::NewApplication{});
    application.organisation = caller.organisation;
    if (application.title.empty())
        application.title = checked.report.title.empty() ? parts.plan.name : checked.report.title;
    const store::Version stored = context.store.create_application(application, first);
    return {stored.application, stored.number, stored.summary};
}

StoredVersion add_version(Context& context, const Caller& caller, const store::Application& application,
                          const UploadParts& parts, std::optional<int> based_on) {
    if (!owns(caller, application)) throw not_the_owners(true);
    if (application.status != store::Status::draft && application.status != store::Status::changes_requested) {
        throw no_versions_now(application.status);
    }
    const model::Date today = context.today();
    UploadCheck checked = check_upload(context, parts, today);
    store::NewVersion version = new_version(context, caller, parts, checked, today);
    const store::AddVersionResult added = based_on
                                              ? context.store.add_version_if_latest(application.id, *based_on, version)
                                              : context.store.add_version(application.id, version);
    if (added.outcome == store::VersionOutcome::not_found)
        throw HttpError(404, "not-found",
                        Said{"det finns ingen ansökan " + application.id, "there is no application " + application.id});
    if (added.outcome == store::VersionOutcome::stale) {
        // Storing it anyway would undo the other upload's changes without anyone noticing.
        const std::string latest = std::to_string(added.latest), base = std::to_string(*based_on);
        throw HttpError(
            409, "conflict",
            Said{"version " + latest + " laddades upp under tiden, och den här budgeten lästes mot version " + base +
                     "; inget sparades. Ladda ner budgetarbetsboken för version " + latest +
                     " och gör dina ändringar igen",
                 "version " + latest + " was uploaded meanwhile, and this budget was read against version " + base +
                     "; nothing was stored. Download version " + latest +
                     "'s budget workbook and make your edits again"});
    }
    if (added.outcome == store::VersionOutcome::wrong_status) {
        throw no_versions_now(added.status);
    }
    return {application.id, added.version.number, added.version.summary};
}

BudgetRevision revise_budget(Context& context, const Caller& caller, const store::Application& application,
                             const Request& request, bool dry_run) {
    if (request.content_type != "multipart/form-data") {
        throw HttpError(415, "unsupported-media-type",
                        Said{"skicka arbetsboken som multipart/form-data med en del som heter 'budget'",
                             "upload the workbook as multipart/form-data with a part named 'budget'"});
    }
    if (request.parts.count("plan") || request.parts.count("findings")) {
        throw HttpError(400, "invalid",
                        Said{"skicka antingen en budgetarbetsbok (delen 'budget') eller en plan (delarna 'plan' och "
                             "'findings'), inte båda",
                             "send either the part 'budget' (a budget workbook) or 'plan' (and 'findings'), not both"});
    }
    const std::string language = report_language(request);
    const auto workbook = request.parts.find("budget");
    if (workbook == request.parts.end() || workbook->second.bytes.empty()) {
        throw HttpError(400, "invalid",
                        Said{"delen 'budget' (budgetarbetsboken) är tom; välj en arbetsbok",
                             "the part 'budget' (the budget workbook) is empty"});
    }
    if (!owns(caller, application)) throw not_the_owners(true);
    if (!dry_run && application.status != store::Status::draft &&
        application.status != store::Status::changes_requested) {
        throw no_versions_now(application.status);
    }
    BudgetRevision revision{find_version(context, application.id, "latest"), {}, language};
    const NamedUpload upload{plain_file_name(workbook->second.filename, "budget.xlsx"), workbook->second.bytes};
    try {
        revision.parts.plan = {
            "plan.xml", context.checker.plan_with_budget({"plan.xml", revision.latest.plan}, upload, context.today(),
                                                         application.id, revision.latest.number)};
    } catch (const pipeline::WorkbookStale& stale) {
        // Storing it would undo what the versions since changed, unnoticed.
        throw HttpError(409, "conflict", Said{stale.swedish(), stale.what()});
    } catch (const pipeline::WorkbookRejected& rejected) {
        throw HttpError(422, "unprocessable", rejected.message(language));
    }
    if (revision.latest.findings) revision.parts.findings = NamedUpload{"findings.xml", *revision.latest.findings};
    return revision;
}

StoredVersion store_budget_revision(Context& context, const Caller& caller, const store::Application& application,
                                    const BudgetRevision& revision) {
    // Based on the version the budget was read against: never on top of one that landed since.
    return add_version(context, caller, application, revision.parts, revision.latest.number);
}

// ----------------------------------------------------------------- workflow

store::Status transition(Context& context, const Caller& caller, const store::Application& application,
                         const std::string& to_text, const std::string& comment) {
    using store::Status;
    const std::optional<Status> to = store::parse_status(to_text);
    if (!to)
        throw HttpError(
            400, "invalid",
            Said{
                "okänd status: \"to\" ska vara draft, submitted, in-review, changes-requested, approved eller rejected",
                "\"to\" must be one of draft, submitted, in-review, changes-requested, approved, rejected"});
    const Status from = application.status;
    const bool owner_move = *to == Status::submitted || *to == Status::draft;
    bool allowed_from = false;
    if (owner_move) {
        if (!owns(caller, application)) throw not_the_owners(false);
        allowed_from = *to == Status::submitted ? (from == Status::draft || from == Status::changes_requested)
                                                : from == Status::submitted;
    } else {
        if (caller.role != "reviewer" && caller.role != "admin") {
            throw HttpError(403, "forbidden",
                            Said{"bara handläggare för en ansökan genom granskningen",
                                 "only reviewers move an application through review"});
        }
        allowed_from = *to == Status::in_review ? from == Status::submitted : from == Status::in_review;
    }
    if (!allowed_from) {
        throw HttpError(
            409, "conflict",
            Said{"en ansökan med status " + swedish_status(from) + " kan inte få status " + swedish_status(*to),
                 "an application in " + std::string(store::to_string(from)) + " cannot move to " +
                     std::string(store::to_string(*to))});
    }
    if (*to == Status::submitted) {
        const std::optional<store::Version> latest = context.store.find_latest_version(application.id);
        if (latest && latest->summary.errors > 0) {
            JsonObject details = object();
            if (JsonObject report = parse_object_text(latest->report_json)) details->set("report", report);
            throw HttpError(
                409, "conflict",
                Said{"version " + std::to_string(latest->number) + " har " + std::to_string(latest->summary.errors) +
                         " fel" + "; rätta det som rapporten visar och ladda upp en ny version innan du skickar in",
                     "version " + std::to_string(latest->number) + " has " + std::to_string(latest->summary.errors) +
                         (latest->summary.errors == 1 ? " error" : " errors") +
                         "; upload a corrected version before submitting"},
                stringify(details));
        }
    }
    if (!context.store.update_status(application.id, from, *to, caller.user_id, comment)) {
        throw HttpError(409, "conflict",
                        Said{"ansökan ändrades under tiden; ladda om sidan och försök igen",
                             "the application changed meanwhile; reload and try again"});
    }
    return *to;
}

store::Comment add_comment(Context& context, const Caller& caller, const store::Application& application,
                           const CommentInput& input) {
    if (input.text.empty())
        throw HttpError(400, "invalid", Said{"skriv en kommentar: texten är tom", "\"text\" must not be empty"});
    if (input.text.size() > 20000)
        throw HttpError(400, "invalid",
                        Said{"kommentaren är längre än 20 000 byte; korta den eller dela upp den",
                             "\"text\" is longer than 20 000 bytes"});
    // A section is one the report names: a plan section, the project facts,
    // the findings file or the file itself.
    if (input.section && !model::section_words(*input.section) && *input.section != "findings" &&
        *input.section != "file")
        throw HttpError(400, "invalid",
                        Said{"\"section\" är inget avsnitt i ansökan: " + model::printable(*input.section) +
                                 " (till exempel \"goals\", \"budget\", \"findings\")",
                             "\"section\" is not a section of the application: " + model::printable(*input.section) +
                                 " (for example \"goals\", \"budget\", \"findings\")"});
    const store::Version version =
        find_version(context, application.id, input.version.empty() ? "latest" : input.version);
    store::NewComment comment;
    comment.application = application.id;
    comment.version = version.number;
    comment.author = caller.user_id;
    comment.text = input.text;
    comment.section = input.section;
    comment.rule = input.rule;
    comment.path = input.path;
    const std::optional<store::Comment> added = context.store.add_comment(comment);
    if (!added) throw HttpError(404, "not-found", Said{"versionen finns inte", "there is no such version"});
    return *added;
}

// ----------------------------------------------------------------- outputs

model::Date version_day(const store::VersionInfo& version) {
    std::int64_t days = version.created / 86400;
    if (version.created < 0 && version.created % 86400 != 0) --days;
    return model::Date::from_days_since_epoch(days);
}

UploadCheck check_version(Context& context, const store::Version& version) {
    std::optional<NamedUpload> findings;
    if (version.findings) findings = NamedUpload{"findings.xml", *version.findings};
    return context.checker.check({"plan.xml", version.plan}, findings, version_day(version));
}

std::string report_language(const Request& request) {
    if (const std::string* lang = request.query_value("lang")) {
        if (*lang != "sv" && *lang != "en")
            throw HttpError(400, "invalid", Said{"lang ska vara sv eller en", "lang must be sv or en"});
        return *lang;
    }
    return request.language;
}

Response version_report(Context& context, const store::Version& version, const std::string& format,
                        const std::string& lang) {
    if (format != "json" && format != "html" && format != "text") {
        throw HttpError(400, "invalid",
                        Said{"format ska vara json, html eller text", "format must be json, html or text"});
    }
    report::ReportOptions options;
    if (!report::parse_language(lang, options.language))
        throw HttpError(400, "invalid", Said{"lang ska vara sv eller en", "lang must be sv or en"});
    options.date = version_day(version).iso();
    Response response;
    if (format == "html") response.content_type = "text/html; charset=utf-8";
    if (format == "text") response.content_type = "text/plain; charset=utf-8";
    response.body = *cached_artefact(context, version, "report-" + format, lang, [&]() -> std::optional<std::string> {
        const UploadCheck checked = check_version(context, version);
        if (format == "json") return report::render_json({checked.report}, options);
        if (format == "html") return report::render_html({checked.report}, options);
        return report::render_text({checked.report}, options);
    });
    return response;
}

}  // namespace esfdraft::http
