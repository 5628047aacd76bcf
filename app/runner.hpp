// Runs the show: loads the show file and fonts, opens the platform (window or headless), creates
// the scenes and drives the main loop until the frame/second limit, ESC or the window closes.
// Returns the process exit code: 0 ok, 1 the environment cannot run it (no GL context, no display,
// no CJK font), 2 usage or content error (one line on stderr naming the file and field).
#pragma once

#include "app/options.hpp"

namespace exhibit {

int run(const Options& options);

}  // namespace exhibit
