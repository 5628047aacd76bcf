// GPU copies of the static instance sets that animated layers draw (RippleSet, FlylineSet): per set
// id one vertex array and one buffer, plus what was uploaded (version, time base). Entries not
// used for more than kKeepFrames frames are freed, so GPU memory stays flat when scenes replace
// their sets for days. The owner (RippleRenderer, FlylineRenderer) decides when to upload and
// points the vertex array's attributes; this cache neither uploads nor knows the data layout.
#pragma once

#include <cstddef>
#include <cstdint>
#include <unordered_map>

#include "renderer/gl_object.hpp"

namespace exhibit {

struct GpuInstanceSet {
    gl::VertexArray vertexArray;
    gl::Buffer buffer;
    bool filled = false;  // buffer holds data and the vertex array points at it
    std::uint64_t version = 0;
    double timeBase = 0;  // flylines: start times in the buffer are relative to this
    std::uint64_t lastUsedFrame = 0;
};

class InstanceSetCache {
public:
    static constexpr std::uint64_t kKeepFrames = 120;

    // The entry for `id` (created with fresh GL names, not filled, on first use), marked as used
    // in `frame`.
    GpuInstanceSet& use(std::uint64_t id, std::uint64_t frame);
    // Frees the entries last used more than kKeepFrames frames before `frame`.
    void evictUnused(std::uint64_t frame);
    std::size_t size() const { return sets_.size(); }

private:
    std::unordered_map<std::uint64_t, GpuInstanceSet> sets_;
};

}  // namespace exhibit
