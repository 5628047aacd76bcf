// A POSIX file descriptor closed on every path out of a scope (RAII, move-only).
//
//   UniqueFd fd(::open(path, O_RDONLY | O_CLOEXEC));
//   if (fd.get() < 0) ...errno...;
//
// Does not: report close() errors (call ::close(fd.release()) where they matter, e.g. after writes).
#pragma once

#include <unistd.h>

#include <utility>

namespace exhibit {

class UniqueFd {
public:
    explicit UniqueFd(int fd = -1) : fd_(fd) {}
    UniqueFd(UniqueFd&& other) noexcept : fd_(other.release()) {}
    UniqueFd& operator=(UniqueFd&& other) noexcept {
        std::swap(fd_, other.fd_);
        return *this;
    }
    UniqueFd(const UniqueFd&) = delete;
    UniqueFd& operator=(const UniqueFd&) = delete;
    ~UniqueFd() {
        if (fd_ >= 0) ::close(fd_);
    }
    int get() const { return fd_; }
    int release() { return std::exchange(fd_, -1); }

private:
    int fd_;
};

}  // namespace exhibit
