// FlylineRenderer: converts flyline sets to GPU instances relative to a time base, uploads them per
// (id, version, base) and draws each layer with one instanced call. The rebase rule is in the header.
#include "renderer/flyline_renderer.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

#include "renderer/layer_shaders.hpp"
#include "renderer/shader.hpp"

namespace exhibit {
namespace {

// One Flyline as the shader reads it: control point resolved, start relative to the set's base.
struct GpuFlyline {
    glm::vec2 from, control;
    glm::vec2 to;
    float width, start;
    float duration;
    std::uint32_t color;
};

const void* byteOffset(std::size_t offset) { return reinterpret_cast<const void*>(offset); }

void lineAttributes() {
    constexpr auto stride = static_cast<GLsizei>(sizeof(GpuFlyline));
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 4, GL_FLOAT, GL_FALSE, stride, byteOffset(offsetof(GpuFlyline, from)));
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 4, GL_FLOAT, GL_FALSE, stride, byteOffset(offsetof(GpuFlyline, to)));
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 1, GL_FLOAT, GL_FALSE, stride, byteOffset(offsetof(GpuFlyline, duration)));
    glEnableVertexAttribArray(3);
    glVertexAttribPointer(3, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, byteOffset(offsetof(GpuFlyline, color)));
    for (GLuint i = 0; i < 4; ++i) glVertexAttribDivisor(i, 1);
}

void upload(const FlylineSet& set, double base) {
    std::vector<GpuFlyline> lines;
    lines.reserve(set.lines.size());
    for (const Flyline& l : set.lines)
        lines.push_back(GpuFlyline{l.from, flylineControlPoint(l.from, l.to, l.bend), l.to, std::max(l.width, 0.0f),
                                   static_cast<float>(l.startTime - base), l.duration, l.color});
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(lines.size() * sizeof(GpuFlyline)), lines.data(),
                 GL_STATIC_DRAW);
}

}  // namespace

// The shader reads (from, control) and (to, width, start) as vec4s.
static_assert(offsetof(GpuFlyline, control) == offsetof(GpuFlyline, from) + 2 * sizeof(float));
static_assert(offsetof(GpuFlyline, start) == offsetof(GpuFlyline, to) + 3 * sizeof(float));

FlylineRenderer::FlylineRenderer()
    : program_(gl::buildProgram({"flyline", shaders::kFlylineVertex, shaders::kFlylineFragment})),
      view_(ClipUniform::of(program_)),
      time_(gl::uniformLocation(program_, "uTime")),
      segments_(gl::uniformLocation(program_, "uSegments")),
      fadeSeconds_(gl::uniformLocation(program_, "uFadeSeconds")),
      headRadius_(gl::uniformLocation(program_, "uHeadRadius")),
      trail_(gl::uniformLocation(program_, "uTrail")),
      baseAlpha_(gl::uniformLocation(program_, "uBaseAlpha")) {}

void FlylineRenderer::draw(const FlylineDraw& layer, const ClipTransform& view, std::uint64_t frame, RenderStats& stats) {
    const FlylineSet& set = *layer.set;
    const double now = std::isfinite(layer.timeSeconds) ? layer.timeSeconds : 0.0;
    GpuInstanceSet& gpu = sets_.use(set.id, frame);
    glBindVertexArray(gpu.vertexArray.id());
    if (!gpu.filled || gpu.version != set.version || std::abs(now - gpu.timeBase) > kRebaseSeconds) {
        gpu.timeBase = std::floor(now);
        glBindBuffer(GL_ARRAY_BUFFER, gpu.buffer.id());
        upload(set, gpu.timeBase);
        if (!gpu.filled) lineAttributes();
        gpu.filled = true;
        gpu.version = set.version;
        ++stats.flylineUploads;
    }
    const FlylineStyle& style = layer.style;
    glUseProgram(program_.id());
    view_.set(view);
    glUniform1f(time_, static_cast<float>(now - gpu.timeBase));
    glUniform1i(segments_, kSegments);
    glUniform1f(fadeSeconds_, std::max(style.fadeSeconds, 0.0f));
    glUniform1f(headRadius_, std::max(style.headRadius, 0.0f));
    glUniform1f(trail_, std::clamp(style.trail, 0.0f, 1.0f));
    glUniform1f(baseAlpha_, std::clamp(style.baseAlpha, 0.0f, 1.0f));
    glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 2 * kSegments + 8, static_cast<GLsizei>(set.lines.size()));
    ++stats.drawCalls;
    stats.flylines += static_cast<std::uint32_t>(set.lines.size());
}

void FlylineRenderer::endFrame(std::uint64_t frame, RenderStats& stats) {
    sets_.evictUnused(frame);
    stats.cachedFlylineSets = sets_.size();
}

}  // namespace exhibit
