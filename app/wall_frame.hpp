// One frame of the wall's canvas by the wall's mode: the current scene with the finger feedback
// over it (show), the standby screen, or black (blackout). The same on every rank of a video wall.
// Does not: update scenes, or render the canvas to outputs.
#pragma once

#include <functional>
#include <string>

#include "app/operator_types.hpp"
#include "app/scene_director.hpp"
#include "renderer/canvas.hpp"

namespace exhibit {

struct WallFrame {
    WallMode mode = WallMode::Show;
    std::string clockText;   // standby's clock
    double realSeconds = 0;  // standby's animation
};

void drawWallCanvas(Canvas& canvas, glm::ivec2 size, const WallFrame& frame, SceneDirector& director,
                    const SceneServices& services, const std::function<void(Canvas&)>& feedback);

}  // namespace exhibit
