// GLSL snippet shared by the 3D shaders (glTF PBR, sky, ground): exposure, ACES tone mapping
// (Narkowicz's fit) and the output encoding. As a string-literal macro pasted into the sources.
// uEncodeSrgb = 1: the shader writes sRGB-encoded values (a plain RGBA8 target); 0: it writes
// linear values for an sRGB framebuffer (GL_FRAMEBUFFER_SRGB encodes them) or a float target.
#pragma once

#define EXHIBIT_GLSL_TONEMAP                                                              \
    "uniform float uExposure;\n"                                                          \
    "uniform int uEncodeSrgb;\n"                                                          \
    "vec3 acesFilm(vec3 x) {\n"                                                           \
    "    return clamp((x * (2.51 * x + 0.03)) / (x * (2.43 * x + 0.59) + 0.14), 0.0, 1.0);\n" \
    "}\n"                                                                                 \
    "vec3 linearToSrgb(vec3 c) {\n"                                                       \
    "    return mix(c * 12.92, 1.055 * pow(c, vec3(1.0 / 2.4)) - 0.055, step(0.0031308, c));\n" \
    "}\n"                                                                                 \
    "vec3 toOutput(vec3 hdr) {\n"                                                         \
    "    vec3 c = acesFilm(hdr * uExposure);\n"                                           \
    "    return uEncodeSrgb != 0 ? linearToSrgb(c) : c;\n"                                \
    "}\n"
