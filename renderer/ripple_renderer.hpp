// Back end of Canvas::ripples: keeps each RippleSet on the GPU per (id, version) and draws a layer
// with one instanced draw call, the ring animation computed in the shaders. The clock is wrapped by
// the period on the CPU, in double, before it becomes a float uniform, so the show can run for days
// without the rings stuttering. Sets not drawn for InstanceSetCache::kKeepFrames frames are freed.
// Used by CanvasRenderer; does not set blend state, framebuffer or viewport (execute() does).
#pragma once

#include <cstdint>

#include <glm/vec2.hpp>

#include "renderer/canvas_view.hpp"
#include "renderer/clip_uniform.hpp"
#include "renderer/draw_list.hpp"
#include "renderer/instance_set_cache.hpp"
#include "renderer/render_stats.hpp"

namespace exhibit {

class RippleRenderer {
public:
    RippleRenderer();
    void draw(const RippleDraw& layer, const ClipTransform& view, std::uint64_t frame, RenderStats& stats);
    void endFrame(std::uint64_t frame, RenderStats& stats);

    // The 0..1 position in the ring cycle at `timeSeconds` (what the shader receives).
    static float cycleAt(double timeSeconds, float periodSeconds);

private:
    gl::Program program_;
    ClipUniform view_;
    GLint cycle_, rings_, ringWidth_, coreScale_, opacity_;
    InstanceSetCache sets_;
};

}  // namespace exhibit
