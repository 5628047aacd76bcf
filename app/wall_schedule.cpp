#include "app/wall_schedule.hpp"

#include <algorithm>

namespace exhibit {
namespace {

int minuteOfDayOf(std::int64_t localMinutes) {
    return static_cast<int>(((localMinutes % kMinutesPerDay) + kMinutesPerDay) % kMinutesPerDay);
}

}  // namespace

std::optional<WallMode> scheduledModeAt(const std::vector<ScheduleEntry>& schedule, int minuteOfDay) {
    const ScheduleEntry* atOrBefore = nullptr;  // the latest entry <= minuteOfDay
    const ScheduleEntry* latest = nullptr;      // the day's last entry, for the wrap
    for (const ScheduleEntry& entry : schedule) {
        if (entry.minuteOfDay <= minuteOfDay && (!atOrBefore || entry.minuteOfDay >= atOrBefore->minuteOfDay))
            atOrBefore = &entry;
        if (!latest || entry.minuteOfDay >= latest->minuteOfDay) latest = &entry;
    }
    if (atOrBefore) return atOrBefore->mode;
    if (latest) return latest->mode;
    return std::nullopt;
}

std::optional<std::int64_t> lastSwitchAt(const std::vector<ScheduleEntry>& schedule, std::int64_t localMinutes) {
    std::optional<std::int64_t> latest;
    const std::int64_t dayStart = localMinutes - minuteOfDayOf(localMinutes);
    for (const ScheduleEntry& entry : schedule) {
        std::int64_t at = dayStart + entry.minuteOfDay;
        if (at > localMinutes) at -= kMinutesPerDay;
        if (!latest || at > *latest) latest = at;
    }
    return latest;
}

std::int64_t localMinutesAt(std::time_t utc) {
    std::tm local{};
    localtime_r(&utc, &local);
    const std::int64_t seconds = static_cast<std::int64_t>(utc) + local.tm_gmtoff;
    // floor division: instants before 1970 stay on the right day
    return seconds >= 0 ? seconds / 60 : -((-seconds + 59) / 60);
}

std::int64_t localMinutesNow() { return localMinutesAt(std::time(nullptr)); }

std::optional<WallMode> ScheduleWatcher::update(const std::vector<ScheduleEntry>& schedule, std::int64_t localMinutes) {
    if (!last_) {
        last_ = localMinutes;
        schedule_ = schedule;
        return scheduledModeAt(schedule, minuteOfDayOf(localMinutes));
    }
    const std::int64_t previous = *last_;
    last_ = localMinutes;
    if (schedule != schedule_) {
        schedule_ = schedule;
        return std::nullopt;
    }
    if (localMinutes <= previous || schedule.empty()) return std::nullopt;
    if (localMinutes - previous >= kMinutesPerDay) return scheduledModeAt(schedule, minuteOfDayOf(localMinutes));

    // The most recent occurrence of each entry at or before now; the latest of those after the
    // previous update is the switch to apply.
    const std::int64_t dayStart = localMinutes - minuteOfDayOf(localMinutes);
    std::optional<std::int64_t> crossedAt;
    std::optional<WallMode> mode;
    for (const ScheduleEntry& entry : schedule) {
        std::int64_t at = dayStart + entry.minuteOfDay;
        if (at > localMinutes) at -= kMinutesPerDay;
        if (at > previous && (!crossedAt || at >= *crossedAt)) {
            crossedAt = at;
            mode = entry.mode;
        }
    }
    return mode;
}

std::optional<std::string> PlaylistRotation::update(double now, const OperatorSettings& settings,
                                                    const std::vector<SceneInfo>& scenes,
                                                    const std::string& currentScene) {
    if (!(settings.rotationSeconds > 0)) {
        anchor_.reset();
        return std::nullopt;
    }
    if (!anchor_ || now < *anchor_) {
        anchor_ = now;
        return std::nullopt;
    }
    if (now - *anchor_ < settings.rotationSeconds) return std::nullopt;
    anchor_ = now;

    auto known = [&](const std::string& id) {
        return std::any_of(scenes.begin(), scenes.end(), [&](const SceneInfo& s) { return s.id == id && s.available; });
    };
    std::vector<std::string> order;
    if (settings.playlist.empty()) {
        for (const SceneInfo& s : scenes)
            if (s.available) order.push_back(s.id);
    } else {
        for (const std::string& id : settings.playlist)
            if (known(id)) order.push_back(id);
    }
    if (order.empty()) return std::nullopt;

    // With a scene twice in the playlist (a, b, a, c), the remembered position tells which "a" the
    // wall is on, so c is reached too.
    std::size_t next = 0;
    if (position_ < order.size() && order[position_] == currentScene) {
        next = (position_ + 1) % order.size();
    } else if (auto it = std::find(order.begin(), order.end(), currentScene); it != order.end()) {
        next = (static_cast<std::size_t>(it - order.begin()) + 1) % order.size();
    }
    position_ = next;
    if (order[next] == currentScene) return std::nullopt;
    return order[next];
}

void PlaylistRotation::restart(double now) {
    if (anchor_) anchor_ = now;
}

}  // namespace exhibit
