#include "pipeline/output_file.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "pipeline/pipeline.hpp"

namespace esfdraft::pipeline {

namespace fs = std::filesystem;

PendingOutput::PendingOutput(std::string target, const std::vector<std::string>& inputs) : target_(std::move(target)) {
    std::error_code error;
    for (const std::string& input : inputs)
        if (fs::exists(target_, error) && fs::equivalent(target_, input, error))
            throw ToolError("refusing to write '" + target_ + "': it is one of the input files");
    if (fs::is_directory(target_, error)) throw ToolError("cannot write '" + target_ + "': it is a folder");
    const fs::path path(target_);
    const fs::path folder = path.parent_path().empty() ? fs::path(".") : path.parent_path();
    if (!fs::is_directory(folder, error))
        throw ToolError("cannot write '" + target_ + "': the folder '" + folder.string() + "' does not exist");
    temporary_ = (folder / ("." + path.filename().string() + ".tmp-XXXXXX")).string();
    const int descriptor = ::mkstemp(temporary_.data());
    if (descriptor < 0) {
        temporary_.clear();
        throw ToolError("cannot write in '" + folder.string() + "': permission denied or disk full");
    }
    ::close(descriptor);
    // mkstemp makes the file private; an output is an ordinary document.
    fs::permissions(temporary_, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read | fs::perms::others_read,
                    error);
}

PendingOutput::PendingOutput(PendingOutput&& other) noexcept
    : target_(std::move(other.target_)), temporary_(std::move(other.temporary_)), committed_(other.committed_) {
    other.temporary_.clear();
    other.committed_ = true;
}

PendingOutput::~PendingOutput() {
    if (!committed_ && !temporary_.empty()) {
        std::error_code ignored;
        fs::remove(temporary_, ignored);
    }
}

void PendingOutput::write(const std::string& bytes) {
    std::ofstream out(temporary_, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.flush();
    if (!out) throw ToolError("cannot write '" + target_ + "': disk full or permission denied");
}

void PendingOutput::commit() {
    std::error_code error;
    fs::rename(temporary_, target_, error);
    if (error) throw ToolError("cannot write '" + target_ + "': " + error.message());
    committed_ = true;
}

}  // namespace esfdraft::pipeline
