// The flylines map layer: each new feed event of the configured kinds becomes an arc from the
// county (or prefecture) it came from to where it went, with a head that flies along it and a
// trail that fades. Destinations are placed by their longitude/latitude with the map's own
// projection; one outside the map's area ends where its true direction leaves the area, and its
// name is written there (so 上海 sits at the east edge, in Shanghai's direction). Destinations
// given as a region of the show (to.adcode) land on that region's label point.
//
//   MapFlylines lines(spec, counties, prefectures); // spec: FlylinesLayer; anchors: adcode -> point
//   lines.layout(projection, area, layout);          // when the map is laid out (moves the anchors)
//   lines.update(time, feed);                       // launches arcs for events not seen before
//   lines.draw(canvas, regularFont, translator, time.seconds);
//
// At most spec.maxLines arcs are alive; the oldest go first. Events that arrive together are
// staggered over a second so a burst flows instead of flashing. The very first events seen (a
// show starting mid-day) are launched as if already under way, so the first frame is not empty.
// Does not: draw events without a known origin or destination (they are counted in skipped()).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/projection.hpp"
#include "core/show.hpp"
#include "data_feed/snapshot.hpp"
#include "renderer/canvas.hpp"
#include "renderer/font.hpp"
#include "scenes/layout.hpp"
#include "scenes/map_ripples.hpp"
#include "scenes/translator.hpp"

namespace exhibit {

class MapFlylines {
public:
    // The anchors must outlive this; their positions may change before each layout().
    MapFlylines(const FlylinesLayer& spec, const MapAnchors& counties, const MapAnchors& prefectures);

    void layout(const MapProjection& projection, const Rect& area, const Layout& layout);
    void update(const FrameTime& time, const Snapshot& feed);
    // Destination names go through `text` (a place of the show, or a city the show translates).
    void draw(Canvas& canvas, const Font& font, const Translator& text, double timeSeconds) const;

    const FlylineSet& lines() const { return *set_; }
    std::uint64_t launched() const { return launched_; }
    std::uint64_t skipped() const { return skipped_; }
    bool anySimulated() const { return simulated_; }

    static constexpr double kFadeSeconds = 0.8;

private:
    struct Arc {
        std::uint64_t serial;
        std::string from, toName, toAdcode;
        std::optional<glm::dvec2> toLonLat;
        double start;
        Provenance provenance;
    };
    struct Endpoint {
        glm::vec2 pos;
        bool clamped;  // the true destination lies outside the map area
    };
    std::optional<glm::vec2> origin(const std::string& adcode) const;
    std::optional<Endpoint> destination(const Arc& arc, glm::vec2 from) const;
    void rebuild();

    const FlylinesLayer& spec_;
    const MapAnchors& counties_;
    const MapAnchors& prefectures_;
    MapProjection projection_;
    Rect area_;
    float widthPx_ = 1, labelPx_ = 12;

    std::vector<Arc> arcs_;  // oldest first, at most spec.maxLines
    std::uint64_t lastSerial_ = 0;       // newest event serial seen in the feed
    std::uint64_t launched_ = 0, skipped_ = 0;
    bool simulated_ = false;
    bool dirty_ = true;
    struct Label {
        std::string text;    // the destination as the feed names it ("上海")
        std::string adcode;  // the destination region inside the show, when it is one
        bool clamped;        // outside the map: drawn at the edge, after an arrow
        glm::vec2 at;
        double start, end;  // shown while start <= t < end
    };
    std::vector<Label> labels_;
    mutable std::map<std::string, TextLayout, std::less<>> labelLayouts_;
    std::shared_ptr<FlylineSet> set_ = std::make_shared<FlylineSet>();
};

}  // namespace exhibit
