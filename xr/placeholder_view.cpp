#include "xr/placeholder_view.hpp"

#include <vector>

#include "renderer/shader.hpp"

namespace exhibit::xr {
namespace {

constexpr const char* kVertex = R"(#version 330 core
layout(location = 0) in vec3 position;
layout(location = 1) in vec3 color;
uniform mat4 viewProjection;
out vec3 vColor;
void main() {
    vColor = color;
    gl_Position = viewProjection * vec4(position, 1.0);
})";

constexpr const char* kFragment = R"(#version 330 core
in vec3 vColor;
out vec4 fragColor;
void main() { fragColor = vec4(vColor, 1.0); })";

}  // namespace

PlaceholderView::PlaceholderView() {
    program_ = gl::buildProgram({"xr_grid", kVertex, kFragment});
    viewProjection_ = gl::uniformLocation(program_, "viewProjection");
    std::vector<float> data;
    const auto line = [&](glm::vec3 a, glm::vec3 b, glm::vec3 c) {
        for (const glm::vec3& p : {a, b}) data.insert(data.end(), {p.x, p.y, p.z, c.x, c.y, c.z});
    };
    constexpr int kHalf = 10;
    const glm::vec3 axisX{0.75f, 0.25f, 0.2f}, axisZ{0.2f, 0.35f, 0.75f};
    for (int i = -kHalf; i <= kHalf; ++i) {
        const float f = static_cast<float>(i), h = static_cast<float>(kHalf);
        line({f, 0.0f, -h}, {f, 0.0f, h}, i == 0 ? axisZ : kGrid);
        line({-h, 0.0f, f}, {h, 0.0f, f}, i == 0 ? axisX : kGrid);
    }
    vertexCount_ = static_cast<GLsizei>(data.size() / 6);
    vertexArray_ = gl::VertexArray::create();
    vertices_ = gl::Buffer::create();
    glBindVertexArray(vertexArray_.id());
    glBindBuffer(GL_ARRAY_BUFFER, vertices_.id());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(data.size() * sizeof(float)), data.data(), GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, 6 * sizeof(float), nullptr);
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 3, GL_FLOAT, GL_FALSE, 6 * sizeof(float), reinterpret_cast<const void*>(3 * sizeof(float)));
    glBindVertexArray(0);
}

void PlaceholderView::renderView(int, const Pose& pose, const Fov& fov, const EyeTarget& target) {
    glBindFramebuffer(GL_FRAMEBUFFER, target.framebuffer);
    glViewport(0, 0, target.size.x, target.size.y);
    glDisable(GL_SCISSOR_TEST);
    glDisable(GL_BLEND);
    glDisable(GL_FRAMEBUFFER_SRGB);  // the colours above are already sRGB-encoded
    glClearColor(kSky.r, kSky.g, kSky.b, 1.0f);
    glClearDepth(1.0);
    glDepthMask(GL_TRUE);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
    glEnable(GL_DEPTH_TEST);
    glUseProgram(program_.id());
    const glm::mat4 viewProjection = projectionMatrix(fov, 0.05f, 100.0f) * viewMatrix(pose);
    glUniformMatrix4fv(viewProjection_, 1, GL_FALSE, &viewProjection[0][0]);
    glBindVertexArray(vertexArray_.id());
    glDrawArrays(GL_LINES, 0, vertexCount_);
    glBindVertexArray(0);
    glUseProgram(0);
    glDisable(GL_DEPTH_TEST);
}

}  // namespace exhibit::xr
