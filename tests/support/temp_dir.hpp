// Test support: a fresh directory under $TMPDIR, removed with everything in it at the end of the
// scope. Mode 0755, so a child process that dropped privileges (tests of permission errors run as
// root and switch to `nobody`) can reach it; the removal restores that mode first.
#pragma once

#include <stdlib.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace exhibit::test {

class TempDir {
public:
    explicit TempDir(const std::string& prefix = "exhibit-test") {
        std::string pattern = (std::filesystem::temp_directory_path() / (prefix + "-XXXXXX")).string();
        if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error(std::string("mkdtemp: ") + std::strerror(errno));
        path_ = pattern;
        std::filesystem::permissions(path_, std::filesystem::perms(0755));
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    ~TempDir() {
        std::error_code ec;
        std::filesystem::permissions(path_, std::filesystem::perms(0755), ec);
        std::filesystem::remove_all(path_, ec);
    }
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

}  // namespace exhibit::test
