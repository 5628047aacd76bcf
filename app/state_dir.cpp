#include "app/state_dir.hpp"

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace exhibit {
namespace {

// An absolute path from the environment, or empty when unset, empty or relative.
std::filesystem::path absoluteFromEnv(const char* name) {
    const char* value = std::getenv(name);
    if (value == nullptr || *value == '\0') return {};
    std::filesystem::path path(value);
    return path.is_absolute() ? path : std::filesystem::path{};
}

std::filesystem::path homeDirectory() {
    if (auto home = absoluteFromEnv("HOME"); !home.empty()) return home;
    std::vector<char> buffer(16384);
    passwd entry{};
    passwd* found = nullptr;
    if (getpwuid_r(getuid(), &entry, buffer.data(), buffer.size(), &found) == 0 && found != nullptr &&
        found->pw_dir != nullptr && found->pw_dir[0] == '/')
        return found->pw_dir;
    return {};
}

[[noreturn]] void fail(const std::filesystem::path& dir, std::string_view what, int error) {
    throw StartupError("state directory " + dir.string() + ": " + std::string(what) + ": " + std::strerror(error));
}

}  // namespace

std::filesystem::path defaultStateDir() {
    if (const char* systemd = std::getenv("STATE_DIRECTORY"); systemd != nullptr) {
        const std::string_view all(systemd);
        const std::filesystem::path first(std::string(all.substr(0, all.find(':'))));
        if (first.is_absolute()) return first;
    }
    if (auto xdg = absoluteFromEnv("XDG_STATE_HOME"); !xdg.empty()) return xdg / "exhibit";
    if (auto home = homeDirectory(); !home.empty()) return home / ".local" / "state" / "exhibit";
    throw StartupError(
        "no state directory: none of $STATE_DIRECTORY, $XDG_STATE_HOME and $HOME is set to an absolute path, "
        "and the user has no home directory; set one of them");
}

void ensureStateDir(const std::filesystem::path& dir) {
    if (dir.empty()) throw StartupError("state directory: empty path");
    // Walk down from the root so that every directory created here gets 0700 (mkdir -p would give
    // the parents the umask's default).
    std::filesystem::path prefix;
    for (const auto& part : dir.lexically_normal()) {
        prefix /= part;
        if (part.empty()) continue;  // the trailing "" of "a/b/"
        if (::mkdir(prefix.c_str(), 0700) == 0) {
            ::chmod(prefix.c_str(), 0700);  // a umask like 0200 must not leave it 0500
            continue;
        }
        if (errno == EEXIST) continue;
        const int error = errno;
        struct stat st {};
        if (::stat(prefix.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) continue;  // e.g. EACCES on "/"
        fail(dir, prefix == dir.lexically_normal() ? "cannot create" : "cannot create " + prefix.string(), error);
    }
    struct stat st {};
    if (::stat(dir.c_str(), &st) != 0) fail(dir, "cannot use", errno);
    if (!S_ISDIR(st.st_mode)) fail(dir, "exists but is not a directory", ENOTDIR);
    if (::access(dir.c_str(), W_OK | X_OK) != 0) fail(dir, "cannot write", errno);
}

}  // namespace exhibit
