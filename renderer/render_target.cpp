#include "renderer/render_target.hpp"

#include <cstring>
#include <stdexcept>
#include <string>

namespace exhibit {

RenderTarget::RenderTarget(glm::ivec2 size, const RenderTargetOptions& options)
    : size_(size), color_(gl::Texture::create()), framebuffer_(gl::Framebuffer::create()) {
    glBindTexture(GL_TEXTURE_2D, color_.id());
    glTexImage2D(GL_TEXTURE_2D, 0, options.srgb ? GL_SRGB8_ALPHA8 : GL_RGBA8, size.x, size.y, 0, GL_RGBA,
                 GL_UNSIGNED_BYTE, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_.id());
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, color_.id(), 0);
    if (options.depth) {
        depth_ = gl::Renderbuffer::create();
        glBindRenderbuffer(GL_RENDERBUFFER, depth_.id());
        glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH24_STENCIL8, size.x, size.y);
        glBindRenderbuffer(GL_RENDERBUFFER, 0);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, depth_.id());
    }
    GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    if (status != GL_FRAMEBUFFER_COMPLETE)
        throw std::runtime_error("render target " + std::to_string(size.x) + "x" + std::to_string(size.y) +
                                 " is incomplete (status 0x" + std::to_string(status) + ")");
}

void copyTarget(const RenderTarget& from, GLuint framebuffer) {
    const glm::ivec2 size = from.size();
    glBindFramebuffer(GL_READ_FRAMEBUFFER, from.framebuffer());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, framebuffer);
    glBlitFramebuffer(0, 0, size.x, size.y, 0, 0, size.x, size.y, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
}

Image readFramebuffer(GLuint framebuffer, glm::ivec2 size) {
    Image image(size.x, size.y);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, framebuffer);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, size.x, size.y, GL_RGBA, GL_UNSIGNED_BYTE, image.rgba.data());
    const std::size_t rowBytes = static_cast<std::size_t>(size.x) * 4;
    std::vector<std::uint8_t> row(rowBytes);
    for (int y = 0; y < size.y / 2; ++y) {
        std::uint8_t* top = image.pixel(0, y);
        std::uint8_t* bottom = image.pixel(0, size.y - 1 - y);
        std::memcpy(row.data(), top, rowBytes);
        std::memcpy(top, bottom, rowBytes);
        std::memcpy(bottom, row.data(), rowBytes);
    }
    return image;
}

}  // namespace exhibit
