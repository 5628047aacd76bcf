// A multisampled offscreen target for the 3D views (colour + depth renderbuffers, N samples) and
// its resolve into a single-sampled framebuffer: a RenderTarget, an OpenXR swapchain image wrapped
// in a framebuffer, or the window (0).
//
// Use:
//   MsaaTarget msaa({1832, 1920}, 4);            // samples clamped to GL_MAX_SAMPLES
//   glBindFramebuffer(GL_FRAMEBUFFER, msaa.framebuffer()); glViewport(0, 0, w, h); ... draw ...
//   msaa.resolveInto(target.framebuffer());      // blit; the draw framebuffer is left bound to it
//
// srgb = true makes the colour GL_SRGB8_ALPHA8 (draw with GL_FRAMEBUFFER_SRGB enabled, resolve
// into an sRGB target). Does not: own the resolved image or restore the framebuffer bindings.
#pragma once

#include <glm/vec2.hpp>

#include "renderer/gl_object.hpp"

namespace exhibit {

class MsaaTarget {
public:
    MsaaTarget() = default;
    // Throws std::runtime_error when the framebuffer is incomplete (names the size and samples).
    MsaaTarget(glm::ivec2 size, int samples, bool srgb = false);
    glm::ivec2 size() const { return size_; }
    int samples() const { return samples_; }
    GLuint framebuffer() const { return framebuffer_.id(); }
    // Blits colour (resolving the samples) into `framebuffer` of the same size, with
    // GL_FRAMEBUFFER_SRGB off during the blit (restored after).
    void resolveInto(GLuint framebuffer) const;

private:
    glm::ivec2 size_{0, 0};
    int samples_ = 0;
    gl::Renderbuffer color_, depth_;
    gl::Framebuffer framebuffer_;
};

}  // namespace exhibit
