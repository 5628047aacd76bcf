// The exhibit process as the operator and /metrics see it: resident memory, open file descriptors
// and threads, read from Linux's /proc (statm, fd/, status). Each reading is optional: nothing
// here throws, and a reading /proc cannot give is std::nullopt (a container without /proc, a
// kernel that changed a format).
//
//   const ProcessStats p = readProcessStats();
//   status.residentBytes = p.residentBytes.value_or(0);
//
// The parsers are public so tests can feed them fixed text. Reading takes a few system calls:
// publish it a few times a second, not necessarily every frame.
// Does not: cache, sample CPU time, or look at other processes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string_view>

namespace exhibit {

struct ProcessStats {
    std::optional<std::uint64_t> residentBytes;
    std::optional<std::size_t> openFiles;
    std::optional<std::size_t> threads;
};

// `procSelf` is the /proc/<pid> directory to read; tests point it at a prepared folder.
ProcessStats readProcessStats(const std::filesystem::path& procSelf = "/proc/self");

// statm's second field (resident pages) times the page size; nullopt for malformed text.
std::optional<std::uint64_t> parseStatmResidentBytes(std::string_view statm, std::uint64_t pageSize);
// The "Threads:" line of /proc/<pid>/status; nullopt when missing or malformed.
std::optional<std::size_t> parseStatusThreads(std::string_view status);
// Entries named by a number in `fdDir`, not counting the descriptor used to list it.
std::optional<std::size_t> countOpenFiles(const std::filesystem::path& fdDir);

}  // namespace exhibit
