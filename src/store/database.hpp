// Internal to store: the connection pool, the two SQL dialects and
// transactions. Only store's .cpp files include this (it exposes Poco Data).
#pragma once

#include "store/store.hpp"

#include <Poco/Data/Session.h>
#include <Poco/Data/SessionPool.h>

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

namespace esfdraft::store::detail {

enum class Dialect { sqlite, postgresql };

// A parsed --database URL.
struct DatabaseUrl {
    Dialect dialect = Dialect::sqlite;
    std::string connector;          // Poco's name: "SQLite" or "PostgreSQL"
    std::string connection_string;  // a file path, or libpq's key='value' list
    std::string display;            // the URL without its password
    std::string sqlite_path;        // for SQLite
};

// Parses "sqlite:PATH" and "postgresql://user:pass@host:port/dbname?key=value"
// ("postgres://" too; percent-encoding decoded). Throws StoreError naming
// what is wrong, never echoing a password.
DatabaseUrl parse_database_url(const std::string& url);

class Database;

// A connection borrowed from the pool for one operation; given back when it
// goes out of scope.
class Connection {
public:
    Connection(Database& database, Poco::Data::Session session);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    Poco::Data::Session& session() { return *session_; }
    Dialect dialect() const;
    // `sql` with '?' placeholders, rewritten to $1, $2 … for PostgreSQL.
    std::string sql(std::string_view text) const;

private:
    Database& database_;
    std::optional<Poco::Data::Session> session_;
};

class Database {
public:
    Database(DatabaseUrl url, int max_connections, int busy_timeout_ms);
    ~Database();

    const DatabaseUrl& url() const { return url_; }
    Dialect dialect() const { return url_.dialect; }
    int busy_timeout_ms() const { return busy_timeout_ms_; }

    // Waits while every connection is in use rather than failing (Poco's pool
    // throws when exhausted).
    std::unique_ptr<Connection> connect();

    // Runs `work(connection)` in one write transaction and commits before
    // returning; rolls back and rethrows on any exception. SQLite takes the
    // write lock at the start (BEGIN IMMEDIATE), so two writers never both
    // read and then fail to upgrade; PostgreSQL relies on row locks.
    template <typename Work>
    auto write(Work&& work) {
        auto connection = connect();
        begin(*connection);
        try {
            if constexpr (std::is_void_v<decltype(work(*connection))>) {
                work(*connection);
                commit(*connection);
            } else {
                auto result = work(*connection);
                commit(*connection);
                return result;
            }
        } catch (...) {
            rollback(*connection);
            throw;
        }
    }

private:
    friend class Connection;
    void begin(Connection& connection);
    void commit(Connection& connection);
    void rollback(Connection& connection) noexcept;
    void give_back();
    void probe_postgresql() const;

    DatabaseUrl url_;
    int max_connections_;
    int busy_timeout_ms_;
    std::unique_ptr<Poco::Data::SessionPool> pool_;
    std::mutex mutex_;
    std::condition_variable available_;
    int in_use_ = 0;
};

// Runs `what` and turns Poco's exceptions into StoreError with the
// database's display URL and `action` ("adding a user") in the message.
[[noreturn]] void rethrow_as_store_error(const Database& database, std::string_view action);

}  // namespace esfdraft::store::detail
