// Reads the VR tour of a show file (docs/show-file.md, "Tour"; core/tour_spec.hpp): timing and
// comfort settings, and the stops with their models, start, teleport area, guided waypoints,
// narration and live panel. Checks what would otherwise only show up in the headset: a start
// outside the teleport area, waypoints that take longer than the stop, narration out of order or
// after the stop ends, a model that is not glTF, a metric the feed does not know.
#include <algorithm>
#include <cctype>
#include <set>

#include "core/metric_catalog.hpp"
#include "core/show_reader.hpp"

namespace exhibit {

const TourStop* TourSpec::findStop(const std::string& id) const {
    auto it = std::find_if(stops.begin(), stops.end(), [&](const TourStop& s) { return s.id == id; });
    return it == stops.end() ? nullptr : &*it;
}

namespace show_detail {
namespace {

constexpr double kMaxMetres = 10000;

glm::vec3 readPoint(const JsonNode& node) {
    if (!node.isArray() || node.size() != 3) node.fail("expected [x, y, z] in metres, got " + describeJsonValue(node.value()));
    return {node.at(0).number(-kMaxMetres, kMaxMetres), node.at(1).number(-kMaxMetres, kMaxMetres),
            node.at(2).number(-kMaxMetres, kMaxMetres)};
}

// [x, y, z], [x, y, z, yaw] or [x, y, z, yaw, scale]: compact, as sites place dozens of props.
TourTransform readPlacement(const JsonNode& node) {
    if (!node.isArray() || node.size() < 3 || node.size() > 5)
        node.fail("expected [x, y, z], [x, y, z, yawDegrees] or [x, y, z, yawDegrees, scale], got " +
                  describeJsonValue(node.value()));
    TourTransform t;
    t.position = {node.at(0).number(-kMaxMetres, kMaxMetres), node.at(1).number(-kMaxMetres, kMaxMetres),
                  node.at(2).number(-kMaxMetres, kMaxMetres)};
    if (node.size() > 3) t.yawDegrees = static_cast<float>(node.at(3).number(-360, 360));
    if (node.size() > 4) t.scale = static_cast<float>(node.at(4).number(0.001, 1000));
    return t;
}

TourPlacement readModel(const JsonNode& node) {
    node.rejectUnknownKeys({"model", "at"});
    TourPlacement p;
    p.model = readRelativePath(node.child("model"));
    std::string lower = p.model;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    if (!lower.ends_with(".glb") && !lower.ends_with(".gltf"))
        node.child("model").fail("expected a glTF model (.glb or .gltf), got " + quoteForMessage(p.model));
    for (const JsonNode& at : node.child("at").items(1, 4096)) p.at.push_back(readPlacement(at));
    return p;
}

TourWaypoint readWaypoint(const JsonNode& node) {
    node.rejectUnknownKeys({"position", "lookAt", "seconds"});
    TourWaypoint w;
    w.position = readPoint(node.child("position"));
    w.lookAt = readPoint(node.child("lookAt"));
    if (glm::vec3 d = w.lookAt - w.position; d.x * d.x + d.y * d.y + d.z * d.z < 1e-6f)
        node.child("lookAt").fail("the camera cannot look at the point it stands on");
    w.seconds = node.numberOr("seconds", w.seconds, 0.5, 600);
    return w;
}

TourStat readStat(const JsonNode& node) {
    node.rejectUnknownKeys({"label", "metric", "adcode", "unit"});
    TourStat s;
    s.label = readText(node.child("label"));
    s.metric = readFeedMetric(node.child("metric"));
    if (node.has("adcode")) s.adcode = readAdcode(node.child("adcode"));
    s.unit = readTextOr(node, "unit");
    return s;
}

TourPanel readPanel(const JsonNode& node) {
    node.rejectUnknownKeys({"title", "position", "yaw", "width", "stats"});
    TourPanel p;
    p.title = readText(node.child("title"));
    p.position = readPoint(node.child("position"));
    p.yawDegrees = static_cast<float>(node.numberOr("yaw", 0, -360, 360));
    p.widthMetres = static_cast<float>(node.numberOr("width", p.widthMetres, 0.3, 20));
    for (const JsonNode& stat : node.child("stats").items(1, 6)) p.stats.push_back(readStat(stat));
    return p;
}

TourStop readStop(const JsonNode& node) {
    node.rejectUnknownKeys({"id", "title", "place", "models", "start", "bounds", "waypoints", "seconds", "narration", "panel"});
    TourStop stop;
    stop.id = readId(node.child("id"), true);
    stop.title = readText(node.child("title"));
    stop.place = readTextOr(node, "place");
    for (const JsonNode& model : node.child("models").items(1, 64)) stop.models.push_back(readModel(model));

    JsonNode bounds = node.child("bounds");
    if (!bounds.isArray() || bounds.size() != 4)
        bounds.fail("expected [minX, minZ, maxX, maxZ] in metres, got " + describeJsonValue(bounds.value()));
    for (std::size_t i = 0; i < 4; ++i) stop.bounds[i] = static_cast<float>(bounds.at(i).number(-kMaxMetres, kMaxMetres));
    if (stop.bounds[2] - stop.bounds[0] < 1 || stop.bounds[3] - stop.bounds[1] < 1)
        bounds.fail("the teleport area must be at least 1 m each way (maxX > minX, maxZ > minZ)");

    JsonNode start = node.child("start");
    start.rejectUnknownKeys({"position", "yaw"});
    stop.start.position = readPoint(start.child("position"));
    stop.start.yawDegrees = static_cast<float>(start.numberOr("yaw", 0, -360, 360));
    const glm::vec3 p = stop.start.position;
    if (p.x < stop.bounds[0] || p.x > stop.bounds[2] || p.z < stop.bounds[1] || p.z > stop.bounds[3])
        start.child("position").fail("the start is outside the stop's teleport area (bounds)");

    double pathSeconds = 0;
    for (const JsonNode& w : node.child("waypoints").items(1, 32)) {
        stop.waypoints.push_back(readWaypoint(w));
        pathSeconds += stop.waypoints.back().seconds;
    }
    stop.seconds = node.numberOr("seconds", pathSeconds, 3, 3600);
    if (stop.seconds + 1e-9 < pathSeconds)
        node.child("seconds").fail("the stop is shorter than its waypoints take (" + formatNumber(pathSeconds) + " s)");

    if (auto narration = node.optionalChild("narration")) {
        for (const JsonNode& line : narration->items(0, 64)) {
            line.rejectUnknownKeys({"at", "text"});
            TourLine l{line.number("at", 0, 3600), readText(line.child("text"))};
            if (!stop.narration.empty() && l.at <= stop.narration.back().at)
                line.child("at").fail("narration lines must be in order of \"at\"");
            if (l.at >= stop.seconds)
                line.child("at").fail("the line starts after the stop ends (" + formatNumber(stop.seconds) + " s)");
            stop.narration.push_back(std::move(l));
        }
    }
    if (auto panel = node.optionalChild("panel")) stop.panel = readPanel(*panel);
    return stop;
}

}  // namespace

TourSpec readTour(const JsonNode& node) {
    node.rejectUnknownKeys({"mode", "fadeSeconds", "visitSeconds", "idleSeconds", "resetSeconds", "eyeHeight", "comfort", "stops"});
    TourSpec tour;
    if (node.has("mode")) tour.mode = node.choice("mode", {"guided", "free"}) == "guided" ? TourMode::Guided : TourMode::Free;
    tour.fadeSeconds = node.numberOr("fadeSeconds", tour.fadeSeconds, 0, 5);
    tour.visitSeconds = node.numberOr("visitSeconds", tour.visitSeconds, 30, 7200);
    tour.idleSeconds = node.numberOr("idleSeconds", tour.idleSeconds, 5, 3600);
    tour.resetSeconds = node.numberOr("resetSeconds", tour.resetSeconds, 5, 3600);
    tour.eyeHeight = static_cast<float>(node.numberOr("eyeHeight", tour.eyeHeight, 0.8, 2.2));
    if (auto comfort = node.optionalChild("comfort")) {
        comfort->rejectUnknownKeys({"snapTurnDegrees", "vignette"});
        if (comfort->has("snapTurnDegrees")) {
            const int degrees = comfort->integer("snapTurnDegrees", 15, 90);
            if (degrees != 30 && degrees != 45)
                comfort->child("snapTurnDegrees").fail("expected 30 or 45 (comfortable snap turns), got " + std::to_string(degrees));
            tour.snapTurnDegrees = static_cast<float>(degrees);
        }
        tour.vignette = static_cast<float>(comfort->numberOr("vignette", tour.vignette, 0, 1));
    }
    std::set<std::string> ids;
    for (const JsonNode& stop : node.child("stops").items(1, 16)) {
        tour.stops.push_back(readStop(stop));
        if (!ids.insert(tour.stops.back().id).second)
            stop.child("id").fail("another stop already has the id " + quoteForMessage(tour.stops.back().id));
    }
    return tour;
}

}  // namespace show_detail
}  // namespace exhibit
