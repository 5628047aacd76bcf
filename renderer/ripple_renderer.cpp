// RippleRenderer: uploads ripple sets per (id, version) and draws each layer with one instanced call.
// The contract (time wrapping, eviction, what GL state it leaves) is in ripple_renderer.hpp.
#include "renderer/ripple_renderer.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>

#include "renderer/layer_shaders.hpp"
#include "renderer/shader.hpp"

namespace exhibit {
namespace {

constexpr int kMaxRings = 8;

const void* byteOffset(std::size_t offset) { return reinterpret_cast<const void*>(offset); }

void pointAttributes() {
    constexpr auto stride = static_cast<GLsizei>(sizeof(RipplePoint));
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, stride, byteOffset(offsetof(RipplePoint, pos)));
    glVertexAttribDivisor(0, 1);
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, byteOffset(offsetof(RipplePoint, color)));
    glVertexAttribDivisor(1, 1);
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 1, GL_FLOAT, GL_FALSE, stride, byteOffset(offsetof(RipplePoint, phase)));
    glVertexAttribDivisor(2, 1);
}

}  // namespace

// The shader reads pos and radius as one vec3.
static_assert(offsetof(RipplePoint, radius) == offsetof(RipplePoint, pos) + 2 * sizeof(float));

RippleRenderer::RippleRenderer()
    : program_(gl::buildProgram({"ripple", shaders::kRippleVertex, shaders::kRippleFragment})),
      view_(ClipUniform::of(program_)),
      cycle_(gl::uniformLocation(program_, "uCycle")),
      rings_(gl::uniformLocation(program_, "uRings")),
      ringWidth_(gl::uniformLocation(program_, "uRingWidth")),
      coreScale_(gl::uniformLocation(program_, "uCoreScale")),
      opacity_(gl::uniformLocation(program_, "uOpacity")) {}

float RippleRenderer::cycleAt(double timeSeconds, float periodSeconds) {
    if (!(periodSeconds > 0) || !std::isfinite(timeSeconds)) return 0;
    const double period = periodSeconds;
    double wrapped = std::fmod(timeSeconds, period);
    if (wrapped < 0) wrapped += period;
    return std::clamp(static_cast<float>(wrapped / period), 0.0f, 1.0f);
}

void RippleRenderer::draw(const RippleDraw& layer, const ClipTransform& view, std::uint64_t frame, RenderStats& stats) {
    const RippleSet& set = *layer.set;
    GpuInstanceSet& gpu = sets_.use(set.id, frame);
    glBindVertexArray(gpu.vertexArray.id());
    if (!gpu.filled || gpu.version != set.version) {
        glBindBuffer(GL_ARRAY_BUFFER, gpu.buffer.id());
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(set.points.size() * sizeof(RipplePoint)),
                     set.points.data(), GL_STATIC_DRAW);
        if (!gpu.filled) pointAttributes();
        gpu.filled = true;
        gpu.version = set.version;
        ++stats.rippleUploads;
    }
    const RippleStyle& style = layer.style;
    glUseProgram(program_.id());
    view_.set(view);
    glUniform1f(cycle_, cycleAt(layer.timeSeconds, style.periodSeconds));
    glUniform1i(rings_, std::clamp(style.rings, 0, kMaxRings));
    glUniform1f(ringWidth_, std::max(style.ringWidth, 0.0f));
    glUniform1f(coreScale_, std::clamp(style.coreScale, 0.0f, 1.0f));
    glUniform1f(opacity_, std::clamp(style.opacity, 0.0f, 1.0f));
    glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(set.points.size()));
    ++stats.drawCalls;
    stats.ripplePoints += static_cast<std::uint32_t>(set.points.size());
}

void RippleRenderer::endFrame(std::uint64_t frame, RenderStats& stats) {
    sets_.evictUnused(frame);
    stats.cachedRippleSets = sets_.size();
}

}  // namespace exhibit
