// An offscreen colour target (RGBA8 texture + framebuffer) and readback of any framebuffer into an
// Image. Headless platforms render every frame into one; tests and screenshots read them back.
#pragma once

#include <glm/vec2.hpp>

#include "renderer/gl_object.hpp"
#include "renderer/image.hpp"

namespace exhibit {

class RenderTarget {
public:
    RenderTarget() = default;
    explicit RenderTarget(glm::ivec2 size);
    glm::ivec2 size() const { return size_; }
    GLuint framebuffer() const { return framebuffer_.id(); }
    GLuint texture() const { return color_.id(); }

private:
    glm::ivec2 size_{0, 0};
    gl::Texture color_;
    gl::Framebuffer framebuffer_;
};

// Copies the target's colour 1:1 into `framebuffer` (0 = the current window's back buffer).
void copyTarget(const RenderTarget& from, GLuint framebuffer);

// Reads the colour of `framebuffer` (0 = the window's back buffer) into a top-down RGBA8 image.
Image readFramebuffer(GLuint framebuffer, glm::ivec2 size);

}  // namespace exhibit
