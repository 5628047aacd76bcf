#include "renderer/gl.hpp"

#include <spdlog/spdlog.h>

#include "core/error.hpp"

namespace exhibit::gl {

void loadFunctions(ProcLoader loader) {
    int version = gladLoadGL(loader);
    if (version == 0) throw StartupError("OpenGL: could not load GL functions from the context");
    if (GLAD_VERSION_MAJOR(version) * 10 + GLAD_VERSION_MINOR(version) < 33)
        throw StartupError("OpenGL 3.3 core is required, the context offers " +
                           std::to_string(GLAD_VERSION_MAJOR(version)) + "." +
                           std::to_string(GLAD_VERSION_MINOR(version)));
}

namespace {

void GLAD_API_PTR onDebugMessage(GLenum, GLenum type, GLuint id, GLenum severity, GLsizei, const GLchar* message,
                                 const void*) {
    if (severity == GL_DEBUG_SEVERITY_NOTIFICATION) return;
    if (type == GL_DEBUG_TYPE_ERROR)
        spdlog::error("[gl.debug] GL error {}: {}", id, message);
    else
        spdlog::warn("[gl.debug] GL {}: {}", id, message);
}

}  // namespace

void enableDebugOutput() {
    if (!GLAD_GL_KHR_debug) return;
    glEnable(GL_DEBUG_OUTPUT);
    glEnable(GL_DEBUG_OUTPUT_SYNCHRONOUS);
    glDebugMessageCallback(onDebugMessage, nullptr);
}

std::string describeContext() {
    auto str = [](GLenum name) {
        const auto* s = reinterpret_cast<const char*>(glGetString(name));
        return std::string(s ? s : "?");
    };
    return "OpenGL " + str(GL_VERSION) + ", " + str(GL_RENDERER);
}

}  // namespace exhibit::gl
