#include "xr/xr_swapchain.hpp"

#define XR_USE_GRAPHICS_API_OPENGL
#include <openxr/openxr_platform.h>

#include <spdlog/spdlog.h>

#include <algorithm>

#include "xr/xr_check.hpp"

namespace exhibit::xr {
namespace {

std::int64_t pick(const std::vector<std::int64_t>& offered, std::initializer_list<std::int64_t> wanted) {
    for (std::int64_t w : wanted)
        if (std::find(offered.begin(), offered.end(), w) != offered.end()) return w;
    return 0;
}

}  // namespace

void Swapchain::create(Chain& chain, XrSession session, glm::ivec2 size, std::int64_t format, XrSwapchainUsageFlags usage) {
    XrSwapchainCreateInfo info{XR_TYPE_SWAPCHAIN_CREATE_INFO};
    info.usageFlags = usage;
    info.format = format;
    info.sampleCount = 1;
    info.width = static_cast<uint32_t>(size.x);
    info.height = static_cast<uint32_t>(size.y);
    info.faceCount = 1;
    info.arraySize = 1;
    info.mipCount = 1;
    CHECK_XRCMD(xrCreateSwapchain(session, &info, &chain.handle));
    uint32_t count = 0;
    CHECK_XRCMD(xrEnumerateSwapchainImages(chain.handle, 0, &count, nullptr));
    std::vector<XrSwapchainImageOpenGLKHR> images(count, {XR_TYPE_SWAPCHAIN_IMAGE_OPENGL_KHR});
    CHECK_XRCMD(xrEnumerateSwapchainImages(chain.handle, count, &count,
                                           reinterpret_cast<XrSwapchainImageBaseHeader*>(images.data())));
    for (const auto& image : images) chain.images.push_back(image.image);
}

Swapchain::Swapchain(XrSession session, glm::ivec2 size, const std::vector<std::int64_t>& runtimeFormats, bool withDepth)
    : size_(size) {
    const std::int64_t colorFormat = pick(runtimeFormats, {GL_SRGB8_ALPHA8, GL_RGBA8});
    if (colorFormat == 0) throw Error("the OpenXR runtime offers neither GL_SRGB8_ALPHA8 nor GL_RGBA8 swapchains", XR_ERROR_SWAPCHAIN_FORMAT_UNSUPPORTED);
    srgb_ = colorFormat == GL_SRGB8_ALPHA8;
    create(color_, session, size, colorFormat, XR_SWAPCHAIN_USAGE_COLOR_ATTACHMENT_BIT | XR_SWAPCHAIN_USAGE_SAMPLED_BIT);
    const std::int64_t depthFormat =
        withDepth ? pick(runtimeFormats, {GL_DEPTH_COMPONENT24, GL_DEPTH_COMPONENT32F, GL_DEPTH_COMPONENT16}) : 0;
    if (depthFormat != 0) {
        create(depth_, session, size, depthFormat, XR_SWAPCHAIN_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT);
    } else if (withDepth) {
        ownDepth_ = gl::Texture::create();
        glBindTexture(GL_TEXTURE_2D, ownDepth_.id());
        glTexImage2D(GL_TEXTURE_2D, 0, GL_DEPTH_COMPONENT24, size.x, size.y, 0, GL_DEPTH_COMPONENT, GL_FLOAT, nullptr);
        glBindTexture(GL_TEXTURE_2D, 0);
    }
    GLint previous = 0;
    glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previous);
    for (std::uint32_t image : color_.images) {
        framebuffers_.push_back(gl::Framebuffer::create());
        glBindFramebuffer(GL_FRAMEBUFFER, framebuffers_.back().id());
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, image, 0);
    }
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous));
}

Swapchain::~Swapchain() {
    framebuffers_.clear();
    if (depth_.handle != XR_NULL_HANDLE) xrDestroySwapchain(depth_.handle);
    if (color_.handle != XR_NULL_HANDLE) xrDestroySwapchain(color_.handle);
}

void Swapchain::acquire(Chain& chain) {
    XrSwapchainImageAcquireInfo acquireInfo{XR_TYPE_SWAPCHAIN_IMAGE_ACQUIRE_INFO};
    CHECK_XRCMD(xrAcquireSwapchainImage(chain.handle, &acquireInfo, &chain.current));
    chain.acquired = true;
    XrSwapchainImageWaitInfo waitInfo{XR_TYPE_SWAPCHAIN_IMAGE_WAIT_INFO};
    waitInfo.timeout = XR_INFINITE_DURATION;
    CHECK_XRCMD(xrWaitSwapchainImage(chain.handle, &waitInfo));
}

void Swapchain::release(Chain& chain) {
    if (!chain.acquired) return;
    chain.acquired = false;
    XrSwapchainImageReleaseInfo releaseInfo{XR_TYPE_SWAPCHAIN_IMAGE_RELEASE_INFO};
    CHECK_XRCMD(xrReleaseSwapchainImage(chain.handle, &releaseInfo));
}

EyeTarget Swapchain::acquire() {
    acquire(color_);
    if (depth_.handle != XR_NULL_HANDLE) acquire(depth_);
    const GLuint framebuffer = framebuffers_[color_.current].id();
    const GLuint depth = depth_.handle != XR_NULL_HANDLE ? depth_.images[depth_.current] : ownDepth_.id();
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_TEXTURE_2D, depth, 0);
    return {framebuffer, size_, color_.images[color_.current], srgb_};
}

void Swapchain::release() {
    // Whatever was drawn must reach the image before the compositor reads it.
    glFlush();
    release(depth_);
    release(color_);
}

}  // namespace exhibit::xr
