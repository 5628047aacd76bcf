// The ripples map layer: one animated marker per county at its label point, sized by a feed metric
// (radius grows with the square root of the value, so the disc's area follows it). The points go
// to the renderer as one instanced set, rebuilt only when the feed publishes new values or the map
// is laid out again; the rings themselves are animated on the GPU.
//
//   MapRipples ripples(spec, anchors);               // spec: RipplesLayer; anchors: county -> point
//   ripples.layout(layout);                          // after the map (and so the anchors) moved
//   ripples.update(feed);                           // each frame; cheap when nothing changed
//   ripples.draw(canvas, time.seconds);
//
// Does not: draw labels or a legend, or animate sizes between values (the rings carry the motion).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "core/show.hpp"
#include "data_feed/snapshot.hpp"
#include "renderer/canvas.hpp"
#include "scenes/layout.hpp"

namespace exhibit {

// County adcode -> screen position of its label point.
using MapAnchors = std::map<std::string, glm::vec2, std::less<>>;

class MapRipples {
public:
    // The anchors must outlive this; their positions may change before each layout().
    MapRipples(const RipplesLayer& spec, const MapAnchors& counties);

    void layout(const Layout& layout);
    void update(const Snapshot& feed);
    void draw(Canvas& canvas, double timeSeconds) const;

    const RippleSet& points() const { return *set_; }
    bool anySimulated() const { return simulated_; }

private:
    void rebuild(const Snapshot& feed);

    const RipplesLayer& spec_;
    const MapAnchors& anchors_;
    float minRadius_ = 0, maxRadius_ = 0;
    std::uint64_t builtFrom_ = 0;  // snapshot sequence
    bool dirty_ = true;
    bool simulated_ = false;
    std::shared_ptr<RippleSet> set_ = std::make_shared<RippleSet>();
};

}  // namespace exhibit
