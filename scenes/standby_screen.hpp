// What the wall shows in standby (the operator's "待机" or a scheduled evening): the themed
// backdrop, the show's title and the local time, dimmed, drifting a few pixels a minute so hours
// of standby do not burn the layout into a panel. Blackout is not drawn here: it is a black frame.
//
//   drawStandby(canvas, services, "18:05", wallSeconds);
//
// Does not: read clocks (the caller passes the time text and seconds) or take input.
#pragma once

#include <string>

#include "scenes/scene.hpp"

namespace exhibit {

void drawStandby(Canvas& canvas, const SceneServices& services, const std::string& clockText, double seconds);

}  // namespace exhibit
