// Back end of Canvas::flylines: keeps each FlylineSet on the GPU per (id, version) and draws a
// layer with one instanced draw call (arc strip and head quad in one strip per line), the flight
// computed in the shaders from a time uniform.
//
// Time precision: start times are doubles on a clock that runs for days, where a float would step
// by tens of milliseconds. On upload the renderer picks a base (the frame's time rounded down to a
// whole second) and stores start - base as floats; each frame the shader gets time - base. The set
// is uploaded again when its version changes or when |time - base| exceeds kRebaseSeconds (then
// floats still resolve 0.1 ms), i.e. a static set is re-uploaded about every 17 minutes of show
// time, or at once when the clock jumps. Start times more than ~1e5 s from the base lose precision,
// which only matters for lines scheduled a day ahead.
// Sets not drawn for InstanceSetCache::kKeepFrames frames are freed. Used by CanvasRenderer; does
// not set blend state, framebuffer or viewport (execute() does).
#pragma once

#include <cstdint>

#include <glm/vec2.hpp>

#include "renderer/canvas_view.hpp"
#include "renderer/clip_uniform.hpp"
#include "renderer/draw_list.hpp"
#include "renderer/instance_set_cache.hpp"
#include "renderer/render_stats.hpp"

namespace exhibit {

class FlylineRenderer {
public:
    static constexpr double kRebaseSeconds = 1024;
    static constexpr int kSegments = 32;  // per arc; enough for a smooth curve at 4K

    FlylineRenderer();
    void draw(const FlylineDraw& layer, const ClipTransform& view, std::uint64_t frame, RenderStats& stats);
    void endFrame(std::uint64_t frame, RenderStats& stats);

private:
    gl::Program program_;
    ClipUniform view_;
    GLint time_, segments_, fadeSeconds_, headRadius_, trail_, baseAlpha_;
    InstanceSetCache sets_;
};

}  // namespace exhibit
