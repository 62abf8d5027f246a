// Shared by the esfdraft subcommands: exit codes, usage errors, parsing.
#pragma once

#include <boost/program_options.hpp>

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "model/said.hpp"
#include "model/values.hpp"

namespace esfdraft::cli {

namespace po = boost::program_options;

constexpr int exit_ok = 0;
constexpr int exit_findings = 1;  // the application has errors
constexpr int exit_failure = 2;   // esfdraft could not do its job

// Bad usage: printed with a pointer to --help, exit status 2.
struct UsageError : model::SaidError {
    using model::SaidError::SaidError;
};

// The language esfdraft speaks on standard error and in its usage errors: a
// command that writes in a language (it has --lang) speaks that one, Swedish
// unless --lang en; the others (serve, user, token, db) and esfdraft itself
// speak English. `parse` sets it, before anything can go wrong.
std::string_view spoken_language();

// Parses `arguments` against `visible` with every remaining word collected
// under `positional_name`. Throws UsageError with Boost's explanation (in
// Swedish too).
po::variables_map parse(const std::vector<std::string>& arguments, const po::options_description& visible,
                        const char* positional_name);

// The --date option (or SOURCE_DATE_EPOCH, or the clock). Throws ToolError.
model::Date today_from(const po::variables_map& values);

// "--lang must be sv or en, not 'LANG'".
UsageError bad_language(const std::string& lang);

// The --lang option when given; UsageError unless sv or en.
std::optional<std::string> language_from(const po::variables_map& values);

// The subcommands (each prints its own --help).
int run_check(const std::vector<std::string>& arguments);
int run_rules(const std::vector<std::string>& arguments);
int run_build(const std::vector<std::string>& arguments);
int run_draft(const std::vector<std::string>& arguments);
int run_budget(const std::vector<std::string>& arguments);
int run_template(const std::vector<std::string>& arguments);
int run_serve(const std::vector<std::string>& arguments);
int run_user(const std::vector<std::string>& arguments);
int run_token(const std::vector<std::string>& arguments);
int run_db(const std::vector<std::string>& arguments);
int run_new(const std::vector<std::string>& arguments);
int run_assess(const std::vector<std::string>& arguments);

}  // namespace esfdraft::cli
