// Shared by the fuzz targets: where the data folder is, how a broken
// property stops the run, and a reader that turns fuzz bytes into choices.
//
// Each target is one .cpp defining LLVMFuzzerInitialize and
// LLVMFuzzerTestOneInput. It is linked twice: with libFuzzer (ESFDRAFT_FUZZ,
// clang) to fuzz, and with replay_main.cpp (any compiler, the normal test
// build) to replay the committed corpus and regressions under ctest.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace esfdraft::fuzz {

// The folder holding schemas/ and templates/: ESFDRAFT_DATA_DIR when set,
// else the source tree the target was built from.
inline std::string data_dir() {
    if (const char* dir = std::getenv("ESFDRAFT_DATA_DIR"); dir && *dir) return dir;
    return ESFDRAFT_SOURCE_DIR;
}

// A property the code under test must keep did not hold: say which, and stop
// with a trap, so libFuzzer (or ctest) reports the input as a crash.
[[noreturn]] inline void property_failed(const char* what, const std::string& detail, const char* file, int line) {
    std::fprintf(stderr, "\n*** fuzz property failed at %s:%d: %s\n", file, line, what);
    if (!detail.empty()) std::fprintf(stderr, "    %s\n", detail.c_str());
    std::fflush(stderr);
    __builtin_trap();
}

#define FUZZ_REQUIRE(condition, detail)                                                                \
    do {                                                                                               \
        if (!(condition)) ::esfdraft::fuzz::property_failed(#condition, (detail), __FILE__, __LINE__); \
    } while (false)

// Consumes fuzz bytes as small decisions; once the bytes run out every
// answer is 0 (or empty), so any input is a complete, deterministic recipe.
class ByteReader {
public:
    explicit ByteReader(std::string_view bytes) : bytes_(bytes) {}

    bool empty() const { return at_ >= bytes_.size(); }
    std::uint8_t byte() { return empty() ? 0 : static_cast<std::uint8_t>(bytes_[at_++]); }
    // A number in [0, bound) (bound > 0).
    std::uint32_t below(std::uint32_t bound) {
        const std::uint32_t value = static_cast<std::uint32_t>(byte()) << 8 | byte();
        return value % bound;
    }
    bool flip() { return (byte() & 1) != 0; }
    // Up to `max` raw bytes, the count from one byte.
    std::string_view bytes(std::size_t max) {
        std::size_t count = byte();
        if (count > max) count = max;
        if (count > bytes_.size() - std::min(at_, bytes_.size())) count = bytes_.size() - std::min(at_, bytes_.size());
        const std::string_view out = bytes_.substr(std::min(at_, bytes_.size()), count);
        at_ += count;
        return out;
    }
    std::string_view rest() {
        const std::string_view out = bytes_.substr(std::min(at_, bytes_.size()));
        at_ = bytes_.size();
        return out;
    }

private:
    std::string_view bytes_;
    std::size_t at_ = 0;
};

}  // namespace esfdraft::fuzz

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv);
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
