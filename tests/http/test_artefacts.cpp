// The artefact cache of a version's outputs (src/http/artefacts.hpp), through
// the service's own actions on a throw-away SQLite database: made once, read
// back from the store, keyed so that other bytes or another day never share
// an entry, and never storing a plan that does not load.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "http/artefacts.hpp"
#include "http/context.hpp"
#include "store/passwords.hpp"
#include "store/store.hpp"

namespace fs = std::filesystem;
using namespace esfdraft;

namespace {

std::string read_all(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

const std::string framsyn = read_all(ESFDRAFT_SOURCE_DIR "/samples/framsyn/plan.xml");

struct Cache {
    fs::path folder = fs::temp_directory_path() / ("esfdraft-artefacts-test-" + store::random_hex(8));
    std::unique_ptr<store::Store> database;
    std::unique_ptr<http::Context> context;
    http::Caller owner;

    Cache() {
        fs::create_directories(folder);
        database = store::Store::open("sqlite:" + (folder / "cache.db").string());
        database->migrate();
        const auto user = database->add_user("owner@one.example", "Owner", store::Role::owner, "556000-0001", "");
        owner.user_id = user->id;
        owner.role = "owner";
        owner.organisation = "556000-0001";
        context = std::make_unique<http::Context>(*database, http::SiteOptions{});
    }
    ~Cache() {
        context.reset();
        database.reset();
        std::error_code ignored;
        fs::remove_all(folder, ignored);
    }

    store::Version upload(const std::string& plan) {
        http::UploadParts parts;
        parts.plan = {"plan.xml", plan};
        const http::StoredVersion stored = http::create_application(*context, owner, parts);
        return *database->find_version(stored.application, stored.version);
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(artefacts)

BOOST_AUTO_TEST_CASE(a_report_is_made_once_and_then_read_from_the_store) {
    Cache cache;
    const store::Version version = cache.upload(framsyn);
    const auto key = http::artefact_key(version);
    BOOST_REQUIRE(key);
    BOOST_TEST(!cache.database->find_artefact(*key, "report-json", "sv"));
    const http::Response first = http::version_report(*cache.context, version, "json", "sv");
    const auto stored = cache.database->find_artefact(*key, "report-json", "sv");
    BOOST_REQUIRE(stored);
    BOOST_TEST(*stored == first.body);
    BOOST_TEST(http::version_report(*cache.context, version, "json", "sv").body == first.body);
    // Each format and language is its own entry, with its own content type.
    const http::Response html = http::version_report(*cache.context, version, "html", "en");
    BOOST_TEST(html.content_type == "text/html; charset=utf-8");
    BOOST_TEST(html.body != first.body);
    BOOST_TEST(*cache.database->find_artefact(*key, "report-html", "en") == html.body);
}

BOOST_AUTO_TEST_CASE(what_the_store_holds_is_what_is_answered) {
    // Proves the read path: an entry put there first is answered as it is,
    // and `make` is not called.
    Cache cache;
    const store::Version version = cache.upload(framsyn);
    const auto key = http::artefact_key(version);
    BOOST_REQUIRE(key);
    cache.database->put_artefact(*key, "report-text", "en", "from the cache\n");
    BOOST_TEST(http::version_report(*cache.context, version, "text", "en").body == "from the cache\n");
    int made = 0;
    cache.database->put_artefact(*key, "docx", "", "PK-cached");
    const auto bytes = http::cached_artefact(*cache.context, version, "docx", "", [&]() -> std::optional<std::string> {
        ++made;
        return std::string("PK-made");
    });
    BOOST_TEST(made == 0);
    BOOST_TEST(*bytes == "PK-cached");
}

BOOST_AUTO_TEST_CASE(other_bytes_or_another_day_have_another_key) {
    Cache cache;
    const store::Version version = cache.upload(framsyn);
    const store::Version other =
        cache.upload(std::regex_replace(framsyn, std::regex("<title>FRAMSYN"), "<title>Other FRAMSYN"));
    BOOST_TEST(*http::artefact_key(version) == *http::artefact_key(version));
    BOOST_TEST(*http::artefact_key(version) != *http::artefact_key(other));
    store::VersionInfo with_findings = version;
    with_findings.findings_sha256 = store::sha256_hex("<findings/>");
    BOOST_TEST(*http::artefact_key(version) != *http::artefact_key(with_findings));
    store::VersionInfo next_day = version;
    next_day.created += 86400;
    BOOST_TEST(*http::artefact_key(version) != *http::artefact_key(next_day));
    store::VersionInfo same_day = version;
    same_day.created -= same_day.created % 86400;
    BOOST_TEST(*http::artefact_key(version) == *http::artefact_key(same_day));
}

BOOST_AUTO_TEST_CASE(nothing_is_stored_for_a_plan_without_output) {
    Cache cache;
    const store::Version version = cache.upload("<not-a-plan/>");
    const auto key = http::artefact_key(version);
    BOOST_REQUIRE(key);
    const auto none =
        http::cached_artefact(*cache.context, version, "docx", "", [] { return std::optional<std::string>(); });
    BOOST_TEST(!none);
    BOOST_TEST(!cache.database->find_artefact(*key, "docx", ""));
}

BOOST_AUTO_TEST_SUITE_END()
