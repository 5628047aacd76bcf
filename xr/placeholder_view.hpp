// What VR mode shows until the tour scene is plugged in: a sky-coloured clear and a ground grid
// (1 m lines over 20 x 20 m on the floor, y = 0 of the reference space; a brighter line along each
// axis) so head motion and stage position can be checked in a headset. A ViewRenderer like the
// tour's will be: hand another one to xr::Program::frame() to replace it.
#pragma once

#include <glm/vec3.hpp>

#include "renderer/gl_object.hpp"
#include "xr/xr_types.hpp"

namespace exhibit::xr {

class PlaceholderView final : public ViewRenderer {
public:
    PlaceholderView();
    void renderView(int eye, const Pose& pose, const Fov& fov, const EyeTarget& target) override;
    // sRGB-encoded colours of the sky (clear) and the grid lines.
    static constexpr glm::vec3 kSky{0.56f, 0.71f, 0.86f};
    static constexpr glm::vec3 kGrid{0.18f, 0.24f, 0.30f};

private:
    gl::Program program_;
    gl::VertexArray vertexArray_;
    gl::Buffer vertices_;
    GLsizei vertexCount_ = 0;
    GLint viewProjection_ = -1;
};

}  // namespace exhibit::xr
