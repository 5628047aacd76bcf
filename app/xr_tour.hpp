// The VR tour in a headset: the show's tour (core/tour_spec.hpp) run by a TourDirector from the
// OpenXR session and controllers, drawn per eye through xr::ViewRenderer.
//
//   XrTour tour(show, services);
//   loop: program.frame(tour);                     // renderView per eye, renderQuad per panel
//         tour.update(time, feed, program.status(), program.input(), program.headPose());
//         program.setQuads(tour.quads());  if (tour.takeHaptic()) program.haptic(...);
//         tour.drawSpectator(window framebuffer, size, dt);
//
// Per eye: the stop's site (TourSite, 4x MSAA), the controllers and their pointer ray, the teleport
// arc while one is aimed (cyan where it may land, red where not), then the comfort vignette and the
// fades (renderer/comfort_overlay.hpp). Panels are OpenXR quad layers drawn with the crisp text of
// the canvas renderer: the stop's live panel standing in the site, with buttons the ray presses
// (previous, guided/free, next), and a caption in front of the visitor (the stop, the narration;
// paused and end notices). Input: thumbstick forward aims a teleport, release jumps; left/right
// snap-turns; the menu button switches guided/free; the trigger presses the panel button the ray
// points at. Taking the headset off (the session leaves FOCUSED) pauses the tour; the director
// resets it for the next visitor after the show's timeout. The spectator window shows a smoothed
// first-person view from the headset with the stop's title and the caption.
// Does not: talk to OpenXR itself (xr::Program does) or own the window.
#pragma once

#include <memory>
#include <vector>

#include "core/clock.hpp"
#include "core/show.hpp"
#include "data_feed/snapshot.hpp"
#include "renderer/canvas.hpp"
#include "renderer/canvas_renderer.hpp"
#include "renderer/comfort_overlay.hpp"
#include "scenes/scene.hpp"
#include "scenes/tour_director.hpp"
#include "scenes/tour_panel.hpp"
#include "scenes/tour_site.hpp"
#include "xr/xr_types.hpp"

namespace exhibit {

class XrTour final : public xr::ViewRenderer {
public:
    XrTour(const ShowFile& show, const SceneServices& services);
    ~XrTour() override;

    void update(const FrameTime& time, const Snapshot& feed, const xr::Status& status, const xr::InputState& input,
                const xr::Pose& head);
    const std::vector<xr::QuadLayer>& quads() const { return quads_; }
    // The hand to pulse once (a button pressed, a teleport), or -1.
    int takeHaptic();

    void renderView(int eye, const xr::Pose& pose, const xr::Fov& fov, const xr::EyeTarget& target) override;
    void renderQuad(int quad, const xr::EyeTarget& target) override;
    void drawSpectator(unsigned framebuffer, glm::ivec2 size);

    const TourDirector& director() const { return director_; }
    const TourSite& site() const { return *site_; }

private:
    enum class Button { None, Previous, Mode, Next };
    glm::mat4 siteFromStage() const;
    Button buttonUnderRay(const TourRay& ray) const;
    void logChanges(const TourOrigin& before, std::size_t stopBefore, std::size_t visitsBefore, TourPhase phaseBefore,
                    TourMode modeBefore) const;
    void buildPanel();
    void buildCaption(const xr::Pose& head);
    void drawExtras(GltfRenderer& renderer) const;

    const ShowFile& show_;
    const SceneServices& services_;
    TourDirector director_;
    std::shared_ptr<TourSite> site_;
    TourPanelView panel_;
    SiteView eyeView_;
    std::unique_ptr<ComfortOverlay> comfort_;
    std::unique_ptr<CanvasRenderer> canvasRenderer_;
    std::unique_ptr<GltfGpuModel> cyan_, red_, grey_;  // marker boxes: arc and ray, a landing out of bounds, controllers
    std::shared_ptr<TourSiteLayer> spectatorLayer_;

    double seconds_ = 0;
    std::vector<xr::QuadLayer> quads_;
    Canvas panelCanvas_, captionCanvas_, spectatorCanvas_;  // kept: their buffers are reused each frame
    bool panelShown_ = false;
    Button hovered_ = Button::None;
    Rect buttonRow_;                 // the panel's buttons, panel canvas px
    std::optional<TourRay> ray_;     // the pointing hand's aim, site coordinates
    float rayLength_ = 3.0f;
    glm::mat4 hands_[2]{glm::mat4(1.0f), glm::mat4(1.0f)};  // grips, site coordinates
    bool handActive_[2]{false, false};
    xr::Pose lastHead_;
    std::string captionText_;
    xr::Pose captionPose_;
    glm::mat4 spectator_{1.0f};      // smoothed site-from-head
    bool spectatorSet_ = false;
    int haptic_ = -1;
};

}  // namespace exhibit
