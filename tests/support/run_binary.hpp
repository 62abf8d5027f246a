// Test support: runs the real esfdraft binary and captures what it printed.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "support/temp_files.hpp"

namespace esfdraft::testing {

struct RunResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

// Runs ESFDRAFT_BINARY with `arguments` (no shell involved), with the working
// folder `cwd` (default: the source tree) and extra environment entries.
inline RunResult run_esfdraft(const std::vector<std::string>& arguments, const std::string& cwd = ESFDRAFT_SOURCE_DIR,
                              const std::vector<std::string>& environment = {}) {
    ScratchFolder capture;
    const std::string out_path = capture.path("stdout");
    const std::string err_path = capture.path("stderr");
    std::fflush(nullptr);  // or the child would print the parent's buffered output again
    const pid_t child = ::fork();
    if (child == 0) {
        if (::chdir(cwd.c_str()) != 0) ::_exit(127);
        if (!std::freopen(out_path.c_str(), "w", stdout) || !std::freopen(err_path.c_str(), "w", stderr)) ::_exit(127);
        for (const std::string& entry : environment) ::putenv(const_cast<char*>(entry.c_str()));
        std::vector<char*> argv;
        argv.push_back(const_cast<char*>(ESFDRAFT_BINARY));
        for (const std::string& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
        argv.push_back(nullptr);
        ::execv(ESFDRAFT_BINARY, argv.data());
        ::_exit(127);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    RunResult result;
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    result.out = read_file(out_path);
    result.err = read_file(err_path);
    return result;
}

inline bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace esfdraft::testing
