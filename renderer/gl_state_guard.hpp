// Saves the GL state the 3D renderers change and restores it when it goes out of scope (the
// context is shared with the canvas renderer, ImGui and the XR module; Dear ImGui's backends do the
// same). Covers: program, vertex array, array buffer, active texture unit and the 2D and buffer
// textures bound on units 0..7, blend (enable, functions, equations), depth (test, mask, function),
// face culling (enable, mode, front face), GL_FRAMEBUFFER_SRGB, GL_SAMPLE_ALPHA_TO_COVERAGE.
// Does not: save framebuffer bindings or the viewport (the caller chooses where to draw), scissor,
// stencil, colour masks or pixel-store settings (these renderers never change them).
// Creating a guard costs a few dozen glGet calls, once per pass, not per draw.
#pragma once

#include <array>

#include "renderer/gl.hpp"

namespace exhibit::gl {

class StateGuard {
public:
    StateGuard();
    ~StateGuard();
    StateGuard(const StateGuard&) = delete;
    StateGuard& operator=(const StateGuard&) = delete;

    static constexpr int kTextureUnits = 8;

private:
    GLint program_ = 0, vertexArray_ = 0, arrayBuffer_ = 0, activeTexture_ = 0;
    std::array<GLint, kTextureUnits> texture2d_{}, textureBuffer_{};
    GLboolean blend_ = GL_FALSE, depthTest_ = GL_FALSE, depthMask_ = GL_TRUE, cull_ = GL_FALSE;
    GLboolean srgb_ = GL_FALSE, alphaToCoverage_ = GL_FALSE;
    GLint blendSrcRgb_ = 0, blendDstRgb_ = 0, blendSrcAlpha_ = 0, blendDstAlpha_ = 0;
    GLint blendEqRgb_ = 0, blendEqAlpha_ = 0, depthFunc_ = 0, cullMode_ = 0, frontFace_ = 0;
};

}  // namespace exhibit::gl
