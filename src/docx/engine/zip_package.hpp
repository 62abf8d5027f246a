// An OOXML package as a list of named parts, read from and written to zip
// bytes. Reading is defensive (templates come from users); writing is
// deterministic (the same parts give byte-identical archives).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace esfdraft::docx {

struct PackageEntry {
    std::string name;   // zip entry name, e.g. "word/document.xml" (no leading '/')
    std::string bytes;  // uncompressed content
};

// The parts of a package in archive order.
class Package {
public:
    // nullptr when there is no entry of that name (compared exactly; OPC part
    // names are case-insensitive, but read_package refuses names that differ
    // only in case, so exact comparison is enough).
    const std::string* find(std::string_view name) const;
    // Replaces the entry's bytes, or appends a new entry. Throws
    // std::runtime_error for a new name read_package would refuse (empty,
    // absolute, a backslash, a drive letter, a control character, a "." or
    // ".." segment, or one that differs only in case from an entry's).
    void put(std::string_view name, std::string bytes);
    const std::vector<PackageEntry>& entries() const { return entries_; }

private:
    std::vector<PackageEntry> entries_;
};

// Bounds that keep a hostile archive from exhausting memory or time.
struct PackageLimits {
    std::uint64_t max_archive_bytes = 64ull << 20;    // the zip file itself
    std::uint64_t max_total_bytes = 256ull << 20;     // sum of uncompressed sizes
    std::uint64_t max_entry_bytes = 128ull << 20;     // one uncompressed entry
    std::uint64_t max_xml_entry_bytes = 64ull << 20;  // one entry named *.xml or *.rels (parsed into a tree)
    std::uint64_t max_entries = 4096;
    // Compression ratio allowed for entries above ratio_free_bytes; ordinary
    // WordprocessingML compresses 5–30 times, a zip bomb thousands of times.
    std::uint64_t max_ratio = 200;
    std::uint64_t ratio_free_bytes = 1ull << 20;
};

// Reads every entry of a zip archive. `archive_name` names the archive in
// errors ("template 'x.docx': ..."). Throws std::runtime_error, naming the
// archive and the entry, for: bytes that are not a zip archive; a truncated
// or inconsistent archive; ZIP64, split or encrypted archives; compression
// other than stored/deflate; an entry name that is absolute, contains "..",
// a backslash or a control character, or repeats another name (ignoring
// case); sizes or ratios beyond `limits` (the ratio of inflated bytes to
// the compressed bytes the deflate stream really used, not its declared
// size); a local header that disagrees with the central directory (name,
// method, and CRC and sizes unless a data descriptor follows); entries whose
// local header and data overlap another's; an entry whose data does not
// inflate to its declared size or CRC. Directory entries are skipped.
// Nothing is inflated before every entry has been checked. An entry name in
// a message is shown through model::printable (control characters and
// bytes that are not UTF-8 as \xNN), so a name cannot forge lines or send
// escape sequences. What it returns keeps within `limits`: no entry above
// max_entry_bytes (max_xml_entry_bytes for *.xml and *.rels), all of them
// together at most max_total_bytes, and a deflated entry above
// ratio_free_bytes at most max_ratio times the compressed bytes inflate
// consumed; no two entries' local headers and data share a byte.
Package read_package(std::string_view archive, const std::string& archive_name, const PackageLimits& limits = {});

// Writes the entries in this order: "[Content_Types].xml", "_rels/.rels",
// then all others sorted by name (bytewise); no folder entries. Entries are
// deflated (stored when that is not smaller) and stamped 1980-01-01
// 00:00:00, so equal packages give equal bytes. Throws std::runtime_error
// for a package that would need ZIP64 (an entry or archive of 4 GiB).
std::string write_package(const Package& package);

}  // namespace esfdraft::docx
