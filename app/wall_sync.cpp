#include "app/wall_sync.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <thread>

#include <unistd.h>

#include "core/error.hpp"

#ifdef EXHIBIT_WITH_MPI
#include <mpi.h>
#endif

namespace exhibit {
namespace {

double steadySeconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
double realSeconds() {
    return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

int envInt(const char* name) {
    const char* v = std::getenv(name);
    return v ? std::atoi(v) : -1;
}

// Started by mpirun: Open MPI, MPICH/Hydra or a PMIx launcher say so in the environment.
int launchedWorldSize() {
    for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_SIZE"})
        if (const int n = envInt(name); n > 0) return n;
    return -1;
}

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1))];
}

// A bounded record of per-frame figures (a show runs for days).
struct Samples {
    static constexpr std::size_t kKept = 1 << 14;
    std::vector<double> recent;
    std::size_t count = 0;
    double sum = 0, max = 0;
    void add(double v) {
        if (recent.size() < kKept) recent.push_back(v);
        else recent[count % kKept] = v;
        ++count;
        sum += v;
        max = std::max(max, v);
    }
};

enum Tag { kTagState = 11, kTagReady = 12, kTagGo = 13 };
constexpr double kFollowerPatience = 2.5;

}  // namespace

#ifdef EXHIBIT_WITH_MPI

struct WallSync::Impl {
    WallSyncSettings settings;
    bool firstFrame = true;
    std::vector<bool> alive;  // per rank
    struct Pending {
        MPI_Request request;
        std::shared_ptr<std::vector<std::uint8_t>> bytes;  // kept until the send completes
    };
    std::vector<std::deque<Pending>> sends;  // per rank
    Samples syncMs, stateBytes, skewMs;
    std::uint64_t goes = 0;
    double frameSyncStart = 0, frameSyncMs = 0;
    double leaderPresentedAt = 0;
    bool anyLost = false;

    // Rank 0 gives up on a follower after the timeout; a follower waits longer for rank 0, which
    // may itself be waiting out one timeout for a lost rank before it sends go.
    double timeout(bool leader) const {
        if (firstFrame) return settings.startTimeoutSeconds;
        return leader ? settings.timeoutSeconds : kFollowerPatience * settings.timeoutSeconds;
    }

    void send(int to, int tag, std::shared_ptr<std::vector<std::uint8_t>> bytes) {
        auto& queue = sends[static_cast<std::size_t>(to)];
        // Forget finished sends; a rank that stops taking messages is caught by the ready timeout.
        while (!queue.empty()) {
            int done = 0;
            MPI_Test(&queue.front().request, &done, MPI_STATUS_IGNORE);
            if (!done) break;
            queue.pop_front();
        }
        Pending p{MPI_REQUEST_NULL, std::move(bytes)};
        MPI_Isend(p.bytes->data(), static_cast<int>(p.bytes->size()), MPI_BYTE, to, tag, MPI_COMM_WORLD, &p.request);
        queue.push_back(std::move(p));
    }

    // Waits until a message from `from` with `tag` arrives or the deadline passes.
    std::optional<std::vector<std::uint8_t>> receive(int from, int tag, double deadline) {
        for (;;) {
            int flag = 0;
            MPI_Status status;
            MPI_Iprobe(from, tag, MPI_COMM_WORLD, &flag, &status);
            if (flag) {
                int count = 0;
                MPI_Get_count(&status, MPI_BYTE, &count);
                std::vector<std::uint8_t> bytes(static_cast<std::size_t>(count));
                MPI_Recv(bytes.data(), count, MPI_BYTE, from, tag, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
                return bytes;
            }
            if (steadySeconds() > deadline) return std::nullopt;
            std::this_thread::sleep_for(std::chrono::microseconds(50));
        }
    }
};

std::unique_ptr<WallSync> WallSync::join() {
    if (launchedWorldSize() <= 1) return nullptr;
    int provided = 0;
    MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
    MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_RETURN);
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    return std::unique_ptr<WallSync>(new WallSync(rank, size));
}

WallSync::WallSync(int rank, int size) : impl_(std::make_unique<Impl>()), rank_(rank), size_(size) {
    impl_->alive.assign(static_cast<std::size_t>(size), true);
    impl_->sends.resize(static_cast<std::size_t>(size));
}

WallSync::~WallSync() {
    if (impl_->anyLost || standalone_) return;  // MPI_Finalize would wait for the lost rank
    // Let the last messages leave before finalising.
    for (auto& queue : impl_->sends)
        for (auto& p : queue) MPI_Wait(&p.request, MPI_STATUS_IGNORE);
    MPI_Finalize();
}

void WallSync::configure(const WallSyncSettings& settings) { impl_->settings = settings; }

void WallSync::sendState(const std::vector<std::uint8_t>& bytes) {
    impl_->frameSyncStart = steadySeconds();
    impl_->stateBytes.add(static_cast<double>(bytes.size()));
    auto shared = std::make_shared<std::vector<std::uint8_t>>(bytes);
    for (int r = 1; r < size_; ++r)
        if (impl_->alive[static_cast<std::size_t>(r)]) impl_->send(r, kTagState, shared);
    impl_->frameSyncMs = (steadySeconds() - impl_->frameSyncStart) * 1000;
}

std::vector<ReadyReport> WallSync::gatherReady(std::uint64_t frame) {
    const double start = steadySeconds();
    const double deadline = start + impl_->timeout(leader());
    std::vector<ReadyReport> reports;
    std::vector<double> presented{impl_->leaderPresentedAt};
    for (int r = 1; r < size_; ++r) {
        if (!impl_->alive[static_cast<std::size_t>(r)]) continue;
        // Reports of earlier frames (a rank that was slow once) are read and passed over.
        for (;;) {
            auto bytes = impl_->receive(r, kTagReady, deadline);
            if (!bytes) {
                impl_->alive[static_cast<std::size_t>(r)] = false;
                impl_->anyLost = true;
                if (lostAt_ == 0) lostAt_ = steadySeconds();
                spdlog::error("[wall.sync] rank {} lost: no ready report for frame {} within {:.2f} s; the wall goes on "
                              "without its outputs",
                              r, frame, impl_->timeout(leader()));
                break;
            }
            try {
                ReadyReport report = decodeReady(*bytes);
                report.rank = r;
                if (report.frame < frame) continue;
                if (report.presentedAt > 0) presented.push_back(report.presentedAt);
                reports.push_back(std::move(report));
            } catch (const WireError& e) {
                spdlog::warn("[wall.sync] rank {}: bad ready report ignored: {}", r, e.what());
            }
            break;
        }
    }
    if (presented.size() > 1 && impl_->leaderPresentedAt > 0) {
        const auto [lo, hi] = std::minmax_element(presented.begin(), presented.end());
        impl_->skewMs.add((*hi - *lo) * 1000);
    }
    impl_->frameSyncMs += (steadySeconds() - start) * 1000;
    return reports;
}

void WallSync::sendGo(const GoSignal& go) {
    const double start = steadySeconds();
    GoSignal told = go;
    told.lost = impl_->anyLost;
    auto bytes = std::make_shared<std::vector<std::uint8_t>>(encodeGo(told));
    for (int r = 1; r < size_; ++r)
        if (impl_->alive[static_cast<std::size_t>(r)]) impl_->send(r, kTagGo, bytes);
    impl_->frameSyncMs += (steadySeconds() - start) * 1000;
    if (!impl_->firstFrame) impl_->syncMs.add(impl_->frameSyncMs);  // the first frame waits for loading
    if (impl_->firstFrame)
        spdlog::info("[wall.sync] every rank drew frame {}: the wall is in step", go.frame);
    ++impl_->goes;
    impl_->firstFrame = false;
}

void WallSync::presented() { impl_->leaderPresentedAt = realSeconds(); }

bool WallSync::restartDue() const {
    const bool due = lostAt_ > 0 && impl_->settings.restartAfterLossSeconds > 0 &&
                     steadySeconds() - lostAt_ >= impl_->settings.restartAfterLossSeconds;
    if (due)
        spdlog::warn("[wall.sync] a rank was lost {:.1f} s ago: ending the wall so that its supervisor starts it again "
                     "with every node (exit {})",
                     steadySeconds() - lostAt_, kExitWallRestart);
    return due;
}

std::vector<int> WallSync::lostRanks() const {
    std::vector<int> lost;
    for (int r = 0; r < size_; ++r)
        if (!impl_->alive[static_cast<std::size_t>(r)]) lost.push_back(r);
    return lost;
}

std::optional<std::vector<std::uint8_t>> WallSync::receiveState() {
    if (standalone_) return std::nullopt;
    const double patience = impl_->timeout(leader());
    auto bytes = impl_->receive(0, kTagState, steadySeconds() + patience);
    if (!bytes) leaderLost("frame state", patience);
    return bytes;
}

void WallSync::leaderLost(const char* waitingFor, double seconds) {
    standalone_ = true;
    lostAt_ = steadySeconds();
    spdlog::error("[wall.sync] rank {}: rank 0 silent for {:.2f} s (no {}): going on alone with the last state", rank_,
                  seconds, waitingFor);
}

void WallSync::sendReady(const ReadyReport& report) {
    if (standalone_) return;
    impl_->send(0, kTagReady, std::make_shared<std::vector<std::uint8_t>>(encodeReady(report)));
}

std::optional<GoSignal> WallSync::receiveGo() {
    if (standalone_) return std::nullopt;
    const double patience = impl_->timeout(leader());
    const double deadline = steadySeconds() + patience;
    impl_->firstFrame = false;
    for (;;) {
        auto bytes = impl_->receive(0, kTagGo, deadline);
        if (!bytes) {
            leaderLost("go", patience);
            return std::nullopt;
        }
        try {
            const GoSignal go = decodeGo(*bytes);
            if (go.lost && lostAt_ == 0) lostAt_ = steadySeconds();  // another rank is gone: no MPI_Finalize
            return go;
        } catch (const WireError& e) {
            spdlog::warn("[wall.sync] rank {}: bad go message ignored: {}", rank_, e.what());
        }
    }
}

WallSync::Figures WallSync::figures() const {
    Figures f;
    const Impl& i = *impl_;
    f.frames = i.goes;
    if (i.syncMs.count > 0) f.syncMsMean = i.syncMs.sum / static_cast<double>(i.syncMs.count);
    f.syncMsP50 = percentile(i.syncMs.recent, 0.5);
    f.syncMsP99 = percentile(i.syncMs.recent, 0.99);
    if (i.stateBytes.count > 0) f.stateBytesMean = i.stateBytes.sum / static_cast<double>(i.stateBytes.count);
    f.stateBytesMax = static_cast<std::size_t>(i.stateBytes.max);
    f.skewMsP50 = percentile(i.skewMs.recent, 0.5);
    f.skewMsP99 = percentile(i.skewMs.recent, 0.99);
    f.skewMsMax = i.skewMs.max;
    return f;
}

#else  // no MPI in this build

struct WallSync::Impl {};

std::unique_ptr<WallSync> WallSync::join() {
    if (launchedWorldSize() <= 1) return nullptr;
    throw StartupError("started by mpirun, but this exhibit was built without MPI (install libopenmpi-dev and rebuild)");
}
WallSync::WallSync(int rank, int size) : rank_(rank), size_(size) {}
WallSync::~WallSync() = default;
void WallSync::configure(const WallSyncSettings&) {}
void WallSync::sendState(const std::vector<std::uint8_t>&) {}
std::vector<ReadyReport> WallSync::gatherReady(std::uint64_t) { return {}; }
void WallSync::sendGo(const GoSignal&) {}
void WallSync::presented() {}
std::vector<int> WallSync::lostRanks() const { return {}; }
bool WallSync::restartDue() const { return false; }
std::optional<std::vector<std::uint8_t>> WallSync::receiveState() { return std::nullopt; }
void WallSync::sendReady(const ReadyReport&) {}
std::optional<GoSignal> WallSync::receiveGo() { return std::nullopt; }
WallSync::Figures WallSync::figures() const { return {}; }

#endif

WallHealth wallHealthOf(const WallLayout* layout) {
    WallHealth health;
    if (!layout) return health;
    health.layout = layout->name.empty() ? "wall" : layout->name;
    health.canvasWidth = layout->canvas.x;
    health.canvasHeight = layout->canvas.y;
    health.outputs = static_cast<int>(layout->outputs.size());
    health.ranks = layout->ranks();
    return health;
}

void updateWallHealth(WallHealth& health, const WallSync& sync) {
    health.lostRanks = sync.lostRanks();
    const WallSync::Figures f = sync.figures();
    health.syncMsP99 = f.syncMsP99;
    health.skewMsP99 = f.skewMsP99;
    health.stateBytesMean = f.stateBytesMean;
}

std::unique_ptr<WallSync> joinWall(const WallLayout* layout) {
    auto sync = WallSync::join();
    if (!sync) {
        if (layout && layout->ranks() > 1)
            spdlog::warn("[app.wall] \"{}\" spreads over {} processes; alone, this one drives rank 0's outputs only "
                         "(start all with: mpirun --enable-recovery -np {} exhibit --wall ...)",
                         layout->name, layout->ranks(), layout->ranks());
        return nullptr;
    }
    if (!layout)
        throw ContentError("exhibit: started by mpirun with " + std::to_string(sync->size()) +
                           " processes, but there is no wall layout: give --wall FILE or a \"wall\" section in the show");
    if (layout->ranks() != sync->size())
        throw ContentError("exhibit: the wall layout \"" + layout->name + "\" is driven by " +
                           std::to_string(layout->ranks()) + " processes, but mpirun started " +
                           std::to_string(sync->size()) + " (mpirun -np " + std::to_string(layout->ranks()) + ")");
    sync->configure(layout->sync);
    spdlog::info("[wall.sync] rank {} of {}: {} (pid {})", sync->rank(), sync->size(),
                 sync->leader() ? "leader (clock, feed, input, operator)" : "follower", ::getpid());
    return sync;
}

void WallSync::exitIfLost(int exitCode) const {
    if (lostAt_ == 0 && !standalone_) return;
    spdlog::info("[wall.sync] rank {}: exit {} without MPI clean-up (a rank was lost)", rank_, exitCode);
    spdlog::default_logger()->flush();
    std::fflush(nullptr);
    std::_Exit(exitCode);
}

std::string WallSync::summary() const {
    const Figures f = figures();
    return fmt::format("rank {} of {}: {} frames in step; sync {:.3f} ms mean, p50 {:.3f}, p99 {:.3f}; frame state "
                       "{:.0f} bytes mean, {} max; present skew p50 {:.3f} ms, p99 {:.3f}, max {:.3f}",
                       rank_, size_, f.frames, f.syncMsMean, f.syncMsP50, f.syncMsP99, f.stateBytesMean,
                       f.stateBytesMax, f.skewMsP50, f.skewMsP99, f.skewMsMax);
}

}  // namespace exhibit
