// The VR tour of a show file (docs/show-file.md, "Tour"): the sites a visitor is taken through,
// in order. Each stop is a small 3D site built from glTF models placed on the ground (metres,
// +Y up, yaw in degrees counter-clockwise seen from above), where the visitor starts, the area
// they may teleport in, the guided camera's waypoints, timed narration subtitles (Chinese; the
// English comes from the show's translations like every other show text) and a panel of live
// statistics bound to the feed. The tour-wide timing says how long a visit may last and when an
// unattended headset pauses and then resets for the next visitor.
//
// Plain data: read and validated by core/show_tour.cpp; driven by scenes/tour_director.hpp; drawn
// by the tour scene and the XR mode. Paths are relative to the show folder.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include <glm/vec3.hpp>

namespace exhibit {

struct TourTransform {
    glm::vec3 position{0.0f};
    float yawDegrees = 0;
    float scale = 1;
};

// One model placed once or many times (repeated props are drawn instanced).
struct TourPlacement {
    std::string model;               // .glb or .gltf, relative to the show folder
    std::vector<TourTransform> at;   // at least one
};

// A point of the guided camera's path: the camera moves here (eye height included) over `seconds`,
// looking at `lookAt`.
struct TourWaypoint {
    glm::vec3 position{0.0f};
    glm::vec3 lookAt{0.0f};
    double seconds = 6;
};

// A subtitle shown from `at` seconds after arriving at the stop until the next one starts (the
// last one stays until the stop ends).
struct TourLine {
    double at = 0;
    std::string text;
};

// A live figure on a stop's panel: the metric's value for a region (a county's or the province's).
struct TourStat {
    std::string label;
    std::string metric;              // core/metric_catalog.hpp
    std::string adcode = "520000";
    std::string unit;
};

// A world-space panel standing in the site; its height follows from its content.
struct TourPanel {
    std::string title;
    glm::vec3 position{0.0f};        // bottom centre
    float yawDegrees = 0;            // 0 faces +Z (a visitor at the start looking down -Z sees it)
    float widthMetres = 1.6f;
    std::vector<TourStat> stats;     // 1 to 6
};

struct TourStop {
    std::string id;
    std::string title;
    std::string place;               // where the real site is, e.g. "黔东南州从江县"; may be empty
    std::vector<TourPlacement> models;
    TourTransform start;             // where the visitor stands on arrival (position on the ground)
    std::array<float, 4> bounds{};   // teleport area: minX, minZ, maxX, maxZ
    std::vector<TourWaypoint> waypoints;  // guided camera path; at least one
    double seconds = 0;              // guided: time at the stop; at least the waypoints' total
    std::vector<TourLine> narration;      // sorted by `at`
    std::optional<TourPanel> panel;
};

enum class TourMode { Guided, Free };

struct TourSpec {
    TourMode mode = TourMode::Guided;  // how a visit starts
    double fadeSeconds = 0.8;          // fade to black and back between stops and on teleport
    double visitSeconds = 600;         // a visit ends (and the tour resets) after this long
    double idleSeconds = 60;           // no input and no head motion for this long: pause
    double resetSeconds = 90;          // paused (or headset off) this long: reset for the next visitor
    float eyeHeight = 1.6f;            // metres, for the desktop camera and seated play
    float snapTurnDegrees = 30;        // 30 or 45
    float vignette = 0.6f;             // 0 = off; how far the comfort vignette closes during motion
    std::vector<TourStop> stops;       // 1 to 16

    const TourStop* findStop(const std::string& id) const;
};

}  // namespace exhibit
