#include "scenes/map_ripples.hpp"

#include <algorithm>
#include <cmath>

namespace exhibit {

MapRipples::MapRipples(const RipplesLayer& spec, const MapAnchors& counties) : spec_(spec), anchors_(counties) {}

void MapRipples::layout(const Layout& layout) {
    minRadius_ = layout.px(spec_.minRadius);
    maxRadius_ = layout.px(spec_.maxRadius);
    dirty_ = true;
}

void MapRipples::update(const Snapshot& feed) {
    if (dirty_ || feed.sequence != builtFrom_) rebuild(feed);
}

void MapRipples::rebuild(const Snapshot& feed) {
    builtFrom_ = feed.sequence;
    dirty_ = false;
    set_->points.clear();
    simulated_ = false;
    double maxValue = 0;
    for (const auto& [adcode, position] : anchors_)
        if (const MetricValue* v = feed.value(adcode, spec_.metric)) maxValue = std::max(maxValue, v->value);
    std::size_t index = 0;
    for (const auto& [adcode, position] : anchors_) {
        ++index;
        const MetricValue* v = feed.value(adcode, spec_.metric);
        if (!v || !(v->value > 0) || maxValue <= 0) continue;
        simulated_ = simulated_ || v->provenance == Provenance::Simulated;
        const double share = std::sqrt(v->value / maxValue);
        RipplePoint p;
        p.pos = position;
        p.radius = minRadius_ + (maxRadius_ - minRadius_) * static_cast<float>(share);
        p.color = spec_.color.packed();
        // Golden-ratio phases: neighbours never pulse in step.
        p.phase = static_cast<float>(std::fmod(static_cast<double>(index) * 0.6180339887, 1.0));
        set_->points.push_back(p);
    }
    ++set_->version;
}

void MapRipples::draw(Canvas& canvas, double timeSeconds) const {
    if (set_->points.empty()) return;
    RippleStyle style;
    style.periodSeconds = spec_.period;
    style.rings = spec_.rings;
    canvas.ripples(set_, timeSeconds, style);
}

}  // namespace exhibit
