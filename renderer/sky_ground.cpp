// SkyGround: the sky as one full-screen triangle without depth, then the ground as a 4-vertex strip
// with depth and alpha blending.
#include "renderer/sky_ground.hpp"

#include <glm/gtc/type_ptr.hpp>
#include <glm/matrix.hpp>

#include "renderer/gl_state_guard.hpp"
#include "renderer/shader.hpp"
#include "renderer/sky_shaders.hpp"

namespace exhibit {

SkyGround::SkyGround()
    : sky_(gl::buildProgram({"sky", shaders::kSkyVertex, shaders::kSkyFragment})),
      ground_(gl::buildProgram({"ground", shaders::kGroundVertex, shaders::kGroundFragment})),
      empty_(gl::VertexArray::create()) {
    auto s = [&](const char* name) { return gl::uniformLocation(sky_, name); };
    auto g = [&](const char* name) { return gl::uniformLocation(ground_, name); };
    skyInverse_ = s("uInverseViewProjection");
    skyCamera_ = s("uCameraPos");
    skyZenith_ = s("uZenith");
    skyHorizon_ = s("uHorizon");
    skyBelow_ = s("uBelow");
    skySun_ = s("uSunDirection");
    skySunColor_ = s("uSunColor");
    skyExposure_ = s("uExposure");
    skyEncode_ = s("uEncodeSrgb");
    groundViewProjection_ = g("uViewProjection");
    groundCentre_ = g("uCentre");
    groundRadius_ = g("uRadius");
    groundColor_ = g("uColor");
    groundLine_ = g("uLineColor");
    groundSun_ = g("uSunDirection");
    groundSunColor_ = g("uSunColor");
    groundSky_ = g("uSkyColor");
    groundExposure_ = g("uExposure");
    groundEncode_ = g("uEncodeSrgb");
}

void SkyGround::draw(const Camera3d& camera, const Lighting3d& lighting, const SkyStyle& style, OutputEncoding output) {
    gl::StateGuard guard;
    const glm::mat4 viewProjection = camera.viewProjection();
    const glm::vec3 eye = camera.position();
    const glm::vec3 sun = glm::normalize(lighting.sunDirection);
    const int encode = output == OutputEncoding::EncodeSrgb ? 1 : 0;
    if (output == OutputEncoding::SrgbFramebuffer) glEnable(GL_FRAMEBUFFER_SRGB);
    else glDisable(GL_FRAMEBUFFER_SRGB);
    glBindVertexArray(empty_.id());
    glDisable(GL_CULL_FACE);
    glDisable(GL_BLEND);
    glDisable(GL_DEPTH_TEST);
    glDepthMask(GL_FALSE);

    glUseProgram(sky_.id());
    const glm::mat4 inverse = glm::inverse(viewProjection);
    glUniformMatrix4fv(skyInverse_, 1, GL_FALSE, glm::value_ptr(inverse));
    glUniform3fv(skyCamera_, 1, glm::value_ptr(eye));
    glUniform3fv(skyZenith_, 1, glm::value_ptr(style.zenith));
    glUniform3fv(skyHorizon_, 1, glm::value_ptr(style.horizon));
    glUniform3fv(skyBelow_, 1, glm::value_ptr(style.below));
    glUniform3fv(skySun_, 1, glm::value_ptr(sun));
    glUniform3fv(skySunColor_, 1, glm::value_ptr(lighting.sunColor));
    glUniform1f(skyExposure_, lighting.exposure);
    glUniform1i(skyEncode_, encode);
    glDrawArrays(GL_TRIANGLES, 0, 3);

    if (!style.ground) return;
    glUseProgram(ground_.id());
    glEnable(GL_DEPTH_TEST);
    glDepthFunc(GL_LEQUAL);
    glDepthMask(GL_TRUE);
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glUniformMatrix4fv(groundViewProjection_, 1, GL_FALSE, glm::value_ptr(viewProjection));
    glUniform3fv(groundCentre_, 1, glm::value_ptr(style.groundCentre));
    glUniform1f(groundRadius_, style.groundRadius);
    glUniform3fv(groundColor_, 1, glm::value_ptr(style.groundColor));
    glUniform3fv(groundLine_, 1, glm::value_ptr(style.groundLineColor));
    glUniform3fv(groundSun_, 1, glm::value_ptr(sun));
    glUniform3fv(groundSunColor_, 1, glm::value_ptr(lighting.sunColor));
    glUniform3fv(groundSky_, 1, glm::value_ptr(lighting.skyColor));
    glUniform1f(groundExposure_, lighting.exposure);
    glUniform1i(groundEncode_, encode);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
}

}  // namespace exhibit
