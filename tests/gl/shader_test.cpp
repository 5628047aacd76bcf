// Compiling and linking GLSL programs, and the errors a broken shader produces.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "renderer/canvas_shaders.hpp"
#include "renderer/shader.hpp"
#include "tests/gl/gl_fixture.hpp"

namespace exhibit {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class ShaderTest : public GlTest {};

constexpr const char* kVertex = R"(#version 330 core
layout(location = 0) in vec2 aPos;
out vec2 vValue;
void main() {
    vValue = aPos;
    gl_Position = vec4(aPos, 0.0, 1.0);
}
)";

constexpr const char* kFragment = R"(#version 330 core
in vec2 vValue;
uniform vec4 uColor;
out vec4 fragColor;
void main() {
    fragColor = uColor * vec4(vValue, 1.0, 1.0);
}
)";

std::string buildError(const gl::ProgramDesc& desc) {
    try {
        gl::buildProgram(desc);
    } catch (const gl::ShaderError& e) {
        return e.what();
    }
    ADD_FAILURE() << "buildProgram(\"" << desc.label << "\") did not throw";
    return {};
}

TEST_F(ShaderTest, ValidProgramLinksAndFindsItsUniforms) {
    const gl::Program program = gl::buildProgram({"good", kVertex, kFragment});
    ASSERT_NE(program.id(), 0u);
    EXPECT_EQ(glIsProgram(program.id()), GL_TRUE);
    GLint linked = GL_FALSE;
    glGetProgramiv(program.id(), GL_LINK_STATUS, &linked);
    EXPECT_EQ(linked, GL_TRUE);
    EXPECT_GE(gl::uniformLocation(program, "uColor"), 0);
    EXPECT_EQ(glGetError(), static_cast<GLenum>(GL_NO_ERROR));
}

TEST_F(ShaderTest, MissingUniformThrowsNamingIt) {
    const gl::Program program = gl::buildProgram({"good", kVertex, kFragment});
    try {
        gl::uniformLocation(program, "uNoSuchThing");
        FAIL() << "expected ShaderError";
    } catch (const gl::ShaderError& e) {
        EXPECT_THAT(e.what(), HasSubstr("\"uNoSuchThing\""));
    }
}

TEST_F(ShaderTest, TheCanvasProgramsBuild) {
    EXPECT_NO_THROW(gl::buildProgram({"shape", shaders::kShapeVertex, shaders::kShapeFragment}));
    EXPECT_NO_THROW(gl::buildProgram({"box", shaders::kBoxVertex, shaders::kBoxFragment}));
    EXPECT_NO_THROW(gl::buildProgram({"glyph", shaders::kGlyphVertex, shaders::kGlyphFragment}));
}

TEST_F(ShaderTest, FragmentSyntaxErrorNamesTheFileAndLine) {
    // Line 6 (counting "#version" as line 1) has an unbalanced parenthesis.
    constexpr const char* broken = R"(#version 330 core
in vec2 vValue;
out vec4 fragColor;
void main() {
    float x = 1.0;
    fragColor = vec4(vValue, x, 1.0;
}
)";
    const std::string message = buildError({"bad", kVertex, broken});
    EXPECT_THAT(message, HasSubstr("shader \"bad.frag\" line 6:")) << message;
    EXPECT_THAT(message, Not(HasSubstr("bad.vert"))) << message;
}

TEST_F(ShaderTest, UndeclaredIdentifierNamesTheFileAndLine) {
    constexpr const char* broken = R"(#version 330 core
in vec2 vValue;
out vec4 fragColor;
void main() {
    fragColor = colr;
}
)";
    const std::string message = buildError({"bad", kVertex, broken});
    EXPECT_THAT(message, HasSubstr("shader \"bad.frag\" line 5:")) << message;
    EXPECT_THAT(message, HasSubstr("colr")) << message;
}

TEST_F(ShaderTest, VertexErrorNamesTheVertexSource) {
    constexpr const char* broken = R"(#version 330 core
layout(location = 0) in vec2 aPos;
void main() {
    gl_Position = vec4(aPos, 0.0);
}
)";
    const std::string message = buildError({"wrongsize", broken, kFragment});
    EXPECT_THAT(message, HasSubstr("shader \"wrongsize.vert\" line 4:")) << message;
}

TEST_F(ShaderTest, VaryingTypeMismatchIsALinkErrorNamingTheProgram) {
    // Each stage compiles on its own; only linking finds that vValue is vec2 out, vec3 in.
    constexpr const char* fragment = R"(#version 330 core
in vec3 vValue;
out vec4 fragColor;
void main() {
    fragColor = vec4(vValue, 1.0);
}
)";
    const std::string message = buildError({"mismatch", kVertex, fragment});
    EXPECT_THAT(message, HasSubstr("shader \"mismatch (link)\"")) << message;
    EXPECT_THAT(message, Not(HasSubstr("mismatch.frag"))) << message;
}

TEST_F(ShaderTest, MissingMainIsALinkErrorNamingTheProgram) {
    constexpr const char* fragment = R"(#version 330 core
out vec4 fragColor;
vec4 shade() { return vec4(1.0); }
)";
    const std::string message = buildError({"nomain", kVertex, fragment});
    EXPECT_THAT(message, HasSubstr("shader \"nomain (link)\"")) << message;
}

}  // namespace
}  // namespace exhibit
