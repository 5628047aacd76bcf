#include "renderer/comfort_overlay.hpp"

#include "renderer/gl_state_guard.hpp"
#include "renderer/shader.hpp"

namespace exhibit {
namespace {

constexpr const char* kVertex = R"(#version 330 core
out vec2 vNdc;
void main() {
    vec2 p = vec2(float((gl_VertexID & 1) << 2) - 1.0, float((gl_VertexID & 2) << 1) - 1.0);
    vNdc = p;
    gl_Position = vec4(p, 0.0, 1.0);
})";

// The vignette's clear disc shrinks from the whole view to a third of it as `vignette` goes 0 -> 1,
// with a soft edge; black covers the rest. The fade darkens everything on top.
constexpr const char* kFragment = R"(#version 330 core
in vec2 vNdc;
uniform float uFade;
uniform float uVignette;
out vec4 fragColor;
void main() {
    float inner = mix(1.3, 0.35, uVignette);
    float edge = smoothstep(inner, inner + 0.35, length(vNdc)) * step(0.001, uVignette);
    fragColor = vec4(0.0, 0.0, 0.0, max(uFade, edge));
})";

}  // namespace

ComfortOverlay::ComfortOverlay()
    : program_(gl::buildProgram({"comfort", kVertex, kFragment})),
      empty_(gl::VertexArray::create()),
      fade_(gl::uniformLocation(program_, "uFade")),
      vignette_(gl::uniformLocation(program_, "uVignette")) {}

void ComfortOverlay::draw(float fade, float vignette) const {
    if (fade <= 0.0f && vignette <= 0.0f) return;
    gl::StateGuard guard;
    glDisable(GL_DEPTH_TEST);
    glDepthMask(GL_FALSE);
    glDisable(GL_CULL_FACE);
    glDisable(GL_FRAMEBUFFER_SRGB);
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ZERO, GL_ONE);
    glUseProgram(program_.id());
    glUniform1f(fade_, fade);
    glUniform1f(vignette_, vignette);
    glBindVertexArray(empty_.id());
    glDrawArrays(GL_TRIANGLES, 0, 3);
}

}  // namespace exhibit
