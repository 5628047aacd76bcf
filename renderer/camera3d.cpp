// Projection matrices for symmetric and asymmetric (per-eye) frusta, view matrices, eye position.
#include "renderer/camera3d.hpp"

#include <cmath>

#include <glm/gtc/matrix_transform.hpp>
#include <glm/matrix.hpp>

namespace exhibit {

glm::mat4 projectionFromFov(const FovAngles& fov, float nearZ, float farZ) {
    const float tanLeft = std::tan(fov.left), tanRight = std::tan(fov.right);
    const float tanUp = std::tan(fov.up), tanDown = std::tan(fov.down);
    const float width = tanRight - tanLeft, height = tanUp - tanDown;
    glm::mat4 m(0.0f);
    m[0][0] = 2.0f / width;
    m[1][1] = 2.0f / height;
    m[2][0] = (tanRight + tanLeft) / width;
    m[2][1] = (tanUp + tanDown) / height;
    m[2][3] = -1.0f;
    if (farZ <= nearZ) {
        m[2][2] = -1.0f;
        m[3][2] = -2.0f * nearZ;
    } else {
        m[2][2] = -(farZ + nearZ) / (farZ - nearZ);
        m[3][2] = -(2.0f * farZ * nearZ) / (farZ - nearZ);
    }
    return m;
}

glm::mat4 perspectiveProjection(float verticalFovRadians, float aspect, float nearZ, float farZ) {
    const float up = std::atan(std::tan(verticalFovRadians * 0.5f));
    const float right = std::atan(std::tan(verticalFovRadians * 0.5f) * aspect);
    return projectionFromFov({-right, right, up, -up}, nearZ, farZ);
}

glm::mat4 lookAtView(glm::vec3 eye, glm::vec3 target, glm::vec3 up) { return glm::lookAt(eye, target, up); }

glm::mat4 viewFromPose(glm::vec3 position, glm::quat orientation) {
    const glm::mat4 inverseRotation = glm::mat4_cast(glm::conjugate(glm::normalize(orientation)));
    return glm::translate(inverseRotation, -position);
}

glm::vec3 Camera3d::position() const { return glm::vec3(glm::inverse(view)[3]); }

}  // namespace exhibit
