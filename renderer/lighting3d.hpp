// The light and output settings shared by the 3D renderers (glTF models, sky, ground): one
// directional sun, a hemisphere ambient (sky colour from above, ground colour from below),
// exposure before ACES tone mapping, and how the result is written. Plain values, GL-free.
#pragma once

#include <glm/vec3.hpp>

namespace exhibit {

struct Lighting3d {
    glm::vec3 sunDirection{-0.45f, 0.8f, 0.4f};  // towards the sun; normalised by the renderers
    glm::vec3 sunColor{3.2f, 3.0f, 2.8f};        // linear radiance
    glm::vec3 skyColor{0.42f, 0.5f, 0.62f};      // ambient from above (linear)
    glm::vec3 groundColor{0.2f, 0.18f, 0.15f};   // ambient from below (linear)
    float exposure = 1.0f;
};

// EncodeSrgb: the shaders write sRGB-encoded values, for a plain RGBA8 target (RenderTarget, most
// windows). SrgbFramebuffer: they write linear values and enable GL_FRAMEBUFFER_SRGB while drawing,
// for sRGB targets (OpenXR sRGB swapchains, RenderTargetOptions::srgb, MsaaTarget srgb).
enum class OutputEncoding { EncodeSrgb, SrgbFramebuffer };

}  // namespace exhibit
