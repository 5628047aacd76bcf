// Wall-clock jumps against the real exhibit, as NTP makes them: libfaketime (LD_PRELOAD) shifts
// CLOCK_REALTIME by an offset the test rewrites in a file while the wall runs; the monotonic clock
// is left alone (FAKETIME_DONT_FAKE_MONOTONIC=1), as NTP leaves it. The wall clock jumps forward a
// day and three hours, then back an hour.
//
// What is right:
//   - frames keep coming (frame timing and the feed hub use the steady clock);
//   - the simulator feed stays ok, keeps delivering, and its age stays a few seconds (ages are
//     measured on the steady clock: never negative, never a day old because of a jump);
//   - the operator's daily schedule follows the new local time: the forward jump passes a
//     "standby" switch, so the wall goes to standby; jumping back an hour, to before that switch,
//     replays nothing and keeps standby (a schedule read as a level would go back to "show").
// Skips when libfaketime is not installed (Debian: apt-get install faketime).
#include <gtest/gtest.h>

#include <ctime>

#include "tests/fault/fault_fixture.hpp"

namespace exhibit::test {
namespace {

constexpr const char* kFaketime = "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1";

// A sanitizer build of exhibit refuses a preloaded library ahead of its runtime.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

// "HH:MM" of the local time `minutes` from now (the test's own clock is not faked).
std::string localClockIn(int minutes) {
    const std::time_t at = std::time(nullptr) + minutes * 60;
    std::tm local{};
    localtime_r(&at, &local);
    char text[6];
    std::snprintf(text, sizeof text, "%02d:%02d", local.tm_hour, local.tm_min);
    return text;
}

TEST(FaultClock, WallClockJumpsForwardADayAndBackAnHour) {
    if (!fs::exists(kFaketime)) GTEST_SKIP() << kFaketime << " not installed (apt-get install faketime)";
    if (kSanitized) GTEST_SKIP() << "a sanitizer build cannot run under LD_PRELOAD=libfaketime";
    TempDir dir("fault-clock");
    const fs::path offset = dir.path() / "faketime-offset";
    auto setOffset = [&](const std::string& text) {
        std::ofstream(offset.string() + ".new") << text << "\n";
        fs::rename(offset.string() + ".new", offset);  // never a half-written file for libfaketime to read
    };
    setOffset("+0");
    Wall wall(dir.path(), "fault-clock.log", {"--feed", "simulator"},
              SpawnOptions{{std::string("LD_PRELOAD=") + kFaketime, "FAKETIME_TIMESTAMP_FILE=" + offset.string(),
                            "FAKETIME_NO_CACHE=1", "FAKETIME_DONT_FAKE_MONOTONIC=1", "NO_FAKE_STAT=1"},
                           std::nullopt});
    ASSERT_TRUE(wall.start());

    // Show three hours ago, standby in two and a half hours: now it is show time.
    const json schedule = {{{"at", localClockIn(-180)}, {"mode", "show"}}, {{"at", localClockIn(150)}, {"mode", "standby"}}};
    std::string body;
    ASSERT_EQ(wall.putSettings({{"schedule", schedule}}, &body), 202) << body;
    ASSERT_EQ(wall.status()["mode"], "show");

    auto feedHealthy = [&](const char* when) {
        long long before = -1;
        const bool delivering = eventually([&] {
            const json f = wall.feed();
            if (!f.contains("messages")) return false;
            if (before < 0) before = f["messages"].get<long long>();
            return f["state"] == "ok" && f["messages"].get<long long>() >= before + 2;
        });
        const json f = wall.feed();
        const double age = f.value("ageSeconds", -1.0);
        EXPECT_TRUE(delivering) << when << ": " << f.dump();
        EXPECT_GE(age, 0) << when << ": " << f.dump();
        EXPECT_LT(age, 30) << when << ": " << f.dump();
    };
    feedHealthy("before the jumps");

    // A day and three hours forward: past tomorrow's 09:00-like "show" and the "standby" after it.
    setOffset("+97200");  // seconds: 27 h
    EXPECT_TRUE(eventually([&] { return wall.status()["mode"] == "standby"; })) << wall.status().dump() << wall.log();
    EXPECT_TRUE(wall.presents()) << "frames stopped after the clock jumped forward";
    feedHealthy("after the jump forward");
    EXPECT_NE(wall.log().find("[app.mode] standby (schedule)"), std::string::npos) << wall.log();

    // An hour back, to before the standby switch: nothing is replayed, the wall stays in standby.
    setOffset("+93600");  // 26 h
    EXPECT_TRUE(wall.presents()) << "frames stopped after the clock jumped back";
    feedHealthy("after the jump back");
    EXPECT_EQ(wall.status()["mode"], "standby") << wall.log();
    EXPECT_EQ(wall.log().find("[app.mode] show (schedule)"), std::string::npos) << wall.log();

    EXPECT_EQ(wall.stop(), 0) << wall.log();
}

}  // namespace
}  // namespace exhibit::test
