// The backdrop of a 3D view: a procedural sky (a gradient from horizon to zenith, a haze below the
// horizon and the sun's disc, as one full-screen triangle behind everything) and a ground (a disc
// around a centre with faint 1 m grid lines, lit by the sun and the sky, fading out to transparent at
// its rim so it melts into the horizon haze).
//
// Use, per view, before GltfRenderer::end() draws the models (same camera, lighting and output):
//   clear depth; skyGround.draw(camera, lighting, style, OutputEncoding::EncodeSrgb);
// The sky writes no depth; the ground writes depth (so models stand on it and hide what is below).
// GL state is restored. Does not: draw clouds, fog on models, or shadows on the ground.
#pragma once

#include <glm/vec3.hpp>

#include "renderer/camera3d.hpp"
#include "renderer/gl_object.hpp"
#include "renderer/lighting3d.hpp"

namespace exhibit {

struct SkyStyle {
    glm::vec3 zenith{0.12f, 0.3f, 0.7f};    // linear
    glm::vec3 horizon{0.62f, 0.72f, 0.85f};
    glm::vec3 below{0.32f, 0.33f, 0.32f};   // below the horizon, where the ground has faded out
    bool ground = true;
    glm::vec3 groundCentre{0.0f};           // y: the ground's height
    float groundRadius = 60.0f;             // metres; fully opaque within 55 % of it
    glm::vec3 groundColor{0.3f, 0.32f, 0.26f};
    glm::vec3 groundLineColor{0.5f, 0.52f, 0.46f};
};

class SkyGround {
public:
    SkyGround();  // compiles the programs: needs a current context
    void draw(const Camera3d& camera, const Lighting3d& lighting, const SkyStyle& style, OutputEncoding output);

private:
    gl::Program sky_, ground_;
    gl::VertexArray empty_;  // core profile needs a bound vertex array even without attributes
    GLint skyInverse_, skyCamera_, skyZenith_, skyHorizon_, skyBelow_, skySun_, skySunColor_, skyExposure_, skyEncode_;
    GLint groundViewProjection_, groundCentre_, groundRadius_, groundColor_, groundLine_, groundSun_, groundSunColor_,
        groundSky_, groundExposure_, groundEncode_;
};

}  // namespace exhibit
