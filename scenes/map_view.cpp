#include "scenes/map_view.hpp"

#include "data_feed/source_list.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "scenes/label_placer.hpp"
#include "scenes/map_geometry.hpp"

namespace exhibit {
namespace {

template <class... Ts>
struct Overloaded : Ts... {
    using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;  // clang 14 does not deduce aggregate arguments by itself

bool sameRect(const Rect& a, const Rect& b) { return a.x == b.x && a.y == b.y && a.w == b.w && a.h == b.h; }

double approachLinear(double value, double target, double step) {
    return value < target ? std::min(target, value + step) : std::max(target, value - step);
}

}  // namespace

MapView::MapView(const MapSceneSpec& spec, const SceneServices& services)
    : spec_(spec), services_(services), content_(loadMapContent(services.show, spec)) {
    int unmatched = 0;
    for (const auto& county : counties_.features)
        if (!facts_.find(county.adcode)) {
            ++unmatched;
            spdlog::warn("[map.facts] {}: county {} {} has no row in {}", spec.geo.counties, county.adcode, county.name,
                         spec.facts.counties);
        }
    if (unmatched > 0) spdlog::warn("[map.facts] {} counties without facts are drawn in the 'other' colour", unmatched);

    camera_ = MapCamera(province_.bounds);
    for (const auto& county : counties_.features) countyAnchors_.emplace(county.adcode, glm::vec2(0));
    for (const auto& prefecture : prefectures_.features) prefectureAnchors_.emplace(prefecture.adcode, glm::vec2(0));
    for (const auto& layer : spec.layers) {
        LayerState state;
        if (const auto* r = std::get_if<RipplesLayer>(&layer)) state.ripples = std::make_unique<MapRipples>(*r, countyAnchors_);
        if (const auto* f = std::get_if<FlylinesLayer>(&layer))
            state.flylines = std::make_unique<MapFlylines>(*f, countyAnchors_, prefectureAnchors_);
        if (const auto* n = std::get_if<NetworkLayer>(&layer))
            state.network = std::make_unique<MapNetwork>(*n, counties_, facts_, countyAnchors_, prefectureAnchors_);
        layers_.push_back(std::move(state));
    }
}

const ChoroplethLayer* MapView::choropleth() const {
    for (const auto& layer : spec_.layers)
        if (const auto* c = std::get_if<ChoroplethLayer>(&layer)) return c;
    return nullptr;
}

Color MapView::countyColor(const std::string& adcode) const {
    const ChoroplethLayer* layer = choropleth();
    if (!layer) return services_.show.theme.panel;
    if (layer->isFeedMetric()) return layer->otherColor;
    const CountyFact* fact = facts_.find(adcode);
    if (fact && fact->exitYear)
        for (const auto& c : layer->classes)
            if (c.value == *fact->exitYear) return c.color;
    return layer->otherColor;
}

void MapView::layout(const Layout& layout, const Rect& area, std::span<const Rect> obstacles) {
    margin_ = layout.px(24);
    const bool atRest = !camera_.flying() && camera_.restVersion() != builtRest_;
    const bool newLanguage = services_.text.language() != builtLanguage_;  // labels are laid out anew
    builtLanguage_ = services_.text.language();
    if (!sameRect(area, builtFor_) || atRest || newLanguage) rebuild(layout, area, obstacles);
    transform_ = MapCamera::transform(projection_, currentProjection());
}

MapProjection MapView::currentProjection() const { return camera_.projection(fitFor_, margin_); }

std::string MapView::hitCounty(glm::vec2 screen) const {
    const glm::dvec2 p = currentProjection().toLonLat(screen);
    for (const auto& county : counties_.features)
        if (featureContains(county, p)) return county.adcode;
    return {};
}

std::string MapView::hitPrefecture(glm::vec2 screen) const {
    const glm::dvec2 p = currentProjection().toLonLat(screen);
    for (const auto& prefecture : prefectures_.features)
        if (featureContains(prefecture, p)) return prefecture.adcode;
    // Prefecture outlines are coarser than county ones: fall back to the county's prefecture.
    const std::string county = hitCounty(screen);
    if (const CountyFact* fact = county.empty() ? nullptr : facts_.find(county)) return fact->prefectureAdcode;
    return {};
}

const GeoFeature* MapView::county(const std::string& adcode) const {
    for (const auto& c : counties_.features)
        if (c.adcode == adcode) return &c;
    return nullptr;
}

const GeoFeature* MapView::prefecture(const std::string& adcode) const {
    for (const auto& p : prefectures_.features)
        if (p.adcode == adcode) return &p;
    return nullptr;
}

std::optional<glm::vec2> MapView::countyAnchor(const std::string& adcode) const {
    const GeoFeature* c = county(adcode);
    if (!c) return std::nullopt;
    return currentProjection().toScreen(labelAnchor(*c));
}

void MapView::highlightCounty(const std::string& adcode) {
    highlighted_ = county(adcode) ? adcode : std::string();
    highlightSince_ = time_;
}

void MapView::focusPrefecture(const std::string& adcode) {
    const GeoFeature* prefecture = this->prefecture(adcode);
    if (!prefecture) {
        focusHome();
        return;
    }
    focused_ = adcode;
    GeoBounds target = prefecture->bounds;
    const glm::dvec2 pad = (target.max - target.min) * 0.08;
    target.min -= pad;
    target.max += pad;
    camera_.flyTo(target);
}

void MapView::focusHome() {
    focused_.clear();
    camera_.flyHome();
}

void MapView::rebuild(const Layout& layout, const Rect& area, std::span<const Rect> obstacles) {
    builtFor_ = area;
    margin_ = layout.px(24);
    builtRest_ = camera_.restVersion();
    fitFor_ = area;
    for (const auto& state : layers_)
        if (state.network) fitFor_.w = std::max(area.w * 0.5f, fitFor_.w - state.network->reservedRight(layout));
    projection_ = camera_.projection(fitFor_, margin_);
    auto anchor = [&](const GeoFeature& f) {
        return projection_.toScreen(labelAnchor(f));
    };
    for (const auto& county : counties_.features) countyAnchors_[county.adcode] = anchor(county);
    for (const auto& prefecture : prefectures_.features) prefectureAnchors_[prefecture.adcode] = anchor(prefecture);

    for (std::size_t i = 0; i < spec_.layers.size(); ++i) {
        LayerState& state = layers_[i];
        state.glow = state.main = nullptr;
        std::visit(Overloaded{
                       [&](const ChoroplethLayer& c) {
                           std::vector<CountyFill> fills;
                           for (const auto& county : counties_.features) {
                               auto old = std::find_if(countyFills_.begin(), countyFills_.end(),
                                                       [&](const CountyFill& f) { return f.adcode == county.adcode; });
                               const CountyFact* fact = facts_.find(county.adcode);
                               const Color color = countyColor(county.adcode);
                               CountyFill f{county.adcode, fact ? fact->prefectureAdcode : county.parentAdcode,
                                            buildFeatureFillMesh(county, projection_, Color{1, 1, 1, 1}), color, color};
                               f.seen = !c.isFeedMetric();
                               if (old != countyFills_.end() && c.isFeedMetric()) {
                                   f.shown = old->shown;
                                   f.target = old->target;
                                   f.seen = old->seen;
                               }
                               fills.push_back(std::move(f));
                           }
                           countyFills_ = std::move(fills);
                       },
                       [&](const BordersLayer& b) {
                           const auto& features = b.level == MapLevel::County ? counties_ : prefectures_;
                           state.main = buildBorderMesh(features, projection_, layout.px(b.width), b.color);
                       },
                       [&](const OutlineLayer& o) {
                           if (o.glow)
                               state.glow = buildBorderMesh(province_, projection_, layout.px(o.glowWidth), *o.glow, true);
                           state.main = buildBorderMesh(province_, projection_, layout.px(o.width), o.color);
                       },
                       [&](const LabelsLayer&) {},
                       [&](const RipplesLayer&) { state.ripples->layout(layout); },
                       [&](const FlylinesLayer&) { state.flylines->layout(projection_, area, layout); },
                       [&](const NetworkLayer&) { state.network->layout(projection_, area, layout); },
                   },
                   spec_.layers[i]);
    }
    std::vector<Rect> keepClear(obstacles.begin(), obstacles.end());
    for (const auto& state : layers_)
        if (state.network) keepClear.push_back(state.network->keyBox());
    placeLabels(layout, area, keepClear);
}

void MapView::update(const FrameTime& time, const Snapshot& feed) {
    time_ = time.seconds;
    camera_.update(time.dt);
    const float dimTarget = focused_.empty() ? 0.0f : 1.0f;
    focusDim_ = static_cast<float>(approachLinear(focusDim_, dimTarget, time.dt / MapCamera::kFlightSeconds));
    for (std::size_t i = 0; i < spec_.layers.size(); ++i) {
        if (const auto* c = std::get_if<ChoroplethLayer>(&spec_.layers[i]); c && c->isFeedMetric())
            updateChoropleth(*c, feed, time.dt);
        if (layers_[i].ripples) layers_[i].ripples->update(feed);
        if (layers_[i].flylines) layers_[i].flylines->update(time, feed);
        if (layers_[i].network) layers_[i].network->update(time, feed);
    }
}

namespace {

double scaled(double v, RampScale scale) {
    v = std::max(0.0, v);
    switch (scale) {
        case RampScale::Linear: return v;
        case RampScale::Sqrt: return std::sqrt(v);
        case RampScale::Log: return std::log1p(v);
    }
    return v;
}

}  // namespace

Color MapView::rampColor(double value) const {
    const ChoroplethLayer* layer = choropleth();
    if (!layer || layer->ramp.empty() || !liveRange_) return layer ? layer->otherColor : Color{};
    const double lo = scaled(liveRange_->min, layer->scale), hi = scaled(liveRange_->max, layer->scale);
    const double t = hi > lo ? std::clamp((scaled(value, layer->scale) - lo) / (hi - lo), 0.0, 1.0) : 1.0;
    const double at = t * static_cast<double>(layer->ramp.size() - 1);
    const std::size_t k = std::min(static_cast<std::size_t>(at), layer->ramp.size() - 2);
    return mix(layer->ramp[k], layer->ramp[k + 1], static_cast<float>(at - static_cast<double>(k)));
}

void MapView::updateChoropleth(const ChoroplethLayer& layer, const Snapshot& feed, double dt) {
    LiveRange range;
    range.min = std::numeric_limits<double>::max();
    range.max = std::numeric_limits<double>::lowest();
    double newest = -1;
    for (const auto& county : counties_.features) {
        const MetricValue* v = feed.value(county.adcode, layer.metric);
        if (!v) continue;
        ++range.counties;
        range.min = std::min(range.min, v->value);
        range.max = std::max(range.max, v->value);
        range.simulated = range.simulated || v->provenance == Provenance::Simulated;
        if (v->timestamp > newest) {
            newest = v->timestamp;
            range.source = v->source;
        }
    }
    liveRange_ = range.counties > 0 ? std::optional(range) : std::nullopt;
    const float k = static_cast<float>(1.0 - std::exp(-4.0 * dt));  // eases over about half a second
    for (auto& county : countyFills_) {
        const MetricValue* v = feed.value(county.adcode, layer.metric);
        county.target = v ? rampColor(v->value) : layer.otherColor;
        county.shown = county.seen && dt > 0 ? mix(county.shown, county.target, k) : county.target;
        county.seen = county.seen || v != nullptr;
    }
}

std::vector<ShownFigure> MapView::figures() const {
    std::vector<ShownFigure> out;
    auto simulated = [&](std::size_t i, auto member) {
        return i < layers_.size() && layers_[i].*member && (layers_[i].*member)->anySimulated();
    };
    for (std::size_t i = 0; i < spec_.layers.size(); ++i) {
        const MapLayer& layer = spec_.layers[i];
        if (const auto* c = std::get_if<ChoroplethLayer>(&layer)) {
            ShownFigure f{c->metric, c->isFeedMetric() && liveRange_ && liveRange_->simulated};
            if (!c->isFeedMetric())
                for (const CountyFact& county : facts_.counties)
                    if (county.povertyCounty)
                        for (std::string& s : splitSourceCell(county.source))
                            if (std::find(f.sources.begin(), f.sources.end(), s) == f.sources.end()) f.sources.push_back(std::move(s));
            out.push_back(std::move(f));
        } else if (const auto* r = std::get_if<RipplesLayer>(&layer)) {
            out.push_back({r->metric, simulated(i, &LayerState::ripples)});
        } else if (std::holds_alternative<FlylinesLayer>(layer)) {
            out.push_back({"flylines", simulated(i, &LayerState::flylines)});
        } else if (std::holds_alternative<NetworkLayer>(layer)) {
            out.push_back({"network", simulated(i, &LayerState::network)});
        }
    }
    return out;
}

bool MapView::liveSimulated() const {
    if (liveRange_ && liveRange_->simulated) return true;
    for (const auto& state : layers_) {
        if (state.ripples && state.ripples->anySimulated()) return true;
        if (state.flylines && state.flylines->anySimulated()) return true;
        if (state.network && state.network->anySimulated()) return true;
    }
    return false;
}

const MapNetwork* MapView::network() const {
    for (const auto& state : layers_)
        if (state.network) return state.network.get();
    return nullptr;
}

const MapFlylines* MapView::flylines() const {
    for (const auto& state : layers_)
        if (state.flylines) return state.flylines.get();
    return nullptr;
}

void MapView::placeLabels(const Layout& layout, const Rect& area, std::span<const Rect> obstacles) {
    labels_.clear();
    LabelPlacer placer(area);
    bool placedFocus = false;
    for (const auto& obstacle : obstacles)
        if (obstacle.w > 0) placer.addObstacle(obstacle);
    for (const auto& layer : spec_.layers) {
        const auto* labels = std::get_if<LabelsLayer>(&layer);
        if (!labels) continue;
        // Focused on a prefecture: the first labels layer names its counties, and nothing else is named.
        const bool countiesOfFocus = !focused_.empty();
        if (countiesOfFocus && placedFocus) continue;
        placedFocus = countiesOfFocus;
        const auto& features = labels->level == MapLevel::County || countiesOfFocus ? counties_ : prefectures_;
        const Font& font = labels->bold && !countiesOfFocus ? services_.bold : services_.regular;
        TextStyle style;
        style.sizePx = layout.px(countiesOfFocus ? std::max(15.0f, labels->size * 0.85f) : labels->size);
        style.lineSpacing = 1.15f;
        TextPaint paint;
        paint.color = labels->color;
        if (labels->outline) {
            paint.outline = *labels->outline;
            paint.outlineWidth = std::max(1.5f, style.sizePx * 0.14f);
        }
        std::vector<LabelCandidate> candidates;
        std::vector<TextLayout> layouts;
        std::vector<const GeoFeature*> named;
        for (const auto& feature : features.features) {
            if (countiesOfFocus) {
                const CountyFact* fact = facts_.find(feature.adcode);
                if (!fact || fact->prefectureAdcode != focused_) continue;
            }
            named.push_back(&feature);
        }
        for (const GeoFeature* featurePtr : named) {
            const GeoFeature& feature = *featurePtr;
            TextLayout text = layoutText(font, services_.text.place(feature.adcode, feature.name), style);
            const glm::dvec2 anchor = labelAnchor(feature);
            const auto& b = feature.bounds;
            const float areaPriority = static_cast<float>((b.max.x - b.min.x) * (b.max.y - b.min.y));
            const float halo = paint.outlineWidth;
            candidates.push_back({projection_.toScreen(anchor),
                                  {text.contentWidth + 2 * halo, text.height + 2 * halo}, areaPriority});
            layouts.push_back(std::move(text));
        }
        const auto boxes = placer.placeAll(candidates);
        for (std::size_t i = 0; i < boxes.size(); ++i) {
            if (!boxes[i]) continue;
            const float halo = paint.outlineWidth;
            labels_.push_back({&font, services_.text.place(named[i]->adcode, named[i]->name), std::move(layouts[i]),
                               {boxes[i]->x + halo, boxes[i]->y + halo}, paint, *boxes[i]});
        }
    }
}

std::vector<MapView::LabelBox> MapView::placedLabels() const {
    std::vector<LabelBox> boxes;
    for (const auto& l : labels_) boxes.push_back({l.text, l.box});
    return boxes;
}

void MapView::draw(Canvas& canvas) const {
    canvas.clip(builtFor_);  // zoomed in, the map stays in its region
    drawClipped(canvas);
    canvas.clearClip();
}

void MapView::drawClipped(Canvas& canvas) const {
    const MeshTransform& t = transform_;
    const bool moving = !t.identity();
    for (std::size_t i = 0; i < spec_.layers.size(); ++i) {
        const LayerState& state = layers_[i];
        if (state.glow) canvas.mesh(state.glow, t.offset, 1.0f, {1, 1, 1, 1}, t.scale);
        if (state.main) canvas.mesh(state.main, t.offset, 1.0f, {1, 1, 1, 1}, t.scale);
        if (std::holds_alternative<ChoroplethLayer>(spec_.layers[i]))
            for (const auto& county : countyFills_) {
                Color tint = county.shown;
                if (auto o = colorOverrides_.find(county.adcode); o != colorOverrides_.end()) tint = o->second;
                if (!focused_.empty() && county.prefecture != focused_) tint.a *= 1.0f - 0.7f * focusDim_;
                if (county.adcode == highlighted_) tint = mix(tint, Color{1, 1, 1, 1}, highlightPulse());
                canvas.mesh(county.fill, t.offset, 1.0f, tint, t.scale);
            }
        if (moving) continue;  // live layers and labels wait for the rebuild at rest
        if (state.ripples) state.ripples->draw(canvas, time_);
        if (state.flylines) state.flylines->draw(canvas, services_.regular, services_.text, time_);
        if (state.network) state.network->draw(canvas, services_, time_);
    }
    if (auto anchor = highlighted_.empty() ? std::nullopt : countyAnchor(highlighted_)) {
        const float phase = static_cast<float>(std::fmod(time_ - highlightSince_, 1.6) / 1.6);
        const Color accent = services_.show.theme.accent;
        const float r = margin_ * 0.5f;
        canvas.ring(*anchor, r * (1 + 1.5f * phase), r * 0.18f, accent.withAlpha(1 - phase));
        canvas.circle(*anchor, r * 0.3f, accent);
    }
    if (moving) return;
    for (const auto& label : labels_) canvas.text(*label.font, label.layout, label.topLeft, label.paint);
}

float MapView::highlightPulse() const {
    return 0.25f + 0.2f * static_cast<float>(std::sin((time_ - highlightSince_) * 4.0));
}

}  // namespace exhibit
