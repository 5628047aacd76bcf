#include "app/control_token.hpp"

#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <string>

#include <spdlog/spdlog.h>

#include "core/error.hpp"
#include "core/unique_fd.hpp"

namespace exhibit {
namespace {

constexpr std::size_t kRandomBytes = 32;
constexpr std::size_t kMinTokenChars = 32;
constexpr std::size_t kMaxTokenChars = 128;
constexpr const char* kDeleteHint = "delete it and restart exhibit to get a new token, or write your own token "
                                    "(32 to 128 characters of 0-9, a-z, A-Z, '-', '_') into it";

[[noreturn]] void fail(const std::filesystem::path& file, const std::string& what) {
    throw StartupError("control token " + file.string() + ": " + what);
}

std::array<unsigned char, kRandomBytes> randomBytes(const std::filesystem::path& file) {
    std::array<unsigned char, kRandomBytes> bytes{};
    std::size_t filled = 0;
    while (filled < bytes.size()) {
        const ssize_t n = ::getrandom(bytes.data() + filled, bytes.size() - filled, 0);
        if (n > 0) {
            filled += static_cast<std::size_t>(n);
            continue;
        }
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && errno == ENOSYS) break;  // very old kernel: /dev/urandom below
        fail(file, std::string("cannot get random bytes: ") + std::strerror(errno));
    }
    if (filled < bytes.size()) {
        UniqueFd urandom(::open("/dev/urandom", O_RDONLY | O_CLOEXEC));
        if (urandom.get() < 0) fail(file, std::string("cannot open /dev/urandom: ") + std::strerror(errno));
        while (filled < bytes.size()) {
            const ssize_t n = ::read(urandom.get(), bytes.data() + filled, bytes.size() - filled);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) fail(file, std::string("cannot read /dev/urandom: ") + std::strerror(errno));
            filled += static_cast<std::size_t>(n);
        }
    }
    return bytes;
}

std::string hex(const std::array<unsigned char, kRandomBytes>& bytes) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string text;
    for (unsigned char b : bytes) {
        text += digits[b >> 4];
        text += digits[b & 0xf];
    }
    return text;
}

void writeAll(int fd, std::string_view data, const std::filesystem::path& path) {
    while (!data.empty()) {
        const ssize_t n = ::write(fd, data.data(), data.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) fail(path, std::string("cannot write: ") + std::strerror(errno));
        data.remove_prefix(static_cast<std::size_t>(n));
    }
}

// Writes a new token to a private temporary file and links it into place. Returns false when
// another process created the file first (the caller then reads that one).
bool createToken(const std::filesystem::path& file) {
    std::filesystem::path tmp = file;
    tmp += ".new-" + std::to_string(::getpid());
    ::unlink(tmp.c_str());  // left by a crashed process that had our pid
    {
        UniqueFd fd(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600));
        if (fd.get() < 0) fail(tmp, std::string("cannot create: ") + std::strerror(errno));
        try {
            writeAll(fd.get(), hex(randomBytes(file)) + "\n", tmp);
            if (::fsync(fd.get()) != 0) fail(tmp, std::string("cannot sync: ") + std::strerror(errno));
        } catch (...) {
            ::unlink(tmp.c_str());
            throw;
        }
    }
    int linked = ::link(tmp.c_str(), file.c_str());
    int error = errno;
    if (linked != 0 && (error == EPERM || error == EOPNOTSUPP || error == EXDEV)) {
        // A file system without hard links: rename instead (a simultaneous first start of two
        // processes could then see two tokens, the later one winning).
        linked = ::rename(tmp.c_str(), file.c_str());
        error = errno;
    }
    ::unlink(tmp.c_str());
    if (linked != 0 && error == EEXIST) return false;
    if (linked != 0) fail(file, std::string("cannot create: ") + std::strerror(error));
    const std::filesystem::path dir = file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
    UniqueFd dirFd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (dirFd.get() >= 0) ::fsync(dirFd.get());
    return true;
}

}  // namespace

bool isValidControlToken(std::string_view token) {
    if (token.size() < kMinTokenChars || token.size() > kMaxTokenChars) return false;
    for (char c : token) {
        const bool ok =
            (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_';
        if (!ok) return false;
    }
    return true;
}

std::string loadOrCreateToken(const std::filesystem::path& stateDir) {
    const std::filesystem::path file = stateDir / kControlTokenFile;
    for (int attempt = 0; attempt < 2; ++attempt) {
        UniqueFd fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY | O_NONBLOCK));
        if (fd.get() < 0 && errno == ENOENT) {
            if (createToken(file)) {
                spdlog::info("[app.control] created a new control token in {}", file.string());
            }
            continue;  // read what is there now, ours or the other process's
        }
        if (fd.get() < 0 && errno == ELOOP) fail(file, std::string("is a symbolic link; ") + kDeleteHint);
        if (fd.get() < 0) fail(file, std::string("cannot open: ") + std::strerror(errno));

        struct stat st {};
        if (::fstat(fd.get(), &st) != 0) fail(file, std::string("cannot read: ") + std::strerror(errno));
        if (!S_ISREG(st.st_mode)) fail(file, std::string("not a regular file; ") + kDeleteHint);
        if ((st.st_mode & 077) != 0) {
            spdlog::warn("[app.control] {} was readable or writable by other users (mode {:o}); setting it to 0600",
                         file.string(), st.st_mode & 07777);
            if (::fchmod(fd.get(), 0600) != 0)
                fail(file, std::string("readable by other users and cannot be made private: ") + std::strerror(errno) +
                               "; run chmod 600 on it as its owner, or delete it to get a new token");
        }
        if (st.st_size > 4096)
            fail(file, "not a control token (" + std::to_string(st.st_size) + " bytes); " + kDeleteHint);

        std::string text(static_cast<std::size_t>(st.st_size), '\0');
        std::size_t got = 0;
        while (got < text.size()) {
            const ssize_t n = ::read(fd.get(), text.data() + got, text.size() - got);
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) fail(file, std::string("cannot read: ") + std::strerror(errno));
            if (n == 0) break;
            got += static_cast<std::size_t>(n);
        }
        text.resize(got);
        const auto first = text.find_first_not_of(" \t\r\n");
        const auto last = text.find_last_not_of(" \t\r\n");
        const std::string token = first == std::string::npos ? std::string() : text.substr(first, last - first + 1);
        if (token.empty()) fail(file, std::string("the file is empty; ") + kDeleteHint);
        if (!isValidControlToken(token))
            fail(file, "not a valid token (" + std::to_string(token.size()) + " characters, expected 32 to 128 of " +
                           "0-9, a-z, A-Z, '-', '_'); " + kDeleteHint);
        return token;
    }
    fail(file, "disappeared while it was being created; start exhibit again");
}

}  // namespace exhibit
