// load_paths: the two ways load::Loader reads a plan, timed side by side.
//
//   one pass   (streaming_from_bytes = SIZE_MAX): libxml2 parses a document,
//              the element tree is copied from it, the reader reads the tree,
//              libxml2 validates the document; all on one thread.
//   streaming  (streaming_from_bytes = 0): the tree parser (tree_parser.cpp)
//              builds the tree from the bytes and the reader reads it while
//              libxml2 parses and validates in one SAX pass on a second thread.
//
// Usage: load_paths SCHEMA_DIR RUNS PLAN.xml...
// For each plan: one untimed load each way, then RUNS timed loads each way,
// alternated (one pass, streaming, one pass, …), every load in memory (the
// file is read once). Prints one line per plan and way: the size, the median
// and the fastest wall time, the median CPU time of the process (both
// threads) and of the calling thread alone (the streaming way's tree parser
// and reader; cpu_med - caller_med is its validator thread). On a busy
// machine the CPU times are the steadier figures. A plan the schema rejects
// is marked "(invalid)": the streaming way then does its work and the
// one-pass check after it. It prints figures; it asserts nothing but that
// both ways agree on whether the plan gives a model.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <limits>
#include <string>
#include <vector>

#include "load/loader.hpp"
#include "load/xml_input.hpp"

using namespace esfdraft;

namespace {

double cpu_ms(clockid_t clock = CLOCK_PROCESS_CPUTIME_ID) {
    timespec t{};
    clock_gettime(clock, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

struct Times {
    std::vector<double> wall, cpu, thread;
};

bool load_once(load::Loader& loader, const std::string& bytes, Times* into) {
    const double cpu_before = cpu_ms();
    const double thread_before = cpu_ms(CLOCK_THREAD_CPUTIME_ID);
    const auto wall_before = std::chrono::steady_clock::now();
    const load::PlanLoad plan = loader.load_plan_bytes(bytes, "plan.xml");
    const auto wall_after = std::chrono::steady_clock::now();
    const double thread_after = cpu_ms(CLOCK_THREAD_CPUTIME_ID);
    const double cpu_after = cpu_ms();
    if (into) {
        into->wall.push_back(std::chrono::duration<double, std::milli>(wall_after - wall_before).count());
        into->cpu.push_back(cpu_after - cpu_before);
        into->thread.push_back(thread_after - thread_before);
    }
    return plan.application.has_value();
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 4) {
        std::fprintf(stderr, "usage: load_paths SCHEMA_DIR RUNS PLAN.xml...\n");
        return 2;
    }
    const std::string schemas = argv[1];
    const int runs = std::max(1, std::atoi(argv[2]));
    load::Loader one_pass(schemas, load::default_max_input_bytes, std::numeric_limits<std::size_t>::max());
    load::Loader streaming(schemas, load::default_max_input_bytes, 0);
    std::printf("%-10s %-10s %10s %10s %10s %10s\n", "bytes", "way", "wall_med", "wall_min", "cpu_med", "caller_med");
    for (int i = 3; i < argc; ++i) {
        const std::string bytes = load::read_input_file(argv[i]);
        const bool valid = load_once(one_pass, bytes, nullptr);
        if (load_once(streaming, bytes, nullptr) != valid) {
            std::fprintf(stderr, "%s: one way gives a model, the other does not\n", argv[i]);
            return 1;
        }
        Times a, b;
        for (int r = 0; r < runs; ++r) {
            load_once(one_pass, bytes, &a);
            load_once(streaming, bytes, &b);
        }
        for (const auto& [way, t] : {std::pair{"one_pass", &a}, std::pair{"streaming", &b}}) {
            std::printf("%-10zu %-10s %10.3f %10.3f %10.3f %10.3f%s\n", bytes.size(), way, median(t->wall),
                        *std::min_element(t->wall.begin(), t->wall.end()), median(t->cpu), median(t->thread),
                        valid ? "" : "  (invalid)");
        }
        std::fflush(stdout);
    }
    return 0;
}
