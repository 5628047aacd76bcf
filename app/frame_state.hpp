// What rank 0 of a video wall tells the other ranks every frame, so that every machine draws the
// same frame (app/wall_sync.hpp): the frame's time, the wall's mode and language, the calls its
// SceneDirector was given (DirectorCommand), the touch contacts for the finger feedback, and the
// feed data when it changed. The feed travels as a delta against the snapshot sent before
// (changed and removed values, new events, the sources), so a frame without news is ~100 bytes.
//
//   leader:   FeedDelta delta;  auto bytes = encodeFrameState(state, delta, latestSnapshot);
//   follower: FeedMirror mirror;  FrameState s = decodeFrameState(bytes, mirror);  s.feed -> Snapshot
//
// Also the small messages back to rank 0 (ReadyReport: a rank drew the frame; its visitors'
// touches) and from it (GoSignal: present now, or end). Decoding never reads past the message;
// a malformed one throws WireError naming what was wrong.
// Does not: send anything (WallSync does), or apply the state (the wall follower does).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "app/scene_director.hpp"
#include "app/wire.hpp"
#include "core/clock.hpp"
#include "data_feed/snapshot.hpp"
#include "input/pointer.hpp"

namespace exhibit {

struct FrameState {
    FrameTime time;
    double realSeconds = 0;  // rank 0's uptime (standby's animation)
    int mode = 0;            // WallMode
    int language = 0;        // Language
    std::string clockText;   // standby's "HH:MM", on rank 0's clock
    std::string scene;       // the scene on the wall once `commands` are applied (a cross-check)
    std::vector<DirectorCommand> commands;
    std::vector<PointerEvent> pointers;  // this frame's contacts, canvas px (the finger feedback)
    std::shared_ptr<const Snapshot> feed;  // decoded: the current snapshot (new or the mirror's last)
    bool feedChanged = false;              // decoded: this message carried feed news
};

// The leader's memory of what it sent, to send only what changed. Region, metric and source id
// strings travel once; after that a changed value is a number naming its (region, metric) and
// ~25 bytes of value.
class FeedDelta {
public:
    // Appends the difference between `latest` and the last snapshot written to `out`.
    void write(ByteWriter& out, const std::shared_ptr<const Snapshot>& latest);

private:
    std::uint32_t idOf(const std::string& text, ByteWriter& newStrings, std::uint32_t& newCount);
    std::shared_ptr<const Snapshot> sent_;
    std::map<std::string, std::uint32_t, std::less<>> ids_;
};

// The follower's copy of the leader's feed, rebuilt from deltas (every one, in order: MPI
// delivers them so).
class FeedMirror {
public:
    // Applies a delta; returns whether it held news.
    bool read(ByteReader& in);
    const std::shared_ptr<const Snapshot>& snapshot() const { return snapshot_; }

private:
    const std::string& text(std::uint32_t id) const;
    std::shared_ptr<const Snapshot> snapshot_ = std::make_shared<const Snapshot>();
    std::vector<std::string> strings_;
};

std::vector<std::uint8_t> encodeFrameState(const FrameState& state, FeedDelta& feed,
                                           const std::shared_ptr<const Snapshot>& latest);
FrameState decodeFrameState(const std::vector<std::uint8_t>& bytes, FeedMirror& feed);

struct ReadyReport {
    int rank = 0;  // set by the receiver
    std::uint64_t frame = 0;
    double presentedAt = 0;  // when this rank presented the previous frame (CLOCK_REALTIME s)
    std::vector<PointerEvent> pointers;  // its visitors' contacts since the last report, canvas px
};
std::vector<std::uint8_t> encodeReady(const ReadyReport& report);
ReadyReport decodeReady(const std::vector<std::uint8_t>& bytes);

struct GoSignal {
    std::uint64_t frame = 0;
    bool end = false;      // rank 0 is stopping: present this frame, then exit
    bool restart = false;  // ...to be started again with every node (a rank was lost)
    bool lost = false;     // a rank is lost: MPI cannot be finalised at the end (WallSync::exitIfLost)
};
std::vector<std::uint8_t> encodeGo(const GoSignal& go);
GoSignal decodeGo(const std::vector<std::uint8_t>& bytes);

}  // namespace exhibit
