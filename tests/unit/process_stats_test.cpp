// Process stats: the /proc parsers on fixed text, a prepared /proc-like folder, and the live
// process (a new thread, a new file descriptor and touched memory show up).
#include "app/process_stats.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <condition_variable>
#include <fstream>
#include <mutex>
#include <thread>
#include <vector>

namespace exhibit {
namespace {

TEST(ProcessStats, ParsesStatm) {
    EXPECT_EQ(parseStatmResidentBytes("12345 678 90 1 0 100 0\n", 4096), 678u * 4096u);
    EXPECT_EQ(parseStatmResidentBytes("  7 3", 16384), 3u * 16384u);
    EXPECT_EQ(parseStatmResidentBytes("", 4096), std::nullopt);
    EXPECT_EQ(parseStatmResidentBytes("12", 4096), std::nullopt);
    EXPECT_EQ(parseStatmResidentBytes("12 3x 4", 4096), std::nullopt);
    EXPECT_EQ(parseStatmResidentBytes("a 3", 4096), std::nullopt);
    EXPECT_EQ(parseStatmResidentBytes("12 3", 0), std::nullopt);
}

TEST(ProcessStats, ParsesThreadsFromStatus) {
    const std::string status = "Name:\texhibit\nUmask:\t0022\nState:\tS (sleeping)\nThreads:\t7\nSigQ:\t0/63426\n";
    EXPECT_EQ(parseStatusThreads(status), 7u);
    EXPECT_EQ(parseStatusThreads("Threads:\t12"), 12u);  // last line, no newline
    EXPECT_EQ(parseStatusThreads("Name:\tx\n"), std::nullopt);
    EXPECT_EQ(parseStatusThreads("Threads:\tmany\n"), std::nullopt);
    EXPECT_EQ(parseStatusThreads("Threads:\t3 4\n"), std::nullopt);
    EXPECT_EQ(parseStatusThreads("NotThreads:\t3\n"), std::nullopt);
}

TEST(ProcessStats, ReadsAPreparedProcFolderAndNeverThrowsWithoutOne) {
    const auto dir = std::filesystem::path(EXHIBIT_BINARY_DIR) / "process_stats_fake_proc";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir / "fd");
    std::ofstream(dir / "statm") << "100 25 3 1 0 10 0\n";
    std::ofstream(dir / "status") << "Name:\tx\nThreads:\t4\n";
    for (const char* name : {"0", "1", "2", "900", "x1", "1x"}) std::ofstream(dir / "fd" / name) << "";
    const ProcessStats p = readProcessStats(dir);
    EXPECT_EQ(p.residentBytes, 25u * static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE)));
    EXPECT_EQ(p.threads, 4u);
    EXPECT_EQ(p.openFiles, 4u);

    const ProcessStats none = readProcessStats(dir / "missing");
    EXPECT_FALSE(none.residentBytes);
    EXPECT_FALSE(none.threads);
    EXPECT_FALSE(none.openFiles);
}

// Descriptors that are open, found by asking the kernel about each number.
std::size_t openDescriptorsByFcntl() {
    std::size_t count = 0;
    const long limit = std::min(::sysconf(_SC_OPEN_MAX), 1L << 16);
    for (int fd = 0; fd < limit; ++fd)
        if (::fcntl(fd, F_GETFD) != -1) ++count;
    return count;
}

TEST(ProcessStats, CountsThisProcessesOpenFilesExactly) {
    const auto before = countOpenFiles("/proc/self/fd");
    ASSERT_TRUE(before);
    EXPECT_EQ(*before, openDescriptorsByFcntl());  // the listing's own descriptor is not counted
    const int fd = ::open("/proc/self/statm", O_RDONLY | O_CLOEXEC);
    ASSERT_GE(fd, 0);
    EXPECT_EQ(countOpenFiles("/proc/self/fd"), *before + 1);
    ::close(fd);
    EXPECT_EQ(countOpenFiles("/proc/self/fd"), *before);
}

char* volatile escaped = nullptr;

TEST(ProcessStats, SeesANewThreadAndTouchedMemory) {
    const ProcessStats before = readProcessStats();
    ASSERT_TRUE(before.threads);
    ASSERT_TRUE(before.residentBytes);
    EXPECT_GT(*before.residentBytes, 0u);

    std::mutex m;
    std::condition_variable cv;
    bool started = false, done = false;
    std::thread worker([&] {
        std::unique_lock lock(m);
        started = true;
        cv.notify_all();
        cv.wait(lock, [&] { return done; });
    });
    {
        std::unique_lock lock(m);
        cv.wait(lock, [&] { return started; });
    }
    std::vector<char> block(64u << 20);
    escaped = block.data();  // the stores below must happen: someone else may read them
    for (std::size_t i = 0; i < block.size(); i += 1024) block[i] = 1;  // touch every page
    const ProcessStats during = readProcessStats();
    {
        std::lock_guard lock(m);
        done = true;
    }
    cv.notify_all();
    worker.join();

    EXPECT_EQ(during.threads, *before.threads + 1);
    ASSERT_TRUE(during.residentBytes);
    EXPECT_GE(*during.residentBytes, *before.residentBytes + (48u << 20));
}

}  // namespace
}  // namespace exhibit
