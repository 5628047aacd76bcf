// Cameras for the 3D renderers: a view (world -> eye) and a projection (eye -> GL clip space,
// z in -1..1). projectionFromFov builds the asymmetric frustum of an OpenXR eye from its four
// half-angles (XrFovf: angleLeft and angleDown are negative), as the OpenXR reference program's
// XrMatrix4x4f_CreateProjection does for OpenGL; perspectiveProjection is the symmetric desktop case.
// Does not: know OpenXR types (the xr/ module passes the four angles), move cameras, or cull.
#pragma once

#include <glm/gtc/quaternion.hpp>
#include <glm/mat4x4.hpp>
#include <glm/vec3.hpp>

namespace exhibit {

// Half-angles in radians from the view direction: left and down are usually negative.
struct FovAngles {
    float left = -0.785398f;
    float right = 0.785398f;
    float up = 0.785398f;
    float down = -0.785398f;
};

// far <= near: an infinite far plane.
glm::mat4 projectionFromFov(const FovAngles& fov, float nearZ, float farZ);
glm::mat4 perspectiveProjection(float verticalFovRadians, float aspect, float nearZ, float farZ);
// A view matrix looking from `eye` at `target` (up: +y).
glm::mat4 lookAtView(glm::vec3 eye, glm::vec3 target, glm::vec3 up = {0.0f, 1.0f, 0.0f});
// The view matrix of an eye placed at `position` turned by `orientation` (an XrPosef of a view:
// the eye looks down its -z, +y up), i.e. the inverse of translate(position) * rotate(orientation).
glm::mat4 viewFromPose(glm::vec3 position, glm::quat orientation);

// What a 3D renderer draws from: the two matrices, plus the eye position (derived from the view).
struct Camera3d {
    glm::mat4 view{1.0f};
    glm::mat4 projection{1.0f};
    glm::vec3 position() const;
    glm::mat4 viewProjection() const { return projection * view; }
};

}  // namespace exhibit
