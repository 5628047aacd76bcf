#include "app/xr_tour.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cmath>

#include <glm/ext/matrix_transform.hpp>
#include <glm/geometric.hpp>
#include <glm/gtc/quaternion.hpp>
#include <glm/trigonometric.hpp>

#include "renderer/gl.hpp"
#include "renderer/gltf_placeholder.hpp"
#include "scenes/chrome.hpp"
#include "scenes/layout.hpp"

namespace exhibit {
namespace {

constexpr int kPanelWidthPx = 880;
constexpr glm::ivec2 kCaptionPx{1024, 224};
constexpr float kCaptionWidthM = 1.4f, kCaptionDistanceM = 1.6f, kCaptionDropM = 0.35f;
constexpr float kPanelBottomM = 0.9f;  // the panel stands like a kiosk: its lower edge at hip height
constexpr float kSpectatorFov = 1.2f;

glm::mat4 poseMatrix(const xr::Pose& p) { return glm::translate(glm::mat4(1.0f), p.position) * glm::mat4_cast(p.orientation); }

GltfGpuModel markerModel(glm::vec3 color) {
    GltfModel m = placeholderModel({-0.5f, -0.5f, -0.5f}, {0.5f, 0.5f, 0.5f}, "marker");
    GltfMaterial& material = m.materials.front();
    material.baseColorTexture.texture = -1;
    material.baseColorFactor = glm::vec4(color, 1.0f);
    material.emissiveFactor = color * 0.8f;
    m.textures.clear();
    return uploadGltf(m);
}

// A box stretched from `from` along `direction` for `length` metres, `thickness` across.
glm::mat4 beam(glm::vec3 from, glm::vec3 direction, float length, float thickness) {
    const glm::vec3 up = std::abs(direction.y) > 0.99f ? glm::vec3(1, 0, 0) : glm::vec3(0, 1, 0);
    const glm::mat4 frame = glm::inverse(glm::lookAt(from, from + direction, up));  // -Z along direction
    return glm::scale(glm::translate(frame, {0.0f, 0.0f, -length * 0.5f}), {thickness, thickness, length});
}

bool moved(const xr::Pose& a, const xr::Pose& b) {
    return glm::length(a.position - b.position) > 0.01f || std::abs(glm::dot(a.orientation, b.orientation)) < 0.99985f;  // 1 cm, 2°
}

}  // namespace

XrTour::XrTour(const ShowFile& show, const SceneServices& services)
    : show_(show),
      services_(services),
      director_(show.tour.value()),
      site_(std::make_shared<TourSite>(show)),
      panel_(*show.tour, services),
      spectatorLayer_(std::make_shared<TourSiteLayer>(site_)) {
    director_.setHeadset(true);
}

XrTour::~XrTour() = default;

glm::mat4 XrTour::siteFromStage() const {
    const TourOrigin o = director_.origin();
    return glm::rotate(glm::translate(glm::mat4(1.0f), o.position), o.yaw, glm::vec3(0, 1, 0));
}

int XrTour::takeHaptic() { return std::exchange(haptic_, -1); }

void XrTour::update(const FrameTime& time, const Snapshot& feed, const xr::Status& status, const xr::InputState& input,
                    const xr::Pose& head) {
    seconds_ = time.seconds;
    const glm::mat4 site = siteFromStage();
    // The pointing hand: the right one when it is there.
    const int pointing = input.hands[1].active ? 1 : 0;
    const xr::Hand& hand = input.hands[pointing];
    ray_.reset();
    if (hand.active && hand.aimValid) {
        const glm::vec3 origin = glm::vec3(site * glm::vec4(hand.aim.position, 1.0f));
        const glm::vec3 direction = glm::normalize(glm::mat3(site) * (hand.aim.orientation * glm::vec3(0, 0, -1)));
        ray_ = TourRay{origin, direction};
    }
    for (int h = 0; h < 2; ++h) {
        handActive_[h] = input.hands[h].active && input.hands[h].gripValid;
        if (handActive_[h]) hands_[h] = site * poseMatrix(input.hands[h].grip);
    }

    TourInput in;
    in.present = status.focused;
    in.thumbstick = hand.active ? hand.thumbstick : glm::vec2(0.0f);
    in.aim = ray_;
    in.head = glm::vec3(site * glm::vec4(head.position, 1.0f));
    const bool anyButton = input.hands[0].selectPressed || input.hands[1].selectPressed || input.hands[0].menuPressed ||
                           input.hands[1].menuPressed;
    in.active = moved(head, lastHead_) || anyButton || glm::length(in.thumbstick) > 0.3f;
    lastHead_ = head;
    hovered_ = ray_ && panelShown_ ? buttonUnderRay(*ray_) : Button::None;
    if (hand.selectPressed && hovered_ != Button::None) {
        in.previous = hovered_ == Button::Previous;
        in.toggleMode = hovered_ == Button::Mode;
        in.next = hovered_ == Button::Next;
        haptic_ = pointing;
    }
    if (input.hands[0].menuPressed || input.hands[1].menuPressed) in.toggleMode = true;

    const TourOrigin before = director_.origin();
    const std::size_t stopBefore = director_.stopIndex(), visitsBefore = director_.visits();
    const TourPhase phaseBefore = director_.phase();
    const TourMode modeBefore = director_.mode();
    const bool waitingBefore = director_.waitingForVisitor();
    director_.update(time.dt, in);
    if (director_.waitingForVisitor() && !waitingBefore) spdlog::info("[xr.tour] reset for the next visitor");
    logChanges(before, stopBefore, visitsBefore, phaseBefore, modeBefore);
    if (director_.stopIndex() != stopBefore || director_.origin().position != before.position) haptic_ = pointing;
    panel_.update(time, feed, director_.stopIndex());

    quads_.clear();
    buildCaption(head);
    buildPanel();
}

// What the visitor did and what the tour did, one log line each (operators read them; the xr tests
// check them).
void XrTour::logChanges(const TourOrigin& before, std::size_t stopBefore, std::size_t visitsBefore, TourPhase phaseBefore,
                        TourMode modeBefore) const {
    const TourOrigin now = director_.origin();
    if (director_.visits() != visitsBefore) spdlog::info("[xr.tour] visit {} begins", director_.visits());
    if (director_.phase() != phaseBefore) {
        if (director_.phase() == TourPhase::Paused) spdlog::info("[xr.tour] paused at stop \"{}\"", director_.stop().id);
        if (director_.phase() == TourPhase::Touring && phaseBefore == TourPhase::Paused && director_.visits() == visitsBefore)
            spdlog::info("[xr.tour] resumed");
        if (director_.phase() == TourPhase::Ended) spdlog::info("[xr.tour] the visit ended");
    }
    if (director_.stopIndex() != stopBefore) {
        spdlog::info("[xr.tour] stop {} \"{}\"", director_.stopIndex() + 1, director_.stop().id);
    } else if (director_.visits() == visitsBefore && phaseBefore != TourPhase::Paused) {
        if (director_.mode() == TourMode::Free && now.yaw != before.yaw)
            spdlog::info("[xr.tour] snap turn {:+.0f} degrees", glm::degrees(now.yaw - before.yaw));
        else if (now.position != before.position || now.yaw != before.yaw)
            spdlog::info("[xr.tour] moved to ({:.2f}, {:.2f})", now.position.x, now.position.z);
    }
    if (director_.mode() != modeBefore) spdlog::info("[xr.tour] {} mode", director_.mode() == TourMode::Free ? "free" : "guided");
}

XrTour::Button XrTour::buttonUnderRay(const TourRay& ray) const {
    if (quads_.size() < 2) return Button::None;
    const xr::QuadLayer& quad = quads_[1];
    const glm::mat4 site = siteFromStage();
    const glm::vec3 centre = glm::vec3(site * glm::vec4(quad.pose.position, 1.0f));
    const glm::mat3 axes = glm::mat3(site) * glm::mat3_cast(quad.pose.orientation);
    const glm::vec3 normal = axes[2];
    const float facing = glm::dot(ray.direction, normal);
    if (facing >= -1e-4f) return Button::None;  // from behind or edge-on
    const float t = glm::dot(centre - ray.origin, normal) / facing;
    if (t <= 0) return Button::None;
    const glm::vec3 hit = ray.origin + ray.direction * t;
    const float x = (glm::dot(hit - centre, axes[0]) / quad.sizeMeters.x + 0.5f) * static_cast<float>(quad.pixels.x);
    const float y = (0.5f - glm::dot(hit - centre, axes[1]) / quad.sizeMeters.y) * static_cast<float>(quad.pixels.y);
    const Rect& row = buttonRow_;
    if (x < row.x || x >= row.x + row.w || y < row.y || y >= row.y + row.h) return Button::None;
    const int third = std::clamp(static_cast<int>((x - row.x) * 3.0f / row.w), 0, 2);
    return third == 0 ? Button::Previous : third == 1 ? Button::Mode : Button::Next;
}

// The caption stands in front of the visitor, a little below the eyes; it follows the head only
// when the text changes or the visitor has turned well away from it (text that swims is tiring).
void XrTour::buildCaption(const xr::Pose& head) {
    const auto& t = services_.text;
    std::string title, text;
    if (director_.phase() == TourPhase::Ended) {
        title = t.pick("感谢参观", "Thank you for visiting");
        text = t.pick("请摘下头显，把体验留给下一位观众。", "Please take off the headset for the next visitor.");
    } else if (director_.phase() == TourPhase::Paused) {
        title = t.pick("导览已暂停", "Tour paused");
        text = t.pick("按扳机键或移动头部继续。", "Press the trigger or move your head to go on.");
    } else {
        title = std::to_string(director_.stopIndex() + 1) + " / " + std::to_string(show_.tour->stops.size()) + "  " +
                t(director_.stop().title);
        if (const TourLine* line = director_.subtitle()) text = t(line->text);
    }
    glm::vec3 forward = head.orientation * glm::vec3(0, 0, -1);
    forward.y = 0;
    forward = glm::length(forward) > 1e-3f ? glm::normalize(forward) : glm::vec3(0, 0, -1);
    const glm::vec3 towardsCaption = glm::normalize(captionPose_.position - head.position);
    const bool turnedAway = glm::dot(glm::normalize(glm::vec3(towardsCaption.x, 0, towardsCaption.z) + glm::vec3(1e-6f)), forward) < 0.77f;
    if (title + text != captionText_ || turnedAway) {
        captionText_ = title + text;
        captionPose_.position = head.position + forward * kCaptionDistanceM - glm::vec3(0, kCaptionDropM, 0);
        captionPose_.orientation = glm::angleAxis(std::atan2(-forward.x, -forward.z), glm::vec3(0, 1, 0));
    }
    const Layout layout(show_, {3840, 2160});  // design px x2: crisp at arm's length
    captionCanvas_.begin(kCaptionPx, Color{0.02f, 0.05f, 0.1f, 0.82f});
    TextStyle titleStyle;
    titleStyle.sizePx = 44;
    titleStyle.maxWidth = static_cast<float>(kCaptionPx.x) - 64;
    titleStyle.maxLines = 1;
    drawText(captionCanvas_, services_.bold, title, titleStyle, {32, 18}, shadowedText(show_.theme.accent, layout));
    TextStyle textStyle = titleStyle;
    textStyle.sizePx = 40;
    textStyle.maxLines = 2;
    drawText(captionCanvas_, services_.regular, text, textStyle, {32, 84}, shadowedText(show_.theme.text, layout));
    quads_.push_back({captionPose_, {kCaptionWidthM, kCaptionWidthM * kCaptionPx.y / kCaptionPx.x}, kCaptionPx});
}

void XrTour::buildPanel() {
    const TourStop& stop = director_.stop();
    panelShown_ = stop.panel && director_.phase() == TourPhase::Touring && director_.fade() < 0.5f;
    if (!panelShown_) return;
    const Layout layout(show_, {3840, 2160});
    const float pad = layout.px(20), buttonH = layout.px(64);
    const float height = pad + panel_.height(layout, director_.stopIndex()) + buttonH + pad;
    const glm::ivec2 pixels{kPanelWidthPx, static_cast<int>(std::ceil(height))};
    panelCanvas_.begin(pixels, show_.theme.panel.withAlpha(0.9f));
    const float width = static_cast<float>(kPanelWidthPx) - 2 * pad;
    panel_.draw(panelCanvas_, layout, director_.stopIndex(), {pad, pad}, width);

    const auto& t = services_.text;
    const std::string labels[3] = {std::string(t.pick("◀ 上一站", "◀ Previous")),
                                   std::string(director_.mode() == TourMode::Guided ? t.pick("自由参观", "Free visit")
                                                                                   : t.pick("自动导览", "Guided tour")),
                                   std::string(t.pick("下一站 ▶", "Next ▶"))};
    const float gap = layout.px(12), buttonW = (width - 2 * gap) / 3;
    const float y = static_cast<float>(pixels.y) - pad - buttonH;
    buttonRow_ = {pad, y, width, buttonH};
    for (int i = 0; i < 3; ++i) {
        const Rect r{pad + static_cast<float>(i) * (buttonW + gap), y, buttonW, buttonH};
        const bool hot = static_cast<int>(hovered_) == i + 1;
        panelCanvas_.roundedRect(r, layout.px(10), hot ? show_.theme.accent : show_.theme.accent.withAlpha(0.25f));
        TextStyle style;
        style.sizePx = layout.px(26);
        style.align = TextAlign::Center;
        style.maxWidth = r.w;
        style.maxLines = 1;
        TextPaint paint;
        paint.color = hot ? Color{0.02f, 0.05f, 0.1f, 1} : show_.theme.text;
        drawText(panelCanvas_, services_.bold, labels[i], style, {r.x, r.y + (r.h - style.sizePx * 1.25f) * 0.5f}, paint);
    }

    const TourPanel& spec = *stop.panel;
    const float widthM = spec.widthMetres, heightM = widthM * static_cast<float>(pixels.y) / static_cast<float>(pixels.x);
    const glm::vec3 centreSite = spec.position + glm::vec3(0, kPanelBottomM + heightM * 0.5f, 0);
    const glm::mat4 stageFromSite = glm::inverse(siteFromStage());
    xr::Pose pose;
    pose.position = glm::vec3(stageFromSite * glm::vec4(centreSite, 1.0f));
    pose.orientation = glm::angleAxis(glm::radians(spec.yawDegrees) - director_.origin().yaw, glm::vec3(0, 1, 0));
    quads_.push_back({pose, {widthM, heightM}, pixels});
}

void XrTour::renderQuad(int quad, const xr::EyeTarget& target) {
    if (!canvasRenderer_) canvasRenderer_ = std::make_unique<CanvasRenderer>();
    const Canvas& canvas = quad == 0 ? captionCanvas_ : panelCanvas_;
    if (canvas.size() != target.size) return;  // a stale swapchain of another size: skip a frame
    canvasRenderer_->execute(canvas.list(), target.framebuffer);
}

void XrTour::drawExtras(GltfRenderer& renderer) const {
    if (!cyan_) return;
    for (int h = 0; h < 2; ++h)
        if (handActive_[h]) renderer.add(*grey_, glm::scale(hands_[h], {0.05f, 0.04f, 0.12f}));
    if (const auto& arc = director_.arc()) {
        const GltfGpuModel& dots = arc->valid ? *cyan_ : *red_;
        for (std::size_t i = 0; i < arc->points.size(); i += 3)
            renderer.add(dots, glm::scale(glm::translate(glm::mat4(1.0f), arc->points[i]), glm::vec3(0.035f)));
        renderer.add(dots, glm::scale(glm::translate(glm::mat4(1.0f), arc->landing), {0.6f, 0.02f, 0.6f}));
    } else if (ray_ && director_.phase() == TourPhase::Touring) {
        renderer.add(hovered_ != Button::None ? *cyan_ : *grey_, beam(ray_->origin, ray_->direction, rayLength_, 0.006f));
    }
}

void XrTour::renderView(int, const xr::Pose& pose, const xr::Fov& fov, const xr::EyeTarget& target) {
    if (!comfort_) {
        comfort_ = std::make_unique<ComfortOverlay>();
        cyan_ = std::make_unique<GltfGpuModel>(markerModel({0.1f, 0.8f, 1.0f}));
        red_ = std::make_unique<GltfGpuModel>(markerModel({1.0f, 0.25f, 0.2f}));
        grey_ = std::make_unique<GltfGpuModel>(markerModel({0.55f, 0.58f, 0.62f}));
    }
    const Camera3d camera{xr::viewMatrix(pose) * glm::inverse(siteFromStage()), xr::projectionMatrix(fov, 0.05f, 800.0f)};
    eyeView_.draw(*site_, target.framebuffer, target.size, director_.stopIndex(), camera, seconds_,
                  [this](GltfRenderer& r) { drawExtras(r); });
    glBindFramebuffer(GL_FRAMEBUFFER, target.framebuffer);
    glViewport(0, 0, target.size.x, target.size.y);
    const float fade = director_.phase() == TourPhase::Touring ? director_.fade() : 1.0f;
    comfort_->draw(fade, director_.vignette());
}

// The spectator sees the visitor's view, smoothed (a head's small motions make a screen shake).
void XrTour::drawSpectator(unsigned framebuffer, glm::ivec2 size) {
    if (!canvasRenderer_) canvasRenderer_ = std::make_unique<CanvasRenderer>();
    const glm::mat4 head = siteFromStage() * poseMatrix(lastHead_);
    if (!spectatorSet_) {
        spectator_ = head;
        spectatorSet_ = true;
    }
    const glm::quat from = glm::quat_cast(glm::mat3(spectator_)), to = glm::quat_cast(glm::mat3(head));
    const glm::vec3 position = glm::mix(glm::vec3(spectator_[3]), glm::vec3(head[3]), 0.15f);
    spectator_ = glm::translate(glm::mat4(1.0f), position) * glm::mat4_cast(glm::slerp(from, to, 0.15f));
    spectatorLayer_->set(director_.stopIndex(), glm::inverse(spectator_), kSpectatorFov, seconds_);

    Canvas& canvas = spectatorCanvas_;
    canvas.begin(size, Color{0, 0, 0, 1});
    const Layout layout(show_, size);
    canvas.layer(spectatorLayer_, layout.output(), director_.phase() == TourPhase::Touring ? 1.0f - director_.fade() : 0.3f);
    drawHeader(canvas, services_, layout, director_.stop().title,
               std::string(services_.text.pick("VR 导览 · 观众视角", "VR tour · spectator view")));
    const std::string caption = director_.phase() == TourPhase::Paused
                                    ? std::string(services_.text.pick("头显空闲，导览已暂停", "Headset idle: tour paused"))
                                : director_.subtitle() ? services_.text(director_.subtitle()->text)
                                                       : std::string();
    drawSubtitleBox(canvas, layout, services_.regular, caption);
    canvasRenderer_->execute(canvas.list(), framebuffer);
}

}  // namespace exhibit
