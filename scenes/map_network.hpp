// The network map layer: a service network over the map (the telemedicine network's province,
// prefecture, county and village levels; county-seat schools and village schools; partners paired
// with counties), drawn as nodes and faint edges, with pulses that travel along the edges for feed
// events, so a request visibly climbs from a village clinic to the hospital that reads it and the
// result comes back down.
//
//   MapNetwork net(spec, counties, facts, countyAnchors, prefectureAnchors);
//   net.layout(projection, area, layout);       // when the map is laid out (anchors moved)
//   net.update(time, feed);                     // launches pulses for events not seen before
//   net.draw(canvas, services, time.seconds);   // edges, nodes, pulses, live links, the key
//
// Nodes: the province's hub (spec.hubLon/hubLat), prefecture and county label points, `villages`
// schematic points per county (placed inside the county by a generator seeded with its adcode, so
// every run and every image shows them in the same place; the key says they are schematic), and
// partner nodes named by events (to.name), in a column at the map's side their direction points to.
// Routes (NetworkPulse::route): up (from a village of the event's county up the tree to `to.adcode`,
// or the top), down (from the event's `from` down to a village of `to.adcode`), fan (from a county to
// each of its villages) and partner (between a partner and the event's county; the link stays).
// At most spec.maxPulses pulses are alive (oldest go first); a burst is staggered over a second.
// Does not: draw events whose nodes it cannot place (counted in skipped()), or read metrics other
// than the optional live one (links lit per county: how many, e.g. classes under way now).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/geojson.hpp"
#include "core/projection.hpp"
#include "core/show.hpp"
#include "data_feed/county_facts.hpp"
#include "data_feed/snapshot.hpp"
#include "renderer/canvas.hpp"
#include "scenes/layout.hpp"
#include "scenes/map_ripples.hpp"
#include "scenes/scene.hpp"

namespace exhibit {

class MapNetwork {
public:
    // counties, facts and the anchors must outlive this; anchor positions may change before layout().
    MapNetwork(const NetworkLayer& spec, const GeoCollection& counties, const CountyFacts& facts,
               const MapAnchors& countyAnchors, const MapAnchors& prefectureAnchors);

    void layout(const MapProjection& projection, const Rect& area, const Layout& layout);
    // Output px at the right of the map area the map itself keeps free: the partners' column.
    float reservedRight(const Layout& layout) const;
    void update(const FrameTime& time, const Snapshot& feed);
    void draw(Canvas& canvas, const SceneServices& services, double timeSeconds) const;

    // Schematic village points of a county (longitude/latitude), the same on every run.
    const std::vector<glm::dvec2>& villages(const std::string& countyAdcode) const;
    // `n` points inside the county, spread around its label point; deterministic for its adcode.
    static std::vector<glm::dvec2> placeVillages(const GeoFeature& county, int n);

    struct Pulse {
        std::uint64_t serial;            // the event's
        std::vector<std::string> path;   // node ids, first to last
        double start;
        Color color;
    };
    const std::vector<Pulse>& pulses() const { return pulses_; }
    // Partner node name -> the counties linked to it.
    const std::map<std::string, std::vector<std::string>, std::less<>>& partnerLinks() const { return links_; }
    std::uint64_t launched() const { return launched_; }
    std::uint64_t skipped() const { return skipped_; }
    bool anySimulated() const { return simulated_; }
    // Where a node is on screen now ("520000", an adcode, "<county>#<i>", "@<partner>").
    std::optional<glm::vec2> position(const std::string& node) const;
    // The key's box at the map area's top-left (labels keep out of it); empty before layout().
    Rect keyBox() const { return key_; }

    static constexpr double kFadeSeconds = 0.6;

private:
    struct Partner {
        std::optional<glm::dvec2> lonLat;
        double lastActive = 0;
    };
    std::string parent(const std::string& node) const;
    std::vector<std::string> pathBetween(const std::string& from, const std::string& to) const;
    std::optional<std::string> regionNode(const std::string& adcode) const;
    std::optional<std::vector<std::vector<std::string>>> routes(const NetworkPulse& pulse, const FeedEvent& e);
    void placePartners();
    void rebuild();

    const NetworkLayer& spec_;
    const CountyFacts& facts_;
    const MapAnchors& countyAnchors_;
    const MapAnchors& prefectureAnchors_;
    std::map<std::string, std::vector<glm::dvec2>, std::less<>> villageLonLat_;
    std::map<std::string, std::vector<glm::vec2>, std::less<>> villageScreen_;
    MapProjection projection_;
    Rect area_{0, 0, 0, 0};
    Rect key_{0, 0, 0, 0};
    float scale_ = 1;

    std::map<std::string, Partner, std::less<>> partners_;
    std::map<std::string, glm::vec2, std::less<>> partnerScreen_;
    std::map<std::string, std::vector<std::string>, std::less<>> links_;
    std::vector<Pulse> pulses_;  // oldest first, at most spec.maxPulses
    std::map<std::string, int, std::less<>> live_;  // county -> links lit now
    double liveEpoch_ = 0;                           // when the live links' pulses were launched
    std::uint64_t lastSerial_ = 0;
    std::uint64_t liveSequence_ = ~0ull;
    std::uint64_t launched_ = 0, skipped_ = 0;
    bool simulated_ = false;
    bool dirty_ = true;
    double now_ = 0;
    std::shared_ptr<FlylineSet> set_ = std::make_shared<FlylineSet>();
};

}  // namespace exhibit
