#include "store/passwords.hpp"
#include "store/store.hpp"
#include "test_database.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <thread>

using namespace esfdraft::store;
using esfdraft::testing::TestDatabase;

namespace {

// A clock the test moves by hand: expiry and windows without waiting.
struct TestClock {
    std::atomic<Timestamp> at{1'700'000'000};
    StoreOptions options() {
        StoreOptions options;
        options.clock = [this] { return at.load(); };
        return options;
    }
};

std::unique_ptr<Store> migrated(const TestDatabase& db, TestClock& clock) {
    auto store = Store::open(db.url(), clock.options());
    store->migrate();
    return store;
}

// Bytes a text column would mangle: NUL, invalid UTF-8, CR LF, quotes.
const std::string awkward_plan = std::string("<?xml version=\"1.0\"?>\r\n<plan>\0\xff\xfe'\"\\x00</plan>", 40);

NewVersion new_version(std::int64_t by, std::string plan, std::optional<std::string> findings = std::nullopt,
                       int errors = 0) {
    NewVersion version;
    version.plan = std::move(plan);
    version.findings = std::move(findings);
    version.created_by = by;
    version.summary = CheckSummary{errors, 2, 3, errors > 0 ? "incomplete" : "complete"};
    version.report_json = R"({"findings": []})";
    return version;
}

NewApplication new_application(std::string organisation = "212000-0142", std::string programme = "esf-plus-2021-2027") {
    return NewApplication{std::move(organisation), "Framtidens kompetens", "FRAMSYN", std::move(programme), "call-1"};
}

User add_owner(Store& store, const std::string& email = "owner@example.se") {
    auto user = store.add_user(email, "Owner", Role::owner, "212000-0142", "");
    BOOST_REQUIRE(user);
    return *user;
}

}  // namespace

STORE_CASE(migrations_run_twice_are_a_no_op) {
    TestClock clock;
    auto store = Store::open(db.url(), clock.options());
    BOOST_TEST(store->schema_state().current == 0);
    BOOST_TEST(store->migrate() == 1);
    BOOST_TEST(store->migrate() == 0);
    const auto state = store->schema_state();
    BOOST_TEST(state.current == state.latest);
    BOOST_TEST(db.raw("SELECT COUNT(*) FROM schema_migrations") == std::vector<std::string>{"1"});
    auto again = Store::open(db.url(), clock.options());
    BOOST_TEST(again->migrate() == 0);
}

STORE_CASE(an_unmigrated_database_is_refused_with_what_to_do) {
    auto store = Store::open(db.url());
    try {
        store->list_users();
        BOOST_FAIL("an unmigrated database was used");
    } catch (const SchemaNotCurrentError& error) {
        BOOST_TEST(std::string(error.what()).find("esfdraft db migrate") != std::string::npos);
    }
}

STORE_CASE(a_database_from_a_newer_esfdraft_is_refused) {
    TestClock clock;
    auto store = migrated(db, clock);
    db.raw("INSERT INTO schema_migrations (version, applied, description) VALUES (999, 0, 'from the future')");
    BOOST_CHECK_THROW(Store::open(db.url()), SchemaTooNewError);
    BOOST_CHECK_THROW(store->migrate(), SchemaTooNewError);
    // Nothing of the future schema was touched.
    BOOST_TEST(db.raw("SELECT MAX(version) FROM schema_migrations") == std::vector<std::string>{"999"});
}

STORE_CASE(users_are_added_found_listed_and_disabled) {
    TestClock clock;
    auto store = migrated(db, clock);
    auto reviewer = store->add_user("Reviewer@Example.SE", "Rita", Role::reviewer, "", "hash-r");
    BOOST_REQUIRE(reviewer);
    BOOST_TEST(reviewer->email == "reviewer@example.se");
    BOOST_TEST(reviewer->created == clock.at.load());
    BOOST_TEST(!store->add_user("reviewer@example.se", "Again", Role::admin, "", ""));  // emails are one per user
    const auto owner = add_owner(*store);

    const auto found = store->find_user_by_email("REVIEWER@example.se");
    BOOST_REQUIRE(found);
    BOOST_TEST(found->id == reviewer->id);
    BOOST_TEST(found->name == "Rita");
    BOOST_TEST((found->role == Role::reviewer));
    BOOST_TEST(store->find_user(owner.id)->organisation == "212000-0142");
    BOOST_TEST(!store->find_user(owner.id + 1000));
    BOOST_TEST(!store->find_user_by_email("nobody@example.se"));

    const auto users = store->list_users();
    BOOST_REQUIRE(users.size() == 2u);
    BOOST_TEST(users[0].email == "owner@example.se");
    BOOST_TEST(users[1].email == "reviewer@example.se");

    BOOST_TEST(store->find_credentials("reviewer@example.se")->password_hash == "hash-r");
    BOOST_TEST(store->set_password_hash("reviewer@example.se", "hash-2"));
    BOOST_TEST(store->find_credentials("reviewer@example.se")->password_hash == "hash-2");
    BOOST_TEST(!store->set_password_hash("nobody@example.se", "x"));

    store->create_session(Session{"session-hash", reviewer->id, "csrf", clock.at, clock.at + 3600});
    BOOST_TEST(store->find_session("session-hash").has_value());
    BOOST_TEST(store->disable_user("reviewer@example.se"));
    BOOST_TEST(store->find_credentials("reviewer@example.se")->user.disabled);
    BOOST_TEST(!store->find_session("session-hash"));
    BOOST_TEST(db.raw("SELECT COUNT(*) FROM sessions") == std::vector<std::string>{"0"});
    BOOST_TEST(!store->disable_user("nobody@example.se"));
}

STORE_CASE(sessions_expire) {
    TestClock clock;
    auto store = migrated(db, clock);
    const auto owner = add_owner(*store);
    store->create_session(Session{"h1", owner.id, "csrf-1", clock.at, clock.at + 600});
    store->create_session(Session{"h2", owner.id, "csrf-2", clock.at, clock.at + 1200});

    const auto found = store->find_session("h1");
    BOOST_REQUIRE(found);
    BOOST_TEST(found->session.csrf_token == "csrf-1");
    BOOST_TEST(found->user.email == "owner@example.se");
    BOOST_TEST(!store->find_session("unknown"));

    clock.at += 599;
    BOOST_TEST(store->find_session("h1").has_value());
    clock.at += 1;  // valid while now < expires
    BOOST_TEST(!store->find_session("h1"));
    BOOST_TEST(store->find_session("h2").has_value());
    BOOST_TEST(store->delete_expired_sessions() == 1);
    BOOST_TEST(db.raw("SELECT token_hash FROM sessions") == std::vector<std::string>{"h2"});
    store->delete_session("h2");
    BOOST_TEST(!store->find_session("h2"));
}

STORE_CASE(api_tokens_are_found_by_hash_while_their_user_is_enabled) {
    TestClock clock;
    auto store = migrated(db, clock);
    const auto owner = add_owner(*store);
    const auto token = store->create_api_token(owner.id, "ci", "token-hash");
    BOOST_TEST(token.id > 0);
    const auto found = store->find_api_token("token-hash");
    BOOST_REQUIRE(found);
    BOOST_TEST(found->token.label == "ci");
    BOOST_TEST(found->user.id == owner.id);
    BOOST_TEST(!store->find_api_token("other"));
    BOOST_CHECK_THROW(store->create_api_token(owner.id + 1000, "x", "h"), StoreError);  // no such user
    store->disable_user(owner.email);
    BOOST_TEST(!store->find_api_token("token-hash"));
}

STORE_CASE(failed_logins_are_counted_per_account_and_address_in_a_window) {
    TestClock clock;
    auto store = migrated(db, clock);
    const Timestamp start = clock.at;
    for (int i = 0; i < 3; ++i) store->record_login_failure("A@example.se", "192.0.2.1");
    clock.at += 100;
    store->record_login_failure("b@example.se", "192.0.2.1");
    store->record_login_failure("a@example.se", "198.51.100.7");

    auto counts = store->count_login_failures("a@example.se", "192.0.2.1", start);
    BOOST_TEST(counts.account == 4);
    BOOST_TEST(counts.address == 4);
    counts = store->count_login_failures("a@example.se", "192.0.2.1", start + 1);  // the window's start
    BOOST_TEST(counts.account == 1);
    BOOST_TEST(counts.address == 1);

    store->clear_login_failures("a@example.se");
    counts = store->count_login_failures("a@example.se", "192.0.2.1", start);
    BOOST_TEST(counts.account == 0);
    BOOST_TEST(counts.address == 1);  // b's failure from that address stays
    BOOST_TEST(store->prune_login_failures(start + 101) == 1);
    BOOST_TEST(db.raw("SELECT COUNT(*) FROM login_failures") == std::vector<std::string>{"0"});
}

STORE_CASE(versions_are_numbered_kept_exactly_and_never_changed) {
    TestClock clock;
    auto store = migrated(db, clock);
    const auto owner = add_owner(*store);
    const std::string findings = "<findings>\xc3\xa5\xc3\xa4\xc3\xb6</findings>";
    const auto first = store->create_application(new_application(), new_version(owner.id, awkward_plan, findings));
    BOOST_TEST(first.number == 1);
    BOOST_TEST(first.application.size() == 32u);
    BOOST_TEST(first.application.find_first_not_of("0123456789abcdef") == std::string::npos);

    clock.at += 10;
    const auto second = store->add_version(first.application, new_version(owner.id, "<plan>2</plan>"));
    BOOST_TEST((second.outcome == VersionOutcome::added));
    BOOST_TEST(second.version.number == 2);
    const auto third = store->add_version(first.application, new_version(owner.id, "", std::string(), 4));
    BOOST_TEST(third.version.number == 3);

    const auto one = store->find_version(first.application, 1);
    BOOST_REQUIRE(one);
    BOOST_TEST(one->plan == awkward_plan);
    BOOST_TEST(one->plan.size() == 40u);
    BOOST_TEST(one->findings.value() == findings);
    BOOST_TEST(one->plan_sha256 == sha256_hex(awkward_plan));
    BOOST_TEST(one->findings_sha256.value() == sha256_hex(findings));
    BOOST_TEST(one->report_json == R"({"findings": []})");
    BOOST_TEST(one->created_by == owner.id);

    const auto two = store->find_version(first.application, 2);
    BOOST_REQUIRE(two);
    BOOST_TEST(!two->findings);
    BOOST_TEST(!two->findings_sha256);
    BOOST_TEST(two->created == clock.at.load());

    const auto latest = store->find_latest_version(first.application);
    BOOST_REQUIRE(latest);
    BOOST_TEST(latest->number == 3);
    BOOST_TEST(latest->plan.empty());
    BOOST_TEST(latest->findings.value().empty());  // an empty findings file is not a missing one
    BOOST_TEST(latest->summary.errors == 4);
    BOOST_TEST(latest->summary.verdict == "incomplete");
    BOOST_TEST(!store->find_version(first.application, 4));
    BOOST_TEST(!store->find_version("0000", 1));
    BOOST_TEST(!store->find_latest_version("0000"));

    const auto versions = store->list_versions(first.application);
    BOOST_REQUIRE(versions.size() == 3u);
    for (int i = 0; i < 3; ++i) BOOST_TEST(versions[static_cast<std::size_t>(i)].number == i + 1);

    // The database itself refuses to change or delete a version.
    BOOST_CHECK_THROW(db.raw("UPDATE versions SET plan_sha256 = 'x'"), std::runtime_error);
    BOOST_CHECK_THROW(db.raw("DELETE FROM versions"), std::runtime_error);
    BOOST_CHECK_THROW(db.raw("DELETE FROM history"), std::runtime_error);
    BOOST_TEST(store->find_version(first.application, 1)->plan_sha256 == sha256_hex(awkward_plan));
}

STORE_CASE(status_changes_only_from_the_expected_status_and_are_recorded) {
    TestClock clock;
    auto store = migrated(db, clock);
    const auto owner = add_owner(*store);
    const auto created = clock.at.load();
    const auto id = store->create_application(new_application(), new_version(owner.id, "<plan/>")).application;
    BOOST_TEST(!store->find_application(id)->submitted_at);

    clock.at += 5;
    BOOST_TEST(store->update_status(id, Status::draft, Status::submitted, owner.id, "please review"));
    // A second request that still thinks the application is a draft loses.
    BOOST_TEST(!store->update_status(id, Status::draft, Status::submitted, owner.id, ""));
    BOOST_TEST(!store->update_status("unknown", Status::draft, Status::submitted, owner.id, ""));
    auto application = store->find_application(id);
    BOOST_REQUIRE(application);
    BOOST_TEST((application->status == Status::submitted));
    BOOST_TEST(application->submitted_at.value() == created + 5);
    BOOST_TEST(application->updated == created + 5);

    const auto refused = store->add_version(id, new_version(owner.id, "<plan>late</plan>"));
    BOOST_TEST((refused.outcome == VersionOutcome::wrong_status));
    BOOST_TEST((refused.status == Status::submitted));
    BOOST_TEST(store->list_versions(id).size() == 1u);
    BOOST_TEST((store->add_version("unknown", new_version(owner.id, "x")).outcome == VersionOutcome::not_found));

    clock.at += 5;
    BOOST_TEST(store->update_status(id, Status::submitted, Status::draft, owner.id, "withdrawn"));
    BOOST_TEST(store->find_application(id)->submitted_at.value() == created + 5);  // never cleared

    const auto history = store->list_history(id);
    BOOST_REQUIRE(history.size() == 4u);
    BOOST_TEST(history[0].action == "create");
    BOOST_TEST(history[1].action == "upload");
    BOOST_TEST(history[1].detail == "version 1");
    BOOST_TEST(history[2].action == "transition");
    BOOST_TEST(history[2].from_status.value() == "draft");
    BOOST_TEST(history[2].to_status.value() == "submitted");
    BOOST_TEST(history[2].detail == "please review");
    BOOST_TEST(history[2].actor.value() == owner.id);
    BOOST_TEST(history[3].to_status.value() == "draft");
    BOOST_TEST(history[3].at == created + 10);
}

STORE_CASE(applications_are_listed_with_filters_and_their_latest_version) {
    TestClock clock;
    auto store = migrated(db, clock);
    const auto owner = add_owner(*store);
    const auto a =
        store->create_application(new_application("111111-1111"), new_version(owner.id, "a", {}, 1)).application;
    clock.at += 1;
    const auto b =
        store->create_application(new_application("222222-2222", "esf-2007-2013"), new_version(owner.id, "b"))
            .application;
    clock.at += 1;
    const auto c = store->create_application(new_application("111111-1111"), new_version(owner.id, "c")).application;
    clock.at += 1;
    store->add_version(a, new_version(owner.id, "a2"));  // a is now the most recently changed
    clock.at += 1;
    store->update_status(c, Status::draft, Status::submitted, owner.id, "");
    clock.at += 1;
    store->update_status(b, Status::draft, Status::submitted, owner.id, "");

    const auto ids = [](const std::vector<ApplicationListing>& listing) {
        std::vector<std::string> result;
        for (const auto& row : listing) result.push_back(row.application.id);
        return result;
    };
    auto all = store->list_applications({});
    BOOST_TEST(ids(all) == (std::vector<std::string>{b, c, a}));
    const auto row_a = std::find_if(all.begin(), all.end(), [&](const auto& row) { return row.application.id == a; });
    BOOST_TEST(row_a->latest.number == 2);
    BOOST_TEST(row_a->latest.summary.verdict == "complete");
    BOOST_TEST(row_a->application.title == "Framtidens kompetens");

    ApplicationFilter owners;
    owners.organisation = "111111-1111";
    BOOST_TEST(ids(store->list_applications(owners)) == (std::vector<std::string>{c, a}));
    ApplicationFilter reviewers;
    reviewers.submitted_only = true;
    BOOST_TEST(ids(store->list_applications(reviewers, ListOrder::submitted_asc)) == (std::vector<std::string>{c, b}));
    ApplicationFilter drafts;
    drafts.status = Status::draft;
    BOOST_TEST(ids(store->list_applications(drafts)) == (std::vector<std::string>{a}));
    ApplicationFilter programme;
    programme.programme = "esf-2007-2013";
    BOOST_TEST(ids(store->list_applications(programme)) == (std::vector<std::string>{b}));
    ApplicationFilter verdict;
    verdict.verdict = "complete";
    verdict.organisation = "111111-1111";
    verdict.call = "call-1";
    BOOST_TEST(ids(store->list_applications(verdict)) == (std::vector<std::string>{c, a}));
    verdict.call = "call-2";
    BOOST_TEST(store->list_applications(verdict).empty());
}

STORE_CASE(comments_point_at_a_version_and_are_recorded) {
    TestClock clock;
    auto store = migrated(db, clock);
    const auto owner = add_owner(*store);
    const auto id = store->create_application(new_application(), new_version(owner.id, "<plan/>")).application;
    clock.at += 3;
    const auto comment = store->add_comment(
        NewComment{id, 1, owner.id, "Mål 2 saknar indikator", "goals", "G003", "/application/goals/goal[2]"});
    BOOST_REQUIRE(comment);
    BOOST_TEST(comment->id > 0);
    BOOST_TEST(store->add_comment(NewComment{id, 1, owner.id, "plain", {}, {}, {}}).has_value());
    BOOST_TEST(!store->add_comment(NewComment{id, 2, owner.id, "no such version", {}, {}, {}}));
    BOOST_TEST(!store->add_comment(NewComment{"unknown", 1, owner.id, "no such application", {}, {}, {}}));

    const auto comments = store->list_comments(id);
    BOOST_REQUIRE(comments.size() == 2u);
    BOOST_TEST(comments[0].text == "Mål 2 saknar indikator");
    BOOST_TEST(comments[0].rule.value() == "G003");
    BOOST_TEST(comments[0].path.value() == "/application/goals/goal[2]");
    BOOST_TEST(comments[0].created == clock.at.load());
    BOOST_TEST(!comments[1].section);
    BOOST_TEST(store->list_history(id).back().action == "comment");
    BOOST_TEST(store->list_history(id).back().detail == "version 1: plain");  // the comment itself is in the history
    BOOST_TEST(store->find_application(id)->updated == clock.at.load());

    const auto login = store->append_history(NewHistoryEvent{{}, owner.id, "login", {}, {}, "192.0.2.1"});
    BOOST_TEST(login.id > 0);
    BOOST_TEST(!login.application);
    BOOST_TEST(store->list_history(id).size() == 4u);  // not about this application
}

STORE_CASE(artefacts_are_cached_by_content_kind_and_language) {
    TestClock clock;
    auto store = migrated(db, clock);
    const std::string docx("PK\x03\x04\0\0binary", 12);
    store->put_artefact("abc", "docx", "sv", docx);
    store->put_artefact("abc", "docx", "sv", "second copy");
    BOOST_TEST(store->find_artefact("abc", "docx", "sv").value() == docx);
    BOOST_TEST(!store->find_artefact("abc", "docx", "en"));
    BOOST_TEST(!store->find_artefact("abc", "xlsx", "sv"));
    store->put_artefact("abc", "txt", "en", "");
    BOOST_TEST(store->find_artefact("abc", "txt", "en").value().empty());
}

STORE_CASE(concurrent_uploads_get_consecutive_numbers) {
    TestClock clock;
    auto options = clock.options();
    options.max_connections = 4;  // fewer connections than threads: callers wait for one
    auto store = Store::open(db.url(), options);
    store->migrate();
    const auto owner = add_owner(*store);
    const auto id = store->create_application(new_application(), new_version(owner.id, "<plan>0</plan>")).application;

    constexpr int threads = 8;
    constexpr int uploads = 6;
    std::vector<std::thread> workers;
    std::vector<std::vector<int>> numbers(threads);
    std::atomic<int> failures{0};
    for (int t = 0; t < threads; ++t) {
        workers.emplace_back([&, t] {
            for (int i = 0; i < uploads; ++i) {
                try {
                    const auto plan = "<plan>" + std::to_string(t) + "-" + std::to_string(i) + "</plan>";
                    const auto added = store->add_version(id, new_version(owner.id, plan));
                    if (added.outcome == VersionOutcome::added)
                        numbers[static_cast<std::size_t>(t)].push_back(added.version.number);
                    else
                        ++failures;
                } catch (const std::exception&) {
                    ++failures;
                }
            }
        });
    }
    for (auto& worker : workers) worker.join();
    BOOST_TEST(failures.load() == 0);
    std::vector<int> all;
    for (const auto& some : numbers) all.insert(all.end(), some.begin(), some.end());
    std::sort(all.begin(), all.end());
    std::vector<int> expected;
    for (int n = 2; n <= 1 + threads * uploads; ++n) expected.push_back(n);
    BOOST_TEST(all == expected);
    // Each stored version holds the bytes its uploader sent.
    for (const auto& info : store->list_versions(id)) {
        const auto version = store->find_version(id, info.number);
        BOOST_TEST(version->plan_sha256 == sha256_hex(version->plan));
    }
    BOOST_TEST(store->integrity_check() == std::vector<std::string>{"ok"});
    if (db.is_sqlite()) {
        BOOST_TEST(db.raw("PRAGMA integrity_check") == std::vector<std::string>{"ok"});
        BOOST_TEST(db.raw("PRAGMA journal_mode") == std::vector<std::string>{"wal"});
    }
    BOOST_TEST(db.raw("SELECT COUNT(*) FROM history WHERE action = 'upload'") ==
               std::vector<std::string>{std::to_string(1 + threads * uploads)});
}

STORE_CASE(a_conditional_version_is_refused_once_the_latest_moved) {
    TestClock clock;
    auto store = migrated(db, clock);
    const auto owner = add_owner(*store);
    const auto id = store->create_application(new_application(), new_version(owner.id, "<plan>1</plan>")).application;

    const auto second = store->add_version_if_latest(id, 1, new_version(owner.id, "<plan>2</plan>"));
    BOOST_TEST((second.outcome == VersionOutcome::added));
    BOOST_TEST(second.version.number == 2);
    BOOST_TEST(second.latest == 2);

    // Based on version 1, but version 2 landed meanwhile: nothing stored, and the answer says which is latest.
    const auto stale = store->add_version_if_latest(id, 1, new_version(owner.id, "<plan>from 1</plan>"));
    BOOST_TEST((stale.outcome == VersionOutcome::stale));
    BOOST_TEST(stale.latest == 2);
    BOOST_TEST((stale.status == Status::draft));
    BOOST_TEST(store->list_versions(id).size() == 2u);
    BOOST_TEST(store->find_latest_version(id)->plan == "<plan>2</plan>");
    BOOST_TEST(db.raw("SELECT COUNT(*) FROM history WHERE action = 'upload'") == std::vector<std::string>{"2"});
    // A number ahead of the latest is as stale as one behind it.
    BOOST_TEST((store->add_version_if_latest(id, 3, new_version(owner.id, "x")).outcome == VersionOutcome::stale));

    BOOST_TEST(
        (store->add_version_if_latest("unknown", 1, new_version(owner.id, "x")).outcome == VersionOutcome::not_found));
    BOOST_TEST(store->update_status(id, Status::draft, Status::submitted, owner.id, ""));
    const auto closed = store->add_version_if_latest(id, 2, new_version(owner.id, "x"));
    BOOST_TEST((closed.outcome == VersionOutcome::wrong_status));
    BOOST_TEST((closed.status == Status::submitted));
    BOOST_TEST(store->list_versions(id).size() == 2u);
}

STORE_CASE(of_concurrent_conditional_versions_on_one_base_exactly_one_is_added) {
    TestClock clock;
    auto options = clock.options();
    options.max_connections = 4;
    auto store = Store::open(db.url(), options);
    store->migrate();
    const auto owner = add_owner(*store);
    const auto id = store->create_application(new_application(), new_version(owner.id, "<plan>0</plan>")).application;

    constexpr int threads = 8;
    std::vector<std::thread> workers;
    std::atomic<int> added{0}, stale{0}, other{0};
    for (int t = 0; t < threads; ++t) {
        workers.emplace_back([&, t] {
            try {
                const auto result = store->add_version_if_latest(
                    id, 1, new_version(owner.id, "<plan>" + std::to_string(t) + "</plan>"));
                if (result.outcome == VersionOutcome::added && result.version.number == 2)
                    ++added;
                else if (result.outcome == VersionOutcome::stale && result.latest == 2)
                    ++stale;
                else
                    ++other;
            } catch (const std::exception&) {
                ++other;
            }
        });
    }
    for (auto& worker : workers) worker.join();
    BOOST_TEST(added.load() == 1);
    BOOST_TEST(stale.load() == threads - 1);
    BOOST_TEST(other.load() == 0);
    BOOST_TEST(store->list_versions(id).size() == 2u);
}

STORE_CASE(backups_are_consistent_copies_and_never_overwrite) {
    TestClock clock;
    auto store = migrated(db, clock);
    const auto owner = add_owner(*store);
    const auto id = store->create_application(new_application(), new_version(owner.id, awkward_plan)).application;
    const auto file = db.scratch().path("backup.db");
    if (!db.is_sqlite()) {
        try {
            store->backup(file);
            BOOST_FAIL("PostgreSQL was backed up");
        } catch (const StoreError& error) {
            BOOST_TEST(std::string(error.what()).find("pg_dump") != std::string::npos);
        }
        BOOST_TEST(!std::filesystem::exists(file));
        return;
    }
    store->backup(file);
    auto copy = Store::open("sqlite:" + file);
    BOOST_TEST(copy->find_version(id, 1)->plan == awkward_plan);
    BOOST_TEST(copy->integrity_check() == std::vector<std::string>{"ok"});

    const auto before = std::filesystem::file_size(file);
    BOOST_CHECK_THROW(store->backup(file), StoreError);
    BOOST_TEST(std::filesystem::file_size(file) == before);
    // No partial files are left beside it.
    int partial = 0;
    for (const auto& entry : std::filesystem::directory_iterator(db.scratch().path())) {
        if (entry.path().filename().string().find(".partial-") != std::string::npos) ++partial;
    }
    BOOST_TEST(partial == 0);
}

BOOST_AUTO_TEST_SUITE(postgres)

// with-postgres.sh gives the server a password with a quote, a backslash,
// an '@' and an '=' (percent-encoded in the URL) and requires it over TCP:
// every PostgreSQL case shows it survives the conversion to Poco's and
// libpq's key=value form. A wrong one is refused, and not echoed.
BOOST_AUTO_TEST_CASE(the_password_in_the_url_is_the_one_the_server_checks,
                     *boost::unit_test::precondition(esfdraft::testing::postgres_configured)) {
    const std::string url = std::getenv("ESFDRAFT_TEST_POSTGRES");
    auto store = Store::open(url + "?connect_timeout=5&application_name=esfdraft-test");
    store->ping();
    BOOST_TEST(store->display_url().find("pass") == std::string::npos);
    const auto colon = url.find(':', url.find("://") + 3);
    const auto at = url.find('@');
    BOOST_REQUIRE(colon < at);
    const auto wrong = url.substr(0, colon) + ":guessed-wrong" + url.substr(at);
    try {
        Store::open(wrong);
        BOOST_FAIL("a wrong password was accepted");
    } catch (const StoreError& error) {
        BOOST_TEST(std::string(error.what()).find("guessed-wrong") == std::string::npos, error.what());
    }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(urls)

BOOST_AUTO_TEST_CASE(unknown_kinds_and_empty_paths_are_refused_without_echoing_secrets) {
    try {
        Store::open("mysql://root:hunter2@db/esf");
        BOOST_FAIL("opened mysql");
    } catch (const StoreError& error) {
        const std::string message = error.what();
        BOOST_TEST(message.find("hunter2") == std::string::npos);
        BOOST_TEST(message.find("sqlite:PATH") != std::string::npos);
    }
    BOOST_CHECK_THROW(Store::open("sqlite:"), StoreError);
    BOOST_CHECK_THROW(Store::open("sqlite::memory:"), StoreError);
    BOOST_CHECK_THROW(Store::open("sqlite:/nonexistent-folder-esfdraft/x.db"), StoreError);
}

BOOST_AUTO_TEST_CASE(an_unreachable_postgresql_fails_without_the_password) {
    // Port 1 on the loopback: nothing listens, the connection is refused at once.
    try {
        Store::open("postgresql://esf:s3cret-pw@127.0.0.1:1/esfdraft?connect_timeout=2");
        BOOST_FAIL("connected to port 1");
    } catch (const StoreError& error) {
        const std::string message = error.what();
        BOOST_TEST(message.find("s3cret-pw") == std::string::npos, message);
        BOOST_TEST(message.find("postgresql://esf:***@127.0.0.1:1/esfdraft") != std::string::npos, message);
    }
}

BOOST_AUTO_TEST_CASE(malformed_postgresql_urls_are_refused_before_connecting) {
    for (const char* url : {"postgresql://", "postgresql://u:p@/db", "postgresql://h:port/db",
                            "postgresql://u:%zz@h/db", "postgresql://h/db?sslmode", "postgresql://[::1/db"}) {
        BOOST_CHECK_THROW(Store::open(url), StoreError);
    }
    // Poco's connector cannot pass white space on: said so, before connecting.
    try {
        Store::open("postgresql://u:two%20words@127.0.0.1:1/db");
        BOOST_FAIL("opened");
    } catch (const StoreError& error) {
        BOOST_TEST(std::string(error.what()).find("white space") != std::string::npos, error.what());
    }
}

BOOST_AUTO_TEST_CASE(timestamps_roles_and_statuses_have_fixed_spellings) {
    BOOST_TEST(format_timestamp(0) == "1970-01-01T00:00:00Z");
    BOOST_TEST(format_timestamp(1'700'000'000) == "2023-11-14T22:13:20Z");
    BOOST_TEST(format_timestamp(-1) == "1969-12-31T23:59:59Z");
    BOOST_TEST(to_string(Status::changes_requested) == "changes-requested");
    BOOST_TEST((parse_status("in-review") == Status::in_review));
    BOOST_TEST(!parse_status("In-Review"));
    BOOST_TEST((parse_role("admin") == Role::admin));
    BOOST_TEST(!parse_role(""));
}

BOOST_AUTO_TEST_SUITE_END()
