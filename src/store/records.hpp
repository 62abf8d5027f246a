// Plain value types the store reads and writes: users, sessions, API tokens,
// applications, their versions, comments and history. No I/O, no database
// types; the HTTP layer and the CLI build JSON and pages from these.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace esfdraft::store {

// Seconds since 1970-01-01T00:00:00Z. The store never reads the clock itself
// except through StoreOptions::clock, so tests can move time.
using Timestamp = std::int64_t;

// "2024-05-01T12:00:00Z" (UTC, seconds). Negative times are formatted too.
std::string format_timestamp(Timestamp at);

enum class Role { owner, reviewer, admin };
// "owner", "reviewer", "admin".
std::string_view to_string(Role role);
// The inverse of to_string; nullopt for anything else (case-sensitive).
std::optional<Role> parse_role(std::string_view text);

// The workflow of docs/service.md §3. The store enforces only what must hold
// under concurrency (optimistic status updates, versions added only in draft or
// changes-requested); which transitions a role may make is the caller's.
enum class Status { draft, submitted, in_review, changes_requested, approved, rejected };
// "draft", "submitted", "in-review", "changes-requested", "approved", "rejected".
std::string_view to_string(Status status);
std::optional<Status> parse_status(std::string_view text);

struct User {
    std::int64_t id = 0;
    std::string email;  // stored and compared in lower case
    std::string name;   // may be empty
    Role role = Role::owner;
    std::string organisation;  // organisationsnummer; empty for users without one
    bool disabled = false;
    Timestamp created = 0;
};

// A user with the stored password hash (libsodium's Argon2id string, or empty
// when no password was ever set: such a user cannot log in).
struct UserCredentials {
    User user;
    std::string password_hash;
};

// A browser session. Only the SHA-256 of the cookie's token is stored, so a
// copy of the database does not hand out sessions.
struct Session {
    std::string token_hash;  // hex
    std::int64_t user = 0;
    std::string csrf_token;  // sent to the browser, compared in constant time
    Timestamp created = 0;
    Timestamp expires = 0;  // the session is valid while now < expires
};

struct ApiToken {
    std::int64_t id = 0;
    std::int64_t user = 0;
    std::string label;
    std::string hash;  // hex SHA-256 of the token; the token itself is shown once
    Timestamp created = 0;
};

// A session or token together with its (enabled) user.
struct AuthenticatedSession {
    Session session;
    User user;
};
struct AuthenticatedToken {
    ApiToken token;
    User user;
};

struct Application {
    std::string id;            // 32 lower-case hex digits, random: not guessable, safe in a path
    std::string organisation;  // the owner's organisation
    std::string title;
    std::string acronym;
    std::string programme;  // rule pack id, e.g. "esf-plus-2021-2027"
    std::string call;       // call id; may be empty
    Status status = Status::draft;
    Timestamp created = 0;
    Timestamp updated = 0;  // the last upload, transition or comment
    // The last time it was submitted; never cleared (a withdrawn application
    // has been submitted once, and reviewers still see it).
    std::optional<Timestamp> submitted_at;
};

// The check summary a version was stored with.
struct CheckSummary {
    int errors = 0;
    int warnings = 0;
    int infos = 0;
    std::string verdict;  // as the report names it
};

// A version without its bytes: what listings show.
struct VersionInfo {
    std::string application;
    int number = 0;           // 1, 2, 3 … per application
    std::string plan_sha256;  // hex of the plan bytes
    std::optional<std::string> findings_sha256;
    Timestamp created = 0;
    std::int64_t created_by = 0;  // user id
    CheckSummary summary;
};

// A whole version. Versions are immutable: the store has no way to change
// or delete one.
struct Version : VersionInfo {
    std::string plan;                     // the bytes exactly as uploaded
    std::optional<std::string> findings;  // the bytes exactly as uploaded, when there were any
    std::string report_json;              // the check report (schemas/report.schema.json)
};

// What the caller supplies for a new version; the store numbers it, hashes the
// bytes and stamps the time.
struct NewApplication {
    std::string organisation;
    std::string title;
    std::string acronym;
    std::string programme;
    std::string call;
};

struct NewVersion {
    std::string plan;
    std::optional<std::string> findings;
    std::int64_t created_by = 0;
    CheckSummary summary;
    std::string report_json;
    // What the version's plan says the application is called and where it
    // is made (its `organisation` unused): a later version that renames the
    // project or moves it to another call updates the application's row in
    // the same transaction. nullopt (the plan did not load) keeps the row.
    std::optional<NewApplication> facts;
};

struct Comment {
    std::int64_t id = 0;
    std::string application;
    int version = 0;
    std::int64_t author = 0;
    std::string text;
    std::optional<std::string> section;  // a plan section id
    std::optional<std::string> rule;     // a finding's rule id
    std::optional<std::string> path;     // a finding's element path
    Timestamp created = 0;
};

struct NewComment {
    std::string application;
    int version = 0;
    std::int64_t author = 0;
    std::string text;
    std::optional<std::string> section;
    std::optional<std::string> rule;
    std::optional<std::string> path;
};

// One line of the append-only history. `action` is "create", "upload",
// "transition", "comment", "login", "logout", "user-add", "user-disable",
// "token-create" … (the store writes the first four itself, in the same
// transaction as the change they record).
struct HistoryEvent {
    std::int64_t id = 0;
    std::optional<std::string> application;  // none for events not about an application (login)
    Timestamp at = 0;
    std::optional<std::int64_t> actor;  // none for the system or an unknown user
    std::string action;
    std::optional<std::string> from_status;
    std::optional<std::string> to_status;
    std::string detail;  // a comment, a version number, a client address …
};

struct NewHistoryEvent {
    std::optional<std::string> application;
    std::optional<std::int64_t> actor;
    std::string action;
    std::optional<std::string> from_status;
    std::optional<std::string> to_status;
    std::string detail;
};

// One row of the application list: the application with its latest version.
struct ApplicationListing {
    Application application;
    VersionInfo latest;
};

// Filters for list_applications; every set field must match. Visibility by
// role is expressed with `organisation` (owners) and `submitted_only`
// (reviewers); admins set neither.
struct ApplicationFilter {
    std::optional<std::string> organisation;
    bool submitted_only = false;  // only applications submitted at least once
    std::optional<Status> status;
    std::optional<std::string> programme;
    std::optional<std::string> call;
    std::optional<std::string> verdict;  // of the latest version
};

enum class ListOrder {
    updated_desc,   // most recently changed first (owners' "my applications")
    submitted_asc,  // oldest submission first (the reviewers' queue); never-submitted last
};

}  // namespace esfdraft::store
