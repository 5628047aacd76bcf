// The live panel of a tour stop: its title over one KPI card per figure (scenes/widgets, bound to
// the feed like a dashboard's, with their provenance badges), drawn through a Canvas. The desktop
// tour draws it beside the site; the XR mode into a quad layer standing in the site, with buttons
// under it that a controller's ray presses.
//
//   TourPanelView panel(tour, services);
//   panel.update(time, feed, stopIndex);                  // each frame
//   float h = panel.draw(canvas, layout, stopIndex, {x, y}, width);   // returns the height used
//
// Does not: place itself in 3D (the XR mode does) or know about input.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/tour_spec.hpp"
#include "scenes/layout.hpp"
#include "scenes/region_names.hpp"
#include "scenes/scene.hpp"
#include "scenes/widget_bindings.hpp"

namespace exhibit {

class TourPanelView {
public:
    TourPanelView(const TourSpec& tour, const SceneServices& services);

    void update(const FrameTime& time, const Snapshot& feed, std::size_t stop);
    // Height the panel of `stop` takes at `layout`'s scale (0 for a stop without a panel).
    float height(const Layout& layout, std::size_t stop) const;
    float draw(Canvas& canvas, const Layout& layout, std::size_t stop, glm::vec2 topLeft, float width) const;
    std::vector<ShownFigure> figures(std::size_t stop) const;

private:
    const TourSpec& tour_;
    const SceneServices& services_;
    RegionNames names_;
    std::vector<std::vector<WidgetSpec>> specs_;  // per stop
    std::vector<std::vector<std::unique_ptr<WidgetBinding>>> stats_;
    FeedAges ages_;
};

// Text over a 3D view: a soft dark shadow keeps it readable on sky and ground alike.
TextPaint shadowedText(Color color, const Layout& layout);
// A subtitle over a 3D view: up to two lines centred near the bottom, on a dark rounded ground.
void drawSubtitleBox(Canvas& canvas, const Layout& layout, const Font& font, const std::string& text);

}  // namespace exhibit
