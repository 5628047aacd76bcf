#include "renderer/shader.hpp"

#include <regex>
#include <sstream>
#include <vector>

namespace exhibit::gl {
namespace {

std::string infoLog(GLuint object, bool isProgram) {
    GLint length = 0;
    if (isProgram)
        glGetProgramiv(object, GL_INFO_LOG_LENGTH, &length);
    else
        glGetShaderiv(object, GL_INFO_LOG_LENGTH, &length);
    std::vector<char> text(static_cast<std::size_t>(length > 0 ? length : 1), '\0');
    if (isProgram)
        glGetProgramInfoLog(object, length, nullptr, text.data());
    else
        glGetShaderInfoLog(object, length, nullptr, text.data());
    return std::string(text.data());
}

Shader compile(GLenum stage, std::string_view name, std::string_view source) {
    Shader shader(glCreateShader(stage));
    const char* text = source.data();
    GLint length = static_cast<GLint>(source.size());
    glShaderSource(shader.id(), 1, &text, &length);
    glCompileShader(shader.id());
    GLint ok = GL_FALSE;
    glGetShaderiv(shader.id(), GL_COMPILE_STATUS, &ok);
    if (ok != GL_TRUE) throw ShaderError(formatShaderLog(name, infoLog(shader.id(), false)));
    return shader;
}

}  // namespace

std::string formatShaderLog(std::string_view name, std::string_view log) {
    static const std::regex lineForms[] = {
        std::regex(R"(^\s*\d+:(\d+)\(\d+\):\s*(.*)$)"),          // Mesa: 0:12(5): error: ...
        std::regex(R"(^\s*\d+\((\d+)\)\s*:\s*(.*)$)"),           // NVIDIA: 0(12) : error C0000: ...
        std::regex(R"(^\s*(?:ERROR|WARNING):\s*\d+:(\d+):\s*(.*)$)"),  // AMD/Intel: ERROR: 0:12: ...
    };
    std::ostringstream out;
    std::istringstream lines{std::string(log)};
    std::string line;
    bool first = true;
    while (std::getline(lines, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        if (!first) out << '\n';
        first = false;
        std::smatch match;
        bool matched = false;
        for (const auto& form : lineForms) {
            if (std::regex_match(line, match, form)) {
                out << "shader \"" << name << "\" line " << match[1].str() << ": " << match[2].str();
                matched = true;
                break;
            }
        }
        if (!matched) out << "shader \"" << name << "\": " << line;
    }
    if (first) out << "shader \"" << name << "\": failed without a log";
    return out.str();
}

Program buildProgram(const ProgramDesc& desc) {
    std::string label(desc.label);
    Shader vertex = compile(GL_VERTEX_SHADER, label + ".vert", desc.vertexSource);
    Shader fragment = compile(GL_FRAGMENT_SHADER, label + ".frag", desc.fragmentSource);
    Program program(glCreateProgram());
    glAttachShader(program.id(), vertex.id());
    glAttachShader(program.id(), fragment.id());
    glLinkProgram(program.id());
    glDetachShader(program.id(), vertex.id());
    glDetachShader(program.id(), fragment.id());
    GLint ok = GL_FALSE;
    glGetProgramiv(program.id(), GL_LINK_STATUS, &ok);
    if (ok != GL_TRUE) throw ShaderError(formatShaderLog(label + " (link)", infoLog(program.id(), true)));
    if (GLAD_GL_KHR_debug) glObjectLabel(GL_PROGRAM, program.id(), static_cast<GLsizei>(label.size()), label.c_str());
    return program;
}

GLint uniformLocation(const Program& program, const char* name) {
    GLint location = glGetUniformLocation(program.id(), name);
    if (location < 0) throw ShaderError(std::string("program has no active uniform \"") + name + "\"");
    return location;
}

}  // namespace exhibit::gl
