// Compiles and links GLSL 330 core programs from source strings, each with a name that every error
// carries. A compile error reads
//   shader "shape.frag" line 12: 'colr' : undeclared identifier
// with the line number relative to the source as given. Errors throw ShaderError; shaders are
// part of the binary, so a failure is a programmer error surfaced at start-up, not content.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include "renderer/gl_object.hpp"

namespace exhibit::gl {

class ShaderError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct ProgramDesc {
    std::string_view label;  // e.g. "shape"; sources are reported as "<label>.vert" / "<label>.frag"
    std::string_view vertexSource;
    std::string_view fragmentSource;
};

Program buildProgram(const ProgramDesc& desc);

// Rewrites a driver's info log so each line starts with `shader "<name>" line N:`; understands the
// Mesa ("0:12(5): error: ...") and NVIDIA/AMD ("0(12) : error ..." / "ERROR: 0:12: ...") forms.
std::string formatShaderLog(std::string_view name, std::string_view log);

GLint uniformLocation(const Program& program, const char* name);

}  // namespace exhibit::gl
