// The pair of uniforms (uClipX, uClipY) through which every 2D program maps canvas px to clip
// space (renderer/glsl_common.hpp). Renderer-internal.
#pragma once

#include "renderer/canvas_view.hpp"
#include "renderer/shader.hpp"

namespace exhibit {

struct ClipUniform {
    GLint x = -1, y = -1;
    static ClipUniform of(const gl::Program& program) {
        return {gl::uniformLocation(program, "uClipX"), gl::uniformLocation(program, "uClipY")};
    }
    // The program must be in use.
    void set(const ClipTransform& t) const {
        glUniform3f(x, t.x.x, t.x.y, t.x.z);
        glUniform3f(y, t.y.x, t.y.y, t.y.z);
    }
};

}  // namespace exhibit
