// Outputs that appear whole or not at all: each is written to a temporary
// file beside its target and renamed into place only when every output of a
// job is ready, so a failed job leaves earlier outputs as they were.
#pragma once

#include <string>
#include <vector>

namespace esfdraft::pipeline {

class PendingOutput {
public:
    // Creates an empty temporary file in the target's folder. Throws
    // ToolError when the target is one of `inputs` (never overwrite an
    // input), is a folder, or its folder does not exist or is not writable.
    PendingOutput(std::string target, const std::vector<std::string>& inputs);
    // Removes the temporary file unless commit() ran.
    ~PendingOutput();
    PendingOutput(const PendingOutput&) = delete;
    PendingOutput& operator=(const PendingOutput&) = delete;
    PendingOutput(PendingOutput&& other) noexcept;
    PendingOutput& operator=(PendingOutput&&) = delete;

    // Where to write (for writers that take a path).
    const std::string& temporary_path() const { return temporary_; }
    const std::string& target() const { return target_; }
    // Writes `bytes` to the temporary file. Throws ToolError when it cannot.
    void write(const std::string& bytes);
    // Renames the temporary file onto the target. Throws ToolError.
    void commit();

private:
    std::string target_;
    std::string temporary_;
    bool committed_ = false;
};

}  // namespace esfdraft::pipeline
