// The main loop of a video wall's other ranks (1..n-1; rank 0 runs the show, app/runner.cpp): each
// frame takes rank 0's frame state (app/frame_state.hpp), makes the same director calls, updates
// the scenes with the same time and feed, draws this rank's outputs, reports ready with its
// visitors' touches, and presents when rank 0 says go. It has no feeds, operator, control API or
// TUIO of its own: rank 0 has them for the whole wall.
//
// When rank 0 goes silent (WallSync::standalone) the follower does not freeze: it goes on alone
// with the last state, its own clock and the last feed, until the layout's restartAfterLossSeconds
// have passed (then it ends for its supervisor to restart the wall), it is stopped (SIGTERM from
// mpirun or the supervisor) or it reaches --frames / --seconds.
// Does not: decide anything about the show.
#pragma once

#include <atomic>

#include "app/options.hpp"
#include "app/wall_sync.hpp"
#include "core/show.hpp"
#include "core/wall_layout.hpp"

namespace exhibit {

// Returns the process exit code (0; kExitWallRestart when rank 0 ended the job for a restart).
int runWallFollower(const ShowFile& show, const Options& options, const WallLayout& layout, WallSync& sync,
                    const std::atomic<bool>& stopRequested);

}  // namespace exhibit
