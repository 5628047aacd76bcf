// JSON for the operator words: settings (the settings file and the API's request bodies) and the
// status (the API's /api/status). Reading validates every field and throws ContentError naming the
// field, e.g. `request body: schedule[1].at: expected "HH:MM", got "25:00"`.
//
//   nlohmann::json j = settingsToJson(settings);
//   OperatorSettings s = settingsFromJson(JsonDocument::parse(text, "settings.json").root());
//   for (auto& id : unknownScenes(s, status.scenes)) ...
//
// Does not: read or write files (SettingsStore does), or know which scenes exist (unknownScenes
// checks against a list the caller gives).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/operator_types.hpp"
#include "core/json_reader.hpp"

namespace exhibit {

inline constexpr std::size_t kMaxPlaylist = 64;
inline constexpr std::size_t kMaxScheduleEntries = 48;
inline constexpr double kMinRotationSeconds = 5;
inline constexpr double kMaxRotationSeconds = 86400;

nlohmann::json settingsToJson(const OperatorSettings& settings);
// Keys: scene, mode, modeSetAt, playlist, rotationSeconds, schedule [{at: "HH:MM", mode}], language. Missing
// keys keep their defaults; unknown keys, wrong types and out-of-range values throw ContentError.
OperatorSettings settingsFromJson(const JsonNode& node);
// Scene ids in the settings (scene, playlist) that are not in `scenes`.
std::vector<std::string> unknownScenes(const OperatorSettings& settings, const std::vector<SceneInfo>& scenes);

nlohmann::json statusToJson(const OperatorStatus& status);

}  // namespace exhibit
