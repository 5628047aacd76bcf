#include "scenes/map_network.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "scenes/chrome.hpp"
#include "scenes/map_geometry.hpp"

namespace exhibit {
namespace {

constexpr std::string_view kProvince = "province";
constexpr float kPartnerColumn = 170;  // design px kept free at the map's right for partner nodes
constexpr float kKeyWidth = 272;       // design px

// FNV-1a: a hash that is the same with every compiler and library (std::hash is not).
std::uint64_t stableHash(std::string_view s) {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    return h;
}

// splitmix64: the next uniform number in [0, 1) from a 64-bit state.
double nextUnit(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    return static_cast<double>(z >> 11) * (1.0 / 9007199254740992.0);
}

bool isPartner(std::string_view node) { return !node.empty() && node.front() == '@'; }

}  // namespace

MapNetwork::MapNetwork(const NetworkLayer& spec, const GeoCollection& counties, const CountyFacts& facts,
                       const MapAnchors& countyAnchors, const MapAnchors& prefectureAnchors)
    : spec_(spec), facts_(facts), countyAnchors_(countyAnchors), prefectureAnchors_(prefectureAnchors) {
    if (!spec.village.empty())
        for (const GeoFeature& county : counties.features) villageLonLat_[county.adcode] = placeVillages(county, spec.villages);
}

std::vector<glm::dvec2> MapNetwork::placeVillages(const GeoFeature& county, int n) {
    std::vector<glm::dvec2> points;
    const glm::dvec2 anchor = labelAnchor(county);
    const glm::dvec2 half = (county.bounds.max - county.bounds.min) * 0.5;
    std::uint64_t state = stableHash(county.adcode);
    const double base = nextUnit(state) * 2 * std::numbers::pi;
    for (int i = 0; i < n; ++i) {
        glm::dvec2 chosen = anchor;
        // Around the label point, one sector each, nearer or farther: the first candidate inside the
        // county wins; a county too thin for any keeps the point on its label point.
        for (int attempt = 0; attempt < 24; ++attempt) {
            const double angle = base + (i + 0.15 + 0.7 * nextUnit(state)) * 2 * std::numbers::pi / n;
            const double reach = (0.3 + 0.45 * nextUnit(state)) * (1.0 - attempt / 30.0);
            const glm::dvec2 p = anchor + glm::dvec2(std::cos(angle) * half.x, std::sin(angle) * half.y) * reach;
            if (featureContains(county, p)) {
                chosen = p;
                break;
            }
        }
        points.push_back(chosen);
    }
    return points;
}

const std::vector<glm::dvec2>& MapNetwork::villages(const std::string& countyAdcode) const {
    static const std::vector<glm::dvec2> none;
    auto it = villageLonLat_.find(countyAdcode);
    return it == villageLonLat_.end() ? none : it->second;
}

void MapNetwork::layout(const MapProjection& projection, const Rect& area, const Layout& layout) {
    projection_ = projection;
    area_ = area;
    scale_ = layout.px(1);
    villageScreen_.clear();
    for (const auto& [county, points] : villageLonLat_) {
        auto& screen = villageScreen_[county];
        for (const auto& p : points) screen.push_back(projection.toScreen(p));
    }
    int rows = 0;
    for (const std::string* tier : {&spec_.province, &spec_.prefecture, &spec_.county, &spec_.village, &spec_.partner})
        rows += tier->empty() ? 0 : 1;
    for (const auto& p : spec_.pulses) rows += p.label.empty() ? 0 : 1;
    rows += spec_.live && !spec_.live->label.empty() ? 1 : 0;
    const float pad = layout.px(12);
    key_ = {area.x + layout.px(8), area.y + layout.px(8), layout.px(kKeyWidth),
            2 * pad + layout.px(22) * static_cast<float>(rows) + (spec_.note.empty() ? 0.0f : layout.px(38))};
    dirty_ = true;
    placePartners();
}

float MapNetwork::reservedRight(const Layout& layout) const { return spec_.partner.empty() ? 0.0f : layout.px(kPartnerColumn); }

std::optional<glm::vec2> MapNetwork::position(const std::string& node) const {
    if (node == kProvince) return projection_.toScreen({spec_.hubLon, spec_.hubLat});
    if (isPartner(node)) {
        auto it = partnerScreen_.find(std::string_view(node).substr(1));
        return it == partnerScreen_.end() ? std::nullopt : std::optional(it->second);
    }
    if (const auto hash = node.find('#'); hash != std::string::npos) {
        auto it = villageScreen_.find(std::string_view(node).substr(0, hash));
        const int i = std::atoi(node.c_str() + hash + 1);
        if (it == villageScreen_.end() || i < 0 || i >= static_cast<int>(it->second.size())) return std::nullopt;
        return it->second[static_cast<std::size_t>(i)];
    }
    if (auto it = countyAnchors_.find(node); it != countyAnchors_.end()) return it->second;
    if (auto it = prefectureAnchors_.find(node); it != prefectureAnchors_.end()) return it->second;
    return std::nullopt;
}

// The next node up that the layer draws: village -> county -> prefecture -> province; "" at the top.
std::string MapNetwork::parent(const std::string& node) const {
    std::string up = node;
    while (true) {
        if (up == kProvince || isPartner(up) || up.empty()) return {};
        if (const auto hash = up.find('#'); hash != std::string::npos) {
            up = up.substr(0, hash);
            if (!spec_.county.empty()) return up;
        } else if (countyAnchors_.contains(up)) {
            const CountyFact* fact = facts_.find(up);
            up = fact ? fact->prefectureAdcode : std::string();
            if (!spec_.prefecture.empty() && prefectureAnchors_.contains(up)) return up;
        } else {
            up = std::string(kProvince);
            if (!spec_.province.empty()) return up;
        }
    }
}

// The node an adcode stands for: itself when its tier is drawn, else its nearest drawn ancestor.
std::optional<std::string> MapNetwork::regionNode(const std::string& adcode) const {
    const bool province = adcode.size() == 6 && adcode.ends_with("0000");
    if (province) return spec_.province.empty() ? std::nullopt : std::optional<std::string>(kProvince);
    const bool county = countyAnchors_.contains(adcode);
    if (!county && !prefectureAnchors_.contains(adcode)) return std::nullopt;
    if (county ? !spec_.county.empty() : !spec_.prefecture.empty()) return adcode;
    std::string up = parent(adcode);
    return up.empty() ? std::nullopt : std::optional(up);
}

std::vector<std::string> MapNetwork::pathBetween(const std::string& from, const std::string& to) const {
    std::vector<std::string> up{from}, down{to};
    for (std::string p = parent(from); !p.empty(); p = parent(p)) up.push_back(p);
    for (std::string p = parent(to); !p.empty(); p = parent(p)) down.push_back(p);
    for (std::size_t i = 0; i < up.size(); ++i) {
        auto common = std::find(down.begin(), down.end(), up[i]);
        if (common == down.end()) continue;
        std::vector<std::string> path(up.begin(), up.begin() + static_cast<std::ptrdiff_t>(i) + 1);
        path.insert(path.end(), std::make_reverse_iterator(common), down.rend());
        return path;
    }
    return {from, to};
}

std::optional<std::vector<std::vector<std::string>>> MapNetwork::routes(const NetworkPulse& pulse, const FeedEvent& e) {
    const int villages = spec_.village.empty() ? 0 : spec_.villages;
    auto village = [&](const std::string& county) -> std::optional<std::string> {
        if (villages == 0 || !countyAnchors_.contains(county)) return regionNode(county);
        return county + "#" + std::to_string(e.serial % static_cast<std::uint64_t>(villages));
    };
    std::vector<std::vector<std::string>> paths;
    switch (pulse.route) {
        case PulseRoute::Up: {
            const auto start = village(e.fromAdcode);
            if (!start) return std::nullopt;
            std::optional<std::string> end;
            if (!e.toAdcode.empty()) {
                end = regionNode(e.toAdcode);
            } else {
                end = *start;
                for (std::string p = parent(*start); !p.empty(); p = parent(p)) end = p;
            }
            if (!end) return std::nullopt;
            paths.push_back(pathBetween(*start, *end));
            break;
        }
        case PulseRoute::Down: {
            const auto start = regionNode(e.fromAdcode);
            const auto end = e.toAdcode.empty() ? std::nullopt : village(e.toAdcode);
            if (!start || !end) return std::nullopt;
            paths.push_back(pathBetween(*start, *end));
            break;
        }
        case PulseRoute::Fan: {
            const auto centre = regionNode(e.fromAdcode);
            if (!centre || villages == 0 || !countyAnchors_.contains(e.fromAdcode)) return std::nullopt;
            for (int i = 0; i < villages; ++i) paths.push_back(pathBetween(*centre, e.fromAdcode + "#" + std::to_string(i)));
            break;
        }
        case PulseRoute::Partner: {
            const auto county = regionNode(e.fromAdcode);
            if (!county || e.toName.empty()) return std::nullopt;
            Partner& partner = partners_[e.toName];
            if (e.toLon && e.toLat) partner.lonLat = glm::dvec2(*e.toLon, *e.toLat);
            partner.lastActive = now_;
            auto& counties = links_[e.toName];
            if (std::find(counties.begin(), counties.end(), *county) == counties.end()) counties.push_back(*county);
            paths.push_back({"@" + e.toName, *county});
            break;
        }
    }
    std::erase_if(paths, [](const auto& p) { return p.size() < 2; });
    if (paths.empty()) return std::nullopt;
    return paths;
}

void MapNetwork::placePartners() {
    // The least recently active partners go first when there are too many.
    while (partners_.size() > static_cast<std::size_t>(spec_.maxPartners)) {
        auto oldest = std::min_element(partners_.begin(), partners_.end(), [](const auto& a, const auto& b) {
            return a.second.lastActive < b.second.lastActive;
        });
        links_.erase(oldest->first);
        partners_.erase(oldest);
    }
    partnerScreen_.clear();
    if (partners_.empty() || area_.w <= 0) return;
    // One column at the map's right, ordered by direction from the map's centre: north at the top.
    const glm::vec2 centre{area_.x + area_.w * 0.5f, area_.y + area_.h * 0.5f};
    std::vector<std::pair<float, std::string>> order;
    for (const auto& [name, partner] : partners_) {
        float angle = 0;
        if (partner.lonLat) {
            const glm::vec2 p = projection_.toScreen(*partner.lonLat);
            angle = std::atan2(p.y - centre.y, std::abs(p.x - centre.x) + 1.0f);
        }
        order.emplace_back(angle, name);
    }
    std::sort(order.begin(), order.end());
    const float x = area_.x + area_.w - kPartnerColumn * scale_ + 10 * scale_;
    const float top = area_.y + area_.h * 0.1f, span = area_.h * 0.8f;
    for (std::size_t i = 0; i < order.size(); ++i) {
        const float k = order.size() == 1 ? 0.5f : static_cast<float>(i) / static_cast<float>(order.size() - 1);
        partnerScreen_[order[i].second] = {x, top + span * k};
    }
}

void MapNetwork::update(const FrameTime& time, const Snapshot& feed) {
    now_ = time.seconds;
    const double hop = spec_.seconds;
    std::vector<std::pair<const FeedEvent*, const NetworkPulse*>> fresh;
    std::uint64_t newest = lastSerial_;
    for (const FeedEvent& e : feed.events) {
        newest = std::max(newest, e.serial);
        if (e.serial <= lastSerial_) continue;
        for (const NetworkPulse& p : spec_.pulses)
            if (p.event == e.kind) fresh.emplace_back(&e, &p);
    }
    const bool firstBatch = lastSerial_ == 0;
    lastSerial_ = newest;
    // Partner links are the network's standing state: every pairing counts, even when its pulse
    // is one of too many to show.
    const std::size_t show = static_cast<std::size_t>(spec_.maxPulses);
    bool partnersChanged = false;
    for (std::size_t i = 0; i < fresh.size(); ++i) {
        const auto [e, pulse] = fresh[i];
        const std::size_t before = partners_.size();
        auto paths = routes(*pulse, *e);
        partnersChanged = partnersChanged || partners_.size() != before || pulse->route == PulseRoute::Partner;
        if (!paths) {
            ++skipped_;
            continue;
        }
        if (fresh.size() > show && i < fresh.size() - show) continue;
        const double k = fresh.size() > 1 ? static_cast<double>(i) / static_cast<double>(fresh.size()) : 0.0;
        // A show starting mid-stream shows the first events as if under way; a burst is spread over a second.
        const double life = hop * 3 + kFadeSeconds;
        const double start = firstBatch ? now_ - life * 0.9 * (1.0 - k) : now_ + std::min(1.0, hop) * k;
        for (auto& path : *paths) pulses_.push_back({e->serial, std::move(path), start, pulse->color});
        simulated_ = simulated_ || e->provenance == Provenance::Simulated;
        ++launched_;
    }
    if (partnersChanged) placePartners();
    bool changed = dirty_ || !fresh.empty();
    if (pulses_.size() > show) pulses_.erase(pulses_.begin(), pulses_.end() - static_cast<std::ptrdiff_t>(show));
    const auto expired = std::remove_if(pulses_.begin(), pulses_.end(), [&](const Pulse& p) {
        return p.start + hop * static_cast<double>(p.path.size() - 1) + kFadeSeconds < now_;
    });
    if (expired != pulses_.end()) {
        pulses_.erase(expired, pulses_.end());
        changed = true;
    }
    if (spec_.live && feed.sequence != liveSequence_) {
        liveSequence_ = feed.sequence;
        std::map<std::string, int, std::less<>> live;
        const int cap = spec_.village.empty() ? 0 : spec_.villages;
        for (const auto& [county, at] : countyAnchors_)
            if (const MetricValue* v = feed.value(county, spec_.live->metric)) {
                simulated_ = simulated_ || v->provenance == Provenance::Simulated;
                const int n = std::min(cap, static_cast<int>(std::lround(v->value)));
                if (n > 0) live[county] = n;
            }
        if (live != live_) {
            live_ = std::move(live);
            changed = true;
        }
    }
    // Live links stream: one pulse per link every few hops' time.
    if (spec_.live && now_ >= liveEpoch_ + hop * 3) {
        liveEpoch_ = now_;
        changed = true;
    }
    if (changed) rebuild();
}

void MapNetwork::rebuild() {
    dirty_ = false;
    set_->lines.clear();
    const float width = spec_.width * scale_;
    auto add = [&](glm::vec2 a, glm::vec2 b, Color color, double start, float w) {
        set_->lines.push_back({a, b, 0.12f, color.packed(), w, start, spec_.seconds});
    };
    for (const Pulse& p : pulses_)
        for (std::size_t i = 0; i + 1 < p.path.size(); ++i) {
            const auto a = position(p.path[i]), b = position(p.path[i + 1]);
            if (a && b) add(*a, *b, p.color, p.start + spec_.seconds * static_cast<double>(i), width);
        }
    if (spec_.live)
        for (const auto& [county, n] : live_) {
            const auto a = position(county);
            // Staggered by county so the streams do not beat in step.
            const double start = liveEpoch_ + spec_.seconds * 1.5 * static_cast<double>(stableHash(county) % 100) / 100.0;
            for (int i = 0; i < n; ++i)
                if (const auto b = position(county + "#" + std::to_string(i)); a && b)
                    add(*a, *b, spec_.live->color, start, width * 0.7f);
        }
    ++set_->version;
}

void MapNetwork::draw(Canvas& canvas, const SceneServices& services, double t) const {
    const float s = scale_;
    const Color edge = spec_.color.withAlpha(spec_.color.a * 0.38f);
    // Edges first, then nodes from the bottom of the tree up, so the big ones stay on top.
    for (const auto& [county, points] : villageScreen_) {
        const auto c = position(parent(county + "#0"));
        for (const glm::vec2& v : points) {
            if (c) canvas.line(*c, v, 0.7f * s, edge.withAlpha(edge.a * 0.7f));
        }
    }
    auto upEdges = [&](const MapAnchors& anchors, bool drawn) {
        if (!drawn) return;
        for (const auto& [adcode, at] : anchors)
            if (const auto p = position(parent(adcode))) canvas.line(at, *p, 0.9f * s, edge);
    };
    upEdges(countyAnchors_, !spec_.county.empty());
    upEdges(prefectureAnchors_, !spec_.prefecture.empty());
    for (const auto& [partner, counties] : links_)
        if (const auto p = position("@" + partner))
            for (const std::string& county : counties)
                if (const auto c = position(county)) canvas.line(*p, *c, 0.8f * s, edge.withAlpha(edge.a * 0.45f));
    if (spec_.live)
        for (const auto& [county, n] : live_)
            for (int i = 0; i < n; ++i)
                if (const auto a = position(county), b = position(county + "#" + std::to_string(i)); a && b)
                    canvas.line(*a, *b, 1.4f * s, spec_.live->color.withAlpha(0.75f));

    for (const auto& [county, points] : villageScreen_)
        for (const glm::vec2& v : points) canvas.circle(v, 1.7f * s, spec_.color.withAlpha(0.75f));
    if (!spec_.county.empty())
        for (const auto& [adcode, at] : countyAnchors_) canvas.circle(at, 2.8f * s, spec_.color);
    if (!spec_.prefecture.empty())
        for (const auto& [adcode, at] : prefectureAnchors_) {
            canvas.circle(at, 4.6f * s, spec_.color);
            canvas.ring(at, 7.5f * s, 1.2f * s, spec_.color.withAlpha(0.6f));
        }
    if (const auto hub = spec_.province.empty() ? std::nullopt : position(std::string(kProvince))) {
        canvas.glow(*hub, 22 * s, spec_.color.withAlpha(0.45f), spec_.color.withAlpha(0));
        canvas.circle(*hub, 7 * s, Color{1, 1, 1, 1});
        canvas.ring(*hub, 11 * s, 2 * s, spec_.color);
    }

    // Where a pulse arrives, the node flashes: the hop has reached the next level.
    for (const Pulse& p : pulses_)
        for (std::size_t i = 1; i < p.path.size(); ++i) {
            const double since = t - (p.start + spec_.seconds * static_cast<double>(i));
            if (since < 0 || since > 0.7) continue;
            if (const auto at = position(p.path[i])) {
                const float k = static_cast<float>(since / 0.7);
                canvas.ring(*at, (4 + 12 * k) * s, 1.6f * s, p.color.withAlpha(1 - k));
            }
        }
    if (!set_->lines.empty()) {
        FlylineStyle style;
        style.headRadius = spec_.width * s * 1.5f;
        style.fadeSeconds = static_cast<float>(kFadeSeconds);
        style.baseAlpha = 0.12f;
        style.trail = 0.5f;
        canvas.flylines(set_, t, style);
    }

    TextPaint label;
    label.color = services.show.theme.text;
    label.outline = Color::rgba8(0x05, 0x0B, 0x17).withAlpha(0.85f);
    label.outlineWidth = 2 * s;
    TextStyle partnerStyle;
    partnerStyle.sizePx = 14 * s;
    partnerStyle.maxWidth = (kPartnerColumn - 24) * s;
    partnerStyle.maxLines = 1;
    for (const auto& [name, at] : partnerScreen_) {
        canvas.circle(at, 5 * s, spec_.color);
        canvas.ring(at, 8 * s, 1.2f * s, spec_.color.withAlpha(0.6f));
        drawText(canvas, services.regular, services.text(name), partnerStyle, at + glm::vec2(12 * s, -9 * s), label);
    }

    // The key: what each kind of node and pulse is; the note says what is schematic.
    if (key_.w <= 0) return;
    const Theme& theme = services.show.theme;
    canvas.roundedRect(key_, 10 * s, theme.panel);
    canvas.roundedRectStroke(key_, 10 * s, 1.2f * s, theme.accent.withAlpha(0.3f));
    TextStyle row;
    row.sizePx = 14 * s;
    row.maxWidth = key_.w - 48 * s;
    row.maxLines = 1;
    TextPaint text;
    text.color = theme.text;
    float y = key_.y + 12 * s;
    const float markX = key_.x + 22 * s, textX = key_.x + 38 * s;
    auto entry = [&](const std::string& caption, auto&& mark) {
        if (caption.empty()) return;
        mark(glm::vec2(markX, y + 11 * s));
        drawText(canvas, services.regular, services.text(caption), row, {textX, y + 1 * s}, text);
        y += 22 * s;
    };
    entry(spec_.province, [&](glm::vec2 c) { canvas.circle(c, 6 * s, Color{1, 1, 1, 1}); canvas.ring(c, 8 * s, 1.6f * s, spec_.color); });
    entry(spec_.prefecture, [&](glm::vec2 c) { canvas.circle(c, 4.6f * s, spec_.color); });
    entry(spec_.county, [&](glm::vec2 c) { canvas.circle(c, 2.8f * s, spec_.color); });
    entry(spec_.village, [&](glm::vec2 c) { canvas.circle(c, 1.7f * s, spec_.color.withAlpha(0.75f)); });
    entry(spec_.partner, [&](glm::vec2 c) { canvas.circle(c, 5 * s, spec_.color); });
    for (const NetworkPulse& p : spec_.pulses)
        entry(p.label, [&](glm::vec2 c) {
            canvas.line(c - glm::vec2(12 * s, 0), c + glm::vec2(8 * s, 0), 2 * s, p.color.withAlpha(0.5f));
            canvas.circle(c + glm::vec2(8 * s, 0), 3 * s, p.color);
        });
    if (spec_.live)
        entry(spec_.live->label, [&](glm::vec2 c) { canvas.line(c - glm::vec2(12 * s, 0), c + glm::vec2(12 * s, 0), 1.6f * s, spec_.live->color); });
    if (!spec_.note.empty()) {
        TextStyle note = row;
        note.sizePx = 12 * s;
        note.maxWidth = key_.w - 28 * s;
        note.maxLines = 2;
        TextPaint muted;
        muted.color = theme.textMuted;
        drawText(canvas, services.regular, services.text(spec_.note), note, {key_.x + 14 * s, y + 4 * s}, muted);
    }
}

}  // namespace exhibit
