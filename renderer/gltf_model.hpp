// glTF 2.0 models (.gltf with external or embedded buffers, and .glb) loaded into plain CPU-side
// structs through TinyGLTF (Debian's libtinygltf-dev) and stb_image (libstb-dev): the node
// hierarchy, triangle meshes with every vertex attribute a PBR renderer needs, metallic-roughness
// materials with KHR_texture_transform, textures decoded to RGBA8, skins, morph targets,
// animations and the default scene's world-space bounds. For the VR tour's scenes and props.
//
// Use: GltfModel m = loadGltf("site/house.glb"); then upload m.meshes / m.textures to GL.
// parseGltf(bytes, baseDir, name) is the same from memory (tests, the fuzz target).
//
// After loading, every primitive is an indexed triangle list with 32-bit indices, normals and
// tangents: missing normals become flat normals (the triangles are unwelded first, as the spec
// says); missing tangents are generated per triangle from the TEXCOORD_0 derivatives, summed
// per vertex (so larger triangles weigh more), made orthogonal to the normal (Gram-Schmidt) and
// normalised, w = handedness; where the UVs are degenerate any unit vector orthogonal to the
// normal is used. Triangle strips and fans become lists. Sparse accessors are resolved.
//
// Bad content throws ContentError with one line naming the file and the problem (unreadable or
// truncated file, bad JSON, missing buffer, accessor or index out of range, an unsupported
// required extension, more than the limits allow). A texture that is missing or cannot be decoded
// is not fatal: it is left unloaded (GltfTexture::image empty) and a line goes to `warnings`, so
// the model is shown untextured. Points and lines primitives are skipped with a warning.
//
// Does not: touch GL, evaluate animations or skins (the structs carry the data), load cameras,
// lights or KHR_materials_* other than texture transforms (clearcoat and the like are ignored
// unless required), decode Draco or meshopt (a model requiring them is an error).
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include <glm/ext/vector_uint4_sized.hpp>
#include <glm/gtc/quaternion.hpp>
#include <glm/mat4x4.hpp>
#include <glm/vec2.hpp>
#include <glm/vec3.hpp>
#include <glm/vec4.hpp>

#include "renderer/image.hpp"

namespace exhibit {

// What one model may hold before loading stops with a ContentError.
struct GltfLimits {
    std::size_t maxVertices = 16u << 20;            // over all primitives, after unwelding
    std::size_t maxTexturePixels = 256u << 20;      // over all decoded images
};

// A material's reference to a texture, with KHR_texture_transform when present:
// uv' = offset + rotate(rotation) * (scale * uv), on the set `texCoord`.
struct GltfTextureRef {
    int texture = -1;  // index into GltfModel::textures; -1: none
    int texCoord = 0;
    bool hasTransform = false;
    glm::vec2 offset{0.0f};
    glm::vec2 scale{1.0f};
    float rotation = 0.0f;  // radians, counter-clockwise in UV space
};

enum class GltfAlphaMode { Opaque, Mask, Blend };

struct GltfMaterial {
    std::string name;
    glm::vec4 baseColorFactor{1.0f};
    float metallicFactor = 1.0f;
    float roughnessFactor = 1.0f;
    GltfTextureRef baseColorTexture;
    GltfTextureRef metallicRoughnessTexture;  // B: metallic, G: roughness
    GltfTextureRef normalTexture;
    float normalScale = 1.0f;
    GltfTextureRef occlusionTexture;  // R
    float occlusionStrength = 1.0f;
    GltfTextureRef emissiveTexture;
    glm::vec3 emissiveFactor{0.0f};
    GltfAlphaMode alphaMode = GltfAlphaMode::Opaque;
    float alphaCutoff = 0.5f;
    bool doubleSided = false;
};

// Sampler values are glTF's (which are GL's enum values).
enum class GltfWrap : int { Repeat = 10497, ClampToEdge = 33071, MirroredRepeat = 33648 };
enum class GltfFilter : int {
    Unset = 0,  // the renderer chooses
    Nearest = 9728,
    Linear = 9729,
    NearestMipmapNearest = 9984,
    LinearMipmapNearest = 9985,
    NearestMipmapLinear = 9986,
    LinearMipmapLinear = 9987,
};

struct GltfTexture {
    Image image;         // RGBA8, row 0 the top row; empty (width 0) when it could not be loaded
    std::string source;  // the image's uri, "data URI" or "bufferView N", for messages
    GltfWrap wrapS = GltfWrap::Repeat;
    GltfWrap wrapT = GltfWrap::Repeat;
    GltfFilter minFilter = GltfFilter::Unset;
    GltfFilter magFilter = GltfFilter::Unset;
    bool loaded() const { return image.width > 0; }
};

// Deltas added to the base attributes, weighted by the mesh/node weights.
struct GltfMorphTarget {
    std::vector<glm::vec3> positions;  // empty or one per vertex
    std::vector<glm::vec3> normals;
    std::vector<glm::vec3> tangents;
};

struct GltfPrimitive {
    std::vector<glm::vec3> positions;
    std::vector<glm::vec3> normals;    // always one per vertex
    std::vector<glm::vec4> tangents;   // always one per vertex, w = bitangent sign
    std::vector<glm::vec2> texcoords0;  // empty when the model has none
    std::vector<glm::vec2> texcoords1;
    std::vector<glm::vec4> colors0;    // COLOR_0 as RGBA; empty when absent
    std::vector<glm::u16vec4> joints0;  // skinning; empty when absent
    std::vector<glm::vec4> weights0;
    std::vector<std::uint32_t> indices;  // triangle list, every index < positions.size()
    std::vector<GltfMorphTarget> targets;
    int material = -1;  // -1: the default material
    bool normalsGenerated = false;
    bool tangentsGenerated = false;
};

struct GltfMesh {
    std::string name;
    std::vector<GltfPrimitive> primitives;
    std::vector<float> weights;  // default morph weights, one per target (zeros when not given)
};

struct GltfNode {
    std::string name;
    int parent = -1;
    std::vector<int> children;
    int mesh = -1;
    int skin = -1;
    glm::vec3 translation{0.0f};
    glm::quat rotation{1.0f, 0.0f, 0.0f, 0.0f};
    glm::vec3 scale{1.0f};
    bool hasMatrix = false;  // then `matrix` is the local transform (not animated)
    glm::mat4 matrix{1.0f};
    std::vector<float> weights;  // morph weights overriding the mesh's; empty: use the mesh's
    glm::mat4 localTransform() const;
};

struct GltfSkin {
    std::string name;
    std::vector<int> joints;                      // node indices
    std::vector<glm::mat4> inverseBindMatrices;   // one per joint (identity when not given)
    int skeleton = -1;
};

enum class GltfAnimationPath { Translation, Rotation, Scale, Weights };
enum class GltfInterpolation { Linear, Step, CubicSpline };

struct GltfAnimationSampler {
    std::vector<float> input;   // key times in seconds, ascending
    std::vector<float> output;  // values, flattened: per key 3 (T, S), 4 (R, xyzw) or N weights;
                                // CubicSpline: in-tangent, value, out-tangent per key
    GltfInterpolation interpolation = GltfInterpolation::Linear;
};

struct GltfAnimationChannel {
    int sampler = 0;
    int node = -1;
    GltfAnimationPath path = GltfAnimationPath::Translation;
};

struct GltfAnimation {
    std::string name;
    std::vector<GltfAnimationSampler> samplers;
    std::vector<GltfAnimationChannel> channels;
    float duration = 0.0f;  // the largest key time
};

struct GltfModel {
    std::string name;  // the display name given (the path for loadGltf)
    std::vector<GltfNode> nodes;
    std::vector<GltfMesh> meshes;
    std::vector<GltfMaterial> materials;
    std::vector<GltfTexture> textures;
    std::vector<GltfSkin> skins;
    std::vector<GltfAnimation> animations;
    std::vector<int> sceneRoots;  // root nodes of the default scene (scene 0 when none is named)
    bool hasBounds = false;       // false when the scene has no geometry
    glm::vec3 boundsMin{0.0f};    // over the scene's world-space positions in the rest pose
    glm::vec3 boundsMax{0.0f};
    std::size_t vertexCount = 0;
    std::size_t triangleCount = 0;
    std::vector<std::string> warnings;  // one line each, naming the file
};

// Reads a .gltf or .glb file; external buffers and images are read relative to its folder.
GltfModel loadGltf(const std::filesystem::path& path, const GltfLimits& limits = {});
// The same from bytes: GLB when they start with "glTF", JSON otherwise. External files are
// resolved against baseDir; displayName prefixes every error and warning.
GltfModel parseGltf(std::span<const std::uint8_t> bytes, const std::filesystem::path& baseDir,
                    const std::string& displayName, const GltfLimits& limits = {});

}  // namespace exhibit
