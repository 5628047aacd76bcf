// Time-driven changes to the wall: the operator's daily schedule (standby at 18:00, show at 09:00)
// and the playlist rotation (next scene every N seconds). Pure logic: the main loop passes the
// times in, applies what comes back, and stays the one place that changes the wall.
//
//   ScheduleWatcher schedule;
//   PlaylistRotation rotation;
//   // every frame:
//   if (auto mode = schedule.update(settings.schedule, localMinutesNow())) setMode(*mode);
//   if (mode == WallMode::Show && !attract.active())
//       if (auto next = rotation.update(now, settings, scenes, director.current())) switchScene(*next);
//   // on a touch, a manual scene switch, and on leaving standby or attract:
//   rotation.restart(now);
//
// ScheduleWatcher fires on edges, not levels. The first update() returns the mode the schedule
// wants now (exhibit started at 20:00 with "09:00 show, 18:00 standby" goes to standby). After that
// it returns a mode only when the local time has crossed a switch time since the previous update,
// so a mode the operator sets by hand holds until the next scheduled switch.
//   - Midnight: the schedule repeats daily; before the day's first entry the previous day's last
//     entry applies.
//   - The clock jumps forward over several switch times (suspend, NTP, DST start): the latest one
//     crossed applies, once. A jump of a day or more: the mode the schedule wants now.
//   - The clock jumps backwards (NTP, DST end): nothing fires, the watcher re-anchors at the new
//     time. Switch times in the repeated span fire again when reached again (at the DST change an
//     entry between 02:00 and 03:00 fires twice; both times it asks for the same mode).
//   - At start-up the first update() returns the mode the schedule wants now. The main loop
//     applies it unless the operator set the mode by hand after the schedule's last switch
//     (lastSwitchAt(), OperatorSettings::modeSetAt): a restart at 20:00 keeps a manual "show" set
//     at 19:00, and a PC powered on at 09:30 follows the 09:00 "show" whatever was saved at night.
//   - A changed schedule (the operator edited it) re-anchors without firing: the wall stays as the
//     operator sees it, and the new schedule takes over at its next switch time. An operator who
//     wants the new schedule's mode now sets it by hand. (Firing would make an edit at 20:00 that
//     adds "18:00 standby" black out the wall under the operator's hands.)
//
// PlaylistRotation returns the next scene every settings.rotationSeconds (0 = off): the scene
// after the current one in settings.playlist, wrapping; the first when the current one is not in
// the playlist; every scene in catalog order when the playlist is empty. Ids not in `scenes` and
// unavailable scenes (their content failed to load) are skipped; when nothing would change (a playlist of one scene, on the wall already) it returns
// nothing. The interval counts from the first update with rotation on, the last rotation, or the
// last restart(); a long pause between updates yields one switch, not a burst.
//
// Does not: read the clock except in localMinutesNow(), switch scenes or modes itself, know about
// attract mode or touches (the caller decides when to call update() and restart()), or persist
// anything.
#pragma once

#include <cstdint>
#include <ctime>
#include <optional>
#include <string>
#include <vector>

#include "app/operator_types.hpp"

namespace exhibit {

inline constexpr int kMinutesPerDay = 24 * 60;

// The mode of the last entry at or before minuteOfDay (0..1439), wrapping to the previous day's
// last entry; nullopt for an empty schedule. The entries need not be sorted.
std::optional<WallMode> scheduledModeAt(const std::vector<ScheduleEntry>& schedule, int minuteOfDay);

// Minutes since 1970-01-01 00:00 in local time (UTC shifted by the zone's offset at that instant),
// so that value % 1440 is the local minute of the day.
std::int64_t localMinutesAt(std::time_t utc);
// The local minutes (as localMinutesAt) of the schedule's most recent switch at or before
// localMinutes; nullopt for an empty schedule.
std::optional<std::int64_t> lastSwitchAt(const std::vector<ScheduleEntry>& schedule, std::int64_t localMinutes);
std::int64_t localMinutesNow();

class ScheduleWatcher {
public:
    // localMinutes: as localMinutesAt(). Returns the mode to switch to, or nullopt for "no change".
    std::optional<WallMode> update(const std::vector<ScheduleEntry>& schedule, std::int64_t localMinutes);

private:
    std::optional<std::int64_t> last_;
    std::vector<ScheduleEntry> schedule_;
};

class PlaylistRotation {
public:
    // now: seconds on the main loop's steady clock. Returns the scene id to switch to, or nullopt.
    std::optional<std::string> update(double now, const OperatorSettings& settings, const std::vector<SceneInfo>& scenes,
                                      const std::string& currentScene);
    // Start the interval again from `now` (a touch, a manual switch, leaving standby or attract).
    void restart(double now);

private:
    std::optional<double> anchor_;  // when the running interval started; empty while rotation is off
    std::size_t position_ = 0;      // index in the rotation list of the scene last switched to
};

}  // namespace exhibit
