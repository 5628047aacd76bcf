// The show file: model and validation. A show file (JSON, UTF-8, schema in docs/show-file.md)
// names the show, sets the theme, cuts the output into named layout regions and lists the scenes.
//
// Use:
//   ShowFile show = loadShowFile("assets/shows/guizhou/show.json");  // throws ContentError
//   const SceneSpec& first = *show.findScene(show.startScene);
//   if (first.map) countiesPath = show.resolve(first.map->geo.counties);
// Everything is validated on load and the first problem throws ContentError with one line that
// names the file and field, e.g. `show.json: scenes[1].layers[0].color: expected "#RRGGBB" or
// "#RRGGBBAA", got "red"`. A ShowFile that loaded is complete: defaults are filled in and every
// reference (start scene, regions) points at something that exists.
//
// Does not: open the geo or facts files the show refers to (it only checks that their paths are
// relative and stay inside the show folder), load fonts, or know how scenes draw. Sizes stay in
// design pixels at theme.designHeight; the renderer re-lays them out at the output's resolution.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/color.hpp"

namespace exhibit {

inline constexpr int showFormatVersion = 1;

struct Theme {
    Color background = Color::rgba8(0x06, 0x0D, 0x1A);     // bottom of the vertical gradient
    Color backgroundTop = Color::rgba8(0x0B, 0x1B, 0x33);  // top of the vertical gradient
    Color panel = Color::rgba8(0x0D, 0x1B, 0x30, 0xCC);
    Color text = Color::rgba8(0xE8, 0xF1, 0xFF);
    Color textMuted = Color::rgba8(0x8F, 0xA6, 0xC8);
    Color accent = Color::rgba8(0x38, 0xD6, 0xFF);
    std::string font = "Noto Sans CJK SC";                 // fontconfig pattern
    std::string fontBold = "Noto Sans CJK SC:style=Bold";  // fontconfig pattern
    float designHeight = 1080;  // show sizes are px at this output height
};

// A named part of the output, as fractions of its width and height.
struct LayoutRegion {
    std::string name;
    float x = 0, y = 0, w = 1, h = 1;
};

enum class MapLevel { County, Prefecture };

struct ChoroplethClass {
    int value = 0;  // for metric "exit_year": the year the county left the poverty list
    Color color;
    std::string label;
};

struct ChoroplethLayer {
    std::string metric;  // "exit_year"
    std::vector<ChoroplethClass> classes;
    Color otherColor;        // counties that match no class
    std::string otherLabel;  // empty: not shown in the legend
};

struct BordersLayer {
    MapLevel level = MapLevel::County;
    Color color;
    float width = 1;  // design px
};

struct OutlineLayer {
    Color color;
    float width = 1;  // design px
    std::optional<Color> glow;
    float glowWidth = 12;  // design px; used only with glow
};

struct LabelsLayer {
    MapLevel level = MapLevel::Prefecture;
    float size = 22;  // design px
    Color color;
    std::optional<Color> outline;
    bool bold = false;
};

using MapLayer = std::variant<ChoroplethLayer, BordersLayer, OutlineLayer, LabelsLayer>;

// Paths are as written in the show file, relative to its folder; use ShowFile::resolve.
struct MapGeoPaths {
    std::string province, prefectures, counties;
};

struct MapFactsPaths {
    std::string counties, sources;
};

struct Legend {
    std::string region;  // names a LayoutRegion
    std::string title;   // may be empty
};

struct MapSceneSpec {
    MapGeoPaths geo;
    MapFactsPaths facts;
    std::vector<MapLayer> layers;  // drawn in order
    std::optional<Legend> legend;
    std::string notice;  // map-data licence notice line; may be empty
};

struct SceneSpec {
    std::string id;
    std::string type;  // "map"
    std::string title;
    std::string subtitle;  // may be empty
    std::string region;    // names a LayoutRegion; empty: the whole output
    std::string source;    // data-source footer line; may be empty
    std::optional<MapSceneSpec> map;  // set when type == "map"
};

// One data source of the show (see docs/feed-format.md). `url` is "simulator", "file:PATH"
// (relative to the show folder), "http://…"/"https://…" (polled) or "mqtt://host:port/topic"
// ("mqtts://" for TLS).
struct FeedSpec {
    std::string url = "simulator";
    double interval = 1;      // seconds between HTTP polls (at least 1)
    double staleAfter = 5;    // seconds without a message before the source shows as stale
    double speed = 1;         // replay speed for file: sources
    std::uint64_t seed = 1;   // simulator seed
    std::string username, password;         // HTTP basic auth / MQTT login
    std::string caFile, certFile, keyFile;   // TLS (paths as given: system or show-relative)
};

struct ShowFile {
    std::filesystem::path path;     // the show file
    std::filesystem::path baseDir;  // its folder; relative paths in the show start here
    std::string name;
    std::string title;
    Theme theme;
    std::vector<LayoutRegion> regions;  // sorted by name
    std::string startScene;             // always names a scene
    std::vector<SceneSpec> scenes;
    std::vector<FeedSpec> feeds;        // never empty: defaults to the built-in simulator

    const SceneSpec* findScene(std::string_view id) const;
    const LayoutRegion* findRegion(std::string_view name) const;
    std::filesystem::path resolve(const std::string& relative) const;  // baseDir / relative
};

// Reads and validates a show file; errors name the file by its basename ("show.json").
ShowFile loadShowFile(const std::filesystem::path& file);

// Validates show-file text. displayName is used in messages; path becomes baseDir / displayName.
ShowFile parseShowFile(std::string_view jsonText, const std::string& displayName, const std::filesystem::path& baseDir);

}  // namespace exhibit
