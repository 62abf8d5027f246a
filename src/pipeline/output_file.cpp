#include "pipeline/output_file.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <mutex>

#include "pipeline/pipeline.hpp"

namespace esfdraft::pipeline {

namespace fs = std::filesystem;

namespace {

// ---- the registry of paths to remove when the process is told to stop ----
//
// A fixed table, so that the signal handler needs no allocation and no lock:
// it claims a slot with one atomic exchange (armed -> claimed), so a slot is
// never rewritten while the handler reads its path, and it calls only
// unlink() and rmdir() (async-signal-safe). A job that finds the table full
// just is not cleaned on a signal (the next job's stale sweep removes it).

constexpr int slot_count = 256;
constexpr std::size_t slot_path_bytes = 4096;
enum SlotState : int { slot_free = 0, slot_filling = 1, slot_armed = 2, slot_claimed = 3 };

struct Slot {
    std::atomic<int> state{slot_free};
    std::atomic<bool> folder{false};
    char path[slot_path_bytes];
};
Slot slots[slot_count];

extern "C" void remove_pending_and_reraise(int signal_number) {
    const int saved_errno = errno;
    int folders[slot_count];
    int folder_count = 0;
    for (int i = 0; i < slot_count; ++i) {
        int expected = slot_armed;
        if (!slots[i].state.compare_exchange_strong(expected, slot_claimed)) continue;
        if (slots[i].folder.load())
            folders[folder_count++] = i;  // after the files in it
        else
            ::unlink(slots[i].path);
    }
    for (int i = 0; i < folder_count; ++i) ::rmdir(slots[folders[i]].path);
    errno = saved_errno;
    // SA_RESETHAND put back the default action: the signal is delivered again
    // once this handler returns (it is blocked until then) and ends the
    // process as it would have without us.
    ::raise(signal_number);
}

// Takes over SIGINT, SIGTERM and SIGHUP only where the program left the
// default action (a server with its own handling, or a `nohup`, keeps it).
void install_signal_cleanup() {
    static std::once_flag installed;
    std::call_once(installed, [] {
        for (const int signal_number : {SIGINT, SIGTERM, SIGHUP}) {
            struct sigaction current {};
            if (::sigaction(signal_number, nullptr, &current) != 0) continue;
            if ((current.sa_flags & SA_SIGINFO) != 0 || current.sa_handler != SIG_DFL) continue;
            struct sigaction ours {};
            ours.sa_handler = remove_pending_and_reraise;
            sigemptyset(&ours.sa_mask);
            sigaddset(&ours.sa_mask, SIGINT);
            sigaddset(&ours.sa_mask, SIGTERM);
            sigaddset(&ours.sa_mask, SIGHUP);
            ours.sa_flags = SA_RESETHAND;
            ::sigaction(signal_number, &ours, nullptr);
        }
    });
}

// Registers `path` before it exists, so there is no moment when the file is
// there and the handler does not know it. -1 when the table is full or the
// path too long.
int register_pending(const std::string& path, bool folder) {
    install_signal_cleanup();
    if (path.size() >= slot_path_bytes) return -1;
    for (int i = 0; i < slot_count; ++i) {
        int expected = slot_free;
        if (!slots[i].state.compare_exchange_strong(expected, slot_filling)) continue;
        std::memcpy(slots[i].path, path.c_str(), path.size() + 1);
        slots[i].folder.store(folder);
        slots[i].state.store(slot_armed, std::memory_order_release);
        return i;
    }
    return -1;
}

void unregister_pending(int slot) {
    if (slot < 0) return;
    int expected = slot_armed;
    // When the handler has claimed it, the process is ending: leave it.
    slots[slot].state.compare_exchange_strong(expected, slot_free);
}

// Six letters or digits from the kernel's random source.
std::string random_tag() {
    static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    unsigned char bytes[6] = {};
    std::size_t got = 0;
    while (got < sizeof bytes) {
        const ssize_t n = ::getrandom(bytes + got, sizeof bytes - got, 0);
        if (n > 0) {
            got += static_cast<std::size_t>(n);
        } else if (errno != EINTR) {
            // No random source: the clock and a counter still make names that
            // O_EXCL keeps unique.
            static std::atomic<unsigned> counter{0};
            unsigned long long seed =
                static_cast<unsigned long long>(std::chrono::steady_clock::now().time_since_epoch().count()) ^
                (static_cast<unsigned long long>(counter++) << 40);
            for (unsigned char& b : bytes) {
                b = static_cast<unsigned char>(seed);
                seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
            }
            break;
        }
    }
    std::string tag;
    for (const unsigned char b : bytes) tag += alphabet[b % (sizeof alphabet - 1)];
    return tag;
}

std::string pid_text() { return std::to_string(static_cast<long long>(::getpid())); }

bool is_tag(std::string_view text) {
    return text.size() == 6 && std::all_of(text.begin(), text.end(), [](char c) {
               return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
           });
}

// The pid in "<pid>-<tag>" at the end of `name` after `marker`, when the rest
// is exactly that; 0 otherwise.
long long pid_after(std::string_view name, std::string_view marker) {
    const std::size_t at = name.rfind(marker);
    if (at == std::string_view::npos) return 0;
    const std::string_view rest = name.substr(at + marker.size());
    const std::size_t dash = rest.find('-');
    if (dash == 0 || dash == std::string_view::npos || dash > 10 || !is_tag(rest.substr(dash + 1))) return 0;
    long long pid = 0;
    for (const char c : rest.substr(0, dash)) {
        if (c < '0' || c > '9') return 0;
        pid = pid * 10 + (c - '0');
    }
    return pid;
}

constexpr std::time_t stale_after_seconds = 10 * 60;

// Whether a temporary of process `pid`, last changed at `changed`, is still
// being written: its process runs and it changed in the last ten minutes.
bool stale(long long pid, std::time_t changed) {
    const bool gone = pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH;
    return gone || std::time(nullptr) - changed > stale_after_seconds;
}

// The folder's open descriptor, locked exclusively; unlocked and closed by
// the destructor. A folder that cannot be opened or locked (some network
// file systems) is written unlocked, as before.
class FolderLock {
public:
    explicit FolderLock(const std::string& folder)
        : descriptor_(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)) {
        if (descriptor_ < 0) return;
        while (::flock(descriptor_, LOCK_EX) != 0 && errno == EINTR) {
        }
    }
    ~FolderLock() {
        if (descriptor_ >= 0) ::close(descriptor_);
    }
    FolderLock(FolderLock&& other) noexcept : descriptor_(other.descriptor_) { other.descriptor_ = -1; }
    FolderLock(const FolderLock&) = delete;
    FolderLock& operator=(const FolderLock&) = delete;
    FolderLock& operator=(FolderLock&&) = delete;

    int descriptor() const { return descriptor_; }

private:
    int descriptor_ = -1;
};

std::string folder_of(const std::string& path) {
    const fs::path folder = fs::path(path).parent_path();
    return folder.empty() ? std::string(".") : folder.string();
}

model::Said cannot_write(const std::string& target) {
    return model::Said("kan inte skriva '" + target + "': disken är full eller behörighet saknas",
                       "cannot write '" + target + "': disk full or permission denied");
}

}  // namespace

PendingOutput::PendingOutput(std::string target, const std::vector<std::string>& inputs) : target_(std::move(target)) {
    std::error_code error;
    for (const std::string& input : inputs)
        if (fs::exists(target_, error) && fs::equivalent(target_, input, error))
            throw ToolError(model::Said("skriver inte '" + target_ + "': det är en av indatafilerna",
                                        "refusing to write '" + target_ + "': it is one of the input files"));
    if (fs::is_directory(target_, error))
        throw ToolError(model::Said("kan inte skriva '" + target_ + "': det är en mapp",
                                    "cannot write '" + target_ + "': it is a folder"));
    const fs::path path(target_);
    const fs::path folder = path.parent_path().empty() ? fs::path(".") : path.parent_path();
    if (!fs::is_directory(folder, error))
        throw ToolError(
            model::Said("kan inte skriva '" + target_ + "': mappen '" + folder.string() + "' finns inte",
                        "cannot write '" + target_ + "': the folder '" + folder.string() + "' does not exist"));
    // A file being replaced keeps its mode (a private file stays private);
    // a new one gets 0666 less the umask from open(), like any other tool's.
    struct stat existing {};
    const bool replacing = ::stat(target_.c_str(), &existing) == 0 && S_ISREG(existing.st_mode);
    const std::string prefix = (folder / ("." + path.filename().string() + ".tmp-" + pid_text() + "-")).string();
    for (int attempt = 0; attempt < 100 && descriptor_ < 0; ++attempt) {
        temporary_ = prefix + random_tag();
        slot_ = register_pending(temporary_, false);
        descriptor_ = ::open(temporary_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (descriptor_ >= 0) break;
        const int reason = errno;
        unregister_pending(slot_);
        slot_ = -1;
        if (reason != EEXIST) break;
    }
    if (descriptor_ < 0) {
        temporary_.clear();
        throw ToolError(
            model::Said("kan inte skriva i '" + folder.string() + "': behörighet saknas eller disken är full",
                        "cannot write in '" + folder.string() + "': permission denied or disk full"));
    }
    if (replacing) ::fchmod(descriptor_, existing.st_mode & 0777);
}

PendingOutput::PendingOutput(PendingOutput&& other) noexcept
    : target_(std::move(other.target_)),
      temporary_(std::move(other.temporary_)),
      descriptor_(other.descriptor_),
      slot_(other.slot_),
      committed_(other.committed_) {
    other.temporary_.clear();
    other.descriptor_ = -1;
    other.slot_ = -1;
    other.committed_ = true;
}

PendingOutput::~PendingOutput() {
    if (descriptor_ >= 0) ::close(descriptor_);
    if (!committed_ && !temporary_.empty()) ::unlink(temporary_.c_str());
    unregister_pending(slot_);
}

void PendingOutput::write(const std::string& bytes) {
    const auto fail = [&] { throw ToolError(cannot_write(target_)); };
    if (descriptor_ < 0 || ::ftruncate(descriptor_, 0) != 0 || ::lseek(descriptor_, 0, SEEK_SET) != 0) fail();
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(descriptor_, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) fail();
        done += static_cast<std::size_t>(n);
    }
    // On the disk before the rename: after a power cut the target is the old
    // file or the new one, never an empty one.
    if (::fsync(descriptor_) != 0) fail();
}

void PendingOutput::commit() {
    if (descriptor_ >= 0) {
        const int closed = ::close(descriptor_);
        descriptor_ = -1;
        if (closed != 0) throw ToolError(cannot_write(target_));
    }
    std::error_code error;
    fs::rename(temporary_, target_, error);
    if (error)
        throw ToolError(model::Said("kan inte skriva '" + target_ + "': " + error.message(),
                                    "cannot write '" + target_ + "': " + error.message()));
    committed_ = true;
    unregister_pending(slot_);
    slot_ = -1;
}

void commit_together(std::vector<PendingOutput>& outputs) {
    // One lock per folder (the same folder may be spelt two ways), taken in
    // the order of (device, inode) so that two jobs never wait on each other.
    struct Folder {
        dev_t device;
        ino_t inode;
        std::string path;
    };
    std::vector<Folder> folders;
    for (const PendingOutput& output : outputs) {
        const std::string folder = folder_of(output.target());
        struct stat info {};
        if (::stat(folder.c_str(), &info) != 0) continue;
        const bool known = std::any_of(folders.begin(), folders.end(), [&](const Folder& f) {
            return f.device == info.st_dev && f.inode == info.st_ino;
        });
        if (!known) folders.push_back({info.st_dev, info.st_ino, folder});
    }
    std::sort(folders.begin(), folders.end(), [](const Folder& a, const Folder& b) {
        return a.device != b.device ? a.device < b.device : a.inode < b.inode;
    });
    std::vector<FolderLock> locks;
    locks.reserve(folders.size());
    for (const Folder& folder : folders) {
        locks.emplace_back(folder.path);
        // Under the lock, so the sweep never races another job's rename.
        remove_stale_temporaries(folder.path);
    }
    for (PendingOutput& output : outputs) output.commit();
    // The renames themselves on the disk. An error here is not reported: the
    // files are in place and complete, only their durability is uncertain.
    for (const FolderLock& lock : locks)
        if (lock.descriptor() >= 0) ::fsync(lock.descriptor());
}

void remove_stale_temporaries(const std::string& folder) {
    std::error_code error;
    for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
        const std::string name = it->path().filename().string();
        if (name.size() < 2 || name[0] != '.') continue;
        const long long pid = pid_after(name, ".tmp-");
        // ".<target>.tmp-<pid>-<tag>", with a target name of at least one character.
        if (pid == 0 || name.rfind(".tmp-") < 2) continue;
        struct stat info {};
        if (::lstat(it->path().c_str(), &info) != 0 || !S_ISREG(info.st_mode)) continue;
        if (stale(pid, info.st_mtime)) ::unlink(it->path().c_str());
    }
}

namespace {

// Private folders left by a process that was killed (SIGKILL, a crash):
// ours by name and owner, with only plain files directly inside.
void remove_stale_private_folders(const fs::path& base) {
    std::error_code error;
    for (fs::directory_iterator it(base, error), end; !error && it != end; it.increment(error)) {
        const std::string name = it->path().filename().string();
        if (name.rfind("esfdraft-", 0) != 0) continue;
        const long long pid = pid_after(name, "esfdraft-");
        struct stat info {};
        if (pid == 0 || ::lstat(it->path().c_str(), &info) != 0 || !S_ISDIR(info.st_mode) || info.st_uid != ::geteuid())
            continue;
        if (!stale(pid, info.st_mtime)) continue;
        std::error_code inner;
        for (fs::directory_iterator file(it->path(), inner), last; !inner && file != last; file.increment(inner)) {
            struct stat file_info {};
            if (::lstat(file->path().c_str(), &file_info) == 0 && S_ISREG(file_info.st_mode))
                ::unlink(file->path().c_str());
        }
        ::rmdir(it->path().c_str());
    }
}

}  // namespace

PrivateFolder::PrivateFolder() {
    std::error_code error;
    fs::path base = fs::temp_directory_path(error);
    if (error) base = "/tmp";
    // Once per process: what a killed run left is there when the next one starts.
    static std::once_flag swept;
    std::call_once(swept, [&] { remove_stale_private_folders(base); });
    int reason = 0;
    for (int attempt = 0; attempt < 100; ++attempt) {
        path_ = (base / ("esfdraft-" + pid_text() + "-" + random_tag())).string();
        slot_ = register_pending(path_, true);
        if (::mkdir(path_.c_str(), 0700) == 0) return;
        reason = errno;
        unregister_pending(slot_);
        slot_ = -1;
        if (reason != EEXIST) break;
    }
    path_.clear();
    const std::string why = std::error_code(reason, std::generic_category()).message();
    throw ToolError(model::Said("kan inte skapa en tillfällig mapp i '" + base.string() + "': " + why +
                                    " (sätt TMPDIR till en mapp du kan skriva i)",
                                "cannot create a temporary folder in '" + base.string() + "': " + why +
                                    " (set TMPDIR to a folder you can write to)"));
}

PrivateFolder::~PrivateFolder() {
    for (const auto& [file, slot] : files_) {
        ::unlink(file.c_str());
        unregister_pending(slot);
    }
    if (!path_.empty()) {
        std::error_code ignored;
        fs::remove_all(path_, ignored);  // also anything a library left in it
    }
    unregister_pending(slot_);
}

std::string PrivateFolder::file(const std::string& name) {
    std::string path = (fs::path(path_) / name).string();
    files_.emplace_back(path, register_pending(path, false));
    return path;
}

}  // namespace esfdraft::pipeline
