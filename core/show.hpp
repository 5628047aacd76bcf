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
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/color.hpp"
#include "core/tour_spec.hpp"
#include "core/wall_layout.hpp"

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

enum class RampScale { Linear, Sqrt, Log };

// Colours counties by a value: "exit_year" from the facts (one class per year), or a feed metric
// of each county through a colour ramp from the lowest to the highest value on the map now.
struct ChoroplethLayer {
    std::string metric;  // "exit_year" or a feed metric such as "ecommerce_orders"
    std::vector<ChoroplethClass> classes;  // exit_year only
    std::vector<Color> ramp;               // feed metrics only: 2 to 8 colours, low to high
    RampScale scale = RampScale::Linear;   // feed metrics only
    Color otherColor;        // counties that match no class / have no value yet
    std::string otherLabel;  // empty: not shown in the legend
    bool isFeedMetric() const { return metric != "exit_year"; }
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

// Animated rings at each county's label point, sized by a feed metric (sqrt of the value, so the
// area follows the value), all counties in one instanced draw.
struct RipplesLayer {
    std::string metric;
    Color color;
    float minRadius = 4, maxRadius = 22;  // design px
    float period = 2.4f;                  // seconds per ring
    int rings = 2;
};

// Arcs from a county to where a feed event went (a city by longitude/latitude, or a region of the
// show), with a moving head and a fading trail; the newest `maxLines` events are kept.
struct FlylinesLayer {
    std::vector<std::string> events;  // event kinds, e.g. {"order_shipped"}
    Color color;
    float width = 1.6f;      // design px
    float bend = 0.25f;      // arc height as a fraction of its length
    float seconds = 2.4f;    // flight time of the head
    int maxLines = 100;
    bool labels = true;      // destination names at the arc ends
};

enum class PulseRoute { Up, Down, Fan, Partner };

// One event kind a network layer animates, and how its pulses travel (scenes/map_network.hpp).
struct NetworkPulse {
    std::string event;  // a known event kind
    PulseRoute route = PulseRoute::Up;
    Color color;
    std::string label;  // its line in the map's key; may be empty
};

// Links lit per county now, from a feed metric (e.g. classes under way: how many village links).
struct NetworkLive {
    std::string metric;
    Color color;
    std::string label;  // its line in the key; may be empty
};

// A service network over the map: the province's hub, prefecture and county label points,
// schematic village points per county and partners named by events, with faint edges between
// levels and pulses travelling along them for feed events (scenes/map_network.hpp).
struct NetworkLayer {
    // The tiers drawn, each with its line in the key; an empty label: the tier is not drawn.
    std::string province, prefecture, county, village, partner;
    double hubLon = 0, hubLat = 0;  // the province node (with the province tier)
    int villages = 3;               // schematic points per county (with the village tier)
    Color color;                    // nodes and edges
    std::vector<NetworkPulse> pulses;
    std::optional<NetworkLive> live;
    float width = 2;         // pulse width, design px
    float seconds = 1.0f;    // travel time per hop
    int maxPulses = 120;
    int maxPartners = 24;
    std::string note;  // under the key, e.g. that village positions are schematic; may be empty
};

using MapLayer = std::variant<ChoroplethLayer, BordersLayer, OutlineLayer, LabelsLayer, RipplesLayer, FlylinesLayer,
                              NetworkLayer>;

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

enum class WidgetKind { Kpi, Line, Bar, Donut, Ticker, History, Flow, List, Trace, Progress };
enum class GroupBy { County, Prefecture };
enum class LineMode { Value, PerMinute };

// One part of a donut: a feed metric of one region.
struct DonutPart {
    std::string label;
    std::string metric;
    std::string adcode;
};

// One stage of a "flow" widget: its throughput per minute comes from a counter metric of a region.
struct FlowStage {
    std::string label;
    std::string metric;
    std::string adcode = "520000";
    std::string unit;  // e.g. "件/分"; may be empty
};

// One row of a "list" widget (themed sales days): written in the show file, not fed.
struct ListItem {
    std::string when;  // "1月", "11.11"
    std::string title;
    std::string detail;  // may be empty
    std::string source;  // a facts source id; empty: an example, marked as such on screen
};

// One product of a "trace" widget (traceability): illustrative content from the show file.
struct TraceItem {
    std::string id;      // a key (letters first, never an adcode)
    std::string name;
    std::string origin;  // county adcode
    std::string base;
    std::vector<std::string> certifications;
    std::vector<std::string> route;  // 2 to 6 stages
};

// A chart on a dashboard, bound to the feed (or, for "history", to the facts). One flat record:
// the reader accepts only the fields of the widget's kind, and fills in the defaults.
struct WidgetSpec {
    WidgetKind kind = WidgetKind::Kpi;
    std::string region;  // names a layout region; a widget whose region is not in the output's layout is not shown
    std::string title;
    std::string unit;
    int decimals = 0;
    std::optional<Color> color;
    std::string metric;             // kpi, line, bar, donut (with `by`)
    std::string adcode = "520000";  // kpi, line: the region whose value is shown
    GroupBy by = GroupBy::County;   // bar, donut (with `metric`): one item per county or prefecture
    LineMode mode = LineMode::Value;  // line: the value, or its rate per minute
    double windowSeconds = 300;       // line
    bool vertical = false;            // bar: columns instead of a ranked list
    int maxBars = 0;                  // bar: 0 = all that fit
    std::vector<DonutPart> parts;     // donut (instead of metric + by)
    std::string centerLabel;          // donut
    std::vector<std::string> events;  // ticker: event kinds
    int capacity = 50;                // ticker
    std::string population, batches;  // history: facts files (paths relative to the show)
    double secondsPerYear = 1.6;      // history
    std::vector<FlowStage> stages;    // flow: 2 to 8
    std::vector<ListItem> items;      // list
    std::vector<TraceItem> products;  // trace
    double secondsPerItem = 8;        // list, trace: how long each row is featured
    std::string goalMetric;           // progress (with metric = the amount raised, and by)
};

// A "timeline" scene (docs/show-file.md, "Timeline"): the poverty history 2012→2020 on the map and
// in a chart under one playhead. The map's exit_year choropleth gives the batch colours.
struct TimelineSpec {
    std::string population, batches;  // facts files (paths relative to the show)
    int firstYear = 2012, lastYear = 2020;
    double secondsPerYear = 2.0;  // playback speed
    double holdSeconds = 5;       // pause at the last year before it starts again
    Color poorColor;              // counties still on the poverty-county list
    std::string chartRegion, panelRegion;  // layout regions of the chart and of the year panel
    std::string chartTitle;
    std::string unit;  // of the population figures, e.g. "万人"
};

// An entry of a credits section: a data set, font, program or model and its licence.
struct CreditItem {
    std::string name;     // as the work is called (a proper name stays as written)
    std::string by;       // author or holder (the attribution CC BY asks for); may be empty
    std::string detail;   // what it is, where the show uses it; may be empty
    std::string licence;  // may be empty
    std::string url;      // may be empty
};

struct CreditSection {
    std::string title;
    std::string note;     // a highlighted paragraph under the title (a licence notice); may be empty
    std::string sources;  // a sources.csv (path relative to the show) listed row by row; empty: items
    std::vector<CreditItem> items;
    std::string empty;    // shown when a section has no items (models the VR tour will add)
};

// A "credits" scene (docs/show-file.md, "Credits"): sections laid out in columns, paged when they
// do not fit the output.
struct CreditsSpec {
    std::vector<CreditSection> sections;
    double pageSeconds = 15;  // time per page when the credits take several
};

struct SceneSpec {
    std::string id;
    std::string type;  // "map", "dashboard", "timeline", "credits", "tour"
    std::string title;
    std::string subtitle;  // may be empty
    std::string region;    // names a LayoutRegion; empty: the whole output
    std::string source;    // data-source footer line; may be empty
    std::optional<MapSceneSpec> map;  // set for "map" and "dashboard"
    std::vector<WidgetSpec> widgets;  // "dashboard"
    std::optional<TimelineSpec> timeline;  // "timeline" (which also has a map)
    std::optional<CreditsSpec> credits;    // "credits" (no map)
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

// Regions for outputs at least `minAspect` wide (width / height), e.g. a 32:9 wall: the scenes are
// laid out again from these instead of stretching the 16:9 design.
// How visitors touch the wall: physical size for touch targets and gestures, and when the wall
// starts its automatic tour (attract mode) after nobody has touched it.
struct TouchSpec {
    float pixelsPerCm = 20;      // output pixels per cm of the screen (20: a 3840 px wide, 1.9 m wall)
    double idleSeconds = 90;     // no touch for this long starts attract mode; 0 = never
    double attractStepSeconds = 7;  // time per step of the tour (a drill-down, a card, a scene)
    // The touch sensor (an IR frame) spans a grid of equal outputs with bezels between them.
    int sensorColumns = 1, sensorRows = 1;
    float bezelX = 0, bezelY = 0;  // px at the outputs' pixel pitch
};

// One scene of attract mode's tour. seconds 0: as long as the scene's own tour steps last.
struct AttractStop {
    std::string scene;  // names a scene of the show
    double seconds = 0;
};

struct LayoutVariant {
    std::string name;
    double minAspect = 0;
    std::vector<LayoutRegion> regions;  // sorted by name
};

struct ShowFile {
    std::filesystem::path path;     // the show file
    std::filesystem::path baseDir;  // its folder; relative paths in the show start here
    std::string name;
    std::string title;
    Theme theme;
    std::vector<LayoutRegion> regions;  // sorted by name
    std::vector<LayoutVariant> layoutVariants;  // by increasing minAspect
    std::string startScene;             // always names a scene
    std::vector<SceneSpec> scenes;
    std::vector<FeedSpec> feeds;        // never empty: defaults to the built-in simulator
    TouchSpec touch;
    // "translations": {"en": {"今日电商订单": "E-commerce orders today", ...}}: the English of the
    // show's own text (titles, labels, units, notices), keyed by the Chinese exactly as written.
    // The wall shows a text without an entry as written (scenes/translator.hpp).
    std::map<std::string, std::string, std::less<>> english;
    // "translations": {"placeNames": "facts/region_names_en.csv"}: English names of the regions
    // (adcode,name,name_en,short_en), relative to the show folder; empty = none.
    std::string englishPlaceNames;
    // "attract": [{"scene": "dashboard", "seconds": 40}, ...]: the scenes attract mode tours, in
    // order, and how long each stays; empty = every scene in show order, each as long as its own
    // tour steps last. The operator's playlist, when set, reorders it (scene_director.hpp).
    std::vector<AttractStop> attract;
    // "wall": the video wall this show runs on (core/wall_layout.hpp); unset = one output of the
    // window's size. `--wall FILE` replaces it.
    std::optional<WallLayout> wall;
    // "tour": the VR tour's stops (core/tour_spec.hpp); unset = the show has no tour.
    std::optional<TourSpec> tour;

    const SceneSpec* findScene(std::string_view id) const;
    const LayoutRegion* findRegion(std::string_view name) const;  // in the base layout
    // The regions for an output of this aspect ratio: the variant with the largest minAspect not
    // above it, else the base layout.
    const std::vector<LayoutRegion>& regionsFor(float aspect) const;
    std::filesystem::path resolve(const std::string& relative) const;  // baseDir / relative
};

// Reads and validates a show file; errors name the file by its basename ("show.json").
ShowFile loadShowFile(const std::filesystem::path& file);

// Validates show-file text. displayName is used in messages; path becomes baseDir / displayName.
ShowFile parseShowFile(std::string_view jsonText, const std::string& displayName, const std::filesystem::path& baseDir);

}  // namespace exhibit
