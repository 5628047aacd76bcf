// Keeps the processes (ranks) of a video wall on several machines in step, over MPI (Open MPI):
// rank 0, the leader, owns the clock, the feed, the input and the operator; every frame it sends
// each other rank the frame's state (app/frame_state.hpp); every rank draws its outputs, reports
// ready (with its visitors' touches), and presents when the leader says go, so all tiles swap on
// the same frame. The leader measures the spread of the ranks' present times (the skew) and the
// time it spends in sync per frame.
//
//   auto sync = WallSync::join();            // null when not started by mpirun (one process)
//   leader, each frame:   sync->sendState(bytes);  ...draw...
//                         for (auto& r : sync->gatherReady(frame)) inject(r.pointers);
//                         sync->sendGo({frame, last});  present();  sync->presented();
//   follower, each frame: auto bytes = sync->receiveState();  ...apply, draw...
//                         sync->sendReady({frame, ...});  auto go = sync->receiveGo();  present();
//
// Node loss: every wait has a timeout (the layout's sync.timeoutSeconds; the first frame's is
// sync.startTimeoutSeconds, while every rank loads the show; a follower waits 2.5 times as long
// for rank 0, which may be waiting out a lost rank first). A follower that misses it is lost:
// the leader stops waiting for it and goes on with the others, still in step, and reports it
// (lostRanks(), the operator's health). A follower that hears nothing from the leader in time goes
// on alone (standalone()) with the last state it had. MPI has no way back into a job for a lost
// process, so the whole job is restarted to bring it back (the leader ends it after
// sync.restartAfterLossSeconds; deploy/exhibit-wall.sh starts it again). mpirun must be started
// with --enable-recovery, or it kills every rank the moment one dies.
//
// Uses only point-to-point messages with MPI_Iprobe polling, never a blocking collective, so no
// rank can hang on a dead one. After a loss MPI_Finalize is skipped (it would wait for the dead).
// Does not: decide what a frame holds, render, or restart anything.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/frame_state.hpp"
#include "app/operator_types.hpp"
#include "core/wall_layout.hpp"

namespace exhibit {

// The exit code of a wall ended to be restarted with every node (EX_TEMPFAIL).
inline constexpr int kExitWallRestart = 75;

class WallSync {
public:
    // Initialises MPI when this process was started by mpirun (Open MPI, MPICH or PMIx variables
    // in the environment) and the world has more than one rank; null otherwise. StartupError when
    // started by mpirun but this build has no MPI.
    static std::unique_ptr<WallSync> join();
    ~WallSync();

    int rank() const { return rank_; }
    int size() const { return size_; }
    bool leader() const { return rank_ == 0; }
    void configure(const WallSyncSettings& settings);

    // Leader.
    void sendState(const std::vector<std::uint8_t>& bytes);
    std::vector<ReadyReport> gatherReady(std::uint64_t frame);
    void sendGo(const GoSignal& go);
    void presented();  // the leader's own present time, for the skew
    std::vector<int> lostRanks() const;
    // A rank was lost sync.restartAfterLossSeconds ago: time to end the job (kExitWallRestart).
    bool restartDue() const;
    double lostSince() const { return lostAt_; }  // steady seconds of the first loss, 0 = none

    // Follower. nullopt: the leader is gone (standalone() is now true).
    std::optional<std::vector<std::uint8_t>> receiveState();
    void sendReady(const ReadyReport& report);
    std::optional<GoSignal> receiveGo();
    bool standalone() const { return standalone_; }

    // Figures for the log and the health.
    struct Figures {
        std::uint64_t frames = 0;
        double syncMsMean = 0, syncMsP50 = 0, syncMsP99 = 0;  // leader: time in sendState + gather + go
        double stateBytesMean = 0;
        std::size_t stateBytesMax = 0;
        double skewMsP50 = 0, skewMsP99 = 0, skewMsMax = 0;  // spread of the ranks' present times
    };
    Figures figures() const;
    std::string summary() const;  // one log line
    // After a loss MPI cannot be finalised (it would wait for the lost rank) and its library may
    // hang in its own clean-up at exit: this ends the process at once with `exitCode`, logs and
    // output flushed. Returns when nothing was lost.
    void exitIfLost(int exitCode) const;

private:
    WallSync(int rank, int size);
    void leaderLost(const char* waitingFor, double seconds);
    struct Impl;
    std::unique_ptr<Impl> impl_;
    int rank_ = 0, size_ = 1;
    bool standalone_ = false;
    double lostAt_ = 0;
};

// WallSync::join(), checked against the layout: null for one process (a layout over several
// ranks then drives rank 0's outputs, with a warning); ContentError when started by mpirun without
// a layout or with another number of processes than the layout's ranks.
std::unique_ptr<WallSync> joinWall(const WallLayout* layout);

// What the operator's health shows of the wall: the layout, and with several ranks their state.
WallHealth wallHealthOf(const WallLayout* layout);
void updateWallHealth(WallHealth& health, const WallSync& sync);

}  // namespace exhibit
