// An offscreen colour target (RGBA8 texture + framebuffer) and readback of any framebuffer into an
// Image. Headless platforms render every frame into one; tests and screenshots read them back.
// RenderTargetOptions add a depth buffer (3D drawing) or make the colour sRGB (GL_SRGB8_ALPHA8;
// draw into it with GL_FRAMEBUFFER_SRGB enabled). A multisampled target resolved into one of these
// is renderer/msaa_target.hpp.
#pragma once

#include <glm/vec2.hpp>

#include "renderer/gl_object.hpp"
#include "renderer/image.hpp"

namespace exhibit {

struct RenderTargetOptions {
    bool depth = false;  // a DEPTH24_STENCIL8 renderbuffer
    bool srgb = false;   // colour GL_SRGB8_ALPHA8 instead of GL_RGBA8
};

class RenderTarget {
public:
    RenderTarget() = default;
    explicit RenderTarget(glm::ivec2 size, const RenderTargetOptions& options = {});
    glm::ivec2 size() const { return size_; }
    GLuint framebuffer() const { return framebuffer_.id(); }
    GLuint texture() const { return color_.id(); }

private:
    glm::ivec2 size_{0, 0};
    gl::Texture color_;
    gl::Renderbuffer depth_;
    gl::Framebuffer framebuffer_;
};

// Copies the target's colour 1:1 into `framebuffer` (0 = the current window's back buffer).
void copyTarget(const RenderTarget& from, GLuint framebuffer);

// Reads the colour of `framebuffer` (0 = the window's back buffer) into a top-down RGBA8 image.
Image readFramebuffer(GLuint framebuffer, glm::ivec2 size);

}  // namespace exhibit
