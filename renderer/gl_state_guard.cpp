// StateGuard: glGet on construction, the matching setters on destruction.
#include "renderer/gl_state_guard.hpp"

namespace exhibit::gl {
namespace {

void setEnabled(GLenum cap, GLboolean on) {
    if (on) glEnable(cap);
    else glDisable(cap);
}

}  // namespace

StateGuard::StateGuard() {
    glGetIntegerv(GL_CURRENT_PROGRAM, &program_);
    glGetIntegerv(GL_VERTEX_ARRAY_BINDING, &vertexArray_);
    glGetIntegerv(GL_ARRAY_BUFFER_BINDING, &arrayBuffer_);
    glGetIntegerv(GL_ACTIVE_TEXTURE, &activeTexture_);
    for (int i = 0; i < kTextureUnits; ++i) {
        glActiveTexture(static_cast<GLenum>(GL_TEXTURE0 + i));
        glGetIntegerv(GL_TEXTURE_BINDING_2D, &texture2d_[static_cast<std::size_t>(i)]);
        glGetIntegerv(GL_TEXTURE_BINDING_BUFFER, &textureBuffer_[static_cast<std::size_t>(i)]);
    }
    glActiveTexture(static_cast<GLenum>(activeTexture_));
    blend_ = glIsEnabled(GL_BLEND);
    depthTest_ = glIsEnabled(GL_DEPTH_TEST);
    cull_ = glIsEnabled(GL_CULL_FACE);
    srgb_ = glIsEnabled(GL_FRAMEBUFFER_SRGB);
    alphaToCoverage_ = glIsEnabled(GL_SAMPLE_ALPHA_TO_COVERAGE);
    glGetBooleanv(GL_DEPTH_WRITEMASK, &depthMask_);
    glGetIntegerv(GL_BLEND_SRC_RGB, &blendSrcRgb_);
    glGetIntegerv(GL_BLEND_DST_RGB, &blendDstRgb_);
    glGetIntegerv(GL_BLEND_SRC_ALPHA, &blendSrcAlpha_);
    glGetIntegerv(GL_BLEND_DST_ALPHA, &blendDstAlpha_);
    glGetIntegerv(GL_BLEND_EQUATION_RGB, &blendEqRgb_);
    glGetIntegerv(GL_BLEND_EQUATION_ALPHA, &blendEqAlpha_);
    glGetIntegerv(GL_DEPTH_FUNC, &depthFunc_);
    glGetIntegerv(GL_CULL_FACE_MODE, &cullMode_);
    glGetIntegerv(GL_FRONT_FACE, &frontFace_);
}

StateGuard::~StateGuard() {
    glUseProgram(static_cast<GLuint>(program_));
    glBindVertexArray(static_cast<GLuint>(vertexArray_));
    glBindBuffer(GL_ARRAY_BUFFER, static_cast<GLuint>(arrayBuffer_));
    for (int i = 0; i < kTextureUnits; ++i) {
        glActiveTexture(static_cast<GLenum>(GL_TEXTURE0 + i));
        glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(texture2d_[static_cast<std::size_t>(i)]));
        glBindTexture(GL_TEXTURE_BUFFER, static_cast<GLuint>(textureBuffer_[static_cast<std::size_t>(i)]));
    }
    glActiveTexture(static_cast<GLenum>(activeTexture_));
    setEnabled(GL_BLEND, blend_);
    setEnabled(GL_DEPTH_TEST, depthTest_);
    setEnabled(GL_CULL_FACE, cull_);
    setEnabled(GL_FRAMEBUFFER_SRGB, srgb_);
    setEnabled(GL_SAMPLE_ALPHA_TO_COVERAGE, alphaToCoverage_);
    glDepthMask(depthMask_);
    glBlendFuncSeparate(static_cast<GLenum>(blendSrcRgb_), static_cast<GLenum>(blendDstRgb_),
                        static_cast<GLenum>(blendSrcAlpha_), static_cast<GLenum>(blendDstAlpha_));
    glBlendEquationSeparate(static_cast<GLenum>(blendEqRgb_), static_cast<GLenum>(blendEqAlpha_));
    glDepthFunc(static_cast<GLenum>(depthFunc_));
    glCullFace(static_cast<GLenum>(cullMode_));
    glFrontFace(static_cast<GLenum>(frontFace_));
}

}  // namespace exhibit::gl
