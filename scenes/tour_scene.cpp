#include "scenes/tour_scene.hpp"

#include <algorithm>
#include <cmath>

#include <glm/geometric.hpp>
#include <glm/trigonometric.hpp>

#include "renderer/camera3d.hpp"
#include "renderer/platform/platform.hpp"
#include "scenes/chrome.hpp"
#include "scenes/tour_site.hpp"

namespace exhibit {

namespace {
constexpr float kVerticalFov = 1.1f;  // radians, about 63°: a window onto the site, not a fisheye
}  // namespace

TourScene::TourScene(const SceneSpec& spec, const SceneServices& services)
    : Scene(spec),
      spec_(spec),
      services_(services),
      tour_(services.show.tour.value()),
      director_(tour_),
      layer_(std::make_shared<TourSiteLayer>(std::make_shared<TourSite>(services.show))),
      panel_(tour_, services) {
    director_.setHeadset(false);
    director_.resume();
}

TourScene::~TourScene() = default;

void TourScene::update(const FrameTime& time, const Snapshot& feed) {
    seconds_ = time.seconds;
    director_.update(time.dt, input_);
    input_ = {};
    panel_.update(time, feed, director_.stopIndex());
    const TourCamera c = camera();
    layer_->set(director_.stopIndex(), lookAtView(c.eye, c.target), kVerticalFov, seconds_);
}

TourCamera TourScene::camera() const {
    TourCamera c = director_.camera();
    if (director_.mode() != TourMode::Free) return c;
    const glm::vec3 forward = glm::normalize(c.target - c.eye);
    const float yaw = std::atan2(-forward.x, -forward.z) + lookYaw_;
    const glm::vec3 look{-std::sin(yaw) * std::cos(lookPitch_), std::sin(lookPitch_), -std::cos(yaw) * std::cos(lookPitch_)};
    return {c.eye, c.eye + look * 10.0f};
}

void TourScene::reset() {
    director_.reset();
    director_.resume();
    lookYaw_ = lookPitch_ = 0;
}

void TourScene::keyDown(int key) {
    if (key == keys::Right) input_.next = true;
    if (key == keys::Left) input_.previous = true;
    if (key == keys::Space) {
        input_.toggleMode = true;
        lookYaw_ = lookPitch_ = 0;
    }
}

std::string TourScene::hitTarget(glm::vec2) const { return "tour"; }

bool TourScene::gesture(const Gesture& g) {
    if (director_.mode() != TourMode::Free) return false;  // guided: a swipe may switch scenes
    if (g.kind == GestureKind::Pan || g.kind == GestureKind::PanStart) {
        const float radiansPerPx = kVerticalFov / static_cast<float>(std::max(1, drawnSize_.y));
        lookYaw_ += g.delta.x * radiansPerPx;
        lookPitch_ = std::clamp(lookPitch_ + g.delta.y * radiansPerPx, -1.2f, 1.2f);
        return true;
    }
    if (g.kind == GestureKind::Tap) {  // walk to the tapped ground
        const TourCamera c = camera();
        const glm::mat4 inverse = glm::inverse(TourSiteLayer::projection(drawnSize_, kVerticalFov) * lookAtView(c.eye, c.target));
        const glm::vec2 ndc{2.0f * g.pos.x / static_cast<float>(drawnSize_.x) - 1.0f, 1.0f - 2.0f * g.pos.y / static_cast<float>(drawnSize_.y)};
        const glm::vec4 far = inverse * glm::vec4(ndc, 1.0f, 1.0f);
        const glm::vec3 direction = glm::normalize(glm::vec3(far) / far.w - c.eye);
        if (direction.y >= -1e-3f) return false;  // the sky
        const glm::vec3 ground = c.eye + direction * (c.eye.y / -direction.y);
        return director_.teleportTo(ground, {c.eye.x, 0.0f, c.eye.z});
    }
    return false;
}

std::vector<ShownFigure> TourScene::figures() const { return panel_.figures(director_.stopIndex()); }

void TourScene::draw(Canvas& canvas) {
    drawnSize_ = canvas.size();
    const Layout layout(services_.show, canvas.size());
    const Rect whole = layout.output();
    canvas.layer(layer_, whole);
    if (director_.fade() > 0) canvas.rect(whole, Color{0, 0, 0, director_.fade()});
    // Shade behind the header and the footer, so their text reads over a bright sky or ground.
    canvas.roundedRectGradient({0, 0, whole.w, layout.px(200)}, 0, Color{0, 0, 0, 0.78f}, Color{0, 0, 0, 0});
    canvas.roundedRectGradient({0, whole.h - layout.px(70), whole.w, layout.px(70)}, 0, Color{0, 0, 0, 0}, Color{0, 0, 0, 0.6f});

    if (director_.phase() == TourPhase::Ended) {
        drawHeader(canvas, services_, layout, spec_.title, spec_.subtitle);
        drawEndCard(canvas, layout);
    } else {
        const TourStop& stop = director_.stop();
        const auto& t = services_.text;
        drawHeader(canvas, services_, layout, spec_.title, "");
        // The stop line in the header's place for a subtitle, brighter: it sits over the sky.
        std::string line = std::string(t.pick("第 ", "Stop ")) + std::to_string(director_.stopIndex() + 1) +
                           std::string(t.pick(" 站 / 共 ", " of ")) + std::to_string(tour_.stops.size()) +
                           std::string(t.pick(" 站 · ", " · ")) + t(stop.title);
        if (!stop.place.empty()) line += " · " + t(stop.place);
        TextStyle style;
        style.sizePx = layout.px(24);
        style.maxWidth = layout.output().w * 0.6f;
        style.maxLines = 1;
        drawText(canvas, services_.bold, line, style, {layout.px(48), layout.px(84)}, shadowedText(services_.show.theme.text, layout));
        drawPanel(canvas, layout);
        drawSubtitle(canvas, layout);
        drawControls(canvas, layout);
    }
    drawFooter(canvas, services_, layout, spec_.source, "");
}

void TourScene::drawPanel(Canvas& canvas, const Layout& layout) {
    if (director_.fade() >= 1) return;
    const float width = layout.px(400);
    panel_.draw(canvas, layout, director_.stopIndex(), {layout.output().w - layout.px(48) - width, layout.px(170)}, width);
}

void TourScene::drawSubtitle(Canvas& canvas, const Layout& layout) {
    if (const TourLine* line = director_.subtitle()) drawSubtitleBox(canvas, layout, services_.regular, services_.text(line->text));
}

void TourScene::drawControls(Canvas& canvas, const Layout& layout) {
    const auto& t = services_.text;
    const bool free = director_.mode() == TourMode::Free;
    const std::string help =
        free ? std::string(t.pick("自由参观：拖动环顾，点击地面前往 · ← → 切换站点 · 空格 自动导览",
                                  "Free visit: drag to look, tap the ground to go there · ← → stops · space: guided tour"))
             : std::string(t.pick("自动导览 · ← → 切换站点 · 空格 自由参观", "Guided tour · ← → stops · space: free visit"));
    TextStyle style;
    style.sizePx = layout.px(18);
    style.maxWidth = layout.output().w * 0.5f;
    style.maxLines = 1;
    drawText(canvas, services_.regular, help, style, {layout.px(48), layout.px(124)}, shadowedText(Color{1, 1, 1, 0.85f}, layout));

    // Progress through the stop (guided) as a thin bar under the help line.
    if (!free) {
        const float width = layout.px(260);
        const float share = static_cast<float>(std::clamp(director_.timeAtStop() / director_.stop().seconds, 0.0, 1.0));
        canvas.rect({layout.px(48), layout.px(156), width, layout.px(3)}, Color{1, 1, 1, 0.3f});
        canvas.rect({layout.px(48), layout.px(156), width * share, layout.px(3)}, services_.show.theme.accent);
    }
}

void TourScene::drawEndCard(Canvas& canvas, const Layout& layout) {
    const Rect out = layout.output();
    const auto& t = services_.text;
    TextStyle big;
    big.sizePx = layout.px(72);
    big.align = TextAlign::Center;
    big.maxWidth = out.w * 0.8f;
    big.maxLines = 1;
    TextPaint paint;
    paint.color = services_.show.theme.text;
    drawText(canvas, services_.bold, std::string(t.pick("感谢参观", "Thank you for visiting")), big,
             {out.w * 0.1f, out.h * 0.4f}, paint);
    TextStyle small = big;
    small.sizePx = layout.px(28);
    paint.color = services_.show.theme.textMuted;
    drawText(canvas, services_.regular, std::string(t.pick("导览即将重新开始", "The tour starts again shortly")), small,
             {out.w * 0.1f, out.h * 0.4f + layout.px(110)}, paint);
}

}  // namespace exhibit
