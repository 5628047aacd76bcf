// GLSL 330 core sources of the canvas back end. All output is premultiplied alpha.
#pragma once

#include "renderer/glsl_common.hpp"

namespace exhibit::shaders {

// An external layer's texture (premultiplied, row 0 at the bottom) stretched over a rectangle.
inline constexpr const char* kLayerVertex = "#version 330 core\n" EXHIBIT_GLSL_PIXEL_TO_CLIP R"(
uniform vec4 uRect;  // x, y, w, h in canvas px
out vec2 vUv;
void main() {
    vec2 corner = vec2(float(gl_VertexID & 1), float((gl_VertexID >> 1) & 1));
    gl_Position = toClip(uRect.xy + corner * uRect.zw);
    vUv = vec2(corner.x, 1.0 - corner.y);
}
)";

inline constexpr const char* kLayerFragment = R"(#version 330 core
in vec2 vUv;
uniform sampler2D uImage;
uniform float uOpacity;
out vec4 fragColor;
void main() { fragColor = texture(uImage, vUv) * uOpacity; }
)";

inline constexpr const char* kShapeVertex = "#version 330 core\n" EXHIBIT_GLSL_PIXEL_TO_CLIP R"(
layout(location = 0) in vec2 aPos;
layout(location = 1) in vec4 aColor;
layout(location = 2) in vec2 aEdge;
uniform vec2 uOffset;
uniform float uScale;  // meshes: drawn at aPos * uScale + uOffset (a map moving between rebuilds)
uniform vec4 uTint;  // straight alpha, multiplies the vertex colour
out vec4 vColor;
out vec2 vEdge;
void main() {
    gl_Position = toClip(aPos * uScale + uOffset);
    vColor = aColor * uTint;
    vEdge = aEdge * uScale;
}
)";

inline constexpr const char* kShapeFragment = R"(#version 330 core
in vec4 vColor;
in vec2 vEdge;
uniform float uOpacity;
out vec4 fragColor;
void main() {
    float halfWidth = vEdge.y;
    float coverage;
    if (halfWidth < 0.0) {  // soft stroke (glow): fades from the centre line to the edge
        float t = clamp(1.0 - abs(vEdge.x) / -halfWidth, 0.0, 1.0);
        coverage = t * t;
    } else {
        // Strokes thinner than a pixel fade instead of aliasing: coverage is capped by their width.
        coverage = clamp(halfWidth - abs(vEdge.x) + 0.5, 0.0, 1.0) * min(1.0, halfWidth * 2.0);
    }
    float alpha = vColor.a * coverage * uOpacity;
    fragColor = vec4(vColor.rgb * alpha, alpha);
}
)";

inline constexpr const char* kBoxVertex = "#version 330 core\n" EXHIBIT_GLSL_PIXEL_TO_CLIP R"(
layout(location = 0) in vec4 aBox;     // centre, half size
layout(location = 1) in vec4 aParams;  // radius, stroke, softness, gradient
layout(location = 2) in vec4 aColorA;
layout(location = 3) in vec4 aColorB;
out vec2 vLocal;
flat out vec4 vBox;
flat out vec4 vParams;
flat out vec4 vColorA;
flat out vec4 vColorB;
void main() {
    vec2 corner = vec2(float(gl_VertexID & 1), float((gl_VertexID >> 1) & 1)) * 2.0 - 1.0;
    float margin = max(aParams.z, 1.0) + 1.0;
    vec2 local = corner * (aBox.zw + margin);
    gl_Position = toClip(aBox.xy + local);
    vLocal = local;
    vBox = aBox;
    vParams = aParams;
    vColorA = aColorA;
    vColorB = aColorB;
}
)";

inline constexpr const char* kBoxFragment = R"(#version 330 core
in vec2 vLocal;
flat in vec4 vBox;
flat in vec4 vParams;
flat in vec4 vColorA;
flat in vec4 vColorB;
uniform float uOpacity;
out vec4 fragColor;
float roundedBox(vec2 p, vec2 halfSize, float r) {
    vec2 q = abs(p) - halfSize + r;
    return length(max(q, 0.0)) + min(max(q.x, q.y), 0.0) - r;
}
void main() {
    vec2 halfSize = vBox.zw;
    float radius = min(vParams.x, min(halfSize.x, halfSize.y));
    float d = roundedBox(vLocal, halfSize, radius);
    if (vParams.y > 0.0) d = abs(d + vParams.y * 0.5) - vParams.y * 0.5;
    float coverage = clamp(0.5 - d / max(vParams.z, 1.0), 0.0, 1.0);
    int gradient = int(vParams.w + 0.5);
    float t = 0.0;
    if (gradient == 1) t = vLocal.y / max(halfSize.y, 1e-3) * 0.5 + 0.5;
    else if (gradient == 2) t = vLocal.x / max(halfSize.x, 1e-3) * 0.5 + 0.5;
    else if (gradient == 3) t = length(vLocal / max(halfSize, vec2(1e-3)));
    vec4 color = mix(vColorA, vColorB, clamp(t, 0.0, 1.0));
    float alpha = color.a * coverage * uOpacity;
    fragColor = vec4(color.rgb * alpha, alpha);
}
)";

inline constexpr const char* kGlyphVertex = "#version 330 core\n" EXHIBIT_GLSL_PIXEL_TO_CLIP R"(
layout(location = 0) in vec4 aRect;    // x0, y0, x1, y1 px
layout(location = 1) in vec4 aUv;      // u0, v0, u1, v1
layout(location = 2) in vec4 aColor;
layout(location = 3) in vec4 aOutline;
layout(location = 4) in vec4 aParams;  // px per unit of SDF value, outline width px, softness px
out vec2 vUv;
flat out vec4 vColor;
flat out vec4 vOutline;
flat out vec4 vParams;
void main() {
    vec2 corner = vec2(float(gl_VertexID & 1), float((gl_VertexID >> 1) & 1));
    gl_Position = toClip(mix(aRect.xy, aRect.zw, corner));
    vUv = mix(aUv.xy, aUv.zw, corner);
    vColor = aColor;
    vOutline = aOutline;
    vParams = aParams;
}
)";

inline constexpr const char* kGlyphFragment = R"(#version 330 core
in vec2 vUv;
flat in vec4 vColor;
flat in vec4 vOutline;
flat in vec4 vParams;
uniform sampler2D uAtlas;
uniform float uInsideSign;  // +1 when the atlas stores inside as values above 0.5
uniform float uOpacity;
out vec4 fragColor;
void main() {
    float value = texture(uAtlas, vUv).r;
    float d = (value - 0.5) * uInsideSign * vParams.x;  // px from the glyph edge, positive inside
    float w = max(vParams.z, 1.0);
    float fill = clamp(d / w + 0.5, 0.0, 1.0);
    float outer = clamp((d + vParams.y) / w + 0.5, 0.0, 1.0);
    vec4 fillColor = vec4(vColor.rgb * vColor.a, vColor.a);
    vec4 outlineColor = vec4(vOutline.rgb * vOutline.a, vOutline.a);
    fragColor = (fillColor * fill + outlineColor * max(outer - fill, 0.0)) * uOpacity;
}
)";

}  // namespace exhibit::shaders
