#include "test_database.hpp"

#include <libpq-fe.h>
#include <sqlite3.h>

#include <cstdlib>
#include <stdexcept>

namespace esfdraft::testing {

namespace {

class SqliteDatabase : public TestDatabase {
public:
    SqliteDatabase() : path_(scratch().path("esfdraft.db")) {}
    std::string url() const override { return "sqlite:" + path_; }
    bool is_sqlite() const override { return true; }

    std::vector<std::string> raw(const std::string& sql) const override {
        sqlite3* db = nullptr;
        if (sqlite3_open(path_.c_str(), &db) != SQLITE_OK) {
            const std::string message = sqlite3_errmsg(db);
            sqlite3_close(db);
            throw std::runtime_error(message);
        }
        sqlite3_busy_timeout(db, 10000);
        sqlite3_stmt* statement = nullptr;
        std::vector<std::string> rows;
        std::string failure;
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
            failure = sqlite3_errmsg(db);
        } else {
            int step = 0;
            while ((step = sqlite3_step(statement)) == SQLITE_ROW) {
                const auto* text = sqlite3_column_text(statement, 0);
                rows.push_back(text == nullptr ? "NULL" : reinterpret_cast<const char*>(text));
            }
            if (step != SQLITE_DONE) failure = sqlite3_errmsg(db);
        }
        sqlite3_finalize(statement);
        sqlite3_close(db);
        if (!failure.empty()) throw std::runtime_error(failure);
        return rows;
    }

private:
    std::string path_;
};

class PostgresDatabase : public TestDatabase {
public:
    PostgresDatabase() : url_(configured_url()) {
        // The suite empties the database: refuse one that is not obviously a
        // test database.
        if (url_.find("test") == std::string::npos) {
            throw std::runtime_error(
                "ESFDRAFT_TEST_POSTGRES must name a throw-away database (with 'test' in its name)");
        }
        raw("DROP SCHEMA IF EXISTS public CASCADE");
        raw("CREATE SCHEMA public");
    }
    std::string url() const override { return url_; }
    bool is_sqlite() const override { return false; }

    static std::string configured_url() {
        const char* url = std::getenv("ESFDRAFT_TEST_POSTGRES");
        if (url == nullptr || *url == '\0')
            throw std::runtime_error(
                "ESFDRAFT_TEST_POSTGRES is not set (run through tests/store/with-postgres.sh: ctest -L postgres)");
        return url;
    }

    std::vector<std::string> raw(const std::string& sql) const override {
        PGconn* connection = PQconnectdb(url_.c_str());
        if (PQstatus(connection) != CONNECTION_OK) {
            const std::string message = PQerrorMessage(connection);
            PQfinish(connection);
            throw std::runtime_error(message);
        }
        PGresult* result = PQexec(connection, ("SET client_min_messages = warning; " + sql).c_str());
        std::vector<std::string> rows;
        std::string failure;
        const auto status = PQresultStatus(result);
        if (status == PGRES_TUPLES_OK) {
            for (int row = 0; row < PQntuples(result); ++row) {
                rows.push_back(PQgetisnull(result, row, 0) ? "NULL" : PQgetvalue(result, row, 0));
            }
        } else if (status != PGRES_COMMAND_OK) {
            failure = PQerrorMessage(connection);
        }
        PQclear(result);
        PQfinish(connection);
        if (!failure.empty()) throw std::runtime_error(failure);
        return rows;
    }

private:
    std::string url_;
};

}  // namespace

std::unique_ptr<TestDatabase> sqlite_database() { return std::make_unique<SqliteDatabase>(); }
std::unique_ptr<TestDatabase> postgres_database() { return std::make_unique<PostgresDatabase>(); }

boost::test_tools::assertion_result postgres_configured(boost::unit_test::test_unit_id) {
    const char* url = std::getenv("ESFDRAFT_TEST_POSTGRES");
    if (url != nullptr && *url != '\0') return true;
    boost::test_tools::assertion_result skipped(false);
    skipped.message()
        << "ESFDRAFT_TEST_POSTGRES is not set (run through tests/store/with-postgres.sh: ctest -L postgres)";
    return skipped;
}

}  // namespace esfdraft::testing
