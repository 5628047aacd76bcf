#include "app/touch_input.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "core/error.hpp"

namespace exhibit {
namespace {

constexpr float kFingerRadiusCm = 1.1f;

GestureConfig gestureConfig(const ShowFile& show) {
    GestureConfig config;
    config.pixelsPerCm = show.touch.pixelsPerCm;
    return config;
}

}  // namespace

TouchInput::TouchInput(const ShowFile& show, const Options& options, glm::ivec2 wallSize)
    : feedbackRadiusPx_(feedbackRadiusPx(show)), gestures_(gestureConfig(show)) {
    if (options.tuioPort == 0) return;
    TuioOptions tuio;
    tuio.port = options.tuioPort;
    tuio.mapping.columns = show.touch.sensorColumns;
    tuio.mapping.rows = show.touch.sensorRows;
    tuio.mapping.outputWidth = std::max(1, wallSize.x / show.touch.sensorColumns);
    tuio.mapping.outputHeight = std::max(1, wallSize.y / show.touch.sensorRows);
    tuio.mapping.bezelX = show.touch.bezelX;
    tuio.mapping.bezelY = show.touch.bezelY;
    tuio_ = std::make_unique<TuioReceiver>(tuio, queue_, [this] { return now(); });
    try {
        tuio_->start();
        spdlog::info("[app.touch] TUIO 1.1 on UDP port {}", tuio_->port());
    } catch (const StartupError& e) {
        tuio_.reset();
        if (options.tuioPortGiven) throw;
        spdlog::warn("[app.touch] {}; running without TUIO", e.what());
    }
}

TouchInput::~TouchInput() {
    if (tuio_) tuio_->stop();
}

double TouchInput::now(bool clampToFrame) const {
    std::lock_guard lock(clockMutex_);
    const double since = std::max(0.0, std::chrono::duration<double>(std::chrono::steady_clock::now() - frameStart_).count());
    return frameSeconds_ + (clampToFrame ? std::min(since, frameStep_) : since);
}

void TouchInput::beginFrame(const FrameTime& time) {
    std::lock_guard lock(clockMutex_);
    if (time.dt > 0) frameStep_ = time.dt;
    frameSeconds_ = time.seconds;
    frameStart_ = std::chrono::steady_clock::now();
}

void TouchInput::platformEvent(const PlatformEvent& event) { pointers_.handle(event, now(), queue_); }

TouchInput::Frame TouchInput::poll(double frameSeconds) {
    Frame frame;
    for (const PointerEvent& e : queue_.drain()) {
        frame.touched = true;
        telemetry_.add(e);
        feedback_.add(e);
        gestures_.add(e);
        frame.pointers.push_back(e);
    }
    frame.gestures = gestures_.update(frameSeconds);
    frame.activeContacts = gestures_.activeContacts();
    feedback_.update(frameSeconds);
    return frame;
}

void TouchInput::inject(const std::vector<PointerEvent>& events, int rank) {
    for (PointerEvent e : events) {
        e.id = (e.id & ((std::uint64_t{1} << 56) - 1)) | (static_cast<std::uint64_t>(rank) << 56);
        queue_.push(std::move(e));
    }
}

float TouchInput::feedbackRadiusPx(const ShowFile& show) { return kFingerRadiusCm * show.touch.pixelsPerCm; }

void TouchInput::drawFeedback(Canvas& canvas, const Theme& theme) const {
    feedback_.draw(canvas, theme.accent, feedbackRadiusPx_);
}

void TouchInput::presented() { telemetry_.presented(now(false)); }

TouchStats TouchInput::stats(double at) const {
    TouchStats s = telemetry_.stats(at);
    s.droppedEvents = queue_.dropped();
    if (tuio_) {
        const auto tuio = tuio_->stats();
        s.droppedMessages = tuio.droppedTotal();
        s.cancelled = tuio.cancelled;
    }
    return s;
}

}  // namespace exhibit
