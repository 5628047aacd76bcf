// GLSL snippets shared by the renderer's shader sources, as string-literal macros so they paste
// into the sources at compile time. Only renderer/*_shaders.hpp include this.
#pragma once

// Converts canvas pixel coordinates (origin top-left) to clip space through the view's affine map
// (renderer/canvas_view.hpp: a whole canvas, or one wall output's part of it, maybe turned).
#define EXHIBIT_GLSL_PIXEL_TO_CLIP                                                   \
    "uniform vec3 uClipX;\n"                                                         \
    "uniform vec3 uClipY;\n"                                                         \
    "vec4 toClip(vec2 p) { return vec4(dot(uClipX, vec3(p, 1.0)), dot(uClipY, vec3(p, 1.0)), 0.0, 1.0); }\n"

// A clip-space position outside the view: every vertex of an instance sent there makes the
// instance zero-area, so it costs no fragments (how the layer shaders skip invisible instances).
#define EXHIBIT_GLSL_CULLED "const vec4 kCulled = vec4(-2.0, -2.0, 0.0, 1.0);\n"
