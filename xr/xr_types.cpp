#include "xr/xr_types.hpp"

#include <cmath>

namespace exhibit::xr {

glm::mat4 projectionMatrix(const Fov& fov, float nearZ, float farZ) {
    const float l = std::tan(fov.left), r = std::tan(fov.right), u = std::tan(fov.up), d = std::tan(fov.down);
    glm::mat4 m(0.0f);
    m[0][0] = 2.0f / (r - l);
    m[1][1] = 2.0f / (u - d);
    m[2][0] = (r + l) / (r - l);
    m[2][1] = (u + d) / (u - d);
    m[2][2] = -(farZ + nearZ) / (farZ - nearZ);
    m[2][3] = -1.0f;
    m[3][2] = -2.0f * farZ * nearZ / (farZ - nearZ);
    return m;
}

glm::mat4 viewMatrix(const Pose& eye) {
    const glm::quat inv = glm::inverse(eye.orientation);
    glm::mat4 m = glm::mat4_cast(inv);
    m[3] = glm::vec4(inv * -eye.position, 1.0f);
    return m;
}

const char* toString(SessionState state) {
    switch (state) {
        case SessionState::Unknown: return "UNKNOWN";
        case SessionState::Idle: return "IDLE";
        case SessionState::Ready: return "READY";
        case SessionState::Synchronized: return "SYNCHRONIZED";
        case SessionState::Visible: return "VISIBLE";
        case SessionState::Focused: return "FOCUSED";
        case SessionState::Stopping: return "STOPPING";
        case SessionState::LossPending: return "LOSS_PENDING";
        case SessionState::Exiting: return "EXITING";
    }
    return "?";
}

}  // namespace exhibit::xr
