// GLSL 330 core sources of the glTF renderer (renderer/gltf_renderer.hpp): metallic-roughness PBR
// with normal, occlusion and emissive maps, KHR_texture_transform per texture, skinning (joint
// matrices from a buffer texture) and morph targets (deltas from a buffer texture, weights as
// uniforms) in the vertex shader, per-instance model matrices, one sun plus hemisphere ambient,
// tone mapping. Texture units: 0 base colour, 1 metallic-roughness, 2 normal, 3 occlusion,
// 4 emissive, 5 joint matrices, 6 morph deltas.
#pragma once

#include "renderer/glsl_tonemap.hpp"

namespace exhibit::shaders {

inline constexpr int kGltfMaxMorphTargets = 16;  // weights beyond are ignored (see gltf_renderer.hpp)

inline constexpr const char* kGltfVertex = R"(#version 330 core
layout(location = 0) in vec3 aPosition;
layout(location = 1) in vec3 aNormal;
layout(location = 2) in vec4 aTangent;
layout(location = 3) in vec2 aUv0;
layout(location = 4) in vec2 aUv1;
layout(location = 5) in vec4 aColor;
layout(location = 6) in uvec4 aJoints;
layout(location = 7) in vec4 aWeights;
layout(location = 8) in mat4 aInstance;  // 8..11
uniform mat4 uViewProjection;
uniform mat4 uNode;
uniform int uSkinned;
uniform int uJointBase;
uniform samplerBuffer uJointMatrices;
uniform int uMorphCount;
uniform int uVertexCount;
uniform float uMorphWeights[16];
uniform samplerBuffer uMorphDeltas;  // per target, per vertex: position, normal, tangent
out vec3 vWorldPos;
out vec3 vNormal;
out vec4 vTangent;
out vec2 vUv0;
out vec2 vUv1;
out vec4 vColor;
mat4 jointMatrix(uint j) {
    int b = (uJointBase + int(j)) * 4;
    return mat4(texelFetch(uJointMatrices, b), texelFetch(uJointMatrices, b + 1),
                texelFetch(uJointMatrices, b + 2), texelFetch(uJointMatrices, b + 3));
}
void main() {
    vec3 p = aPosition;
    vec3 n = aNormal;
    vec3 t = aTangent.xyz;
    for (int i = 0; i < uMorphCount; ++i) {
        float w = uMorphWeights[i];
        if (w == 0.0) continue;
        int b = (i * uVertexCount + gl_VertexID) * 3;
        p += w * texelFetch(uMorphDeltas, b).xyz;
        n += w * texelFetch(uMorphDeltas, b + 1).xyz;
        t += w * texelFetch(uMorphDeltas, b + 2).xyz;
    }
    mat4 model = aInstance * uNode;
    if (uSkinned != 0) {
        mat4 skin = aWeights.x * jointMatrix(aJoints.x) + aWeights.y * jointMatrix(aJoints.y) +
                    aWeights.z * jointMatrix(aJoints.z) + aWeights.w * jointMatrix(aJoints.w);
        model = aInstance * skin;  // glTF: the skinned mesh's node transform is ignored
    }
    vec4 world = model * vec4(p, 1.0);
    mat3 m = mat3(model);
    // The cofactor matrix is the inverse transpose times the determinant: exact for non-uniform scale.
    mat3 cof = mat3(cross(m[1], m[2]), cross(m[2], m[0]), cross(m[0], m[1]));
    float det = dot(m[0], cof[0]);
    vWorldPos = world.xyz;
    vNormal = normalize(cof * n) * (det < 0.0 ? -1.0 : 1.0);
    vTangent = vec4(normalize(m * t), aTangent.w);
    vUv0 = aUv0;
    vUv1 = aUv1;
    vColor = aColor;
    gl_Position = uViewProjection * world;
}
)";

inline constexpr const char* kGltfFragment = "#version 330 core\n" EXHIBIT_GLSL_TONEMAP R"(
in vec3 vWorldPos;
in vec3 vNormal;
in vec4 vTangent;
in vec2 vUv0;
in vec2 vUv1;
in vec4 vColor;
uniform sampler2D uTextures[5];   // base colour, metallic-roughness, normal, occlusion, emissive
uniform int uHasTexture[5];
uniform int uUvSet[5];
uniform mat3 uUvTransform[5];
uniform vec4 uBaseColorFactor;
uniform float uMetallic;
uniform float uRoughness;
uniform float uNormalScale;
uniform float uOcclusionStrength;
uniform vec3 uEmissiveFactor;
uniform int uAlphaMode;  // 0 opaque, 1 mask, 2 blend
uniform float uAlphaCutoff;
uniform vec3 uCameraPos;
uniform vec3 uSunDirection;  // towards the sun, unit
uniform vec3 uSunColor;
uniform vec3 uSkyColor;
uniform vec3 uGroundColor;
out vec4 fragColor;
const float PI = 3.14159265;
vec2 uvOf(int i) {
    vec2 uv = uUvSet[i] == 1 ? vUv1 : vUv0;
    return (uUvTransform[i] * vec3(uv, 1.0)).xy;
}
vec3 hemisphere(vec3 d) { return mix(uGroundColor, uSkyColor, clamp(d.y * 0.5 + 0.5, 0.0, 1.0)); }
void main() {
    vec4 base = uBaseColorFactor * vColor;
    if (uHasTexture[0] != 0) base *= texture(uTextures[0], uvOf(0));
    if (uAlphaMode == 1 && base.a < uAlphaCutoff) discard;
    float metallic = uMetallic;
    float roughness = uRoughness;
    if (uHasTexture[1] != 0) {
        vec4 mr = texture(uTextures[1], uvOf(1));
        roughness *= mr.g;
        metallic *= mr.b;
    }
    roughness = clamp(roughness, 0.04, 1.0);
    metallic = clamp(metallic, 0.0, 1.0);
    float side = gl_FrontFacing ? 1.0 : -1.0;  // back faces are only drawn when double-sided
    vec3 n = normalize(vNormal) * side;
    if (uHasTexture[2] != 0) {
        vec3 t = vTangent.xyz - n * dot(n, vTangent.xyz);
        float tl = length(t);
        if (tl > 1e-6) {
            t /= tl;
            vec3 b = cross(n, t) * vTangent.w;
            vec3 s = texture(uTextures[2], uvOf(2)).xyz * 2.0 - 1.0;
            s.xy *= uNormalScale;
            n = normalize(mat3(t, b, n) * s);
        }
    }
    float ao = 1.0;
    if (uHasTexture[3] != 0) ao = 1.0 + uOcclusionStrength * (texture(uTextures[3], uvOf(3)).r - 1.0);
    vec3 emissive = uEmissiveFactor;
    if (uHasTexture[4] != 0) emissive *= texture(uTextures[4], uvOf(4)).rgb;

    vec3 v = normalize(uCameraPos - vWorldPos);
    vec3 l = uSunDirection;
    vec3 h = normalize(v + l);
    float nl = clamp(dot(n, l), 0.0, 1.0);
    float nv = clamp(abs(dot(n, v)), 1e-4, 1.0);
    float nh = clamp(dot(n, h), 0.0, 1.0);
    float vh = clamp(dot(v, h), 0.0, 1.0);
    vec3 f0 = mix(vec3(0.04), base.rgb, metallic);
    vec3 diffuse = base.rgb * (1.0 - metallic);
    float a = roughness * roughness;
    float a2 = a * a;
    float dn = nh * nh * (a2 - 1.0) + 1.0;
    float d = a2 / (PI * dn * dn);
    float vis = 0.5 / max(nl * sqrt(nv * nv * (1.0 - a2) + a2) + nv * sqrt(nl * nl * (1.0 - a2) + a2), 1e-5);
    vec3 f = f0 + (1.0 - f0) * pow(1.0 - vh, 5.0);
    vec3 direct = ((1.0 - f) * diffuse / PI + f * d * vis) * uSunColor * nl;
    // Ambient: the hemisphere light, specular through Karis' analytic environment BRDF.
    vec4 c0 = vec4(-1.0, -0.0275, -0.572, 0.022);
    vec4 c1 = vec4(1.0, 0.0425, 1.04, -0.04);
    vec4 r = roughness * c0 + c1;
    float a004 = min(r.x * r.x, exp2(-9.28 * nv)) * r.x + r.y;
    vec2 ab = vec2(-1.04, 1.04) * a004 + r.zw;
    vec3 specularAmbient = (f0 * ab.x + ab.y) * hemisphere(reflect(-v, n));
    vec3 ambient = (diffuse * hemisphere(n) + specularAmbient) * ao;
    vec3 color = direct + ambient + emissive;
    fragColor = vec4(toOutput(color), uAlphaMode == 2 ? base.a : 1.0);
}
)";

}  // namespace exhibit::shaders
