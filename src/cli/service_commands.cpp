// esfdraft serve, user, token, db: the service's commands. A thin layer over
// the http module (the server) and the store (users, tokens, migrations).
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "cli/command_line.hpp"
#include "http/server.hpp"
#include "http/site.hpp"
#include "store/passwords.hpp"
#include "store/store.hpp"

namespace esfdraft::cli {

namespace {

const char* const serve_help =
    R"(esfdraft serve — the web service: owners keep and submit applications, reviewers review them

Usage:
  esfdraft serve [--listen 127.0.0.1:8080] [--database URL] [--threads N] [--secure-cookies]

Start on the embedded database (one file, nothing to install), in one command:
  esfdraft user add admin@example.org --role admin && esfdraft serve
then open http://127.0.0.1:8080/ and sign in with the printed password.

Options:
)";

const char* const serve_after = R"(
Databases (--database, else $ESFDRAFT_DATABASE, else sqlite:esfdraft.db):
  sqlite:PATH                                   one file; the default
  postgresql://user:pass@host:port/dbname       several `serve` processes may share it
The schema is created and migrated on start (also: esfdraft db migrate).

Back up:
  esfdraft db backup esfdraft-2024-05-01.db     a consistent copy of a SQLite database while it runs
  pg_dump -Fc dbname > esfdraft.dump            for PostgreSQL

Behind nginx (HTTPS ends there; pass --secure-cookies so the session cookie is Secure):
  location / { proxy_pass http://127.0.0.1:8080; proxy_set_header Host $host;
               client_max_body_size 100m; }
See docs/service.md for the whole configuration, the roles and the API.

SIGTERM or SIGINT stops accepting, lets requests in flight finish and exits 0.
)";

std::string database_url(const po::variables_map& values) {
    if (values.count("database")) return values["database"].as<std::string>();
    if (const char* from_environment = std::getenv("ESFDRAFT_DATABASE"); from_environment && *from_environment)
        return from_environment;
    return store::Store::default_url;
}

void add_database_option(po::options_description& options) {
    // clang-format off
    options.add_options()("database", po::value<std::string>()->value_name("URL"),
                          "sqlite:PATH or postgresql://user:pass@host:port/dbname (default: $ESFDRAFT_DATABASE, else sqlite:esfdraft.db)");
    // clang-format on
}

std::unique_ptr<store::Store> open_migrated(const std::string& url, int connections = 4) {
    store::StoreOptions options;
    options.max_connections = connections;
    std::unique_ptr<store::Store> database = store::Store::open(url, options);
    database->migrate();
    return database;
}

std::vector<std::string> words_of(const po::variables_map& values) {
    return values.count("words") ? values["words"].as<std::vector<std::string>>() : std::vector<std::string>{};
}

}  // namespace

int run_serve(const std::vector<std::string>& arguments) {
    po::options_description options;
    // clang-format off
    options.add_options()("help,h", "show this help")(
        "listen", po::value<std::string>()->default_value("127.0.0.1:8080")->value_name("HOST:PORT"), "where to listen")(
        "threads", po::value<int>()->default_value(8)->value_name("N"), "requests served at once (1–256)")(
        "secure-cookies", "mark the session cookie Secure (when served over HTTPS, e.g. behind nginx)");
    // clang-format on
    add_database_option(options);
    const po::variables_map values = parse(arguments, options, "words");
    if (values.count("help")) {
        std::cout << serve_help << options << serve_after;
        return exit_ok;
    }
    if (!words_of(values).empty()) throw UsageError("serve takes no arguments, only options");
    http::ServerOptions server_options;
    try {
        http::parse_listen(values["listen"].as<std::string>(), server_options);
    } catch (const std::invalid_argument& error) {
        throw UsageError(error.what());
    }
    const int threads = values["threads"].as<int>();
    if (threads < 1 || threads > 256) throw UsageError("--threads must be between 1 and 256");
    server_options.threads = threads;
    server_options.access_log = &std::cout;
    // Before any thread starts, so that only the waiting thread sees the signals.
    http::block_termination_signals();
    std::unique_ptr<store::Store> database = open_migrated(database_url(values), threads + 2);
    http::SiteOptions site_options;
    site_options.secure_cookies = values.count("secure-cookies") > 0;
    http::Site site(*database, site_options);
    http::Server server(site.router(), site.hooks(), server_options);
    server.start();
    std::cerr << "esfdraft serve: listening on http://" << server_options.host << ":" << server.port() << "/ with "
              << database->display_url() << std::endl;
    http::wait_for_termination();
    std::cerr << "esfdraft serve: stopping; finishing the requests in flight" << std::endl;
    server.stop();
    return exit_ok;
}

int run_user(const std::vector<std::string>& arguments) {
    const char* const help = R"(esfdraft user — manage the service's users

Usage:
  esfdraft user add EMAIL --role owner|reviewer|admin [--organisation ORGNR] [--name NAME] [--password-stdin]
  esfdraft user list
  esfdraft user disable EMAIL

Without --password-stdin, `add` generates a strong password and prints it once.
Owners need --organisation (their organisationsnummer): they see that organisation's applications.

Options:
)";
    po::options_description options;
    // clang-format off
    options.add_options()("help,h", "show this help")("role", po::value<std::string>()->value_name("ROLE"), "owner, reviewer or admin")(
        "organisation", po::value<std::string>()->value_name("ORGNR"), "the owner's organisationsnummer")(
        "name", po::value<std::string>()->value_name("NAME"), "the user's name")(
        "password-stdin", "read the password from the first line of standard input");
    // clang-format on
    add_database_option(options);
    const po::variables_map values = parse(arguments, options, "words");
    const std::vector<std::string> words = words_of(values);
    if (values.count("help") || words.empty()) {
        std::cout << help << options;
        return words.empty() && !values.count("help") ? exit_failure : exit_ok;
    }
    const std::unique_ptr<store::Store> database = open_migrated(database_url(values));
    if (words[0] == "list") {
        for (const store::User& user : database->list_users()) {
            std::cout << user.email << '\t' << store::to_string(user.role) << '\t'
                      << (user.organisation.empty() ? "-" : user.organisation) << '\t'
                      << (user.disabled ? "disabled" : "active") << '\t' << user.name << '\n';
        }
        return exit_ok;
    }
    if (words.size() != 2) throw UsageError("user " + words[0] + " wants one EMAIL");
    const std::string& email = words[1];
    if (words[0] == "disable") {
        if (!database->disable_user(email)) throw UsageError("there is no user " + email);
        database->append_history({std::nullopt, std::nullopt, "user-disable", std::nullopt, std::nullopt, email});
        std::cout << "disabled " << email << " (their sessions ended and their API tokens stopped working)\n";
        return exit_ok;
    }
    if (words[0] != "add") throw UsageError("unknown user command '" + words[0] + "' (add, list, disable)");
    if (email.find('@') == std::string::npos) throw UsageError("'" + email + "' is not an email address");
    if (!values.count("role")) throw UsageError("user add needs --role owner|reviewer|admin");
    const std::optional<store::Role> role = store::parse_role(values["role"].as<std::string>());
    if (!role) throw UsageError("--role must be owner, reviewer or admin");
    const std::string organisation = values.count("organisation") ? values["organisation"].as<std::string>() : "";
    if (*role == store::Role::owner && organisation.empty()) throw UsageError("an owner needs --organisation ORGNR");
    std::string password;
    const bool generated = !values.count("password-stdin");
    if (generated) {
        password = store::generate_password();
    } else {
        std::getline(std::cin, password);
        if (!password.empty() && password.back() == '\r') password.pop_back();
        if (password.size() < 12) throw UsageError("the password must have at least 12 characters");
    }
    const auto added = database->add_user(email, values.count("name") ? values["name"].as<std::string>() : "", *role,
                                          organisation, store::hash_password(password));
    if (!added) throw UsageError("a user " + email + " exists already");
    database->append_history({std::nullopt, std::nullopt, "user-add", std::nullopt, std::nullopt, added->email});
    std::cout << "added " << added->email << " (" << store::to_string(added->role) << ")\n";
    if (generated) std::cout << "password: " << password << "\n(shown only now)\n";
    return exit_ok;
}

int run_token(const std::vector<std::string>& arguments) {
    const char* const help = R"(esfdraft token — API tokens for scripts and integrations

Usage:
  esfdraft token create EMAIL [--name LABEL]

Prints the token once (only its hash is stored). Send it as
  Authorization: Bearer TOKEN

Options:
)";
    po::options_description options;
    // clang-format off
    options.add_options()("help,h", "show this help")("name", po::value<std::string>()->value_name("LABEL"), "what the token is for");
    // clang-format on
    add_database_option(options);
    const po::variables_map values = parse(arguments, options, "words");
    const std::vector<std::string> words = words_of(values);
    if (values.count("help") || words.empty()) {
        std::cout << help << options;
        return words.empty() && !values.count("help") ? exit_failure : exit_ok;
    }
    if (words[0] != "create" || words.size() != 2)
        throw UsageError("usage: esfdraft token create EMAIL [--name LABEL]");
    const std::unique_ptr<store::Store> database = open_migrated(database_url(values));
    const std::optional<store::User> user = database->find_user_by_email(words[1]);
    if (!user) throw UsageError("there is no user " + words[1]);
    if (user->disabled) throw UsageError(words[1] + " is disabled");
    const std::string token = store::random_token();
    database->create_api_token(user->id, values.count("name") ? values["name"].as<std::string>() : "",
                               store::token_hash(token));
    database->append_history({std::nullopt, user->id, "token-create", std::nullopt, std::nullopt, ""});
    std::cout << token << "\n";
    return exit_ok;
}

int run_db(const std::vector<std::string>& arguments) {
    const char* const help = R"(esfdraft db — the service's database

Usage:
  esfdraft db migrate [--database URL]      create or migrate the schema (serve does this on start too)
  esfdraft db backup FILE [--database URL]  a consistent copy of a SQLite database, safe while serve runs
                                            (never overwrites FILE; for PostgreSQL use pg_dump)

Options:
)";
    po::options_description options;
    // clang-format off
    options.add_options()("help,h", "show this help");
    // clang-format on
    add_database_option(options);
    const po::variables_map values = parse(arguments, options, "words");
    const std::vector<std::string> words = words_of(values);
    if (values.count("help") || words.empty()) {
        std::cout << help << options;
        return words.empty() && !values.count("help") ? exit_failure : exit_ok;
    }
    if (words[0] == "migrate" && words.size() == 1) {
        const std::unique_ptr<store::Store> database = store::Store::open(database_url(values));
        const int applied = database->migrate();
        const store::SchemaState state = database->schema_state();
        std::cout << database->display_url() << ": " << applied << " migration(s) applied, schema version "
                  << state.current << "\n";
        return exit_ok;
    }
    if (words[0] == "backup" && words.size() == 2) {
        const std::unique_ptr<store::Store> database = store::Store::open(database_url(values));
        database->backup(words[1]);
        std::cout << "backed up " << database->display_url() << " to " << words[1] << "\n";
        return exit_ok;
    }
    throw UsageError("usage: esfdraft db migrate | esfdraft db backup FILE");
}

}  // namespace esfdraft::cli
