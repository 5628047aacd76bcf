// LogRing: the line format on a fixed time, the ring's bound, UTF-8-safe truncation, a pattern
// that cannot change the format, and two threads logging while a third reads.
#include "app/log_ring.hpp"

#include <gtest/gtest.h>
#include <spdlog/logger.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <set>
#include <thread>

#include "core/utf8.hpp"

namespace exhibit {
namespace {

bool validUtf8(const std::string& s) { return decodeUtf8(s).find(kReplacementChar) == std::u32string::npos; }

class LogRingTest : public ::testing::Test {
protected:
    void SetUp() override {
        ::setenv("TZ", "UTC", 1);
        ::tzset();
    }
    // 2024-03-01 13:45:07 UTC
    static spdlog::details::log_msg message(spdlog::level::level_enum level, std::string_view text) {
        const auto time = std::chrono::system_clock::time_point(std::chrono::seconds(1709300707));
        return spdlog::details::log_msg(time, {}, "exhibit", level, spdlog::string_view_t(text.data(), text.size()));
    }
};

TEST_F(LogRingTest, FormatsTimeLevelAndMessageOnOneLine) {
    LogRing ring;
    ring.log(message(spdlog::level::warn, "[feed.reject] http://x: bad\njson\there"));
    ring.log(message(spdlog::level::info, "[app.scene] 数据大屏"));
    const auto lines = ring.recent(10);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0], "13:45:07 warning [feed.reject] http://x: bad json here");
    EXPECT_EQ(lines[1], "13:45:07 info [app.scene] 数据大屏");
}

TEST_F(LogRingTest, KeepsTheNewestLinesOnly) {
    LogRing ring(5);
    EXPECT_TRUE(ring.recent(3).empty());
    for (int i = 0; i < 12; ++i) ring.log(message(spdlog::level::info, "line " + std::to_string(i)));
    EXPECT_EQ(ring.total(), 12u);
    const auto all = ring.recent(100);
    ASSERT_EQ(all.size(), 5u);
    for (int i = 0; i < 5; ++i) EXPECT_EQ(all[static_cast<std::size_t>(i)], "13:45:07 info line " + std::to_string(7 + i));
    const auto two = ring.recent(2);
    ASSERT_EQ(two.size(), 2u);
    EXPECT_EQ(two[0], "13:45:07 info line 10");
    EXPECT_EQ(two[1], "13:45:07 info line 11");  // newest last
}

TEST_F(LogRingTest, PatternsDoNotChangeTheLineFormat) {
    auto ring = std::make_shared<LogRing>();
    spdlog::logger logger("exhibit_test", ring);
    logger.set_pattern("%v");  // what spdlog::set_pattern does to every sink
    logger.info("hello {}", 42);
    const auto lines = ring->recent(1);
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0].size(), std::string("HH:MM:SS info hello 42").size()) << lines[0];
    EXPECT_EQ(lines[0].substr(8), " info hello 42");
    EXPECT_EQ(lines[0][2], ':');
    EXPECT_EQ(lines[0][5], ':');
}

TEST(Utf8Truncation, CutsAtCharacterBoundariesAndMarksTheCut) {
    EXPECT_EQ(truncateUtf8("short", 10), "short");
    EXPECT_EQ(truncateUtf8("exactly10!", 10), "exactly10!");
    EXPECT_EQ(truncateUtf8("abcdefghijkl", 10), "abcdefg\xE2\x80\xA6");  // 7 bytes + "…"
    // "中" is 3 bytes: 7 bytes would split the third character, so two remain.
    EXPECT_EQ(truncateUtf8("中中中中", 10), "中中…");
    // A 4-byte character straddling every possible cut.
    const std::string emoji = "ab\xF0\x9F\x98\x80\xF0\x9F\x98\x80";  // ab😀😀 (10 bytes)
    for (std::size_t max = 0; max <= emoji.size(); ++max) {
        const std::string cut = truncateUtf8(emoji, max);
        EXPECT_LE(cut.size(), max);
        EXPECT_TRUE(validUtf8(cut)) << max;
    }
    EXPECT_EQ(truncateUtf8(emoji, 9), "ab\xF0\x9F\x98\x80\xE2\x80\xA6");
    EXPECT_EQ(truncateUtf8(emoji, 8), "ab\xE2\x80\xA6");
    EXPECT_EQ(truncateUtf8("abcdef", 2), "ab");  // no room for the mark
}

TEST_F(LogRingTest, LongLinesAreTruncatedToValidUtf8) {
    LogRing ring;
    std::string text;
    for (int i = 0; i < 400; ++i) text += "贵";
    ring.log(message(spdlog::level::err, text));
    const std::string line = ring.recent(1).at(0);
    EXPECT_LE(line.size(), LogRing::kMaxLineBytes);
    EXPECT_GT(line.size(), LogRing::kMaxLineBytes - 4);
    EXPECT_TRUE(validUtf8(line));
    EXPECT_EQ(line.substr(0, 15), "13:45:07 error ");
    EXPECT_EQ(line.substr(line.size() - 3), "…");
}

TEST(LogRingThreads, TwoThreadsLoggingWhileAThirdReads) {
    auto ring = std::make_shared<LogRing>(200);
    auto logger = std::make_shared<spdlog::logger>("exhibit_threads", ring);
    constexpr int kPerThread = 2000;
    std::atomic<bool> writing{true};
    std::thread reader([&] {
        do {  // at least once, however the threads are scheduled
            for (const auto& line : ring->recent(50)) ASSERT_EQ(line.find(" info t"), 8u) << line;
        } while (writing.load());
    });
    auto writer = [&](char name) {
        for (int i = 0; i < kPerThread; ++i) logger->info("t{} {}", name, i);
    };
    std::thread a(writer, 'a'), b(writer, 'b');
    a.join();
    b.join();
    writing.store(false);
    reader.join();

    EXPECT_EQ(ring->total(), 2u * kPerThread);
    const auto lines = ring->recent(1000);
    ASSERT_EQ(lines.size(), 200u);
    // Each writer's lines appear in its own order, and the very last line of one of them is there.
    int lastA = -1, lastB = -1;
    for (const auto& line : lines) {
        const char who = line.at(15);
        const int n = std::stoi(line.substr(17));
        int& last = who == 'a' ? lastA : lastB;
        ASSERT_TRUE(who == 'a' || who == 'b') << line;
        EXPECT_GT(n, last) << line;
        last = n;
    }
    EXPECT_TRUE(lastA == kPerThread - 1 || lastB == kPerThread - 1);
}

}  // namespace
}  // namespace exhibit
