// A Scene is one screen of the show (the map, a dashboard, a theme). Scenes compute their state in
// update() and describe what to draw in draw() through the renderer's Canvas; they never call GL,
// SDL or OpenXR themselves. Scenes are created by the catalog (scenes/catalog.hpp) from the show file.
#pragma once

#include <string>

namespace exhibit {

class Scene {
public:
    virtual ~Scene() = default;
    virtual const std::string& id() const = 0;
    virtual const std::string& title() const = 0;
};

}  // namespace exhibit
