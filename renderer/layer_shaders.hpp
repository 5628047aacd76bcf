// GLSL 330 core sources of the animated layers (ripples, flylines). The animation is computed here
// from a time uniform and per-instance data uploaded once, so a frame costs the CPU a few uniforms
// and one draw call per layer. All output is premultiplied alpha, anti-aliased analytically like
// the shape shaders: coverage = clamp(distance to the edge + 0.5 px).
#pragma once

#include "renderer/glsl_common.hpp"

namespace exhibit::shaders {

// One quad per RipplePoint (4-vertex strip, instanced).
inline constexpr const char* kRippleVertex = "#version 330 core\n" EXHIBIT_GLSL_PIXEL_TO_CLIP EXHIBIT_GLSL_CULLED R"(
layout(location = 0) in vec3 aPoint;  // centre px, radius px
layout(location = 1) in vec4 aColor;
layout(location = 2) in float aPhase;
out vec2 vLocal;
flat out float vRadius;
flat out vec4 vColor;
flat out float vPhase;
void main() {
    if (aColor.a <= 0.0 || aPoint.z <= 0.0) {
        gl_Position = kCulled;
        return;
    }
    vec2 corner = vec2(float(gl_VertexID & 1), float((gl_VertexID >> 1) & 1)) * 2.0 - 1.0;
    vec2 local = corner * (aPoint.z + 1.0);
    gl_Position = toClip(aPoint.xy + local);
    vLocal = local;
    vRadius = aPoint.z;
    vColor = aColor;
    vPhase = aPhase;
}
)";

inline constexpr const char* kRippleFragment = R"(#version 330 core
in vec2 vLocal;
flat in float vRadius;
flat in vec4 vColor;
flat in float vPhase;
uniform float uCycle;      // 0..1: the CPU wraps the clock by the period before it becomes a float
uniform int uRings;
uniform float uRingWidth;  // px
uniform float uCoreScale;
uniform float uOpacity;
out vec4 fragColor;
void main() {
    float dist = length(vLocal);
    float core = vRadius * uCoreScale;
    float alpha = clamp(core - dist + 0.5, 0.0, 1.0);
    float halo = clamp(1.0 - (dist - core) / max(min(core, vRadius - core), 1e-3), 0.0, 1.0);
    alpha = max(alpha, 0.5 * halo * halo);
    // Ring centres run from the core's edge to where the ring's outer edge touches the radius.
    float halfWidth = uRingWidth * 0.5;
    float outer = max(vRadius - halfWidth, core);
    for (int k = 0; k < uRings; ++k) {
        float s = fract(uCycle + vPhase + float(k) / float(uRings));
        float r = mix(core, outer, s);
        float coverage = clamp(halfWidth - abs(dist - r) + 0.5, 0.0, 1.0) * min(1.0, uRingWidth);
        float fade = 1.0 - s;
        alpha = max(alpha, coverage * fade * fade);
    }
    alpha *= vColor.a * uOpacity;
    fragColor = vec4(vColor.rgb * alpha, alpha);
}
)";

// One instance per Flyline: a triangle strip of 2 * (uSegments + 1) vertices along the Bezier,
// extruded across its tangent, then two degenerate vertices that jump to a 4-vertex quad for the
// head, all in one strip of 2 * uSegments + 8 vertices. Times are seconds relative to the set's
// upload base, small enough for floats.
inline constexpr const char* kFlylineVertex = "#version 330 core\n" EXHIBIT_GLSL_PIXEL_TO_CLIP EXHIBIT_GLSL_CULLED R"(
layout(location = 0) in vec4 aFromControl;
layout(location = 1) in vec4 aToWidthStart;  // to px, width px, start s
layout(location = 2) in float aDuration;
layout(location = 3) in vec4 aColor;
uniform float uTime;
uniform int uSegments;
uniform float uFadeSeconds;
uniform float uHeadRadius;
out vec2 vEdge;  // arc: signed px across the centre line, half width; head: px from its centre
out float vT;    // Bezier parameter
flat out float vHead;
flat out float vProgress;
flat out float vFade;
flat out vec4 vColor;
vec2 bezier(float t) {
    float u = 1.0 - t;
    return aFromControl.xy * (u * u) + aFromControl.zw * (2.0 * u * t) + aToWidthStart.xy * (t * t);
}
void main() {
    float elapsed = uTime - aToWidthStart.w;
    float duration = max(aDuration, 1e-4);
    float fade = 1.0 - max(elapsed - duration, 0.0) / max(uFadeSeconds, 1e-4);
    if (elapsed < 0.0 || fade <= 0.0 || aColor.a <= 0.0) {
        gl_Position = kCulled;
        return;
    }
    float progress = min(elapsed / duration, 1.0);
    int arcVertices = 2 * (uSegments + 1);
    int id = gl_VertexID;
    if (id <= arcVertices) {
        id = min(id, arcVertices - 1);
        float t = float(id >> 1) / float(uSegments);
        vec2 from = aFromControl.xy, control = aFromControl.zw, to = aToWidthStart.xy;
        vec2 tangent = (control - from) * (1.0 - t) + (to - control) * t;
        if (dot(tangent, tangent) < 1e-8) tangent = to - from;
        if (dot(tangent, tangent) < 1e-8) tangent = vec2(1.0, 0.0);
        vec2 normal = normalize(vec2(-tangent.y, tangent.x));
        float halfWidth = aToWidthStart.z * 0.5;
        float across = ((id & 1) == 0 ? -1.0 : 1.0) * (halfWidth + 1.0);
        gl_Position = toClip(bezier(t) + normal * across);
        vEdge = vec2(across, halfWidth);
        vT = t;
        vHead = 0.0;
    } else {
        if (uHeadRadius <= 0.0) {
            gl_Position = kCulled;
            return;
        }
        int corner = max(id - arcVertices - 2, 0);
        vec2 offset = (vec2(float(corner & 1), float((corner >> 1) & 1)) * 2.0 - 1.0) * (uHeadRadius * 2.5 + 1.0);
        gl_Position = toClip(bezier(progress) + offset);
        vEdge = offset;
        vT = progress;
        vHead = 1.0;
    }
    vProgress = progress;
    vFade = fade;
    vColor = aColor;
}
)";

inline constexpr const char* kFlylineFragment = R"(#version 330 core
in vec2 vEdge;
in float vT;
flat in float vHead;
flat in float vProgress;
flat in float vFade;
flat in vec4 vColor;
uniform float uTrail;      // fraction of the arc (Bezier parameter) behind the head
uniform float uBaseAlpha;  // the faint full arc
uniform float uHeadRadius;
out vec4 fragColor;
void main() {
    vec3 rgb = vColor.rgb;
    float alpha;
    if (vHead > 0.5) {
        float dist = length(vEdge);
        float core = clamp(uHeadRadius - dist + 0.5, 0.0, 1.0);
        float halo = clamp(1.0 - (dist - uHeadRadius) / max(uHeadRadius * 1.5, 1e-3), 0.0, 1.0);
        alpha = max(core, 0.6 * halo * halo);
        rgb = mix(rgb, vec3(1.0), 0.5 * core);  // a whiter, brighter core
    } else {
        float halfWidth = vEdge.y;
        float coverage = clamp(halfWidth - abs(vEdge.x) + 0.5, 0.0, 1.0) * min(1.0, halfWidth * 2.0);
        float behind = vProgress - vT;
        float trail = behind >= 0.0 && behind <= uTrail ? 1.0 - behind / max(uTrail, 1e-4) : 0.0;
        alpha = coverage * max(uBaseAlpha, trail);
    }
    alpha *= vColor.a * vFade;
    fragColor = vec4(rgb * alpha, alpha);
}
)";

}  // namespace exhibit::shaders
