#include "app/wall_frame.hpp"

#include "scenes/standby_screen.hpp"

namespace exhibit {

void drawWallCanvas(Canvas& canvas, glm::ivec2 size, const WallFrame& frame, SceneDirector& director,
                    const SceneServices& services, const std::function<void(Canvas&)>& feedback) {
    canvas.begin(size, frame.mode == WallMode::Blackout ? Color{0, 0, 0, 1} : services.show.theme.background);
    if (frame.mode == WallMode::Show) {
        director.draw(canvas);
        feedback(canvas);
    } else if (frame.mode == WallMode::Standby) {
        drawStandby(canvas, services, frame.clockText, frame.realSeconds);
    }
}

}  // namespace exhibit
