#include "store/store.hpp"

#include "store/database.hpp"
#include "store/migrations.hpp"
#include "store/passwords.hpp"

#include <Poco/Data/LOB.h>
#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <filesystem>
#include <system_error>
#include <utility>

#include <unistd.h>

using namespace Poco::Data::Keywords;
using Poco::Int64;
using Poco::Nullable;
using Poco::Data::BLOB;
using Poco::Data::Statement;

namespace esfdraft::store {

using detail::Connection;
using detail::Database;
using detail::Dialect;

namespace {

template <typename T>
Nullable<T> to_nullable(const std::optional<T>& value) {
    return value ? Nullable<T>(*value) : Nullable<T>();
}

template <typename T>
std::optional<T> to_optional(const Nullable<T>& value) {
    if (value.isNull()) return std::nullopt;
    return value.value();
}

BLOB to_blob(const std::string& bytes) {
    return BLOB(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
}

std::string from_blob(const BLOB& blob) {
    if (blob.size() == 0) return {};
    return std::string(reinterpret_cast<const char*>(blob.rawContent()), blob.size());
}

std::string lower_case(std::string text) {
    for (auto& c : text) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return text;
}

Role role_from_column(const std::string& text) { return parse_role(text).value_or(Role::owner); }
Status status_from_column(const std::string& text) { return parse_status(text).value_or(Status::draft); }

// Column lists and the vectors a statement extracts them into, one per kind
// of row, so every query reads a record the same way.
constexpr const char* user_columns = "u.id, u.email, u.name, u.role, u.organisation, u.disabled, u.created";

struct UserRows {
    std::vector<Int64> id;
    std::vector<std::string> email, name, role, organisation;
    std::vector<int> disabled;
    std::vector<Int64> created;

    void bind(Statement& statement) {
        statement, into(id), into(email), into(name), into(role), into(organisation), into(disabled), into(created);
    }
    std::size_t size() const { return id.size(); }
    User at(std::size_t i) const {
        return User{id[i], email[i], name[i], role_from_column(role[i]), organisation[i], disabled[i] != 0, created[i]};
    }
};

constexpr const char* application_columns =
    "a.id, a.organisation, a.title, a.acronym, a.programme, a.call_id, a.status, a.created, a.updated, a.submitted_at";

struct ApplicationRows {
    std::vector<std::string> id, organisation, title, acronym, programme, call, status;
    std::vector<Int64> created, updated;
    std::vector<Nullable<Int64>> submitted_at;

    void bind(Statement& statement) {
        statement, into(id), into(organisation), into(title), into(acronym), into(programme), into(call), into(status),
            into(created), into(updated), into(submitted_at);
    }
    std::size_t size() const { return id.size(); }
    Application at(std::size_t i) const {
        return Application{id[i],
                           organisation[i],
                           title[i],
                           acronym[i],
                           programme[i],
                           call[i],
                           status_from_column(status[i]),
                           created[i],
                           updated[i],
                           to_optional(submitted_at[i])};
    }
};

constexpr const char* version_columns =
    "v.application, v.number, v.plan_sha256, v.findings_sha256, v.created, v.created_by, v.errors, v.warnings, "
    "v.infos, v.verdict";

struct VersionRows {
    std::vector<std::string> application;
    std::vector<int> number;
    std::vector<std::string> plan_sha256;
    std::vector<Nullable<std::string>> findings_sha256;
    std::vector<Int64> created, created_by;
    std::vector<int> errors, warnings, infos;
    std::vector<std::string> verdict;

    void bind(Statement& statement) {
        statement, into(application), into(number), into(plan_sha256), into(findings_sha256), into(created),
            into(created_by), into(errors), into(warnings), into(infos), into(verdict);
    }
    std::size_t size() const { return application.size(); }
    VersionInfo at(std::size_t i) const {
        VersionInfo info;
        info.application = application[i];
        info.number = number[i];
        info.plan_sha256 = plan_sha256[i];
        info.findings_sha256 = to_optional(findings_sha256[i]);
        info.created = created[i];
        info.created_by = created_by[i];
        info.summary = CheckSummary{errors[i], warnings[i], infos[i], verdict[i]};
        return info;
    }
};

constexpr const char* history_columns =
    "h.id, h.application, h.at, h.actor, h.action, h.from_status, h.to_status, h.detail";

struct HistoryRows {
    std::vector<Int64> id;
    std::vector<Nullable<std::string>> application;
    std::vector<Int64> at;
    std::vector<Nullable<Int64>> actor;
    std::vector<std::string> action;
    std::vector<Nullable<std::string>> from_status, to_status;
    std::vector<std::string> detail;

    void bind(Statement& statement) {
        statement, into(id), into(application), into(at), into(actor), into(action), into(from_status), into(to_status),
            into(detail);
    }
    std::size_t size() const { return id.size(); }
    HistoryEvent at_row(std::size_t i) const {
        return HistoryEvent{id[i],
                            to_optional(application[i]),
                            at[i],
                            to_optional(actor[i]),
                            action[i],
                            to_optional(from_status[i]),
                            to_optional(to_status[i]),
                            detail[i]};
    }
};

bool table_exists(Connection& connection, const std::string& table) {
    Int64 count = 0;
    std::string name = table;
    const char* query = connection.dialect() == Dialect::sqlite
                            ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?"
                            : "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() "
                              "AND table_name = ?";
    connection.session() << connection.sql(query), into(count), use(name), now;
    return count > 0;
}

int applied_migration(Connection& connection) {
    if (!table_exists(connection, "schema_migrations")) return 0;
    Nullable<int> highest;
    connection.session() << "SELECT MAX(version) FROM schema_migrations", into(highest), now;
    return highest.isNull() ? 0 : highest.value();
}

int latest_known_migration(Dialect dialect) {
    const auto all = detail::migrations(dialect);
    return all.empty() ? 0 : all.back().version;
}

}  // namespace

struct Store::Impl {
    Impl(detail::DatabaseUrl url, StoreOptions store_options)
        : options(std::move(store_options)),
          database(std::move(url), options.max_connections, options.busy_timeout_ms),
          latest_migration(latest_known_migration(database.dialect())) {}

    Timestamp clock_now() const {
        if (options.clock) return options.clock();
        return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
            .count();
    }

    // Runs `work` and reports any failure as StoreError naming `action`.
    template <typename Work>
    auto guarded(std::string_view action, Work&& work) {
        try {
            return work();
        } catch (const StoreError&) {
            throw;
        } catch (...) {
            detail::rethrow_as_store_error(database, action);
        }
    }

    void refuse_newer(int applied) const {
        if (applied > latest_migration) {
            throw SchemaTooNewError("database " + database.url().display + " has schema version " +
                                    std::to_string(applied) + ", newer than this esfdraft's " +
                                    std::to_string(latest_migration) +
                                    ": it was migrated by a newer esfdraft; run that version (or restore a backup)");
        }
    }

    // Checked once per Store: a database found current stays current (the
    // schema only moves forward, and never past this esfdraft's).
    void require_current_schema() {
        if (schema_current.load()) return;
        const int applied = guarded("reading the schema version", [&] {
            auto connection = database.connect();
            return applied_migration(*connection);
        });
        refuse_newer(applied);
        if (applied < latest_migration) {
            throw SchemaNotCurrentError("database " + database.url().display + " has schema version " +
                                        std::to_string(applied) + ", this esfdraft needs " +
                                        std::to_string(latest_migration) + ": run 'esfdraft db migrate'");
        }
        schema_current = true;
    }

    void insert_history(Connection& connection, const NewHistoryEvent& event, Timestamp at, Int64* id = nullptr) {
        auto application = to_nullable(event.application);
        auto actor = to_nullable(event.actor);
        auto from = to_nullable(event.from_status);
        auto to = to_nullable(event.to_status);
        auto action = event.action;
        auto detail_text = event.detail;
        std::vector<Int64> ids;
        connection.session() << connection.sql(
            "INSERT INTO history (application, at, actor, action, from_status, "
            "to_status, detail) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id"),
            use(application), use(at), use(actor), use(action), use(from), use(to), use(detail_text), into(ids), now;
        if (id != nullptr && !ids.empty()) *id = ids.front();
    }

    Version insert_version(Connection& connection, const std::string& application, int number,
                           const NewVersion& version, Timestamp at) {
        Version stored;
        stored.application = application;
        stored.number = number;
        stored.plan_sha256 = sha256_hex(version.plan);
        if (version.findings) stored.findings_sha256 = sha256_hex(*version.findings);
        stored.created = at;
        stored.created_by = version.created_by;
        stored.summary = version.summary;
        stored.plan = version.plan;
        stored.findings = version.findings;
        stored.report_json = version.report_json;

        auto plan = to_blob(version.plan);
        Nullable<BLOB> findings;
        if (version.findings) findings = to_blob(*version.findings);
        auto findings_sha = to_nullable(stored.findings_sha256);
        auto application_id = application;
        auto created_by = version.created_by;
        auto summary = version.summary;
        auto report = version.report_json;
        connection.session() << connection.sql(
            "INSERT INTO versions (application, number, plan, findings, plan_sha256, "
            "findings_sha256, created, created_by, errors, warnings, infos, verdict, "
            "report_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            use(application_id), use(number), use(plan), use(findings), use(stored.plan_sha256), use(findings_sha),
            use(at), use(created_by), use(summary.errors), use(summary.warnings), use(summary.infos),
            use(summary.verdict), use(report), now;
        if (version.facts && number > 1) {
            NewApplication facts = *version.facts;
            connection.session() << connection.sql(
                "UPDATE applications SET title = ?, acronym = ?, programme = ?, call_id = ? WHERE id = ?"),
                use(facts.title), use(facts.acronym), use(facts.programme), use(facts.call), use(application_id), now;
        }
        insert_history(connection,
                       NewHistoryEvent{application, version.created_by, "upload", std::nullopt, std::nullopt,
                                       "version " + std::to_string(number)},
                       at);
        return stored;
    }

    // add_version and add_version_if_latest: `expected` empty for any latest.
    AddVersionResult append_version(const std::string& application, std::optional<int> expected,
                                    const NewVersion& version) {
        require_current_schema();
        return guarded(
            "adding a version", [&] {
                return database.write([&](Connection& connection) {
                    AddVersionResult result;
                    auto id = application;
                    auto at = clock_now();
                    // Raising latest_version takes the application's row lock (and in
                    // SQLite the write lock is held already), so concurrent uploads
                    // get consecutive numbers, never the same one. The expected
                    // latest is part of the same UPDATE: PostgreSQL re-checks the
                    // WHERE on the row as committed by whoever held the lock before,
                    // so a version that landed meanwhile makes this one match nothing.
                    std::string sql =
                        "UPDATE applications SET latest_version = latest_version + 1, updated = ? WHERE id = ? "
                        "AND status IN ('draft', 'changes-requested')";
                    int wanted = expected.value_or(0);
                    std::vector<int> numbers;
                    std::vector<std::string> statuses;
                    if (expected) {
                        connection.session()
                            << connection.sql(sql + " AND latest_version = ? RETURNING latest_version, status"),
                            use(at), use(id), use(wanted), into(numbers), into(statuses), now;
                    } else {
                        connection.session() << connection.sql(sql + " RETURNING latest_version, status"), use(at),
                            use(id), into(numbers), into(statuses), now;
                    }
                    if (numbers.empty()) {
                        std::vector<std::string> current;
                        std::vector<int> latest;
                        connection.session()
                            << connection.sql("SELECT status, latest_version FROM applications WHERE id = ?"),
                            use(id), into(current), into(latest), now;
                        if (current.empty()) {
                            result.outcome = VersionOutcome::not_found;
                            return result;
                        }
                        result.status = status_from_column(current.front());
                        result.latest = latest.front();
                        const bool open = result.status == Status::draft || result.status == Status::changes_requested;
                        result.outcome = open && expected && result.latest != *expected ? VersionOutcome::stale
                                                                                        : VersionOutcome::wrong_status;
                        return result;
                    }
                    result.outcome = VersionOutcome::added;
                    result.status = status_from_column(statuses.front());
                    result.latest = numbers.front();
                    result.version = insert_version(connection, application, numbers.front(), version, at);
                    return result;
                });
            });
    }

    std::optional<Version> select_version(const std::string& application, std::optional<int> number) {
        require_current_schema();
        return guarded("reading a version", [&]() -> std::optional<Version> {
            auto connection = database.connect();
            VersionRows rows;
            std::vector<Nullable<BLOB>> plan, findings;
            std::vector<std::string> report;
            auto id = application;
            Statement statement(connection->session());
            if (number) {
                auto wanted = *number;
                statement << connection->sql(std::string("SELECT ") + version_columns +
                                             ", v.plan, v.findings, v.report_json FROM versions v "
                                             "WHERE v.application = ? AND v.number = ?"),
                    use(id), use(wanted);
                rows.bind(statement);
                statement, into(plan), into(findings), into(report);
                statement.execute();
            } else {
                statement << connection->sql(std::string("SELECT ") + version_columns +
                                             ", v.plan, v.findings, v.report_json FROM versions v "
                                             "JOIN applications a ON a.id = v.application AND "
                                             "v.number = a.latest_version WHERE v.application = ?"),
                    use(id);
                rows.bind(statement);
                statement, into(plan), into(findings), into(report);
                statement.execute();
            }
            if (rows.size() == 0) return std::nullopt;
            Version version;
            static_cast<VersionInfo&>(version) = rows.at(0);
            version.plan = plan[0].isNull() ? std::string() : from_blob(plan[0].value());
            if (version.findings_sha256) {
                version.findings = findings[0].isNull() ? std::string() : from_blob(findings[0].value());
            }
            version.report_json = report[0];
            return version;
        });
    }

    StoreOptions options;
    Database database;
    int latest_migration;
    std::atomic<bool> schema_current{false};
};

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() = default;

std::unique_ptr<Store> Store::open(const std::string& url, StoreOptions options) {
    auto parsed = detail::parse_database_url(url);
    if (parsed.dialect == Dialect::sqlite) {
        const auto parent = std::filesystem::path(parsed.sqlite_path).parent_path();
        std::error_code error;
        if (!parent.empty() && !std::filesystem::is_directory(parent, error)) {
            throw StoreError("database " + parsed.display + ": the folder '" + parent.string() +
                             "' does not exist (create it first)");
        }
    }
    std::unique_ptr<Store> store(new Store(std::make_unique<Impl>(std::move(parsed), std::move(options))));
    auto& impl = *store->impl_;
    const int applied = impl.guarded("opening", [&] {
        auto connection = impl.database.connect();
        if (impl.database.dialect() == Dialect::sqlite) {
            // WAL is a property of the file, kept once set: readers never
            // wait for the writer, and a commit is one append to the log.
            std::string mode;
            connection->session() << "PRAGMA journal_mode = WAL", into(mode), now;
            if (lower_case(mode) != "wal") {
                throw StoreError("database " + impl.database.url().display +
                                 ": SQLite refused write-ahead logging (journal mode '" + mode + "')");
            }
        }
        return applied_migration(*connection);
    });
    impl.refuse_newer(applied);
    return store;
}

const std::string& Store::display_url() const { return impl_->database.url().display; }
bool Store::is_sqlite() const { return impl_->database.dialect() == Dialect::sqlite; }

// --- schema -----------------------------------------------------------------

int Store::migrate() {
    auto& impl = *impl_;
    const auto all = detail::migrations(impl.database.dialect());
    int applied_now = 0;
    impl.guarded("migrating", [&] {
        {
            // Checked first: PostgreSQL answers IF NOT EXISTS with a notice
            // that libpq prints on stderr at every start.
            auto connection = impl.database.connect();
            if (!table_exists(*connection, "schema_migrations")) {
                connection->session() << "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                                         "applied BIGINT NOT NULL, description TEXT NOT NULL)",
                    now;
            }
        }
        for (const auto& migration : all) {
            const bool done = impl.database.write([&](Connection& connection) {
                if (connection.dialect() == Dialect::postgresql) {
                    // Two servers starting at once: the second waits here
                    // and then finds the migration applied.
                    connection.session() << "SELECT pg_advisory_xact_lock(7345001201)", now;
                }
                const int applied = applied_migration(connection);
                impl.refuse_newer(applied);
                if (applied >= migration.version) return true;
                for (const auto& statement : migration.statements) connection.session() << statement, now;
                auto version = migration.version;
                auto at = impl.clock_now();
                auto description = migration.description;
                connection.session() << connection.sql(
                    "INSERT INTO schema_migrations (version, applied, description) "
                    "VALUES (?, ?, ?)"),
                    use(version), use(at), use(description), now;
                return false;
            });
            if (!done) ++applied_now;
        }
    });
    impl.schema_current = true;
    return applied_now;
}

SchemaState Store::schema_state() {
    auto& impl = *impl_;
    const int applied = impl.guarded("reading the schema version", [&] {
        auto connection = impl.database.connect();
        return applied_migration(*connection);
    });
    return SchemaState{applied, impl.latest_migration};
}

void Store::ping() {
    impl_->guarded("checking the connection", [&] {
        auto connection = impl_->database.connect();
        int one = 0;
        connection->session() << "SELECT 1", into(one), now;
        if (one != 1) throw StoreError("database " + display_url() + ": 'SELECT 1' did not answer 1");
    });
}

std::vector<std::string> Store::integrity_check() {
    return impl_->guarded("checking integrity", [&] {
        auto connection = impl_->database.connect();
        std::vector<std::string> lines;
        if (is_sqlite()) {
            connection->session() << "PRAGMA integrity_check", into(lines), now;
            // Foreign key violations are not part of integrity_check.
            Int64 violations = 0;
            connection->session() << "SELECT COUNT(*) FROM pragma_foreign_key_check", into(violations), now;
            if (violations > 0) lines.push_back(std::to_string(violations) + " foreign key violations");
        } else {
            int one = 0;
            connection->session() << "SELECT 1", into(one), now;
            lines.push_back("ok");
        }
        return lines;
    });
}

void Store::backup(const std::string& file) {
    if (!is_sqlite()) {
        throw StoreError("database " + display_url() +
                         ": esfdraft backs up SQLite databases only; for PostgreSQL use pg_dump "
                         "(e.g. pg_dump --format=custom --file=" +
                         file + " DBNAME)");
    }
    std::error_code error;
    if (std::filesystem::exists(file, error)) {
        throw StoreError("backup '" + file +
                         "' exists already: give a new file name (an existing file is never overwritten)");
    }
    // VACUUM INTO writes a consistent copy while others keep writing. It goes
    // to a temporary name in the same folder and is linked into place, which
    // fails rather than replace a file that appeared meanwhile.
    const auto target = std::filesystem::path(file);
    const auto temporary = target.parent_path() / (target.filename().string() + ".partial-" + random_hex(6));
    impl_->guarded("writing the backup", [&] {
        auto connection = impl_->database.connect();
        auto name = temporary.string();
        connection->session() << "VACUUM INTO ?", use(name), now;
    });
    const int linked = ::link(temporary.c_str(), target.c_str());
    const int link_error = errno;
    std::filesystem::remove(temporary, error);
    if (linked != 0) {
        throw StoreError("backup '" + file + "': cannot create it: " + std::generic_category().message(link_error));
    }
}

// --- users --------------------------------------------------------------------

std::optional<User> Store::add_user(const std::string& email, const std::string& name, Role role,
                                    const std::string& organisation, const std::string& password_hash) {
    impl_->require_current_schema();
    return impl_->guarded("adding a user", [&] {
        return impl_->database.write([&](Connection& connection) -> std::optional<User> {
            User user{0, lower_case(email), name, role, organisation, false, impl_->clock_now()};
            std::string role_name(to_string(role));
            auto hash = password_hash;
            std::vector<Int64> ids;
            connection.session() << connection.sql(
                "INSERT INTO users (email, name, role, organisation, disabled, "
                "password_hash, created) VALUES (?, ?, ?, ?, 0, ?, ?) "
                "ON CONFLICT (email) DO NOTHING RETURNING id"),
                use(user.email), use(user.name), use(role_name), use(user.organisation), use(hash), use(user.created),
                into(ids), now;
            if (ids.empty()) return std::nullopt;
            user.id = ids.front();
            return user;
        });
    });
}

std::optional<User> Store::find_user(std::int64_t id) {
    impl_->require_current_schema();
    return impl_->guarded("reading a user", [&]() -> std::optional<User> {
        auto connection = impl_->database.connect();
        UserRows rows;
        Int64 wanted = id;
        Statement statement(connection->session());
        statement << connection->sql(std::string("SELECT ") + user_columns + " FROM users u WHERE u.id = ?"),
            use(wanted);
        rows.bind(statement);
        statement.execute();
        if (rows.size() == 0) return std::nullopt;
        return rows.at(0);
    });
}

std::optional<User> Store::find_user_by_email(const std::string& email) {
    auto credentials = find_credentials(email);
    if (!credentials) return std::nullopt;
    return credentials->user;
}

std::optional<UserCredentials> Store::find_credentials(const std::string& email) {
    impl_->require_current_schema();
    return impl_->guarded("reading a user", [&]() -> std::optional<UserCredentials> {
        auto connection = impl_->database.connect();
        UserRows rows;
        std::vector<std::string> hashes;
        auto wanted = lower_case(email);
        Statement statement(connection->session());
        statement << connection->sql(std::string("SELECT ") + user_columns +
                                     ", u.password_hash FROM users u WHERE u.email = ?"),
            use(wanted);
        rows.bind(statement);
        statement, into(hashes);
        statement.execute();
        if (rows.size() == 0) return std::nullopt;
        return UserCredentials{rows.at(0), hashes[0]};
    });
}

std::vector<User> Store::list_users() {
    impl_->require_current_schema();
    return impl_->guarded("listing users", [&] {
        auto connection = impl_->database.connect();
        UserRows rows;
        Statement statement(connection->session());
        statement << std::string("SELECT ") + user_columns + " FROM users u ORDER BY u.email";
        rows.bind(statement);
        statement.execute();
        std::vector<User> users;
        for (std::size_t i = 0; i < rows.size(); ++i) users.push_back(rows.at(i));
        return users;
    });
}

bool Store::disable_user(const std::string& email) {
    impl_->require_current_schema();
    return impl_->guarded("disabling a user", [&] {
        return impl_->database.write([&](Connection& connection) {
            auto wanted = lower_case(email);
            Statement update(connection.session());
            update << connection.sql("UPDATE users SET disabled = 1 WHERE email = ?"), use(wanted);
            if (update.execute() == 0) return false;
            connection.session() << connection.sql(
                "DELETE FROM sessions WHERE user_id IN "
                "(SELECT id FROM users WHERE email = ?)"),
                use(wanted), now;
            return true;
        });
    });
}

bool Store::set_password_hash(const std::string& email, const std::string& password_hash) {
    impl_->require_current_schema();
    return impl_->guarded("setting a password", [&] {
        return impl_->database.write([&](Connection& connection) {
            auto wanted = lower_case(email);
            auto hash = password_hash;
            Statement update(connection.session());
            update << connection.sql("UPDATE users SET password_hash = ? WHERE email = ?"), use(hash), use(wanted);
            return update.execute() > 0;
        });
    });
}

// --- sessions and tokens ------------------------------------------------------

void Store::create_session(const Session& session) {
    impl_->require_current_schema();
    impl_->guarded("creating a session", [&] {
        impl_->database.write([&](Connection& connection) {
            auto copy = session;
            connection.session() << connection.sql(
                "INSERT INTO sessions (token_hash, user_id, csrf_token, created, "
                "expires) VALUES (?, ?, ?, ?, ?)"),
                use(copy.token_hash), use(copy.user), use(copy.csrf_token), use(copy.created), use(copy.expires), now;
        });
    });
}

std::optional<AuthenticatedSession> Store::find_session(const std::string& token_hash) {
    impl_->require_current_schema();
    return impl_->guarded("reading a session", [&]() -> std::optional<AuthenticatedSession> {
        auto connection = impl_->database.connect();
        UserRows users;
        std::vector<std::string> hash, csrf;
        std::vector<Int64> created, expires;
        auto wanted = token_hash;
        auto at = impl_->clock_now();
        Statement statement(connection->session());
        statement << connection->sql(std::string("SELECT s.token_hash, s.csrf_token, s.created, s.expires, ") +
                                     user_columns +
                                     " FROM sessions s JOIN users u ON u.id = s.user_id "
                                     "WHERE s.token_hash = ? AND s.expires > ? AND u.disabled = 0"),
            use(wanted), use(at), into(hash), into(csrf), into(created), into(expires);
        users.bind(statement);
        statement.execute();
        if (users.size() == 0) return std::nullopt;
        auto user = users.at(0);
        return AuthenticatedSession{Session{hash[0], user.id, csrf[0], created[0], expires[0]}, user};
    });
}

void Store::delete_session(const std::string& token_hash) {
    impl_->require_current_schema();
    impl_->guarded("ending a session", [&] {
        impl_->database.write([&](Connection& connection) {
            auto wanted = token_hash;
            connection.session() << connection.sql("DELETE FROM sessions WHERE token_hash = ?"), use(wanted), now;
        });
    });
}

int Store::delete_expired_sessions() {
    impl_->require_current_schema();
    return impl_->guarded("deleting expired sessions", [&] {
        return impl_->database.write([&](Connection& connection) {
            auto at = impl_->clock_now();
            Statement statement(connection.session());
            statement << connection.sql("DELETE FROM sessions WHERE expires <= ?"), use(at);
            return static_cast<int>(statement.execute());
        });
    });
}

ApiToken Store::create_api_token(std::int64_t user, const std::string& label, const std::string& hash) {
    impl_->require_current_schema();
    return impl_->guarded("creating an API token", [&] {
        return impl_->database.write([&](Connection& connection) {
            ApiToken token{0, user, label, hash, impl_->clock_now()};
            std::vector<Int64> ids;
            connection.session() << connection.sql(
                "INSERT INTO api_tokens (user_id, label, hash, created) "
                "VALUES (?, ?, ?, ?) RETURNING id"),
                use(token.user), use(token.label), use(token.hash), use(token.created), into(ids), now;
            if (ids.empty()) throw StoreError("database " + display_url() + ": the new token got no id");
            token.id = ids.front();
            return token;
        });
    });
}

std::optional<AuthenticatedToken> Store::find_api_token(const std::string& hash) {
    impl_->require_current_schema();
    return impl_->guarded("reading an API token", [&]() -> std::optional<AuthenticatedToken> {
        auto connection = impl_->database.connect();
        UserRows users;
        std::vector<Int64> id, created;
        std::vector<std::string> label, token_hash;
        auto wanted = hash;
        Statement statement(connection->session());
        statement << connection->sql(std::string("SELECT t.id, t.label, t.hash, t.created, ") + user_columns +
                                     " FROM api_tokens t JOIN users u ON u.id = t.user_id "
                                     "WHERE t.hash = ? AND u.disabled = 0"),
            use(wanted), into(id), into(label), into(token_hash), into(created);
        users.bind(statement);
        statement.execute();
        if (users.size() == 0) return std::nullopt;
        auto user = users.at(0);
        return AuthenticatedToken{ApiToken{id[0], user.id, label[0], token_hash[0], created[0]}, user};
    });
}

// --- login throttling -------------------------------------------------------

void Store::record_login_failure(const std::string& email, const std::string& address) {
    impl_->require_current_schema();
    impl_->guarded("recording a failed login", [&] {
        impl_->database.write([&](Connection& connection) {
            auto account = lower_case(email);
            auto from = address;
            auto at = impl_->clock_now();
            connection.session() << connection.sql(
                "INSERT INTO login_failures (account, address, at) VALUES (?, ?, ?)"),
                use(account), use(from), use(at), now;
        });
    });
}

LoginFailureCounts Store::count_login_failures(const std::string& email, const std::string& address, Timestamp since) {
    impl_->require_current_schema();
    return impl_->guarded("counting failed logins", [&] {
        auto connection = impl_->database.connect();
        auto account = lower_case(email);
        auto from = address;
        auto after = since;
        Int64 by_account = 0, by_address = 0;
        connection->session() << connection->sql("SELECT COUNT(*) FROM login_failures WHERE account = ? AND at >= ?"),
            use(account), use(after), into(by_account), now;
        connection->session() << connection->sql("SELECT COUNT(*) FROM login_failures WHERE address = ? AND at >= ?"),
            use(from), use(after), into(by_address), now;
        return LoginFailureCounts{static_cast<int>(by_account), static_cast<int>(by_address)};
    });
}

void Store::clear_login_failures(const std::string& email) {
    impl_->require_current_schema();
    impl_->guarded("clearing failed logins", [&] {
        impl_->database.write([&](Connection& connection) {
            auto account = lower_case(email);
            connection.session() << connection.sql("DELETE FROM login_failures WHERE account = ?"), use(account), now;
        });
    });
}

int Store::prune_login_failures(Timestamp before) {
    impl_->require_current_schema();
    return impl_->guarded("pruning failed logins", [&] {
        return impl_->database.write([&](Connection& connection) {
            auto limit = before;
            Statement statement(connection.session());
            statement << connection.sql("DELETE FROM login_failures WHERE at < ?"), use(limit);
            return static_cast<int>(statement.execute());
        });
    });
}

// --- applications and versions ----------------------------------------------

Version Store::create_application(const NewApplication& application, const NewVersion& first) {
    impl_->require_current_schema();
    return impl_->guarded("creating an application", [&] {
        return impl_->database.write([&](Connection& connection) {
            auto id = random_hex(16);
            auto at = impl_->clock_now();
            auto copy = application;
            std::string status(to_string(Status::draft));
            connection.session() << connection.sql(
                "INSERT INTO applications (id, organisation, title, acronym, "
                "programme, call_id, status, created, updated, submitted_at, "
                "latest_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, 1)"),
                use(id), use(copy.organisation), use(copy.title), use(copy.acronym), use(copy.programme),
                use(copy.call), use(status), use(at), use(at), now;
            impl_->insert_history(connection, NewHistoryEvent{id, first.created_by, "create", std::nullopt, status, ""},
                                  at);
            return impl_->insert_version(connection, id, 1, first, at);
        });
    });
}

std::optional<Application> Store::find_application(const std::string& id) {
    impl_->require_current_schema();
    return impl_->guarded("reading an application", [&]() -> std::optional<Application> {
        auto connection = impl_->database.connect();
        ApplicationRows rows;
        auto wanted = id;
        Statement statement(connection->session());
        statement << connection->sql(std::string("SELECT ") + application_columns +
                                     " FROM applications a WHERE a.id = ?"),
            use(wanted);
        rows.bind(statement);
        statement.execute();
        if (rows.size() == 0) return std::nullopt;
        return rows.at(0);
    });
}

std::vector<ApplicationListing> Store::list_applications(const ApplicationFilter& filter, ListOrder order) {
    impl_->require_current_schema();
    return impl_->guarded("listing applications", [&] {
        auto connection = impl_->database.connect();
        std::string query = std::string("SELECT ") + application_columns + ", " + version_columns +
                            " FROM applications a JOIN versions v ON v.application = a.id AND v.number = "
                            "a.latest_version WHERE 1 = 1";
        std::vector<std::string> values;  // kept alive until execute(): Poco binds references
        values.reserve(6);
        const auto add = [&](const char* condition, const std::string& value) {
            query += condition;
            values.push_back(value);
        };
        if (filter.organisation) add(" AND a.organisation = ?", *filter.organisation);
        if (filter.submitted_only) query += " AND a.submitted_at IS NOT NULL";
        if (filter.status) add(" AND a.status = ?", std::string(to_string(*filter.status)));
        if (filter.programme) add(" AND a.programme = ?", *filter.programme);
        if (filter.call) add(" AND a.call_id = ?", *filter.call);
        if (filter.verdict) add(" AND v.verdict = ?", *filter.verdict);
        query += order == ListOrder::submitted_asc
                     ? " ORDER BY CASE WHEN a.submitted_at IS NULL THEN 1 ELSE 0 END, a.submitted_at, a.id"
                     : " ORDER BY a.updated DESC, a.id";
        ApplicationRows applications;
        VersionRows versions;
        Statement statement(connection->session());
        statement << connection->sql(query);
        for (auto& value : values) statement, use(value);
        applications.bind(statement);
        versions.bind(statement);
        statement.execute();
        std::vector<ApplicationListing> listing;
        for (std::size_t i = 0; i < applications.size(); ++i) {
            listing.push_back(ApplicationListing{applications.at(i), versions.at(i)});
        }
        return listing;
    });
}

AddVersionResult Store::add_version(const std::string& application, const NewVersion& version) {
    return impl_->append_version(application, std::nullopt, version);
}

AddVersionResult Store::add_version_if_latest(const std::string& application, int expected_latest,
                                              const NewVersion& version) {
    return impl_->append_version(application, expected_latest, version);
}

std::optional<Version> Store::find_version(const std::string& application, int number) {
    return impl_->select_version(application, number);
}

std::optional<Version> Store::find_latest_version(const std::string& application) {
    return impl_->select_version(application, std::nullopt);
}

std::vector<VersionInfo> Store::list_versions(const std::string& application) {
    impl_->require_current_schema();
    return impl_->guarded("listing versions", [&] {
        auto connection = impl_->database.connect();
        VersionRows rows;
        auto wanted = application;
        Statement statement(connection->session());
        statement << connection->sql(std::string("SELECT ") + version_columns +
                                     " FROM versions v WHERE v.application = ? ORDER BY v.number"),
            use(wanted);
        rows.bind(statement);
        statement.execute();
        std::vector<VersionInfo> versions;
        for (std::size_t i = 0; i < rows.size(); ++i) versions.push_back(rows.at(i));
        return versions;
    });
}

bool Store::update_status(const std::string& application, Status expected, Status to, std::int64_t actor,
                          const std::string& comment) {
    impl_->require_current_schema();
    return impl_->guarded("changing an application's status", [&] {
        return impl_->database.write([&](Connection& connection) {
            auto id = application;
            std::string from_name(to_string(expected));
            std::string to_name(to_string(to));
            auto at = impl_->clock_now();
            Statement update(connection.session());
            if (to == Status::submitted) {
                update << connection.sql(
                    "UPDATE applications SET status = ?, updated = ?, submitted_at = ? "
                    "WHERE id = ? AND status = ?"),
                    use(to_name), use(at), use(at), use(id), use(from_name);
            } else {
                update << connection.sql("UPDATE applications SET status = ?, updated = ? WHERE id = ? AND status = ?"),
                    use(to_name), use(at), use(id), use(from_name);
            }
            if (update.execute() == 0) return false;
            impl_->insert_history(connection,
                                  NewHistoryEvent{application, actor, "transition", from_name, to_name, comment}, at);
            return true;
        });
    });
}

// --- comments and history -----------------------------------------------------

std::optional<Comment> Store::add_comment(const NewComment& comment) {
    impl_->require_current_schema();
    return impl_->guarded("adding a comment", [&] {
        return impl_->database.write([&](Connection& connection) -> std::optional<Comment> {
            Comment stored{0,
                           comment.application,
                           comment.version,
                           comment.author,
                           comment.text,
                           comment.section,
                           comment.rule,
                           comment.path,
                           impl_->clock_now()};
            Int64 found = 0;
            connection.session() << connection.sql(
                "SELECT COUNT(*) FROM versions WHERE application = ? AND number = ?"),
                use(stored.application), use(stored.version), into(found), now;
            if (found == 0) return std::nullopt;
            auto section = to_nullable(stored.section);
            auto rule = to_nullable(stored.rule);
            auto path = to_nullable(stored.path);
            std::vector<Int64> ids;
            connection.session() << connection.sql(
                "INSERT INTO comments (application, version, author, text, section, "
                "rule, path, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
                use(stored.application), use(stored.version), use(stored.author), use(stored.text), use(section),
                use(rule), use(path), use(stored.created), into(ids), now;
            if (ids.empty()) throw StoreError("database " + display_url() + ": the new comment got no id");
            stored.id = ids.front();
            connection.session() << connection.sql("UPDATE applications SET updated = ? WHERE id = ?"),
                use(stored.created), use(stored.application), now;
            impl_->insert_history(
                connection,
                NewHistoryEvent{stored.application, stored.author, "comment", std::nullopt, std::nullopt,
                                "version " + std::to_string(stored.version) + ": " + stored.text},
                stored.created);
            return stored;
        });
    });
}

std::vector<Comment> Store::list_comments(const std::string& application) {
    impl_->require_current_schema();
    return impl_->guarded("listing comments", [&] {
        auto connection = impl_->database.connect();
        std::vector<Int64> id, author, created;
        std::vector<int> version;
        std::vector<std::string> text;
        std::vector<Nullable<std::string>> section, rule, path;
        auto wanted = application;
        connection->session() << connection->sql(
            "SELECT id, version, author, text, section, rule, path, created "
            "FROM comments WHERE application = ? ORDER BY id"),
            use(wanted), into(id), into(version), into(author), into(text), into(section), into(rule), into(path),
            into(created), now;
        std::vector<Comment> comments;
        for (std::size_t i = 0; i < id.size(); ++i) {
            comments.push_back(Comment{id[i], application, version[i], author[i], text[i], to_optional(section[i]),
                                       to_optional(rule[i]), to_optional(path[i]), created[i]});
        }
        return comments;
    });
}

HistoryEvent Store::append_history(const NewHistoryEvent& event) {
    impl_->require_current_schema();
    return impl_->guarded("recording history", [&] {
        return impl_->database.write([&](Connection& connection) {
            HistoryEvent stored{0,
                                event.application,
                                impl_->clock_now(),
                                event.actor,
                                event.action,
                                event.from_status,
                                event.to_status,
                                event.detail};
            impl_->insert_history(connection, event, stored.at, &stored.id);
            return stored;
        });
    });
}

std::vector<HistoryEvent> Store::list_history(const std::string& application) {
    impl_->require_current_schema();
    return impl_->guarded("reading history", [&] {
        auto connection = impl_->database.connect();
        HistoryRows rows;
        auto wanted = application;
        Statement statement(connection->session());
        statement << connection->sql(std::string("SELECT ") + history_columns +
                                     " FROM history h WHERE h.application = ? ORDER BY h.id"),
            use(wanted);
        rows.bind(statement);
        statement.execute();
        std::vector<HistoryEvent> events;
        for (std::size_t i = 0; i < rows.size(); ++i) events.push_back(rows.at_row(i));
        return events;
    });
}

// --- artefact cache -----------------------------------------------------------

void Store::put_artefact(const std::string& content_sha256, const std::string& kind, const std::string& lang,
                         const std::string& bytes) {
    impl_->require_current_schema();
    impl_->guarded("caching an output", [&] {
        impl_->database.write([&](Connection& connection) {
            auto sha = content_sha256;
            auto kind_name = kind;
            auto language = lang;
            auto blob = to_blob(bytes);
            auto at = impl_->clock_now();
            connection.session() << connection.sql(
                "INSERT INTO artefacts (content_sha256, kind, lang, bytes, created) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"),
                use(sha), use(kind_name), use(language), use(blob), use(at), now;
        });
    });
}

std::optional<std::string> Store::find_artefact(const std::string& content_sha256, const std::string& kind,
                                                const std::string& lang) {
    impl_->require_current_schema();
    return impl_->guarded("reading a cached output", [&]() -> std::optional<std::string> {
        auto connection = impl_->database.connect();
        auto sha = content_sha256;
        auto kind_name = kind;
        auto language = lang;
        std::vector<Nullable<BLOB>> bytes;
        connection->session() << connection->sql(
            "SELECT bytes FROM artefacts WHERE content_sha256 = ? AND kind = ? "
            "AND lang = ?"),
            use(sha), use(kind_name), use(language), into(bytes), now;
        if (bytes.empty()) return std::nullopt;
        return bytes.front().isNull() ? std::string() : from_blob(bytes.front().value());
    });
}

}  // namespace esfdraft::store
