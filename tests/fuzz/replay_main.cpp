// A plain main() for a fuzz target, for the normal test build (any
// compiler, no libFuzzer): runs LLVMFuzzerTestOneInput once on every file
// named on the command line, or inside a folder named there (recursively, in
// name order so a failure is reproducible). A broken property traps, so a
// regression fails the ctest with the input's name printed just before.
// Names that do not exist are skipped; no input at all is a failure.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "fuzz_support.hpp"

namespace fs = std::filesystem;

int main(int argc, char** argv) {
    LLVMFuzzerInitialize(&argc, &argv);
    std::vector<fs::path> inputs;
    for (int i = 1; i < argc; ++i) {
        const fs::path path(argv[i]);
        if (fs::is_directory(path)) {
            for (const auto& entry : fs::recursive_directory_iterator(path))
                if (entry.is_regular_file() && entry.path().filename().string().front() != '.')
                    inputs.push_back(entry.path());
        } else if (fs::exists(path)) {
            inputs.push_back(path);
        } else {
            // tests/fuzz/regressions/<target>/ exists only once something was found.
            std::fprintf(stderr, "%s: no such file or folder, skipped\n", argv[i]);
        }
    }
    std::sort(inputs.begin(), inputs.end());
    for (const fs::path& input : inputs) {
        std::fprintf(stderr, "%s\n", input.string().c_str());
        std::ifstream in(input, std::ios::binary);
        const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
    }
    std::printf("%zu inputs replayed\n", inputs.size());
    return inputs.empty() ? 1 : 0;  // a corpus that vanished must not pass unnoticed
}
