// A Scene is one screen of the show (the map, later dashboards and themes), bgfx-example style:
// created from its show-file entry, then update() once per frame and draw() once per output.
// update() computes state (no GL); draw() describes the frame through the Canvas (no GL either).
// Every size a scene uses is laid out anew for the output's native pixels each frame, so a
// resize or a 4K output re-lays out instead of scaling a fixed design canvas.
#pragma once

#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/show.hpp"
#include "data_feed/snapshot.hpp"
#include "input/gesture_recognizer.hpp"
#include "renderer/canvas.hpp"
#include "renderer/font.hpp"
#include "scenes/translator.hpp"

namespace exhibit {

// What every scene may use; owned by the app and alive as long as the scenes.
struct SceneServices {
    const ShowFile& show;
    const Font& regular;
    const Font& bold;
    const Translator& text;  // the language the wall speaks now; draw() translates through it
};

// A figure the scene shows and what it rests on: simulated figures carry the "模拟数据" badge on
// screen; real ones name their sources as the facts cite them (sources.csv ids or titles, which the
// credits scene lists). tests/unit/provenance_test.cpp walks every scene of the bundled show.
struct ShownFigure {
    std::string what;  // a widget's title, a map layer's metric
    bool simulated = false;
    std::vector<std::string> sources{};
};

class Scene {
public:
    explicit Scene(const SceneSpec& spec) : id_(spec.id), title_(spec.title) {}
    virtual ~Scene() = default;
    Scene(const Scene&) = delete;
    Scene& operator=(const Scene&) = delete;

    const std::string& id() const { return id_; }
    const std::string& title() const { return title_; }

    // `feed` is the newest snapshot of the show's data feeds (never blocks; may be empty).
    virtual void update(const FrameTime& time, const Snapshot& feed) = 0;
    // Draws into the whole output (canvas.size()); the scene draws its own background.
    virtual void draw(Canvas& canvas) = 0;
    // A key pressed on the wall's keyboard (renderer/platform/platform.hpp keys); most scenes ignore it.
    virtual void keyDown(int /*key*/) {}

    // Touch, on the output last drawn. hitTarget() names what is under a point ("map", "map.back",
    // a widget's region; "" for nothing in particular): the gesture recogniser keeps visitors'
    // hands on different targets apart. gesture() returns whether the scene used the gesture; an
    // unused two-finger swipe switches scenes.
    virtual std::string hitTarget(glm::vec2 /*px*/) const { return {}; }
    virtual bool gesture(const Gesture& /*g*/) { return false; }
    // Attract mode: shows step `step` (0, 1, ...) of the scene's own tour (fly to a prefecture,
    // open a county's card); false when the scene has nothing (more) to show, so the tour moves on.
    virtual bool attractStep(int /*step*/) { return false; }
    // Back to how the scene starts: no drill-down, no card, no highlight.
    virtual void reset() {}
    // Every figure on the scene now, with its provenance (see ShownFigure).
    virtual std::vector<ShownFigure> figures() const { return {}; }

private:
    std::string id_;
    std::string title_;
};

}  // namespace exhibit
