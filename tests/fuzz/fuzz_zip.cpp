// fuzz_zip: the zip reader on raw bytes, as a user's template reaches it.
//
// Properties (a failure traps):
//  - read_package either returns a package or throws exactly
//    std::runtime_error (its documented refusal), whose message names the
//    archive and is printable as it is (an entry name in it is escaped); no
//    other exception, crash, leak, undefined behaviour, or memory beyond
//    what the limits allow;
//  - what it returns keeps its promises: no names repeated (ignoring case),
//    none absolute, with "..", a backslash or a control character;
//  - what it returns is within the reader's bounds (PackageLimits' defaults,
//    the reader's public constants), checked against this file's own reading
//    of the archive rather than anything the reader reports: each entry at
//    most max_entry_bytes (max_xml_entry_bytes for an XML part), all at most
//    max_total_bytes, a deflated entry above ratio_free_bytes at most
//    max_ratio times the compressed bytes zlib really consumed (not the
//    declared compressed size, which padding inflates), and no two entries'
//    local headers and data overlapping;
//  - writing that package and reading it back gives the same entries (the
//    writer is the reader's inverse for everything the reader accepts).
#include <zlib.h>

#include <algorithm>
#include <limits>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <typeinfo>
#include <vector>

#include "docx/engine/zip_package.hpp"
#include "fuzz_support.hpp"
#include "model/printable.hpp"

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
    return std::none_of(name.begin(), name.end(),
                        [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; });
}

// One entry where this file finds it: its local header, its data and the
// sizes the central directory declares.
struct Located {
    std::uint16_t method = 0;
    std::uint32_t compressed_size = 0;
    std::uint32_t size = 0;
    std::size_t header_start = 0;
    std::size_t data_start = 0;
};

std::uint32_t u16(std::string_view bytes, std::size_t at) {
    return static_cast<unsigned char>(bytes[at]) | static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 1]))
                                                       << 8;
}
std::uint32_t u32(std::string_view bytes, std::size_t at) { return u16(bytes, at) | u16(bytes, at + 2) << 16; }

// The central directory read again, as plainly as the format allows: the
// last end record in the final 64 KiB + 22 bytes, then each entry with its
// local header. Folder entries ("a/") are left out, as the reader skips
// them. nullopt for anything out of bounds: an archive the reader accepted
// has none.
std::optional<std::map<std::string, Located>> central_directory(std::string_view zip) {
    if (zip.size() < 22) return std::nullopt;
    std::size_t end = std::string_view::npos;
    for (std::size_t at = zip.size() - 22 + 1; at-- > 0 && zip.size() - 22 - at <= 0xffff;)
        if (u32(zip, at) == 0x06054b50) {
            end = at;
            break;
        }
    if (end == std::string_view::npos) return std::nullopt;
    const std::uint32_t count = u16(zip, end + 10);
    std::size_t at = u32(zip, end + 16);
    std::map<std::string, Located> entries;
    for (std::uint32_t i = 0; i < count; ++i) {
        if (at + 46 > zip.size() || u32(zip, at) != 0x02014b50) return std::nullopt;
        Located entry;
        entry.method = static_cast<std::uint16_t>(u16(zip, at + 10));
        entry.compressed_size = u32(zip, at + 20);
        entry.size = u32(zip, at + 24);
        const std::size_t name_length = u16(zip, at + 28);
        entry.header_start = u32(zip, at + 42);
        if (at + 46 + name_length > zip.size()) return std::nullopt;
        const std::string name(zip.substr(at + 46, name_length));
        at += 46 + name_length + u16(zip, at + 30) + u16(zip, at + 32);
        if (!name.empty() && name.back() == '/') continue;  // nothing of a folder entry is read
        if (entry.header_start + 30 > zip.size()) return std::nullopt;
        entry.data_start =
            entry.header_start + 30 + u16(zip, entry.header_start + 26) + u16(zip, entry.header_start + 28);
        if (entry.data_start + entry.compressed_size > zip.size()) return std::nullopt;
        entries[name] = entry;
    }
    return entries;
}

// The compressed bytes inflate consumes to give `expected` from the raw
// deflate data `compressed`; nullopt when it does not give exactly that.
std::optional<std::uint64_t> inflate_consumed(std::string_view compressed, const std::string& expected) {
    z_stream stream{};
    if (inflateInit2(&stream, -15) != Z_OK) return std::nullopt;
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
    stream.avail_in = static_cast<uInt>(compressed.size());
    std::size_t produced = 0;
    bool same = true;
    int status = Z_OK;
    char buffer[65536];
    while (same && status == Z_OK) {
        stream.next_out = reinterpret_cast<Bytef*>(buffer);
        stream.avail_out = sizeof buffer;
        status = inflate(&stream, Z_NO_FLUSH);
        const std::size_t got = sizeof buffer - stream.avail_out;
        same = produced + got <= expected.size() && expected.compare(produced, got, buffer, got) == 0;
        produced += got;
        if (status == Z_BUF_ERROR && got == 0) break;
        if (status == Z_BUF_ERROR) status = Z_OK;
    }
    const std::uint64_t consumed = stream.total_in;
    inflateEnd(&stream);
    if (!same || status != Z_STREAM_END || produced != expected.size()) return std::nullopt;
    return consumed;
}

bool is_xml_part(const std::string& name) {
    const std::string folded = lower(name);
    const auto ends_with = [&](const std::string& suffix) {
        return folded.size() >= suffix.size() &&
               folded.compare(folded.size() - suffix.size(), suffix.size(), suffix) == 0;
    };
    return ends_with(".xml") || ends_with(".rels");
}

// `inflated` ≤ `ratio` × `consumed`, without overflow.
bool within_ratio(std::uint64_t inflated, std::uint64_t consumed, std::uint64_t ratio) {
    if (consumed == 0) return inflated == 0;
    const std::uint64_t quotient = inflated / consumed;
    return quotient < ratio || (quotient == ratio && inflated % consumed == 0);
}

// The bounds of PackageLimits' defaults, checked on what the reader gave.
void require_within_bounds(std::string_view zip, const docx::Package& package) {
    const docx::PackageLimits limits;
    const std::optional<std::map<std::string, Located>> directory = central_directory(zip);
    FUZZ_REQUIRE(directory.has_value(), "the reader accepted an archive whose central directory does not read");
    FUZZ_REQUIRE(directory->size() == package.entries().size(),
                 "the central directory holds " + std::to_string(directory->size()) + " files, the package " +
                     std::to_string(package.entries().size()));
    std::uint64_t total = 0;
    std::vector<std::pair<std::size_t, std::size_t>> spans;  // [local header, end of data)
    for (const docx::PackageEntry& entry : package.entries()) {
        const auto found = directory->find(entry.name);
        FUZZ_REQUIRE(found != directory->end(), "the entry '" + entry.name + "' is not in the central directory");
        const Located& where = found->second;
        const std::uint64_t size = entry.bytes.size();
        FUZZ_REQUIRE(size == where.size,
                     entry.name + ": " + std::to_string(size) + " bytes, declared " + std::to_string(where.size));
        FUZZ_REQUIRE(size <= limits.max_entry_bytes, entry.name + ": " + std::to_string(size) + " bytes");
        FUZZ_REQUIRE(!is_xml_part(entry.name) || size <= limits.max_xml_entry_bytes,
                     entry.name + ": " + std::to_string(size) + " bytes");
        total += size;
        const std::string_view data = zip.substr(where.data_start, where.compressed_size);
        if (where.method == 8) {
            const std::optional<std::uint64_t> consumed = inflate_consumed(data, entry.bytes);
            FUZZ_REQUIRE(consumed.has_value(),
                         entry.name + ": its data does not inflate to the bytes the reader returned");
            FUZZ_REQUIRE(size <= limits.ratio_free_bytes || within_ratio(size, *consumed, limits.max_ratio),
                         entry.name + ": " + std::to_string(size) + " bytes inflated from " +
                             std::to_string(*consumed) + " consumed (declared " +
                             std::to_string(where.compressed_size) + "), above " + std::to_string(limits.max_ratio) +
                             ":1");
        } else {
            FUZZ_REQUIRE(where.method == 0 && data == entry.bytes,
                         entry.name + ": a stored entry that is not its bytes");
        }
        spans.emplace_back(where.header_start, where.data_start + where.compressed_size);
    }
    FUZZ_REQUIRE(total <= limits.max_total_bytes, std::to_string(total) + " bytes in all");
    std::sort(spans.begin(), spans.end());
    for (std::size_t i = 1; i < spans.size(); ++i)
        FUZZ_REQUIRE(spans[i].first >= spans[i - 1].second,
                     "an entry at " + std::to_string(spans[i].first) + " overlaps the one at " +
                         std::to_string(spans[i - 1].first) + " (which ends at " + std::to_string(spans[i - 1].second) +
                         ")");
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
    } catch (const std::runtime_error& error) {
        // Refused, as documented: with exactly this type (a subclass escaping
        // would be an error the reader did not mean), naming the archive,
        // and printable as it is.
        const std::string message = error.what();
        FUZZ_REQUIRE(typeid(error) == typeid(std::runtime_error),
                     std::string("refused with ") + typeid(error).name() + ": " + message);
        FUZZ_REQUIRE(message.rfind("fuzz.zip: ", 0) == 0, "the refusal does not name the archive: " + message);
        FUZZ_REQUIRE(model::printable(message) == message,
                     "the refusal quotes unescaped input: " + model::printable(message));
        return 0;
    } catch (const std::exception& error) {
        FUZZ_REQUIRE(false, std::string("an exception the reader does not document: ") + typeid(error).name() + ": " +
                                error.what());
    } catch (...) {
        FUZZ_REQUIRE(false, "an exception that is not a std::exception");
    }
    require_within_bounds(bytes, package);
    std::map<std::string, std::string> folded;
    for (const docx::PackageEntry& entry : package.entries()) {
        FUZZ_REQUIRE(acceptable_name(entry.name), "the reader accepted the entry name '" + entry.name + "'");
        FUZZ_REQUIRE(folded.emplace(lower(entry.name), entry.name).second,
                     "two entries named '" + entry.name + "' ignoring case");
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
