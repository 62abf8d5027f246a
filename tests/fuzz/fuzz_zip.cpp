// fuzz_zip: the zip reader on raw bytes, as a user's template reaches it.
//
// Properties (a failure traps):
//  - read_package either returns a package or throws std::runtime_error (its
//    documented refusal); no other exception, crash, leak, undefined
//    behaviour, or memory beyond what the limits allow;
//  - what it returns keeps its promises: no names repeated (ignoring case),
//    none absolute, with "..", a backslash or a control character;
//  - writing that package and reading it back gives the same entries (the
//    writer is the reader's inverse for everything the reader accepts).
#include <algorithm>
#include <limits>
#include <map>
#include <stdexcept>
#include <string>

#include "docx/zip_package.hpp"
#include "fuzz_support.hpp"

using namespace esfdraft;

namespace {

std::string lower(std::string text) {
    for (char& c : text)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return text;
}

bool acceptable_name(const std::string& name) {
    if (name.empty() || name.front() == '/' || name.find('\\') != std::string::npos) return false;
    // ".." as a whole segment is what the reader must refuse; a name such as
    // "a..b" is harmless, so only whole segments are checked here.
    std::size_t start = 0;
    while (start <= name.size()) {
        const std::size_t slash = std::min(name.find('/', start), name.size());
        if (name.compare(start, slash - start, "..") == 0 && slash - start == 2) return false;
        start = slash + 1;
    }
    return std::none_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; });
}

std::map<std::string, std::string> by_name(const docx::Package& package) {
    std::map<std::string, std::string> entries;
    for (const docx::PackageEntry& entry : package.entries()) entries[entry.name] = entry.bytes;
    return entries;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) { return 0; }

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    docx::Package package;
    try {
        package = docx::read_package(bytes, "fuzz.zip");
    } catch (const std::runtime_error&) {
        return 0;  // refused, as documented
    }
    std::map<std::string, std::string> folded;
    for (const docx::PackageEntry& entry : package.entries()) {
        FUZZ_REQUIRE(acceptable_name(entry.name), "the reader accepted the entry name '" + entry.name + "'");
        FUZZ_REQUIRE(folded.emplace(lower(entry.name), entry.name).second, "two entries named '" + entry.name + "' ignoring case");
        FUZZ_REQUIRE(package.find(entry.name) == &entry.bytes, "find does not give the entry '" + entry.name + "'");
    }
    std::string written;
    try {
        written = docx::write_package(package);
    } catch (const std::runtime_error& error) {
        FUZZ_REQUIRE(false, std::string("a package the reader accepted cannot be written: ") + error.what());
    }
    // The writer's deflate may compress better than whatever made the input,
    // so the ratio bound is not the writer's promise: it is lifted here.
    docx::PackageLimits relaxed;
    relaxed.max_ratio = std::numeric_limits<std::uint64_t>::max();
    docx::Package again;
    try {
        again = docx::read_package(written, "rewritten.zip", relaxed);
    } catch (const std::runtime_error& error) {
        FUZZ_REQUIRE(false, std::string("the written package does not read back: ") + error.what());
    }
    FUZZ_REQUIRE(by_name(again) == by_name(package), "the written package reads back different entries");
    FUZZ_REQUIRE(docx::write_package(again) == written, "writing the same package twice gave different bytes");
    return 0;
}
