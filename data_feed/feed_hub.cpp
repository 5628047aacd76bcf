#include "data_feed/feed_hub.hpp"

#include <spdlog/spdlog.h>

namespace exhibit {
namespace {

const char* stateName(SourceState state) {
    switch (state) {
        case SourceState::Connecting: return "connecting";
        case SourceState::Ok: return "ok";
        case SourceState::Stale: return "stale";
        case SourceState::Error: return "error";
    }
    return "?";
}

}  // namespace

class FeedHub::Sink final : public SourceSink {
public:
    Sink(FeedHub& hub, std::size_t statusIndex, double staleAfterSeconds)
        : hub_(hub), index(statusIndex), staleAfter(staleAfterSeconds) {}
    void payload(std::string_view body) override { hub_.accept(*this, body); }
    void transportError(std::string_view what) override { hub_.fail(*this, what); }

    FeedHub& hub_;
    std::size_t index;  // into state_.sources
    double staleAfter;
    std::unique_ptr<Source> source;  // null for manual sinks
    bool transportFailed = false;
    double lastLog = -1e9;
    std::uint64_t suppressed = 0;
};

FeedHub::FeedHub(std::set<std::string, std::less<>> validAdcodes, Clock clock)
    : parser_(std::move(validAdcodes)), clock_(std::move(clock)) {
    if (!clock_) {
        const auto start = std::chrono::steady_clock::now();
        clock_ = [start] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
    }
    published_ = std::make_shared<const Snapshot>();
}

FeedHub::~FeedHub() { stop(); }

SourceSink& FeedHub::addManual(const std::string& name, double staleAfterSeconds) {
    std::lock_guard lock(mutex_);
    SourceStatus status;
    status.name = name;
    state_.sources.push_back(std::move(status));
    sinks_.push_back(std::make_unique<Sink>(*this, state_.sources.size() - 1, staleAfterSeconds));
    dirty_ = true;
    return *sinks_.back();
}

SourceSink& FeedHub::add(std::unique_ptr<Source> source, double staleAfterSeconds) {
    auto& sink = static_cast<Sink&>(addManual(source->name(), staleAfterSeconds));
    std::lock_guard lock(mutex_);
    sink.source = std::move(source);
    return sink;
}

void FeedHub::record(const std::filesystem::path& file) {
    std::lock_guard lock(mutex_);
    recording_.open(file, std::ios::app | std::ios::binary);
    if (!recording_) spdlog::error("[feed.record] {}: cannot open for writing", file.string());
}

void FeedHub::logRejection(Sink& sink, const std::string& reason) {
    const double now = clock_();
    if (now - sink.lastLog < 5.0) {
        ++sink.suppressed;
        return;
    }
    const auto& status = state_.sources[sink.index];
    if (sink.suppressed > 0)
        spdlog::warn("[feed.reject] {}: {} (and {} more rejections in the last 5 s)", status.name, reason, sink.suppressed);
    else
        spdlog::warn("[feed.reject] {}: {}", status.name, reason);
    sink.lastLog = now;
    sink.suppressed = 0;
}

void FeedHub::accept(Sink& sink, std::string_view body) {
    ParseResult parsed = parser_.parse(body);
    std::lock_guard lock(mutex_);
    SourceStatus& status = state_.sources[sink.index];
    status.bytes += body.size();
    status.rejected += parsed.rejections.size();
    for (const auto& reason : parsed.rejections) {
        status.lastError = reason;
        logRejection(sink, reason);
    }
    if (parsed.messages.empty()) {
        dirty_ = true;
        return;
    }
    const double now = clock_();
    status.messages += parsed.messages.size();
    status.lastUpdate = now;
    sink.transportFailed = false;
    for (auto& message : parsed.messages) {
        for (auto& u : message.metrics) {
            auto& slot = state_.values[u.adcode][u.metric];
            if (u.value.timestamp >= slot.timestamp) {
                slot = u.value;
                slot.source = sink.index;
            }
        }
        for (auto& e : message.events) {
            e.serial = ++eventSerial_;
            state_.events.push_back(std::move(e));
        }
    }
    if (state_.events.size() > kMaxEvents)
        state_.events.erase(state_.events.begin(), state_.events.end() - static_cast<std::ptrdiff_t>(kMaxEvents));
    if (recording_.is_open()) {
        // Keep exactly what was accepted: the payload's lines that parsed.
        for (std::size_t start = 0; start < body.size();) {
            std::size_t end = std::min(body.find('\n', start), body.size());
            auto line = body.substr(start, end - start);
            if (line.find_first_not_of(" \t\r") != std::string_view::npos && parser_.parse(line).rejections.empty())
                recording_ << line << '\n';
            start = end + 1;
        }
        recording_.flush();
    }
    dirty_ = true;
    wake_.notify_all();
}

void FeedHub::fail(Sink& sink, std::string_view what) {
    std::lock_guard lock(mutex_);
    SourceStatus& status = state_.sources[sink.index];
    status.lastError = std::string(what);
    sink.transportFailed = true;
    logRejection(sink, status.lastError);
    dirty_ = true;
    wake_.notify_all();
}

std::shared_ptr<const Snapshot> FeedHub::tick(bool force) {
    std::lock_guard lock(mutex_);
    const double now = clock_();
    for (auto& sink : sinks_) {
        SourceStatus& status = state_.sources[sink->index];
        SourceState next = status.state;
        if (sink->transportFailed)
            next = SourceState::Error;
        else if (status.lastUpdate > 0 || status.messages > 0)
            next = now - status.lastUpdate > sink->staleAfter ? SourceState::Stale : SourceState::Ok;
        if (next != status.state) {
            spdlog::info("[feed.status] {}: {} -> {}", status.name, stateName(status.state), stateName(next));
            status.state = next;
            dirty_ = true;
        }
    }
    if (dirty_ || force) {
        state_.sequence += 1;
        state_.timestamp = now;
        published_ = std::make_shared<const Snapshot>(state_);
        dirty_ = false;
        if (buffer_) buffer_->publish(published_);
    }
    return published_;
}

std::shared_ptr<const Snapshot> FeedHub::latest() const {
    std::lock_guard lock(mutex_);
    return published_;
}

void FeedHub::start(SnapshotBuffer& buffer, double publishInterval) {
    {
        std::lock_guard lock(mutex_);
        buffer_ = &buffer;
        stopping_ = false;
    }
    for (auto& sink : sinks_)
        if (sink->source) sink->source->start(*sink);
    thread_ = std::thread([this, publishInterval] {
        std::unique_lock lock(mutex_);
        while (!stopping_) {
            wake_.wait_for(lock, std::chrono::duration<double>(publishInterval));
            if (stopping_) break;
            lock.unlock();
            tick();
            lock.lock();
        }
    });
}

void FeedHub::stop() {
    {
        std::lock_guard lock(mutex_);
        if (!thread_.joinable()) return;
        stopping_ = true;
    }
    wake_.notify_all();
    for (auto& sink : sinks_)
        if (sink->source) sink->source->stop();
    thread_.join();
}

}  // namespace exhibit
