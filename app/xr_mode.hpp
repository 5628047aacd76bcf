// exhibit --xr: VR mode. Connects to the OpenXR runtime first (none, or no headset: one message
// naming what the loader looked for, exit 2), then opens the spectator window whose GLX context
// OpenXR draws with, and runs the XR frame loop (xr/xr_program.hpp) until the runtime ends the
// session, the window closes, ESC, SIGINT/SIGTERM, or --frames N frames were submitted.
// Until the tour scene exists it shows xr::PlaceholderView (sky and ground grid); the tour plugs in
// as another xr::ViewRenderer where the placeholder is made. Exit codes: 0 ok, 1 the environment
// (no display, an OpenXR call failed), 2 no runtime or no headset.
#pragma once

#include "app/options.hpp"

namespace exhibit {

int runXrMode(const Options& options);

}  // namespace exhibit
