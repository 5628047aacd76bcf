#include "app/operator_json.hpp"

#include <algorithm>

namespace exhibit {
namespace {

WallMode modeOf(const JsonNode& node) {
    return *parseWallMode(node.choice({"show", "standby", "blackout"}));
}

std::string sceneIdOf(const JsonNode& node) {
    const std::string id = node.string();
    if (id.empty() || id.size() > 64) node.fail("expected a scene id of 1 to 64 characters");
    return id;
}

}  // namespace

nlohmann::json settingsToJson(const OperatorSettings& settings) {
    nlohmann::json schedule = nlohmann::json::array();
    for (const auto& entry : settings.schedule)
        schedule.push_back({{"at", formatMinuteOfDay(entry.minuteOfDay)}, {"mode", toString(entry.mode)}});
    return {{"scene", settings.scene},
            {"mode", toString(settings.mode)},
            {"modeSetAt", settings.modeSetAt},
            {"playlist", settings.playlist},
            {"rotationSeconds", settings.rotationSeconds},
            {"schedule", schedule},
            {"language", settings.language}};
}

OperatorSettings settingsFromJson(const JsonNode& node) {
    node.expectObject();
    node.rejectUnknownKeys({"scene", "mode", "modeSetAt", "playlist", "rotationSeconds", "schedule", "language"});
    OperatorSettings s;
    if (auto scene = node.optionalChild("scene")) s.scene = scene->string().empty() ? "" : sceneIdOf(*scene);
    if (auto mode = node.optionalChild("mode")) s.mode = modeOf(*mode);
    if (auto at = node.optionalChild("modeSetAt")) s.modeSetAt = static_cast<std::int64_t>(at->number(0, 1e12));
    if (auto playlist = node.optionalChild("playlist"))
        for (const JsonNode& item : playlist->items(0, kMaxPlaylist)) s.playlist.push_back(sceneIdOf(item));
    if (auto rotation = node.optionalChild("rotationSeconds")) {
        s.rotationSeconds = rotation->number(0, kMaxRotationSeconds);
        if (s.rotationSeconds > 0 && s.rotationSeconds < kMinRotationSeconds)
            rotation->fail("expected 0 (no rotation) or at least " + formatNumber(kMinRotationSeconds) + " seconds");
    }
    if (auto schedule = node.optionalChild("schedule")) {
        for (const JsonNode& item : schedule->items(0, kMaxScheduleEntries)) {
            item.expectObject();
            item.rejectUnknownKeys({"at", "mode"});
            const JsonNode at = item.child("at");
            const auto minute = parseMinuteOfDay(at.string());
            if (!minute) at.fail("expected \"HH:MM\" (00:00 to 23:59), got " + describeJsonValue(at.value()));
            s.schedule.push_back({*minute, modeOf(item.child("mode"))});
        }
        std::stable_sort(s.schedule.begin(), s.schedule.end(),
                         [](const auto& a, const auto& b) { return a.minuteOfDay < b.minuteOfDay; });
        for (std::size_t i = 1; i < s.schedule.size(); ++i)
            if (s.schedule[i].minuteOfDay == s.schedule[i - 1].minuteOfDay)
                schedule->fail("two entries at " + formatMinuteOfDay(s.schedule[i].minuteOfDay));
    }
    if (auto language = node.optionalChild("language")) s.language = language->choice({"zh", "en"});
    return s;
}

std::vector<std::string> unknownScenes(const OperatorSettings& settings, const std::vector<SceneInfo>& scenes) {
    auto known = [&](const std::string& id) {
        return std::any_of(scenes.begin(), scenes.end(), [&](const SceneInfo& s) { return s.id == id; });
    };
    std::vector<std::string> unknown;
    if (!settings.scene.empty() && !known(settings.scene)) unknown.push_back(settings.scene);
    for (const auto& id : settings.playlist)
        if (!known(id) && std::find(unknown.begin(), unknown.end(), id) == unknown.end()) unknown.push_back(id);
    return unknown;
}

nlohmann::json statusToJson(const OperatorStatus& status) {
    nlohmann::json scenes = nlohmann::json::array();
    for (const auto& s : status.scenes)
        scenes.push_back({{"id", s.id}, {"title", s.title}, {"available", s.available}, {"problem", s.problem}});
    nlohmann::json feeds = nlohmann::json::array();
    for (const auto& f : status.feeds)
        feeds.push_back({{"name", f.name},
                         {"state", f.state},
                         {"ageSeconds", f.ageSeconds},
                         {"messagesPerSecond", f.messagesPerSecond},
                         {"messages", f.messages},
                         {"rejected", f.rejected},
                         {"lastError", f.lastError}});
    nlohmann::json glObjects = nlohmann::json::object();
    for (const auto& g : status.glObjects) glObjects[g.kind] = g.live;
    const TouchStats& t = status.touch;
    return {{"show", status.showTitle},
            {"version", status.version},
            {"scene", status.scene},
            {"scenes", scenes},
            {"mode", toString(status.mode)},
            {"attract", status.attract},
            {"uptimeSeconds", status.uptimeSeconds},
            {"output", {{"width", status.outputWidth}, {"height", status.outputHeight}}},
            {"frames",
             {{"fps", status.frames.fps},
              {"p50Ms", status.frames.p50Ms},
              {"p99Ms", status.frames.p99Ms},
              {"total", status.frames.frames}}},
            {"residentBytes", status.residentBytes},
            {"openFiles", status.openFiles},
            {"threads", status.threads},
            {"glObjects", glObjects},
            {"feeds", feeds},
            {"touch",
             {{"contacts", t.activeContacts},
              {"touchesPerSecond", t.touchesPerSecond},
              {"touches", t.touches},
              {"latencyP50Ms", t.latencyP50Ms},
              {"latencyP99Ms", t.latencyP99Ms},
              {"dropped", t.droppedEvents + t.droppedMessages},
              {"cancelled", t.cancelled}}},
            {"wall",
             {{"layout", status.wall.layout},
              {"canvas", {{"width", status.wall.canvasWidth}, {"height", status.wall.canvasHeight}}},
              {"outputs", status.wall.outputs},
              {"ranks", status.wall.ranks},
              {"lostRanks", status.wall.lostRanks},
              {"syncP99Ms", status.wall.syncMsP99},
              {"skewP99Ms", status.wall.skewMsP99},
              {"stateBytesMean", status.wall.stateBytesMean}}},
            {"xr", status.xr},
            {"settings", settingsToJson(status.settings)},
            {"recentLog", status.recentLog}};
}

}  // namespace exhibit
