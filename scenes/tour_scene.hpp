// The VR tour on a screen (scene type "tour"; `exhibit --tour` starts on it): the same stops, models,
// narration and live panels a headset visitor sees, for operators without a headset, for the wall,
// and for golden tests. The 3D site fills the output (an external canvas layer rendered by
// scenes/tour_site.hpp, 4x MSAA at the output's native pixels); over it the header with the stop,
// the narration as subtitles, the stop's live panel (KPI cards bound to the feed, with their
// provenance badges) and the controls.
//
// Runs unattended: guided mode glides the camera along each stop's waypoints, moves on, shows the
// end card and starts again. Keys: right/left = next/previous stop, space = guided/free. Free mode:
// drag to look around, tap the ground to walk there (within the stop's area, behind a fade).
// Does not: pause for idleness (a wall has no visitor to wait for) or talk to a headset (app/xr_*).
#pragma once

#include <memory>
#include <vector>

#include "scenes/layout.hpp"
#include "scenes/scene.hpp"
#include "scenes/tour_director.hpp"
#include "scenes/tour_panel.hpp"
#include "scenes/tour_site.hpp"

namespace exhibit {

class TourScene final : public Scene {
public:
    TourScene(const SceneSpec& spec, const SceneServices& services);
    ~TourScene() override;

    void update(const FrameTime& time, const Snapshot& feed) override;
    void draw(Canvas& canvas) override;
    void keyDown(int key) override;
    bool gesture(const Gesture& g) override;
    std::string hitTarget(glm::vec2 px) const override;
    void reset() override;
    std::vector<ShownFigure> figures() const override;

    const TourDirector& director() const { return director_; }

private:
    TourCamera camera() const;  // the director's, turned by the visitor's look in free mode
    void drawPanel(Canvas& canvas, const Layout& layout);
    void drawSubtitle(Canvas& canvas, const Layout& layout);
    void drawControls(Canvas& canvas, const Layout& layout);
    void drawEndCard(Canvas& canvas, const Layout& layout);

    const SceneSpec& spec_;
    const SceneServices& services_;
    const TourSpec& tour_;
    TourDirector director_;
    std::shared_ptr<TourSiteLayer> layer_;
    TourPanelView panel_;
    TourInput input_;     // what keys and touches asked for since the last update
    float lookYaw_ = 0, lookPitch_ = 0;  // free mode: the visitor's drag, radians
    glm::ivec2 drawnSize_{1920, 1080};
    double seconds_ = 0;
};

}  // namespace exhibit
