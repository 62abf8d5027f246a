#include "store/database.hpp"

#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Exception.h>

#include <libpq-fe.h>

#include <mutex>
#include <utility>

using namespace Poco::Data::Keywords;

namespace esfdraft::store::detail {

namespace {

// Registering a connector twice is harmless, but doing it once keeps the
// registry untouched while other threads use it.
void register_connectors() {
    static std::once_flag once;
    std::call_once(once, [] {
        Poco::Data::SQLite::Connector::registerConnector();
        Poco::Data::PostgreSQL::Connector::registerConnector();
    });
}

// The pool calls this for every new connection: settings that SQLite keeps
// per connection rather than in the file.
class ConfiguredPool : public Poco::Data::SessionPool {
public:
    ConfiguredPool(const DatabaseUrl& url, int max_connections, int busy_timeout_ms)
        // At least one connection kept open, idle ones closed after 60 s.
        : SessionPool(url.connector, url.connection_string, 1, max_connections, 60),
          dialect_(url.dialect),
          busy_timeout_ms_(busy_timeout_ms) {}

protected:
    void customizeSession(Poco::Data::Session& session) override {
        const auto timeout = std::to_string(busy_timeout_ms_);
        if (dialect_ == Dialect::sqlite) {
            // Durable commits (FULL fsyncs the WAL on every commit), waits for
            // another writer instead of failing at once, and foreign keys,
            // which SQLite leaves off unless asked on each connection.
            session << "PRAGMA synchronous = FULL", now;
            session << "PRAGMA busy_timeout = " + timeout, now;
            session << "PRAGMA foreign_keys = ON", now;
        } else {
            session << "SET lock_timeout = " + timeout, now;
            session << "SET TIME ZONE 'UTC'", now;
        }
    }

private:
    Dialect dialect_;
    int busy_timeout_ms_;
};

// A driver's message may repeat the connection string, password included.
std::string without_connection_string(std::string message, const DatabaseUrl& url) {
    if (url.connection_string.empty() || url.connection_string == url.display) return message;
    for (auto at = message.find(url.connection_string); at != std::string::npos;
         at = message.find(url.connection_string, at + url.display.size())) {
        message.replace(at, url.connection_string.size(), url.display);
    }
    return message;
}

bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// "%40" -> "@"; nullopt for a '%' not followed by two hex digits.
std::optional<std::string> percent_decode(const std::string& text) {
    std::string decoded;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') {
            decoded += text[i];
            continue;
        }
        if (i + 2 >= text.size()) return std::nullopt;
        const int high = hex_digit(text[i + 1]);
        const int low = hex_digit(text[i + 2]);
        if (high < 0 || low < 0) return std::nullopt;
        decoded += static_cast<char>(high * 16 + low);
        i += 2;
    }
    return decoded;
}

}  // namespace

namespace {

// Refuses a PostgreSQL URL, naming it without its password.
struct UrlError {
    std::string display;
    [[noreturn]] void operator()(const std::string& why) const {
        throw StoreError("database URL '" + display + "': " + why +
                         " (e.g. postgresql://user:pass@localhost:5432/esfdraft)");
    }
};

// "[::1]:5432" or "localhost:5432" as host and port ("" when none is given).
std::pair<std::string, std::string> split_host_port(const std::string& host_port, const UrlError& fail) {
    std::string host = host_port, port;
    if (!host.empty() && host.front() == '[') {  // [::1]:5432
        const auto close = host.find(']');
        if (close == std::string::npos) fail("unclosed '[' in the host");
        if (close + 1 < host.size()) {
            if (host[close + 1] != ':') fail("unexpected text after the host");
            port = host.substr(close + 2);
        }
        host = host.substr(1, close - 1);
    } else if (const auto colon = host.rfind(':'); colon != std::string::npos) {
        port = host.substr(colon + 1);
        host = host.substr(0, colon);
    }
    return {host, port};
}

DatabaseUrl parse_sqlite_url(const std::string& url) {
    DatabaseUrl parsed;
    parsed.dialect = Dialect::sqlite;
    parsed.connector = "SQLite";
    auto path = url.substr(7);
    // "sqlite:///var/lib/x.db" and "sqlite://x.db" are common spellings of
    // "sqlite:/var/lib/x.db" and "sqlite:x.db".
    if (starts_with(path, "//")) path = path.substr(2);
    if (path.empty()) throw StoreError("database URL '" + url + "': no file after 'sqlite:' (e.g. sqlite:esfdraft.db)");
    if (path == ":memory:" || starts_with(path, "file:")) {
        // Every pooled connection would see a different in-memory database.
        throw StoreError("database URL '" + url + "': give a file path (in-memory and file: URIs are not supported)");
    }
    parsed.sqlite_path = path;
    parsed.connection_string = path;
    parsed.display = url;
    return parsed;
}

// Poco's connector wants libpq's key='value' form, not a URL.
DatabaseUrl parse_postgresql_url(const std::string& url) {
    DatabaseUrl parsed;
    parsed.dialect = Dialect::postgresql;
    parsed.connector = "PostgreSQL";
    const auto rest = url.find("://") + 3;
    const auto authority_end = url.find_first_of("/?", rest);
    const auto authority =
        url.substr(rest, authority_end == std::string::npos ? std::string::npos : authority_end - rest);
    std::string path_and_query = authority_end == std::string::npos ? std::string() : url.substr(authority_end);
    const auto at = authority.rfind('@');
    std::string user_info = at == std::string::npos ? std::string() : authority.substr(0, at);
    const std::string host_port = at == std::string::npos ? authority : authority.substr(at + 1);
    std::string user = user_info, password;
    bool has_password = false;
    if (const auto colon = user_info.find(':'); colon != std::string::npos) {
        user = user_info.substr(0, colon);
        password = user_info.substr(colon + 1);
        has_password = true;
    }
    parsed.display = url.substr(0, rest) + (at == std::string::npos ? "" : user + (has_password ? ":***" : "") + "@") +
                     host_port + path_and_query;
    const UrlError fail{parsed.display};
    auto [host, port] = split_host_port(host_port, fail);
    if (host.empty()) fail("no host");
    if (!port.empty() && port.find_first_not_of("0123456789") != std::string::npos) fail("the port is not a number");
    std::string dbname, query;
    if (!path_and_query.empty() && path_and_query.front() == '/') {
        const auto question = path_and_query.find('?');
        dbname = path_and_query.substr(1, question == std::string::npos ? std::string::npos : question - 1);
        if (question != std::string::npos) query = path_and_query.substr(question + 1);
    } else if (!path_and_query.empty()) {
        query = path_and_query.substr(1);
    }
    std::string connection;
    const auto add = [&](const std::string& key, const std::string& encoded) {
        if (encoded.empty()) return;
        const auto value = percent_decode(encoded);
        if (!value) fail("bad percent-encoding in " + key);
        // Poco splits the string at spaces and '=' itself, without
        // libpq's quoting, so values go unquoted with libpq's backslash
        // escapes, and a value with white space cannot be passed at all.
        if (value->find_first_of(" \t\r\n\f\v") != std::string::npos || value->empty()) {
            fail("the " + key + " is empty or contains white space, which Poco's PostgreSQL connector cannot pass on");
        }
        if (!connection.empty()) connection += ' ';
        connection += key + "=";
        for (const char c : *value) {
            if (c == '\\' || c == '\'') connection += '\\';
            connection += c;
        }
    };
    add("host", host);
    add("port", port);
    add("user", user);
    add("password", password);
    add("dbname", dbname);
    // Query parameters are libpq's own keywords (sslmode, connect_timeout …).
    for (std::size_t start = 0; start < query.size();) {
        auto end = query.find('&', start);
        if (end == std::string::npos) end = query.size();
        const auto pair = query.substr(start, end - start);
        const auto equals = pair.find('=');
        if (equals == std::string::npos || equals == 0) fail("query parameter '" + pair + "' is not key=value");
        const auto key = pair.substr(0, equals);
        if (key.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") != std::string::npos)
            fail("unknown parameter '" + key + "'");
        add(key, pair.substr(equals + 1));
        start = end + 1;
    }
    parsed.connection_string = connection;
    return parsed;
}

}  // namespace

DatabaseUrl parse_database_url(const std::string& url) {
    if (starts_with(url, "sqlite:")) return parse_sqlite_url(url);
    if (starts_with(url, "postgresql://") || starts_with(url, "postgres://")) return parse_postgresql_url(url);
    // The URL may hold a password; only its start is repeated.
    const auto scheme = url.substr(0, url.find(':'));
    throw StoreError("database URL '" + scheme.substr(0, 40) +
                     ":…': unknown kind (use sqlite:PATH or postgresql://user:pass@host:port/dbname)");
}

Connection::Connection(Database& database, Poco::Data::Session session)
    : database_(database), session_(std::move(session)) {}

Connection::~Connection() {
    session_.reset();  // back to Poco's pool first, then free the slot
    database_.give_back();
}

Dialect Connection::dialect() const { return database_.dialect(); }

std::string Connection::sql(std::string_view text) const {
    if (database_.dialect() == Dialect::sqlite) return std::string(text);
    // The statements here have no '?' inside literals, so every '?' is a
    // placeholder.
    std::string rewritten;
    rewritten.reserve(text.size() + 16);
    int number = 0;
    for (const char c : text) {
        if (c == '?') {
            rewritten += '$';
            rewritten += std::to_string(++number);
        } else {
            rewritten += c;
        }
    }
    return rewritten;
}

Database::Database(DatabaseUrl url, int max_connections, int busy_timeout_ms)
    : url_(std::move(url)),
      max_connections_(max_connections < 1 ? 1 : max_connections),
      busy_timeout_ms_(busy_timeout_ms < 0 ? 0 : busy_timeout_ms) {
    register_connectors();
    if (url_.dialect == Dialect::postgresql) probe_postgresql();
    try {
        pool_ = std::make_unique<ConfiguredPool>(url_, max_connections_, busy_timeout_ms_);
    } catch (...) {
        rethrow_as_store_error(*this, "opening");
    }
}

// Poco 1.11 does not free libpq's connection when connecting fails (about
// 35 KB each time): the first connection is tried with libpq itself, so a
// wrong URL or an unreachable server at start costs nothing and reads better.
void Database::probe_postgresql() const {
    PGconn* connection = PQconnectdb(url_.connection_string.c_str());
    const bool connected = connection != nullptr && PQstatus(connection) == CONNECTION_OK;
    std::string why = connection == nullptr ? "out of memory" : PQerrorMessage(connection);
    PQfinish(connection);
    if (!connected) {
        while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
        throw StoreError("database " + url_.display + ": connecting: " + without_connection_string(why, url_));
    }
}

Database::~Database() {
    try {
        if (pool_) pool_->shutdown();
    } catch (...) {
        // Closing connections at exit: nothing left to report to.
    }
}

std::unique_ptr<Connection> Database::connect() {
    {
        std::unique_lock lock(mutex_);
        available_.wait(lock, [this] { return in_use_ < max_connections_; });
        ++in_use_;
    }
    try {
        return std::make_unique<Connection>(*this, pool_->get());
    } catch (...) {
        give_back();
        rethrow_as_store_error(*this, "connecting");
    }
}

void Database::give_back() {
    {
        std::lock_guard lock(mutex_);
        --in_use_;
    }
    available_.notify_one();
}

void Database::begin(Connection& connection) {
    connection.session() << (dialect() == Dialect::sqlite ? "BEGIN IMMEDIATE" : "BEGIN"), now;
}

void Database::commit(Connection& connection) { connection.session() << "COMMIT", now; }

void Database::rollback(Connection& connection) noexcept {
    try {
        connection.session() << "ROLLBACK", now;
    } catch (...) {
        // The transaction may already be gone (a failed COMMIT ends it in
        // SQLite); the original exception is the one worth reporting.
    }
}

void rethrow_as_store_error(const Database& database, std::string_view action) {
    const auto fail = [&](const std::string& why) {
        throw StoreError("database " + database.url().display + ": " + std::string(action) + ": " +
                         without_connection_string(why, database.url()));
    };
    try {
        throw;
    } catch (const StoreError&) {
        throw;
    } catch (const Poco::Exception& error) {
        fail(error.displayText());
    } catch (const std::exception& error) {
        fail(error.what());
    } catch (...) {
    }
    throw StoreError("database " + database.url().display + ": " + std::string(action) + ": unknown failure");
}

}  // namespace esfdraft::store::detail
