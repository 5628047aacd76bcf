// The FeedHub runs the show's sources and turns what they bring into Snapshots. Each source gets
// its own SourceSink; payloads are parsed and validated (MessageParser), merged by region and
// metric (the newest timestamp wins), the last events kept, and every source's status tracked:
// Connecting until its first good message, Ok, Stale after `staleAfter` seconds without one, Error
// after a transport error. Last good values stay in the snapshot whatever the status, so the wall
// never blanks. Rejections are counted and logged at most once per source every 5 s.
//
//   FeedHub hub(validAdcodes);
//   hub.add(createSource(config), config.staleAfterSeconds);
//   hub.start(buffer);            // a thread calls tick() with the steady clock
//   ... buffer.latest() ...       // render thread
//   hub.stop();
// Tests drive it without threads: add sources, call their sinks, then tick(now) with a manual clock.
//
// Does not: draw, decide what a widget shows, or retry transports (sources reconnect themselves).
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "data_feed/message_parser.hpp"
#include "data_feed/snapshot.hpp"
#include "data_feed/source.hpp"

namespace exhibit {

class FeedHub {
public:
    using Clock = std::function<double()>;  // seconds, monotonic
    explicit FeedHub(std::set<std::string, std::less<>> validAdcodes, Clock clock = {});
    ~FeedHub();
    FeedHub(const FeedHub&) = delete;
    FeedHub& operator=(const FeedHub&) = delete;

    // Registers a source (not started yet). Returns its sink, mainly for tests.
    SourceSink& add(std::unique_ptr<Source> source, double staleAfterSeconds);
    // Registers a sink without a transport behind it (tests, in-process producers).
    SourceSink& addManual(const std::string& name, double staleAfterSeconds);
    // Appends every accepted message as one NDJSON line, which a file: source can replay.
    void record(const std::filesystem::path& file);

    void start(SnapshotBuffer& buffer, double publishInterval = 0.1);
    void stop();

    // Updates statuses and publishes when something changed or `force`; returns the snapshot.
    std::shared_ptr<const Snapshot> tick(bool force = false);
    std::shared_ptr<const Snapshot> latest() const;

    static constexpr std::size_t kMaxEvents = 256;

private:
    class Sink;
    void accept(Sink& sink, std::string_view body);
    void fail(Sink& sink, std::string_view what);
    void logRejection(Sink& sink, const std::string& reason);

    MessageParser parser_;
    Clock clock_;
    mutable std::mutex mutex_;
    std::vector<std::unique_ptr<Sink>> sinks_;
    Snapshot state_;
    std::uint64_t eventSerial_ = 0;
    bool dirty_ = true;
    std::shared_ptr<const Snapshot> published_;
    std::ofstream recording_;

    SnapshotBuffer* buffer_ = nullptr;
    std::thread thread_;
    std::condition_variable wake_;
    bool stopping_ = false;
};

}  // namespace exhibit
