#include "app/process_stats.hpp"

#include <dirent.h>
#include <unistd.h>

#include <cctype>
#include <charconv>
#include <fstream>
#include <algorithm>
#include <string>

namespace exhibit {
namespace {

std::optional<std::string> readSmallFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    std::string text;
    // /proc files report size 0: read until the end, bounded (status is ~1.5 KB).
    char buffer[4096];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        text.append(buffer, static_cast<std::size_t>(in.gcount()));
        if (text.size() > (1u << 16)) break;
    }
    return text;
}

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view skipSpace(std::string_view s) {
    while (!s.empty() && isSpace(s.front())) s.remove_prefix(1);
    return s;
}

// Parses an unsigned decimal at the start of `s` and advances past it.
template <typename T>
std::optional<T> takeNumber(std::string_view& s) {
    s = skipSpace(s);
    T value{};
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc{} || end == s.data()) return std::nullopt;
    s.remove_prefix(static_cast<std::size_t>(end - s.data()));
    if (!s.empty() && !isSpace(s.front())) return std::nullopt;  // "12abc" is not a number
    return value;
}

}  // namespace

std::optional<std::uint64_t> parseStatmResidentBytes(std::string_view statm, std::uint64_t pageSize) {
    if (!takeNumber<std::uint64_t>(statm)) return std::nullopt;  // size
    const auto resident = takeNumber<std::uint64_t>(statm);
    if (!resident || pageSize == 0) return std::nullopt;
    return *resident * pageSize;
}

std::optional<std::size_t> parseStatusThreads(std::string_view status) {
    constexpr std::string_view key = "Threads:";
    for (std::size_t start = 0; start < status.size();) {
        const std::size_t end = std::min(status.find('\n', start), status.size());
        std::string_view line = status.substr(start, end - start);
        if (line.starts_with(key)) {
            line.remove_prefix(key.size());
            auto n = takeNumber<std::size_t>(line);
            if (!n || !skipSpace(line).empty()) return std::nullopt;
            return n;
        }
        start = end + 1;
    }
    return std::nullopt;
}

std::optional<std::size_t> countOpenFiles(const std::filesystem::path& fdDir) {
    DIR* dir = ::opendir(fdDir.c_str());
    if (!dir) return std::nullopt;
    const std::string own = std::to_string(::dirfd(dir));
    std::size_t count = 0;
    while (const dirent* entry = ::readdir(dir)) {
        const std::string_view name = entry->d_name;
        if (name.empty() || name == own) continue;
        bool digits = true;
        for (char c : name) digits = digits && std::isdigit(static_cast<unsigned char>(c));
        if (digits) ++count;
    }
    ::closedir(dir);
    return count;
}

ProcessStats readProcessStats(const std::filesystem::path& procSelf) {
    ProcessStats stats;
    try {
        const long pageSize = ::sysconf(_SC_PAGESIZE);
        if (auto statm = readSmallFile(procSelf / "statm"); statm && pageSize > 0)
            stats.residentBytes = parseStatmResidentBytes(*statm, static_cast<std::uint64_t>(pageSize));
        if (auto status = readSmallFile(procSelf / "status")) stats.threads = parseStatusThreads(*status);
        stats.openFiles = countOpenFiles(procSelf / "fd");
    } catch (...) {
        // Out of memory while building a path or string: report what was read so far.
    }
    return stats;
}

}  // namespace exhibit
