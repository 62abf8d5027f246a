#include "http/artefacts.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <vector>

#include "pipeline/pipeline.hpp"

namespace esfdraft::http {

namespace {

namespace fs = std::filesystem;

bool append_file(std::string& into, const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return false;
    std::ostringstream bytes;
    bytes << in.rdbuf();
    into += store::sha256_hex(bytes.str());
    return true;
}

// What besides a version's bytes decides its outputs. Read once per process:
// the server does not pick up an edited data folder without a restart either
// (its check sessions keep what they loaded).
std::optional<std::string> compute_identity() {
    std::string identity = "esfdraft artefacts 1\n";
    if (!append_file(identity, "/proc/self/exe")) return std::nullopt;
    const fs::path data = pipeline::data_dir();
    identity += "\n" + data.string() + "\n";
    for (const char* folder : {"schemas", "templates"}) {
        std::error_code error;
        std::vector<fs::path> files;
        for (fs::recursive_directory_iterator it(data / folder, error), end; !error && it != end; it.increment(error)) {
            if (it->is_regular_file(error)) files.push_back(it->path());
        }
        if (error) return std::nullopt;
        std::sort(files.begin(), files.end());
        for (const fs::path& file : files) {
            identity += file.lexically_relative(data).string() + " ";
            if (!append_file(identity, file)) return std::nullopt;
            identity += "\n";
        }
    }
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"))
        identity += std::string("SOURCE_DATE_EPOCH=") + epoch + "\n";
    return store::sha256_hex(identity);
}

const std::optional<std::string>& identity() {
    static std::once_flag once;
    static std::optional<std::string> value;
    std::call_once(once, [] { value = compute_identity(); });
    return value;
}

}  // namespace

std::optional<std::string> artefact_key(const store::VersionInfo& version) {
    const std::optional<std::string>& self = identity();
    if (!self) return std::nullopt;
    return store::sha256_hex(*self + "\n" + version.plan_sha256 + "\n" + version.findings_sha256.value_or("-") + "\n" +
                             version_day(version).iso());
}

std::optional<std::string> cached_artefact(Context& context, const store::VersionInfo& version, const std::string& kind,
                                           const std::string& lang,
                                           const std::function<std::optional<std::string>()>& make) {
    const std::optional<std::string> key = artefact_key(version);
    if (key) {
        try {
            if (std::optional<std::string> found = context.store.find_artefact(*key, kind, lang)) return found;
        } catch (const store::StoreError&) {
            // a miss: the answer is made as if there were no cache
        }
    }
    std::optional<std::string> bytes = make();
    if (key && bytes) {
        try {
            context.store.put_artefact(*key, kind, lang, *bytes);
        } catch (const store::StoreError&) {
            // the next request makes it again
        }
    }
    return bytes;
}

}  // namespace esfdraft::http
