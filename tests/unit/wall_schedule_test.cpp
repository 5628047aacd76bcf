#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>
#include <string>

#include "app/wall_schedule.hpp"

using namespace exhibit;

namespace {

constexpr std::int64_t kDay = kMinutesPerDay;
// Some day far from the epoch, at 00:00 local.
constexpr std::int64_t kDay0 = 20000 * kDay;

std::int64_t at(int day, int hour, int minute) { return kDay0 + day * kDay + hour * 60 + minute; }

// "09:00 show, 18:00 standby"
const std::vector<ScheduleEntry> kDaily = {{9 * 60, WallMode::Show}, {18 * 60, WallMode::Standby}};

}  // namespace

TEST(ScheduledModeAt, LastEntryAtOrBeforeWrappingToYesterday) {
    EXPECT_EQ(scheduledModeAt({}, 600), std::nullopt);
    EXPECT_EQ(scheduledModeAt(kDaily, 0), WallMode::Standby);  // after yesterday's 18:00
    EXPECT_EQ(scheduledModeAt(kDaily, 9 * 60 - 1), WallMode::Standby);
    EXPECT_EQ(scheduledModeAt(kDaily, 9 * 60), WallMode::Show);
    EXPECT_EQ(scheduledModeAt(kDaily, 17 * 60 + 59), WallMode::Show);
    EXPECT_EQ(scheduledModeAt(kDaily, 18 * 60), WallMode::Standby);
    EXPECT_EQ(scheduledModeAt(kDaily, 1439), WallMode::Standby);
}

TEST(ScheduledModeAt, UnsortedEntriesAndASingleEntry) {
    const std::vector<ScheduleEntry> unsorted = {
        {22 * 60, WallMode::Blackout}, {8 * 60, WallMode::Show}, {20 * 60, WallMode::Standby}};
    EXPECT_EQ(scheduledModeAt(unsorted, 7 * 60), WallMode::Blackout);
    EXPECT_EQ(scheduledModeAt(unsorted, 12 * 60), WallMode::Show);
    EXPECT_EQ(scheduledModeAt(unsorted, 21 * 60), WallMode::Standby);
    EXPECT_EQ(scheduledModeAt(unsorted, 23 * 60), WallMode::Blackout);
    const std::vector<ScheduleEntry> one = {{12 * 60, WallMode::Standby}};
    EXPECT_EQ(scheduledModeAt(one, 0), WallMode::Standby);
    EXPECT_EQ(scheduledModeAt(one, 13 * 60), WallMode::Standby);
}

TEST(ScheduleWatcher, FirstUpdateAppliesTheScheduledModeForNow) {
    ScheduleWatcher evening;
    EXPECT_EQ(evening.update(kDaily, at(0, 20, 0)), WallMode::Standby);
    ScheduleWatcher morning;
    EXPECT_EQ(morning.update(kDaily, at(0, 3, 0)), WallMode::Standby);
    ScheduleWatcher noon;
    EXPECT_EQ(noon.update(kDaily, at(0, 12, 0)), WallMode::Show);
    ScheduleWatcher none;
    EXPECT_EQ(none.update({}, at(0, 12, 0)), std::nullopt);
    EXPECT_EQ(none.update({}, at(0, 20, 0)), std::nullopt);
}

TEST(ScheduleWatcher, FiresOnlyWhenASwitchTimeIsCrossed) {
    ScheduleWatcher w;
    ASSERT_EQ(w.update(kDaily, at(0, 17, 58)), WallMode::Show);
    // the operator put the wall in standby by hand at 17:58; nothing overrides it before 18:00
    EXPECT_EQ(w.update(kDaily, at(0, 17, 58)), std::nullopt);
    EXPECT_EQ(w.update(kDaily, at(0, 17, 59)), std::nullopt);
    EXPECT_EQ(w.update(kDaily, at(0, 18, 0)), WallMode::Standby);
    EXPECT_EQ(w.update(kDaily, at(0, 18, 0)), std::nullopt);  // once per crossing
    EXPECT_EQ(w.update(kDaily, at(0, 18, 1)), std::nullopt);
    // the operator switches back to show at 19:00 by hand: it holds all night
    for (int minute = 19 * 60; minute < 24 * 60 + 9 * 60 - 1; ++minute)
        ASSERT_EQ(w.update(kDaily, kDay0 + minute), std::nullopt) << minute;
    EXPECT_EQ(w.update(kDaily, at(1, 9, 0)), WallMode::Show);
}

TEST(ScheduleWatcher, AcrossMidnight) {
    const std::vector<ScheduleEntry> night = {{0, WallMode::Blackout}, {23 * 60 + 30, WallMode::Standby},
                                              {6 * 60, WallMode::Show}};
    ScheduleWatcher w;
    ASSERT_EQ(w.update(night, at(0, 23, 0)), WallMode::Show);
    EXPECT_EQ(w.update(night, at(0, 23, 30)), WallMode::Standby);
    EXPECT_EQ(w.update(night, at(0, 23, 59)), std::nullopt);
    EXPECT_EQ(w.update(night, at(1, 0, 0)), WallMode::Blackout);
    EXPECT_EQ(w.update(night, at(1, 0, 1)), std::nullopt);
    // 23:50 -> 00:10 in one step crosses 00:00 only
    ScheduleWatcher v;
    ASSERT_EQ(v.update(night, at(0, 23, 50)), WallMode::Standby);
    EXPECT_EQ(v.update(night, at(1, 0, 10)), WallMode::Blackout);
}

TEST(ScheduleWatcher, ForwardJumpAppliesTheLatestCrossedSwitch) {
    const std::vector<ScheduleEntry> three = {
        {9 * 60, WallMode::Show}, {18 * 60, WallMode::Standby}, {22 * 60, WallMode::Blackout}};
    ScheduleWatcher w;
    ASSERT_EQ(w.update(three, at(0, 8, 0)), WallMode::Blackout);
    // suspended from 08:00 to 20:00: crossed 09:00 and 18:00, the later one wins
    EXPECT_EQ(w.update(three, at(0, 20, 0)), WallMode::Standby);
    // 20:00 -> 10:00 the next day: crossed 22:00 and 09:00
    EXPECT_EQ(w.update(three, at(1, 10, 0)), WallMode::Show);
    // a jump over no switch time
    EXPECT_EQ(w.update(three, at(1, 17, 0)), std::nullopt);
}

TEST(ScheduleWatcher, JumpOfADayOrMoreAppliesTheCurrentScheduledMode) {
    ScheduleWatcher w;
    ASSERT_EQ(w.update(kDaily, at(0, 12, 0)), WallMode::Show);
    // exactly one day later: 18:00 and 09:00 were crossed; the mode now is show
    EXPECT_EQ(w.update(kDaily, at(1, 12, 0)), WallMode::Show);
    EXPECT_EQ(w.update(kDaily, at(4, 20, 0)), WallMode::Standby);
    EXPECT_EQ(w.update(kDaily, at(400, 3, 0)), WallMode::Standby);
}

TEST(ScheduleWatcher, BackwardJumpDoesNotReplayAndReanchors) {
    ScheduleWatcher w;
    ASSERT_EQ(w.update(kDaily, at(0, 19, 0)), WallMode::Standby);
    // the clock is corrected back to 17:00: 18:00 is not replayed now ...
    EXPECT_EQ(w.update(kDaily, at(0, 17, 0)), std::nullopt);
    EXPECT_EQ(w.update(kDaily, at(0, 17, 30)), std::nullopt);
    // ... and fires when reached again, from the new anchor
    EXPECT_EQ(w.update(kDaily, at(0, 18, 0)), WallMode::Standby);
    // a clock set wrong by years and corrected: nothing fires, the schedule goes on from there
    EXPECT_EQ(w.update(kDaily, at(-3000, 10, 0)), std::nullopt);
    EXPECT_EQ(w.update(kDaily, at(-3000, 18, 0)), WallMode::Standby);
}

TEST(ScheduleWatcher, ChangedScheduleReanchorsWithoutFiring) {
    ScheduleWatcher w;
    ASSERT_EQ(w.update({}, at(0, 20, 0)), std::nullopt);
    // the operator adds "09:00 show, 18:00 standby" at 20:00: the wall stays as it is
    EXPECT_EQ(w.update(kDaily, at(0, 20, 0)), std::nullopt);
    EXPECT_EQ(w.update(kDaily, at(0, 23, 0)), std::nullopt);
    EXPECT_EQ(w.update(kDaily, at(1, 9, 0)), WallMode::Show);
    // moving the evening switch to 17:00 at 17:30 does not fire it either
    const std::vector<ScheduleEntry> earlier = {{9 * 60, WallMode::Show}, {17 * 60, WallMode::Standby}};
    EXPECT_EQ(w.update(earlier, at(1, 17, 30)), std::nullopt);
    EXPECT_EQ(w.update(earlier, at(1, 18, 0)), std::nullopt);
    EXPECT_EQ(w.update(earlier, at(2, 9, 0)), WallMode::Show);
    EXPECT_EQ(w.update(earlier, at(2, 17, 0)), WallMode::Standby);
}

TEST(LocalMinutes, FollowsTheTimeZoneOffset) {
    const char* saved = std::getenv("TZ");
    const std::string savedTz = saved ? saved : "";
    setenv("TZ", "CST-8", 1);  // UTC+8, POSIX rule: needs no tz database
    tzset();
    EXPECT_EQ(localMinutesAt(0), 8 * 60);
    EXPECT_EQ(localMinutesAt(86400 + 16 * 3600 + 59), kDay + 24 * 60);  // 16:00:59 UTC = 00:00 next day
    setenv("TZ", "EST5EDT,M3.2.0,M11.1.0", 1);  // US Eastern with DST
    tzset();
    const std::time_t winter = 1704067200;  // 2024-01-01 00:00 UTC
    const std::time_t summer = 1719792000;  // 2024-07-01 00:00 UTC
    EXPECT_EQ(localMinutesAt(winter) % kDay, 19 * 60);  // 19:00 EST
    EXPECT_EQ(localMinutesAt(summer) % kDay, 20 * 60);  // 20:00 EDT
    EXPECT_EQ(localMinutesAt(winter) - winter / 60, -5 * 60);
    if (saved) setenv("TZ", savedTz.c_str(), 1); else unsetenv("TZ");
    tzset();
    // now: within the widest zone offsets of UTC
    const std::int64_t utcMinutes = static_cast<std::int64_t>(std::time(nullptr)) / 60;
    EXPECT_LE(std::abs(localMinutesNow() - utcMinutes), 14 * 60 + 1);
}

namespace {

OperatorSettings rotating(std::vector<std::string> playlist, double seconds = 30) {
    OperatorSettings s;
    s.playlist = std::move(playlist);
    s.rotationSeconds = seconds;
    return s;
}

const std::vector<SceneInfo> kScenes = {{"dashboard", "Dashboard"}, {"map", "Map"}, {"trend", "Trend"}};

}  // namespace

TEST(PlaylistRotation, NextInPlaylistEveryIntervalWrapping) {
    PlaylistRotation r;
    const auto s = rotating({"map", "dashboard", "trend"});
    EXPECT_EQ(r.update(100, s, kScenes, "map"), std::nullopt);  // starts the interval
    EXPECT_EQ(r.update(129.9, s, kScenes, "map"), std::nullopt);
    EXPECT_EQ(r.update(130, s, kScenes, "map"), "dashboard");
    EXPECT_EQ(r.update(131, s, kScenes, "dashboard"), std::nullopt);
    EXPECT_EQ(r.update(159.9, s, kScenes, "dashboard"), std::nullopt);
    EXPECT_EQ(r.update(160, s, kScenes, "dashboard"), "trend");
    EXPECT_EQ(r.update(190, s, kScenes, "trend"), "map");
}

TEST(PlaylistRotation, OffWhenIntervalIsZero) {
    PlaylistRotation r;
    const auto off = rotating({"map", "dashboard"}, 0);
    for (double t = 0; t < 10000; t += 100) ASSERT_EQ(r.update(t, off, kScenes, "map"), std::nullopt);
    // turned on later: the interval starts then
    const auto on = rotating({"map", "dashboard"}, 60);
    EXPECT_EQ(r.update(10000, on, kScenes, "map"), std::nullopt);
    EXPECT_EQ(r.update(10059, on, kScenes, "map"), std::nullopt);
    EXPECT_EQ(r.update(10060, on, kScenes, "map"), "dashboard");
}

TEST(PlaylistRotation, CurrentNotInPlaylistGoesToTheFirst) {
    PlaylistRotation r;
    const auto s = rotating({"trend", "map"});
    r.update(0, s, kScenes, "dashboard");
    EXPECT_EQ(r.update(30, s, kScenes, "dashboard"), "trend");
}

TEST(PlaylistRotation, EmptyPlaylistRotatesAllScenesInOrder) {
    PlaylistRotation r;
    const auto s = rotating({});
    r.update(0, s, kScenes, "dashboard");
    EXPECT_EQ(r.update(30, s, kScenes, "dashboard"), "map");
    EXPECT_EQ(r.update(60, s, kScenes, "map"), "trend");
    EXPECT_EQ(r.update(90, s, kScenes, "trend"), "dashboard");
}

TEST(PlaylistRotation, UnknownIdsAreSkipped) {
    PlaylistRotation r;
    const auto s = rotating({"map", "gone", "trend", "also-gone"});
    r.update(0, s, kScenes, "map");
    EXPECT_EQ(r.update(30, s, kScenes, "map"), "trend");
    EXPECT_EQ(r.update(60, s, kScenes, "trend"), "map");
    // a playlist of nothing but unknown ids rotates nowhere
    PlaylistRotation none;
    const auto gone = rotating({"gone"});
    none.update(0, gone, kScenes, "map");
    EXPECT_EQ(none.update(30, gone, kScenes, "map"), std::nullopt);
    EXPECT_EQ(none.update(60, gone, kScenes, "map"), std::nullopt);
}

TEST(PlaylistRotation, SingleSceneThatIsCurrentGivesNothing) {
    PlaylistRotation r;
    const auto s = rotating({"map"});
    r.update(0, s, kScenes, "map");
    EXPECT_EQ(r.update(30, s, kScenes, "map"), std::nullopt);
    EXPECT_EQ(r.update(60, s, kScenes, "map"), std::nullopt);
    // ... but the operator switched away by hand: rotation brings it back
    EXPECT_EQ(r.update(90, s, kScenes, "trend"), "map");
}

TEST(PlaylistRotation, RestartPostponesTheNextSwitch) {
    PlaylistRotation r;
    const auto s = rotating({"map", "dashboard"});
    r.update(0, s, kScenes, "map");
    r.restart(25);  // a visitor touched the wall
    EXPECT_EQ(r.update(30, s, kScenes, "map"), std::nullopt);
    EXPECT_EQ(r.update(54.5, s, kScenes, "map"), std::nullopt);
    r.restart(54.5);  // and again
    EXPECT_EQ(r.update(84, s, kScenes, "map"), std::nullopt);
    EXPECT_EQ(r.update(84.5, s, kScenes, "map"), "dashboard");
}

TEST(PlaylistRotation, LongPauseGivesOneSwitchNotABurst) {
    PlaylistRotation r;
    const auto s = rotating({"map", "dashboard", "trend"});
    r.update(0, s, kScenes, "map");
    EXPECT_EQ(r.update(1000, s, kScenes, "map"), "dashboard");
    EXPECT_EQ(r.update(1001, s, kScenes, "dashboard"), std::nullopt);
    EXPECT_EQ(r.update(1030, s, kScenes, "dashboard"), "trend");
}

TEST(PlaylistRotation, RepeatedSceneInPlaylistReachesEveryEntry) {
    PlaylistRotation r;
    const auto s = rotating({"map", "dashboard", "map", "trend"});
    r.update(0, s, kScenes, "map");
    EXPECT_EQ(r.update(30, s, kScenes, "map"), "dashboard");
    EXPECT_EQ(r.update(60, s, kScenes, "dashboard"), "map");
    EXPECT_EQ(r.update(90, s, kScenes, "map"), "trend");
    EXPECT_EQ(r.update(120, s, kScenes, "trend"), "map");
}

namespace exhibit {
namespace {

TEST(LastSwitchAt, TheMostRecentSwitchAtOrBeforeNowWrappingToYesterday) {
    const std::vector<ScheduleEntry> schedule{{18 * 60, WallMode::Standby}, {9 * 60, WallMode::Show}};
    const std::int64_t day = 20000 * 1440LL;  // some midnight
    EXPECT_EQ(lastSwitchAt(schedule, day + 20 * 60), day + 18 * 60);
    EXPECT_EQ(lastSwitchAt(schedule, day + 9 * 60), day + 9 * 60);          // at the switch itself
    EXPECT_EQ(lastSwitchAt(schedule, day + 8 * 60), day - 1440 + 18 * 60);  // before today's first
    EXPECT_FALSE(lastSwitchAt({}, day));
}

}  // namespace
}  // namespace exhibit
