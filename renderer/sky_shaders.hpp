// GLSL 330 core sources of the sky and the ground (renderer/sky_ground.hpp). The sky is one
// full-screen triangle whose fragments look up a gradient (horizon -> zenith, a haze below the
// horizon) and a sun disc by view direction; the ground is a square around a centre whose
// fragments draw a disc with faint 1 m grid lines, lit like a glTF surface facing up, fading out to
// transparent at its rim.
#pragma once

#include "renderer/glsl_tonemap.hpp"

namespace exhibit::shaders {

inline constexpr const char* kSkyVertex = R"(#version 330 core
out vec2 vNdc;
void main() {
    vec2 p = vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2)) * 2.0 - 1.0;  // covers the screen
    vNdc = p;
    gl_Position = vec4(p, 1.0, 1.0);
}
)";

inline constexpr const char* kSkyFragment = "#version 330 core\n" EXHIBIT_GLSL_TONEMAP R"(
in vec2 vNdc;
uniform mat4 uInverseViewProjection;
uniform vec3 uCameraPos;
uniform vec3 uZenith;
uniform vec3 uHorizon;
uniform vec3 uBelow;
uniform vec3 uSunDirection;
uniform vec3 uSunColor;
out vec4 fragColor;
void main() {
    vec4 far = uInverseViewProjection * vec4(vNdc, 1.0, 1.0);
    vec3 dir = normalize(far.xyz / far.w - uCameraPos);
    vec3 c = dir.y >= 0.0 ? mix(uHorizon, uZenith, pow(dir.y, 0.6)) : mix(uHorizon, uBelow, pow(-dir.y, 0.4));
    float s = dot(dir, uSunDirection);
    c += uSunColor * (smoothstep(0.9995, 0.9998, s) * 4.0 + pow(max(s, 0.0), 64.0) * 0.15);
    fragColor = vec4(toOutput(c), 1.0);
}
)";

inline constexpr const char* kGroundVertex = R"(#version 330 core
uniform mat4 uViewProjection;
uniform vec3 uCentre;
uniform float uRadius;
out vec3 vWorldPos;
void main() {
    vec2 corner = vec2(float(gl_VertexID & 1), float((gl_VertexID >> 1) & 1)) * 2.0 - 1.0;
    vWorldPos = uCentre + vec3(corner.x, 0.0, corner.y) * uRadius;
    gl_Position = uViewProjection * vec4(vWorldPos, 1.0);
}
)";

inline constexpr const char* kGroundFragment = "#version 330 core\n" EXHIBIT_GLSL_TONEMAP R"(
in vec3 vWorldPos;
uniform vec3 uCentre;
uniform float uRadius;
uniform vec3 uColor;
uniform vec3 uLineColor;
uniform vec3 uSunDirection;
uniform vec3 uSunColor;
uniform vec3 uSkyColor;
out vec4 fragColor;
void main() {
    float r = length(vWorldPos.xz - uCentre.xz) / uRadius;
    float alpha = 1.0 - smoothstep(0.55, 1.0, r);
    if (alpha <= 0.004) discard;
    // Grid lines 1 m apart, anti-aliased by screen-space derivatives and faded with distance.
    vec2 g = abs(fract(vWorldPos.xz + 0.5) - 0.5) / fwidth(vWorldPos.xz);
    float line = (1.0 - min(min(g.x, g.y), 1.0)) * (1.0 - smoothstep(0.1, 0.5, r));
    vec3 albedo = mix(uColor, uLineColor, line * 0.6);
    vec3 c = albedo / 3.14159265 * uSunColor * max(uSunDirection.y, 0.0) + albedo * uSkyColor;
    fragColor = vec4(toOutput(c), alpha);
}
)";

}  // namespace exhibit::shaders
