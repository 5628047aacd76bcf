// formatShaderLog: driver info logs rewritten to `shader "<name>" line N: ...` (no GL needed).
#include "renderer/shader.hpp"

#include <gtest/gtest.h>

namespace exhibit::gl {
namespace {

TEST(ShaderLog, MesaForm) {
    EXPECT_EQ(formatShaderLog("shape.frag", "0:12(5): error: `colr' undeclared\n"),
              "shader \"shape.frag\" line 12: error: `colr' undeclared");
}

TEST(ShaderLog, MesaMultipleLinesAndWarnings) {
    const char* log =
        "0:3(10): warning: unused variable `t'\n"
        "\n"
        "0:7(1): error: syntax error, unexpected '}'\n";
    EXPECT_EQ(formatShaderLog("box.frag", log),
              "shader \"box.frag\" line 3: warning: unused variable `t'\n"
              "shader \"box.frag\" line 7: error: syntax error, unexpected '}'");
}

TEST(ShaderLog, NvidiaForm) {
    EXPECT_EQ(formatShaderLog("glyph.vert", "0(12) : error C1008: undefined variable \"colr\"\n"),
              "shader \"glyph.vert\" line 12: error C1008: undefined variable \"colr\"");
}

TEST(ShaderLog, AmdAndIntelForm) {
    const char* log =
        "ERROR: 0:42: 'colr' : undeclared identifier\n"
        "WARNING: 0:9: 'x' : unused\n"
        "ERROR: 1 compilation errors.  No code generated.\n";
    EXPECT_EQ(formatShaderLog("shape.frag", log),
              "shader \"shape.frag\" line 42: 'colr' : undeclared identifier\n"
              "shader \"shape.frag\" line 9: 'x' : unused\n"
              "shader \"shape.frag\": ERROR: 1 compilation errors.  No code generated.");
}

TEST(ShaderLog, LinesWithoutALineNumberAreStillNamed) {
    EXPECT_EQ(formatShaderLog("shape (link)", "error: vertex shader output `vValue' declared as type `vec2'"),
              "shader \"shape (link)\": error: vertex shader output `vValue' declared as type `vec2'");
}

TEST(ShaderLog, EmptyLogStillSaysWhichShaderFailed) {
    EXPECT_EQ(formatShaderLog("box.vert", ""), "shader \"box.vert\": failed without a log");
    EXPECT_EQ(formatShaderLog("box.vert", "\n  \n"), "shader \"box.vert\": failed without a log");
}

TEST(ShaderLog, WindowsLineEndings) {
    EXPECT_EQ(formatShaderLog("shape.frag", "0:12(5): error: bad\r\n0(3) : error C0000: worse\r\n"),
              "shader \"shape.frag\" line 12: error: bad\n"
              "shader \"shape.frag\" line 3: error C0000: worse");
}

}  // namespace
}  // namespace exhibit::gl
