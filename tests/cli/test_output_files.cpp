// How esfdraft writes its outputs (issue 14): the findings file a plan may
// name, two builds into one folder, temporaries after a signal or a crash,
// modes, and a full disk. All with the real binary.
#include <boost/test/unit_test.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <future>
#include <thread>

#include "support/run_binary.hpp"

using namespace esfdraft::testing;
namespace fs = std::filesystem;

namespace {

const std::string sample = "samples/framsyn/plan.xml";
const std::string findings = "samples/framsyn/findings.xml";

std::string with_findings_attribute(std::string plan, const std::string& value) {
    const std::string attribute = "findings=\"findings.xml\"";
    const auto at = plan.find(attribute);
    BOOST_REQUIRE(at != std::string::npos);
    plan.replace(at, attribute.size(), "findings=\"" + value + "\"");
    return plan;
}

std::vector<std::string> entries(const std::string& folder) {
    std::vector<std::string> names;
    std::error_code error;
    for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error))
        names.push_back(it->path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

std::vector<std::string> temporaries(const std::string& folder) {
    std::vector<std::string> found;
    for (const std::string& name : entries(folder))
        if (name.find(".tmp-") != std::string::npos) found.push_back(name);
    return found;
}

std::string joined(const std::vector<std::string>& names) {
    std::string text;
    for (const std::string& name : names) text += name + " ";
    return text;
}

unsigned mode_of(const std::string& path) {
    struct stat info {};
    BOOST_REQUIRE(::stat(path.c_str(), &info) == 0);
    return info.st_mode & 0777;
}

// Starts esfdraft without waiting for it; its output goes nowhere.
pid_t start_esfdraft(const std::vector<std::string>& arguments, const std::vector<std::string>& environment) {
    std::fflush(nullptr);
    const pid_t child = ::fork();
    if (child == 0) {
        if (::chdir(ESFDRAFT_SOURCE_DIR) != 0) ::_exit(127);
        const int null = ::open("/dev/null", O_WRONLY);
        ::dup2(null, 1);
        ::dup2(null, 2);
        for (const std::string& entry : environment) ::putenv(const_cast<char*>(entry.c_str()));
        std::vector<char*> argv;
        argv.push_back(const_cast<char*>(ESFDRAFT_BINARY));
        for (const std::string& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
        argv.push_back(nullptr);
        ::execv(ESFDRAFT_BINARY, argv.data());
        ::_exit(127);
    }
    return child;
}

// A plan with `lines` cost lines (bench/generate_plan.py), so that a build
// takes long enough to be interrupted.
std::string big_plan(const ScratchFolder& folder, int lines) {
    const std::string command = "python3 '" + source_path("bench/generate_plan.py") + "' " + std::to_string(lines) +
                                " '" + folder.path("big") + "' > /dev/null";
    BOOST_REQUIRE(std::system(command.c_str()) == 0);
    return folder.path("big/plan.xml");
}

// A pid that no process has: a child that has already been reaped.
pid_t gone_pid() {
    const pid_t child = ::fork();
    if (child == 0) ::_exit(0);
    ::waitpid(child, nullptr, 0);
    return child;
}

}  // namespace

// 7: a plan must not make esfdraft read files outside the plan's folder.
BOOST_AUTO_TEST_CASE(a_plan_cannot_name_a_findings_file_outside_its_folder) {
    ScratchFolder folder;
    const std::string plan_bytes = read_file(source_path(sample));
    fs::copy_file(source_path(findings), folder.path("findings.xml"));
    for (const std::string named : {"/etc/passwd", "../findings.xml"}) {
        const std::string plan = folder.write("plans/plan.xml", with_findings_attribute(plan_bytes, named));
        for (const char* command : {"build", "check"}) {
            std::vector<std::string> arguments = {command, plan, "--date", "2009-09-01", "--lang", "en"};
            if (std::string(command) == "build") arguments.insert(arguments.end(), {"-o", folder.path("out")});
            const auto result = run_esfdraft(arguments);
            BOOST_TEST(result.exit_code == 2, command << " " << named << ": " << result.out << result.err);
            BOOST_TEST(contains(result.err, "give the findings file with --findings, or put it beside the plan"),
                       result.err);
            BOOST_TEST(!contains(result.out, "root:"));
        }
        BOOST_TEST(entries(folder.path("out")).empty());
        // Named with --findings, the same file is read.
        const auto result = run_esfdraft({"build", plan, "-o", folder.path("out"), "--findings",
                                          folder.path("findings.xml"), "--date", "2009-09-01"});
        BOOST_TEST(result.exit_code == 0, result.out << result.err);
        fs::remove_all(folder.path("out"));
    }
}

// 8: the set renamed together is always one build's.
BOOST_AUTO_TEST_CASE(two_builds_into_one_folder_leave_the_set_of_one_of_them) {
    ScratchFolder folder;
    std::string other = read_file(source_path(sample));
    const std::string title = "<title>";
    const auto at = other.find(title);
    BOOST_REQUIRE(at != std::string::npos);
    other.insert(at + title.size(), "Andra planen: ");
    const std::string plan_a = folder.write("a/plan.xml", read_file(source_path(sample)));
    const std::string plan_b = folder.write("b/plan.xml", other);
    for (const char* side : {"a", "b"})
        fs::copy_file(source_path(findings), folder.path(std::string(side) + "/findings.xml"));
    const std::vector<std::string> names = {"FRAMSYN.docx", "FRAMSYN.xlsx", "FRAMSYN-rapport.html"};
    for (const char* side : {"a", "b"}) {
        const auto result = run_esfdraft({"build", folder.path(std::string(side) + "/plan.xml"), "-o",
                                          folder.path(std::string("ref-") + side), "--date", "2009-09-01"});
        BOOST_REQUIRE_MESSAGE(result.exit_code == 0, result.out << result.err);
    }
    for (const std::string& name : names)
        BOOST_REQUIRE(read_file(folder.path("ref-a/" + name)) != read_file(folder.path("ref-b/" + name)));

    const std::string out = folder.path("out");
    int mixed = 0;
    for (int round = 0; round < 30; ++round) {
        auto first = std::async(std::launch::async, [&] {
            return run_esfdraft({"build", plan_a, "-o", out, "--date", "2009-09-01"});
        });
        auto second = std::async(std::launch::async, [&] {
            return run_esfdraft({"build", plan_b, "-o", out, "--date", "2009-09-01"});
        });
        const RunResult a = first.get();
        const RunResult b = second.get();
        BOOST_REQUIRE_MESSAGE(a.exit_code == 0 && b.exit_code == 0, a.err << b.err);
        std::string from;
        for (const std::string& name : names) {
            const std::string bytes = read_file(out + "/" + name);
            const std::string which = bytes == read_file(folder.path("ref-a/" + name))   ? "a"
                                      : bytes == read_file(folder.path("ref-b/" + name)) ? "b"
                                                                                         : "neither";
            from += which;
        }
        if (from != "aaa" && from != "bbb") {
            ++mixed;
            BOOST_TEST_MESSAGE("round " << round << ": draft, workbook, report from " << from);
        }
        BOOST_TEST(temporaries(out).empty(), joined(temporaries(out)));
    }
    BOOST_TEST(mixed == 0);
}

// 9: a build told to stop removes its temporaries, in the output folder and
// in its private temporary folder.
BOOST_AUTO_TEST_CASE(a_build_stopped_by_a_signal_leaves_no_temporaries) {
    ScratchFolder folder;
    const std::string plan = big_plan(folder, 20000);
    for (const int signal_number : {SIGTERM, SIGINT}) {
        const std::string out = folder.path("out");
        const std::string tmp = folder.path("tmp");
        fs::remove_all(out);
        fs::remove_all(tmp);
        fs::create_directories(out);
        fs::create_directories(tmp);
        const pid_t child = start_esfdraft({"build", plan, "-o", out, "--date", "2009-09-01"}, {"TMPDIR=" + tmp});
        // Wait until it is writing: a temporary beside the outputs or its private folder.
        bool writing = false;
        int status = 0;
        for (int i = 0; i < 60000 && !writing; ++i) {
            writing = !temporaries(out).empty() || !entries(tmp).empty();
            if (!writing) {
                if (::waitpid(child, &status, WNOHANG) == child) break;
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            }
        }
        BOOST_REQUIRE_MESSAGE(writing, "the build ended before it could be stopped");
        ::kill(child, signal_number);
        BOOST_REQUIRE(::waitpid(child, &status, 0) == child);
        if (WIFSIGNALED(status)) {
            BOOST_TEST(WTERMSIG(status) == signal_number);
        } else {
            BOOST_TEST_MESSAGE("the build finished before the signal came");
        }
        BOOST_TEST(temporaries(out).empty(), joined(temporaries(out)));
        BOOST_TEST(entries(tmp).empty(), joined(entries(tmp)));
    }
}

// 9: what a killed build left is removed by the next build into the folder;
// only our names, only when their process is gone or they are old.
BOOST_AUTO_TEST_CASE(the_next_build_removes_stale_temporaries) {
    ScratchFolder folder;
    const std::string out = folder.path("out");
    fs::create_directories(out);
    const std::string dead = std::to_string(gone_pid());
    const std::string alive = std::to_string(::getpid());
    const std::string of_gone_process = folder.write("out/.FRAMSYN.xlsx.tmp-" + dead + "-aB3dE9", "partial");
    const std::string old = folder.write("out/.FRAMSYN.docx.tmp-" + alive + "-Zz9Yy8", "partial");
    fs::last_write_time(old, fs::file_time_type::clock::now() - std::chrono::hours(1));
    const std::string fresh = folder.write("out/.FRAMSYN.docx.tmp-" + alive + "-Qq1Ww2", "being written");
    const std::string not_ours = folder.write("out/.notes.tmp-keep", "someone else's");
    const std::string not_ours_either = folder.write("out/.x.tmp-" + dead + "-toolong1", "someone else's");
    const auto result = run_esfdraft({"build", sample, "-o", out, "--date", "2009-09-01"});
    BOOST_TEST(result.exit_code == 0, result.out << result.err);
    BOOST_TEST(!fs::exists(of_gone_process));
    BOOST_TEST(!fs::exists(old));
    BOOST_TEST(fs::exists(fresh));
    BOOST_TEST(fs::exists(not_ours));
    BOOST_TEST(fs::exists(not_ours_either));
}

// 9: a killed build's private folder under TMPDIR is removed by the next run;
// a live run's and anything not ours are left alone.
BOOST_AUTO_TEST_CASE(the_next_build_removes_stale_private_folders) {
    ScratchFolder folder;
    const std::string tmp = folder.path("tmp");
    const std::string dead =
        folder.write("tmp/esfdraft-" + std::to_string(gone_pid()) + "-aB3dE9/budget.xlsx", "partial");
    const std::string alive =
        folder.write("tmp/esfdraft-" + std::to_string(::getpid()) + "-Qq1Ww2/budget.xlsx", "in use");
    const std::string other = folder.write("tmp/esfdraft-test-1/keep", "not ours");
    const auto result = run_esfdraft({"build", sample, "-o", folder.path("out"), "--date", "2009-09-01"},
                                     ESFDRAFT_SOURCE_DIR, {"TMPDIR=" + tmp});
    BOOST_TEST(result.exit_code == 0, result.out << result.err);
    BOOST_TEST(!fs::exists(fs::path(dead).parent_path()));
    BOOST_TEST(fs::exists(alive));
    BOOST_TEST(fs::exists(other));
    BOOST_TEST(entries(tmp).size() == 2u, joined(entries(tmp)));  // and the build's own folder is gone
}

// 10: new files follow the umask; a replaced file keeps its mode.
BOOST_AUTO_TEST_CASE(outputs_follow_the_umask_and_keep_a_replaced_files_mode) {
    ScratchFolder folder;
    const std::string out = folder.path("out");
    const mode_t previous = ::umask(077);
    const auto private_build = run_esfdraft({"build", sample, "-o", out, "--date", "2009-09-01"});
    ::umask(022);
    BOOST_TEST(private_build.exit_code == 0, private_build.err);
    for (const char* name : {"FRAMSYN.docx", "FRAMSYN.xlsx", "FRAMSYN-rapport.html"})
        BOOST_TEST(mode_of(out + "/" + name) == 0600u, name);
    // Replaced under umask 022: still 0600; a new file under 022 is 0644.
    const auto again = run_esfdraft({"build", sample, "-o", out, "--date", "2010-01-01"});
    BOOST_TEST(again.exit_code == 0, again.err);
    for (const char* name : {"FRAMSYN.docx", "FRAMSYN.xlsx", "FRAMSYN-rapport.html"})
        BOOST_TEST(mode_of(out + "/" + name) == 0600u, name);
    const auto fresh = run_esfdraft({"budget", sample, "-o", folder.path("b.xlsx"), "--date", "2009-09-01"});
    BOOST_TEST(fresh.exit_code == 0, fresh.err);
    BOOST_TEST(mode_of(folder.path("b.xlsx")) == 0644u);
    ::umask(previous);
}

// A full disk: esfdraft's own message only (no libxlsxwriter "[ERROR]" line),
// nothing left behind. Needs a small tmpfs, which needs root.
BOOST_AUTO_TEST_CASE(a_full_disk_gives_our_message_only) {
    ScratchFolder folder;
    const std::string full = folder.path("full");
    fs::create_directories(full);
    if (::mount("tmpfs", full.c_str(), "tmpfs", 0, "size=16k") != 0) {
        BOOST_TEST_MESSAGE("skipped: cannot mount a small tmpfs here (" << std::strerror(errno) << ")");
        return;
    }
    const auto build = run_esfdraft({"build", sample, "-o", full, "--date", "2009-09-01", "--lang", "en"});
    const auto budget =
        run_esfdraft({"budget", sample, "-o", full + "/b.xlsx", "--date", "2009-09-01", "--lang", "en"});
    const std::vector<std::string> left = entries(full);
    ::umount(full.c_str());
    for (const RunResult* result : {&build, &budget}) {
        BOOST_TEST(result->exit_code == 2, result->out << result->err);
        BOOST_TEST(contains(result->err, "esfdraft: error: cannot write"), result->err);
        BOOST_TEST(contains(result->err, "disk full"), result->err);
        BOOST_TEST(!contains(result->err, "[ERROR]"), result->err);
    }
    BOOST_TEST(left.empty(), joined(left));
}
