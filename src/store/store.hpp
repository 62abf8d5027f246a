// The service's database: users, sessions, API tokens, login throttling,
// applications, their immutable versions, comments and history. One Store is
// opened from a URL and shared by every thread of a server: each call borrows
// a connection from a pool, and every write is committed before the call
// returns. All state lives in the database, so several processes on one
// PostgreSQL database behave as one. Knows nothing of HTTP.
#pragma once

#include "store/records.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace esfdraft::store {

// A failure that stops the operation: the database is unreachable, a
// statement failed, the URL is malformed. The message says which database and
// what went wrong (never a password from the URL).
class StoreError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The database was migrated by a newer esfdraft than this one: refused rather
// than written with an older idea of the schema.
class SchemaTooNewError : public StoreError {
public:
    using StoreError::StoreError;
};

// The database has not been migrated to this esfdraft's schema yet (run
// `esfdraft db migrate`; `serve` migrates on start).
class SchemaNotCurrentError : public StoreError {
public:
    using StoreError::StoreError;
};

struct StoreOptions {
    // Connections kept open at most (a server sets it to its thread count).
    int max_connections = 8;
    // How long a writer waits for another writer's lock before failing (SQLite
    // busy_timeout; PostgreSQL lock_timeout).
    int busy_timeout_ms = 10000;
    // The clock for every stamp and expiry; the system clock when empty.
    std::function<Timestamp()> clock;
};

struct SchemaState {
    int current = 0;  // the highest migration applied (0: an empty database)
    int latest = 0;   // the highest migration this esfdraft knows
};

// Counts of failed logins in a window, for throttling (429).
struct LoginFailureCounts {
    int account = 0;  // for this email, from any address
    int address = 0;  // from this client address, for any email
};

enum class VersionOutcome {
    added,
    not_found,     // no application with this id
    wrong_status,  // the application is not in draft or changes-requested
    stale,         // add_version_if_latest: the latest version is no longer the expected one
};

struct AddVersionResult {
    VersionOutcome outcome = VersionOutcome::not_found;
    Version version;                // the stored version when added
    Status status = Status::draft;  // the application's status (when found)
    int latest = 0;                 // the application's latest version number (when found)
};

class Store {
public:
    // Opens `url`: "sqlite:PATH" (the file is created when missing; SQLite in
    // WAL mode with synchronous=FULL, foreign keys on) or
    // "postgresql://user:pass@host:port/dbname" (every part but host optional,
    // percent-encoding allowed; "postgres://" too). Throws StoreError for an
    // unknown scheme or when the database cannot be reached, and
    // SchemaTooNewError when it was migrated by a newer esfdraft. Does not
    // migrate: call migrate().
    static std::unique_ptr<Store> open(const std::string& url, StoreOptions options = {});
    // The default URL when neither --database nor ESFDRAFT_DATABASE is given.
    static constexpr const char* default_url = "sqlite:esfdraft.db";

    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    // The URL without its password, for messages and logs.
    const std::string& display_url() const;
    bool is_sqlite() const;

    // --- schema -----------------------------------------------------------
    // Applies every migration not yet applied, each in its own transaction,
    // recorded in `schema_migrations`; safe to run twice and from two processes
    // at once. Returns how many were applied. Throws SchemaTooNewError for a
    // database newer than this esfdraft.
    int migrate();
    SchemaState schema_state();
    // Throws unless the database answers a trivial query (GET /healthz).
    void ping();
    // Runs SQLite's `PRAGMA integrity_check` and returns its lines ("ok" when
    // sound); PostgreSQL returns {"ok"} after a ping.
    std::vector<std::string> integrity_check();
    // Writes a consistent copy of a SQLite database to `file` (VACUUM INTO,
    // safe while the server runs). Refuses an existing `file` (never
    // overwritten). For PostgreSQL throws StoreError saying to use pg_dump.
    void backup(const std::string& file);

    // --- users --------------------------------------------------------------
    // Adds a user; the email is stored in lower case. nullopt when a user with
    // that email exists already. `password_hash` may be empty (no login).
    std::optional<User> add_user(const std::string& email, const std::string& name, Role role,
                                 const std::string& organisation, const std::string& password_hash);
    std::optional<User> find_user(std::int64_t id);
    std::optional<User> find_user_by_email(const std::string& email);
    // The user and the stored hash, for login; disabled users are returned too
    // (the caller answers them like a wrong password).
    std::optional<UserCredentials> find_credentials(const std::string& email);
    std::vector<User> list_users();  // by email
    // Disables the user and ends their sessions; their API tokens stop working.
    // false when there is no such user.
    bool disable_user(const std::string& email);
    // false when there is no such user.
    bool set_password_hash(const std::string& email, const std::string& password_hash);

    // --- sessions and tokens -------------------------------------------------
    // Stores a session as given (the caller hashes the token and picks expiry).
    void create_session(const Session& session);
    // The session with this token hash when it has not expired and its user is
    // not disabled; else nullopt.
    std::optional<AuthenticatedSession> find_session(const std::string& token_hash);
    void delete_session(const std::string& token_hash);
    // Deletes sessions whose expiry has passed; returns how many.
    int delete_expired_sessions();

    // Stores a token for `user` (its hash only). Throws StoreError for an
    // unknown user.
    ApiToken create_api_token(std::int64_t user, const std::string& label, const std::string& hash);
    // The token with this hash when its user is not disabled; else nullopt.
    std::optional<AuthenticatedToken> find_api_token(const std::string& hash);

    // --- login throttling -------------------------------------------------
    // Records one failed login for `email` (lower-cased) from `address`.
    void record_login_failure(const std::string& email, const std::string& address);
    // Failures at or after `since`, per account and per address.
    LoginFailureCounts count_login_failures(const std::string& email, const std::string& address, Timestamp since);
    // After a successful login: forgets the failures recorded for `email`
    // (those of the address stay, so one good account does not reset a
    // client's budget for guessing others).
    void clear_login_failures(const std::string& email);
    // Deletes failures older than `before`; returns how many.
    int prune_login_failures(Timestamp before);

    // --- applications and versions ----------------------------------------
    // Creates the application (status draft, a new random id) with version 1
    // and the history events "create" and "upload", all in one transaction.
    Version create_application(const NewApplication& application, const NewVersion& first);
    std::optional<Application> find_application(const std::string& id);
    // Applications matching `filter` with their latest version.
    std::vector<ApplicationListing> list_applications(const ApplicationFilter& filter,
                                                      ListOrder order = ListOrder::updated_desc);
    // Appends the next version (numbers have no gaps, also under concurrent
    // uploads) with its "upload" history event, in one transaction, when the
    // application is in draft or changes-requested.
    AddVersionResult add_version(const std::string& application, const NewVersion& version);
    // As add_version, but only while the application's latest version is still
    // `expected_latest` (a version derived from that one, e.g. its plan with a
    // new budget, must not silently undo an upload that landed meanwhile). The
    // check and the numbering are one statement in the same transaction, so
    // of two such calls with the same expected number exactly one adds.
    // Otherwise `stale` with `latest` the number that is latest now; not_found
    // and wrong_status as for add_version (wrong_status wins over stale).
    AddVersionResult add_version_if_latest(const std::string& application, int expected_latest,
                                           const NewVersion& version);
    // nullopt when the application or the version does not exist.
    std::optional<Version> find_version(const std::string& application, int number);
    std::optional<Version> find_latest_version(const std::string& application);
    // Oldest first, without the bytes.
    std::vector<VersionInfo> list_versions(const std::string& application);
    // Moves the application from `expected` to `to` only if it is still in
    // `expected` (another request may have moved it meanwhile), recording a
    // "transition" history event with `comment` in the same transaction and
    // setting submitted_at when `to` is submitted. Returns whether it changed.
    bool update_status(const std::string& application, Status expected, Status to, std::int64_t actor,
                       const std::string& comment);

    // --- comments and history ---------------------------------------------
    // Adds a comment and its "comment" history event. nullopt when the
    // application or the version does not exist.
    std::optional<Comment> add_comment(const NewComment& comment);
    std::vector<Comment> list_comments(const std::string& application);  // oldest first
    HistoryEvent append_history(const NewHistoryEvent& event);
    std::vector<HistoryEvent> list_history(const std::string& application);  // oldest first

    // --- artefact cache -----------------------------------------------------
    // Outputs of a version are deterministic, so they may be cached by the
    // SHA-256 of what they were made from (plan and findings), their kind
    // ("docx", "xlsx", "report-html" …) and language. Putting an existing key
    // again keeps the first copy.
    void put_artefact(const std::string& content_sha256, const std::string& kind, const std::string& lang,
                      const std::string& bytes);
    std::optional<std::string> find_artefact(const std::string& content_sha256, const std::string& kind,
                                             const std::string& lang);

    struct Impl;

private:
    explicit Store(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

// Hex SHA-256 of `bytes` (lower case, 64 digits): the content hash of versions.
std::string sha256_hex(const std::string& bytes);

}  // namespace esfdraft::store
