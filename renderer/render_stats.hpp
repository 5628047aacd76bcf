// What one CanvasRenderer::execute did, for tests, benchmarks and the operator overlay. Counts are
// per frame except the cache sizes, which are what the renderer holds after the frame.
// Does not time anything: benchmarks measure time themselves.
#pragma once

#include <cstddef>
#include <cstdint>

namespace exhibit {

struct RenderStats {
    std::uint32_t drawCalls = 0;  // every glDraw* call issued
    std::uint32_t vertices = 0;
    std::uint32_t shapeInstances = 0;
    std::uint32_t glyphInstances = 0;
    std::uint32_t ripplePoints = 0;  // ripple instances submitted (the GPU skips transparent ones)
    std::uint32_t flylines = 0;      // flyline instances submitted (the GPU skips those not alive)
    std::uint32_t rippleUploads = 0;   // ripple sets copied to the GPU (new id or version)
    std::uint32_t flylineUploads = 0;  // flyline sets copied to the GPU (new id or version, or rebase)
    std::size_t cachedMeshes = 0;
    std::size_t cachedRippleSets = 0;
    std::size_t cachedFlylineSets = 0;
};

}  // namespace exhibit
