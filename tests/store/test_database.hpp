// The databases the store suite runs against, and raw access to them through
// the plain client libraries (sqlite3, libpq) to look at and tamper with what
// the store wrote.
#pragma once

#include "../support/temp_files.hpp"

#include <boost/test/unit_test.hpp>

#include <memory>
#include <string>
#include <vector>

namespace esfdraft::testing {

class TestDatabase {
public:
    virtual ~TestDatabase() = default;
    virtual std::string url() const = 0;
    virtual bool is_sqlite() const = 0;
    // Runs one statement; returns the first column of every row (NULL as
    // "NULL"). Throws std::runtime_error with the database's message.
    virtual std::vector<std::string> raw(const std::string& sql) const = 0;
    // A folder for files the test writes (backups).
    const ScratchFolder& scratch() const { return scratch_; }

private:
    ScratchFolder scratch_;
};

// A new SQLite file in a scratch folder.
std::unique_ptr<TestDatabase> sqlite_database();
// The PostgreSQL database of ESFDRAFT_TEST_POSTGRES, emptied first (its
// public schema dropped and created again).
std::unique_ptr<TestDatabase> postgres_database();
// For precondition(): skips the PostgreSQL cases, saying why, when
// ESFDRAFT_TEST_POSTGRES is not set.
boost::test_tools::assertion_result postgres_configured(boost::unit_test::test_unit_id);

}  // namespace esfdraft::testing

// STORE_CASE(name) { ... db ... }: one test body, registered as
// sqlite/name and as postgres/name.
#define STORE_CASE(name)                                                                                  \
    static void name##_body(const esfdraft::testing::TestDatabase& db);                                   \
    BOOST_AUTO_TEST_SUITE(sqlite)                                                                         \
    BOOST_AUTO_TEST_CASE(name) { name##_body(*esfdraft::testing::sqlite_database()); }                    \
    BOOST_AUTO_TEST_SUITE_END()                                                                           \
    BOOST_AUTO_TEST_SUITE(postgres)                                                                       \
    BOOST_AUTO_TEST_CASE(name, *boost::unit_test::precondition(esfdraft::testing::postgres_configured)) { \
        name##_body(*esfdraft::testing::postgres_database());                                             \
    }                                                                                                     \
    BOOST_AUTO_TEST_SUITE_END()                                                                           \
    static void name##_body(const esfdraft::testing::TestDatabase& db)
