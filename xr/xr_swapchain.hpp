// One OpenXR swapchain (colour, plus a depth swapchain when the runtime offers a depth format)
// whose images are wrapped as framebuffers the renderer can draw into. acquire() acquires and
// waits for the images and returns the EyeTarget; release() hands them back; every acquire() must
// be followed by release() in the same frame. Needs the session's GL context current.
#pragma once

#include <openxr/openxr.h>

#include <cstdint>
#include <vector>

#include "renderer/gl_object.hpp"
#include "xr/xr_types.hpp"

namespace exhibit::xr {

class Swapchain {
public:
    // The formats are chosen from the runtime's list: sRGB colour when offered, and depth.
    Swapchain(XrSession session, glm::ivec2 size, const std::vector<std::int64_t>& runtimeFormats, bool withDepth);
    ~Swapchain();
    Swapchain(const Swapchain&) = delete;
    Swapchain& operator=(const Swapchain&) = delete;

    XrSwapchain handle() const { return color_.handle; }
    glm::ivec2 size() const { return size_; }
    bool srgb() const { return srgb_; }
    EyeTarget acquire();
    void release();

private:
    struct Chain {
        XrSwapchain handle = XR_NULL_HANDLE;
        std::vector<std::uint32_t> images;
        std::uint32_t current = 0;
        bool acquired = false;
    };
    static void create(Chain& chain, XrSession session, glm::ivec2 size, std::int64_t format, XrSwapchainUsageFlags usage);
    static void acquire(Chain& chain);
    static void release(Chain& chain);

    glm::ivec2 size_;
    bool srgb_ = false;
    Chain color_, depth_;
    gl::Texture ownDepth_;                    // when the runtime offers no depth format
    std::vector<gl::Framebuffer> framebuffers_;  // one per colour image
};

}  // namespace exhibit::xr
