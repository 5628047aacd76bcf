// Frame sync of a video wall over MPI, without rendering: the cost the wall adds to every frame.
// Run under mpirun (bench/wall_bench.sh runs 2, 3 and 4 ranks): rank 0 sends each frame's state,
// gathers every rank's ready report and sends go, as exhibit does (app/wall_sync.hpp); the others
// answer. The frame state is the real encoding (app/frame_state.hpp) of a show whose feed changes
// 400 of its 2000 values every 6th frame (a 10 Hz feed at 60 fps) and is quiet in between.
// Prints one JSON line from rank 0: sync time per frame (p50, p99, mean) and bytes per frame.
#include <chrono>
#include <cstdio>
#include <memory>
#include <random>
#include <thread>

#include "app/frame_state.hpp"
#include "app/wall_sync.hpp"

using namespace exhibit;

int main(int argc, char** argv) {
    const int frames = argc > 1 ? std::atoi(argv[1]) : 3000;
    auto sync = WallSync::join();
    if (!sync) {
        std::fprintf(stderr, "wall_sync_bench: run me under mpirun with 2 or more ranks\n");
        return 2;
    }
    WallSyncSettings settings;
    settings.timeoutSeconds = 10;
    sync->configure(settings);

    auto snapshot = std::make_shared<Snapshot>();
    for (int county = 0; county < 100; ++county)
        for (int metric = 0; metric < 20; ++metric)
            snapshot->values[std::to_string(520100 + county)]["metric_" + std::to_string(metric)] = {
                1.0 * metric, Provenance::Simulated, "", 1.7e9, 0};
    std::mt19937 random(7);
    FeedDelta delta;
    FeedMirror mirror;
    for (int f = 0; f < frames; ++f) {
        if (sync->leader()) {
            if (f % 6 == 0) {
                auto next = std::make_shared<Snapshot>(*snapshot);
                next->sequence = snapshot->sequence + 1;
                for (int i = 0; i < 400; ++i) {
                    auto county = next->values.begin();
                    std::advance(county, static_cast<long>(random() % next->values.size()));
                    auto metric = county->second.begin();
                    std::advance(metric, static_cast<long>(random() % county->second.size()));
                    metric->second.value += 1;
                    metric->second.timestamp += 1;
                }
                snapshot = std::move(next);
            }
            FrameState state;
            state.time = {f / 60.0, 1 / 60.0, static_cast<std::uint64_t>(f)};
            state.scene = "dashboard";
            state.clockText = "11:00";
            sync->sendState(encodeFrameState(state, delta, snapshot));
            sync->gatherReady(static_cast<std::uint64_t>(f));
            sync->sendGo({static_cast<std::uint64_t>(f), f + 1 == frames, false});
            sync->presented();
        } else {
            auto bytes = sync->receiveState();
            if (!bytes) return 1;
            decodeFrameState(*bytes, mirror);
            sync->sendReady({sync->rank(), static_cast<std::uint64_t>(f), 0, {}});
            if (!sync->receiveGo()) return 1;
        }
    }
    if (sync->leader()) {
        const auto fig = sync->figures();
        std::printf("{\"ranks\": %d, \"frames\": %llu, \"sync_ms_p50\": %.4f, \"sync_ms_p99\": %.4f, \"sync_ms_mean\": %.4f, "
                    "\"state_bytes_mean\": %.0f, \"state_bytes_max\": %zu}\n",
                    sync->size(), static_cast<unsigned long long>(fig.frames), fig.syncMsP50, fig.syncMsP99,
                    fig.syncMsMean, fig.stateBytesMean, fig.stateBytesMax);
    }
    return 0;
}
