// MsaaTarget: multisampled renderbuffers behind a framebuffer, resolved with glBlitFramebuffer.
#include "renderer/msaa_target.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace exhibit {

MsaaTarget::MsaaTarget(glm::ivec2 size, int samples, bool srgb)
    : size_(size), color_(gl::Renderbuffer::create()), depth_(gl::Renderbuffer::create()),
      framebuffer_(gl::Framebuffer::create()) {
    GLint maxSamples = 1;
    glGetIntegerv(GL_MAX_SAMPLES, &maxSamples);
    samples_ = std::clamp(samples, 1, std::max(maxSamples, 1));
    glBindRenderbuffer(GL_RENDERBUFFER, color_.id());
    glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples_, srgb ? GL_SRGB8_ALPHA8 : GL_RGBA8, size.x, size.y);
    glBindRenderbuffer(GL_RENDERBUFFER, depth_.id());
    glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples_, GL_DEPTH24_STENCIL8, size.x, size.y);
    glBindRenderbuffer(GL_RENDERBUFFER, 0);
    GLint previous = 0;
    glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previous);
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_.id());
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, color_.id());
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, depth_.id());
    const GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous));
    if (status != GL_FRAMEBUFFER_COMPLETE)
        throw std::runtime_error("multisampled target " + std::to_string(size.x) + "x" + std::to_string(size.y) + " with " +
                                 std::to_string(samples_) + " samples is incomplete (status " + std::to_string(status) + ")");
}

void MsaaTarget::resolveInto(GLuint framebuffer) const {
    // With GL_FRAMEBUFFER_SRGB on, drivers may decode and re-encode sRGB samples while resolving;
    // off, the bytes are averaged as stored, the same for sRGB and plain targets.
    const GLboolean srgb = glIsEnabled(GL_FRAMEBUFFER_SRGB);
    glDisable(GL_FRAMEBUFFER_SRGB);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, framebuffer_.id());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, framebuffer);
    glBlitFramebuffer(0, 0, size_.x, size_.y, 0, 0, size_.x, size_.y, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
    if (srgb) glEnable(GL_FRAMEBUFFER_SRGB);
}

}  // namespace exhibit
