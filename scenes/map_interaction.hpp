// Touch on a map, for any scene that shows one (MapView): tap a prefecture to fly into its
// counties, tap a county for its info card, tap outside the province or the back control to go up
// a level; pan and pinch within the camera's limits; a county highlighted from a chart pulses and
// gets its card. Also the map's part of attract mode: fly to each of the last counties to leave the
// poverty list and open its card. Every drill-down is logged ("[scene.map] focus 522600 …", "card",
// "home", "highlight"), for operators and end-to-end tests.
//
//   MapInteraction touch(view, services, "map");
//   touch.update(time, feed);                 // each frame, after view.update()
//   touch.draw(canvas, layout);               // after the map and the scene's panels
//   if (touch.hitTarget(p) != "") ...         // "map.card.close", "map.card", "map.back", "map"
//   touch.gesture(g);                         // a Gesture whose target is one of those
//
// Touch targets are sized for standing adults: at least kMinTouchCm on the physical screen (the
// show's touch.pixelsPerCm), never less than the design size.
// Does not: recognise gestures, draw the map itself, or switch scenes.
#pragma once

#include <string>

#include "scenes/county_history.hpp"
#include "scenes/map_view.hpp"
#include "scenes/region_names.hpp"
#include "scenes/widgets/county_card.hpp"

namespace exhibit {

class MapInteraction {
public:
    static constexpr float kMinTouchCm = 1.8f;

    MapInteraction(MapView& map, const SceneServices& services, std::string sceneId);

    void update(const FrameTime& time, const Snapshot& feed);
    void draw(Canvas& canvas, const Layout& layout);
    // The target under a point as last drawn; "" when the point is off the map and its controls.
    std::string hitTarget(glm::vec2 px) const;
    // Handles gestures on this map's targets; false for others (and for swipes, which switch scenes).
    bool gesture(const Gesture& g);

    void focusPrefecture(const std::string& adcode);  // "" or unknown: the whole province
    void openCard(const std::string& countyAdcode);
    void closeCard();
    // A county: flies to its prefecture and opens its card; a prefecture: flies there.
    void highlightCounty(const std::string& adcode);
    bool attractStep(int step);
    void reset();

    const CountyCard& card() const { return card_; }
    // Where the controls were last drawn (zero-size when not shown).
    const Rect& backControl() const { return backRect_; }
    const Rect& cardBox() const { return cardRect_; }
    const Rect& closeControl() const { return closeRect_; }

private:
    const std::string& countyName(const std::string& adcode) const;
    void tap(glm::vec2 px);

    MapView& map_;
    const SceneServices& services_;
    std::string log_;  // "[scene.<id>]"
    RegionNames names_;
    CountyHistory history_;
    CountyCard card_;
    std::vector<std::string> tour_;  // attract mode: the last batch of counties to leave the list
    std::size_t tourNext_ = 0;
    std::string cardWanted_;  // opened (or refreshed) with the feed at the next update()
    double refreshIn_ = 0;
    bool wasFlying_ = false;
    Rect backRect_{}, cardRect_{}, closeRect_{};
};

}  // namespace exhibit
