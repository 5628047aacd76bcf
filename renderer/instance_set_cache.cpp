// InstanceSetCache: one vertex array and buffer per set id, freed after kKeepFrames unused frames.
// Does not upload or describe attributes; see instance_set_cache.hpp.
#include "renderer/instance_set_cache.hpp"

namespace exhibit {

GpuInstanceSet& InstanceSetCache::use(std::uint64_t id, std::uint64_t frame) {
    auto [it, inserted] = sets_.try_emplace(id);
    if (inserted) {
        it->second.vertexArray = gl::VertexArray::create();
        it->second.buffer = gl::Buffer::create();
    }
    it->second.lastUsedFrame = frame;
    return it->second;
}

void InstanceSetCache::evictUnused(std::uint64_t frame) {
    std::erase_if(sets_, [&](const auto& entry) { return frame - entry.second.lastUsedFrame > kKeepFrames; });
}

}  // namespace exhibit
