#include "renderer/tessellator.hpp"

#include <GL/glu.h>

#include <cmath>
#include <deque>

namespace exhibit {
namespace {

struct TessState {
    std::vector<glm::vec2>* out;
    std::deque<GLdouble[3]> vertices;  // stable addresses for GLU
    bool failed = false;
};

void onBegin(GLenum, void*) {}
void onEdgeFlag(GLboolean, void*) {}  // registering it makes GLU emit GL_TRIANGLES only
void onVertex(void* vertex, void* data) {
    auto* state = static_cast<TessState*>(data);
    const auto* v = static_cast<const GLdouble*>(vertex);
    state->out->push_back({static_cast<float>(v[0]), static_cast<float>(v[1])});
}
void onEnd(void*) {}
void onCombine(GLdouble coords[3], void*[4], GLfloat[4], void** result, void* data) {
    auto* state = static_cast<TessState*>(data);
    auto& v = state->vertices.emplace_back();
    v[0] = coords[0];
    v[1] = coords[1];
    v[2] = 0;
    *result = v;
}
void onError(GLenum, void* data) { static_cast<TessState*>(data)->failed = true; }

using Callback = void (*)();
template <typename F>
Callback callback(F f) {
    return reinterpret_cast<Callback>(f);
}

}  // namespace

bool tessellatePolygon(std::span<const std::vector<glm::vec2>> rings, std::vector<glm::vec2>& out) {
    GLUtesselator* tess = gluNewTess();
    if (!tess) return false;
    const std::size_t before = out.size();
    TessState state{&out, {}, false};
    gluTessCallback(tess, GLU_TESS_BEGIN_DATA, callback(onBegin));
    gluTessCallback(tess, GLU_TESS_EDGE_FLAG_DATA, callback(onEdgeFlag));
    gluTessCallback(tess, GLU_TESS_VERTEX_DATA, callback(onVertex));
    gluTessCallback(tess, GLU_TESS_END_DATA, callback(onEnd));
    gluTessCallback(tess, GLU_TESS_COMBINE_DATA, callback(onCombine));
    gluTessCallback(tess, GLU_TESS_ERROR_DATA, callback(onError));
    gluTessProperty(tess, GLU_TESS_WINDING_RULE, GLU_TESS_WINDING_ODD);
    gluTessNormal(tess, 0, 0, 1);
    gluTessBeginPolygon(tess, &state);
    for (const auto& ring : rings) {
        if (ring.size() < 3) continue;
        gluTessBeginContour(tess);
        for (const auto& p : ring) {
            if (!std::isfinite(p.x) || !std::isfinite(p.y)) continue;
            auto& v = state.vertices.emplace_back();
            v[0] = p.x;
            v[1] = p.y;
            v[2] = 0;
            gluTessVertex(tess, v, v);
        }
        gluTessEndContour(tess);
    }
    gluTessEndPolygon(tess);
    gluDeleteTess(tess);
    if (state.failed) out.resize(before);
    out.resize(before + (out.size() - before) / 3 * 3);
    return !state.failed;
}

}  // namespace exhibit
