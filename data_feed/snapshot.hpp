// The feed's data model as the render thread sees it: an immutable Snapshot of every metric per
// region, the recent events and the status of each source, published by the feed thread and taken
// by the render thread without ever blocking (SnapshotBuffer, an atomic shared_ptr swap).
//
//   SnapshotBuffer buffer;                       // owned by the app
//   hub.start(buffer);                           // feed thread(s) publish into it
//   auto snap = buffer.latest();                 // render thread, every frame, never waits
//   if (auto v = snap->value("520100", "ecommerce_orders")) draw(v->value, v->provenance);
//
// Every value says where it came from: Provenance::Real with a source id from the show's facts
// (sources.csv), or Provenance::Simulated. Widgets must show simulated values as such.
// Does not: parse anything, talk to the network, or know about GL.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace exhibit {

enum class Provenance { Real, Simulated };

struct MetricValue {
    double value = 0;
    Provenance provenance = Provenance::Simulated;
    std::string sourceId;  // facts source id when Real; empty when Simulated
    double timestamp = 0;  // seconds since the Unix epoch, when the value was measured
    std::size_t source = 0;  // index into Snapshot::sources of the source that brought it
};

// Something that happened once, e.g. an order shipped from a county to a city (a flyline).
struct FeedEvent {
    std::string kind;        // "order_shipped", "consultation_referred", "class_held", ...
    double timestamp = 0;    // seconds since the Unix epoch
    std::string fromAdcode;  // where it started (a county, prefecture or the province)
    std::string toName;      // destination label, e.g. "上海" (may be empty)
    std::optional<double> toLon, toLat;  // destination position (GCJ-02 degrees) when it has one
    std::string toAdcode;                // destination region inside the show, when it has one
    double value = 0;                    // e.g. parcels, yuan, participants
    Provenance provenance = Provenance::Simulated;
    std::string sourceId;
    std::string text;  // optional caption for tickers
    std::uint64_t serial = 0;  // 1, 2, 3, ... in the order the hub accepted the events
};

enum class SourceState { Connecting, Ok, Stale, Error };

struct SourceStatus {
    std::string name;  // as configured, e.g. "simulator", "file:show.ndjson", "http://host/api"
    SourceState state = SourceState::Connecting;
    std::string lastError;  // the last rejection or transport error, empty if none
    std::uint64_t messages = 0;
    std::uint64_t rejected = 0;
    std::uint64_t bytes = 0;
    double lastUpdate = 0;  // feed-clock seconds of the last accepted message, 0 if none yet
};

struct Snapshot {
    std::uint64_t sequence = 0;  // increases with every publish
    double timestamp = 0;        // feed-clock seconds at publish
    std::map<std::string, std::map<std::string, MetricValue, std::less<>>, std::less<>> values;  // adcode -> metric -> value
    std::vector<FeedEvent> events;  // the most recent events, oldest first (bounded)
    std::vector<SourceStatus> sources;

    const MetricValue* value(std::string_view adcode, std::string_view metric) const;
};

class SnapshotBuffer {
public:
    SnapshotBuffer() : latest_(std::make_shared<const Snapshot>()) {}
    void publish(std::shared_ptr<const Snapshot> snapshot) { latest_.store(std::move(snapshot)); }
    std::shared_ptr<const Snapshot> latest() const { return latest_.load(); }

private:
    std::atomic<std::shared_ptr<const Snapshot>> latest_;
};

}  // namespace exhibit
