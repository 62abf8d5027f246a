// Outputs that appear whole or not at all: each is written to a temporary
// file beside its target and renamed into place only when every output of a
// job is ready, so a failed job leaves earlier outputs as they were.
//
// Temporaries are named ".<target name>.tmp-<pid>-<6 letters or digits>".
// They are removed when the job fails, when the process gets SIGINT, SIGTERM
// or SIGHUP (if the program left those at their default action), and, after
// a SIGKILL or a crash, by the next job writing into the same folder (see
// remove_stale_temporaries).
#pragma once

#include <string>
#include <vector>

namespace esfdraft::pipeline {

class PendingOutput {
public:
    // Creates an empty temporary file in the target's folder, with the mode
    // of the file it will replace, else 0666 less the umask. Throws
    // ToolError when the target is one of `inputs` (never overwrite an
    // input), is a folder, or its folder does not exist or is not writable.
    PendingOutput(std::string target, const std::vector<std::string>& inputs);
    // Removes the temporary file unless commit() ran.
    ~PendingOutput();
    PendingOutput(const PendingOutput&) = delete;
    PendingOutput& operator=(const PendingOutput&) = delete;
    PendingOutput(PendingOutput&& other) noexcept;
    PendingOutput& operator=(PendingOutput&&) = delete;

    const std::string& temporary_path() const { return temporary_; }
    const std::string& target() const { return target_; }
    // Writes `bytes` to the temporary file and flushes it to the disk
    // (fsync). Throws ToolError when it cannot (a full disk).
    void write(const std::string& bytes);
    // Renames the temporary file onto the target. Throws ToolError. Prefer
    // commit_together, which also locks the folder and syncs it.
    void commit();

private:
    std::string target_;
    std::string temporary_;
    int descriptor_ = -1;
    int slot_ = -1;  // in the registry the signal handler cleans
    bool committed_ = false;
};

// Renames every output into place while holding an exclusive lock (flock)
// on each of their folders, so two jobs writing the same names into one
// folder leave the whole set of one or of the other, never a mix; then
// syncs the folders so the renames survive a power cut. Throws ToolError on
// the first rename that fails (earlier ones stay done).
void commit_together(std::vector<PendingOutput>& outputs);

// Removes temporaries of our naming in `folder` that no job is writing any
// more: their process is gone, or they are older than ten minutes. Anything
// else in the folder is left alone. Never throws.
void remove_stale_temporaries(const std::string& folder);

// A private folder (mode 0700) under $TMPDIR (else /tmp) for files that only
// this job reads, such as the workbook libxlsxwriter can only write to a
// file. Named "esfdraft-<pid>-<6 letters or digits>"; removed with what
// file() registered in it by the destructor and on the signals above.
class PrivateFolder {
public:
    // Throws ToolError when the folder cannot be created.
    PrivateFolder();
    ~PrivateFolder();
    PrivateFolder(const PrivateFolder&) = delete;
    PrivateFolder& operator=(const PrivateFolder&) = delete;

    const std::string& path() const { return path_; }
    // The path of `name` in the folder, registered for removal (the file
    // need not exist yet).
    std::string file(const std::string& name);

private:
    std::string path_;
    int slot_ = -1;
    std::vector<std::pair<std::string, int>> files_;
};

}  // namespace esfdraft::pipeline
