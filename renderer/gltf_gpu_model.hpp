// A GltfModel uploaded to GL: per primitive one interleaved vertex buffer, one 32-bit index buffer
// and one vertex array (plus a buffer texture of morph-target deltas when it has targets); the
// textures with mipmaps, sampler wrap and filters from the model, base colour and emissive as
// sRGB (GL_SRGB8_ALPHA8) and the others linear (a texture used both ways is uploaded twice);
// materials resolved to GL names and uniform-ready values; a joint-matrix buffer texture for the
// skins; the rest pose. Drawn by GltfRenderer (renderer/gltf_renderer.hpp).
//
// Use: GltfGpuModel gpu = uploadGltf(model);   // needs a current GL context; model may be dropped
//      after, unless it is animated (evaluatePose needs the GltfModel).
// Does not: draw, evaluate animations, or set any GL state beyond what creating objects needs
// (bindings it changes are restored).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include <glm/mat3x3.hpp>
#include <glm/mat4x4.hpp>
#include <glm/vec3.hpp>
#include <glm/vec4.hpp>

#include "renderer/gl_object.hpp"
#include "renderer/gltf_animation.hpp"
#include "renderer/gltf_model.hpp"

namespace exhibit {

// Texture slots in the order of the shader's uTextures[].
enum GltfTextureSlot : int { kBaseColorSlot, kMetallicRoughnessSlot, kNormalSlot, kOcclusionSlot, kEmissiveSlot, kTextureSlots };

struct GltfGpuMaterial {
    std::array<GLuint, kTextureSlots> textures{};  // 0: none
    std::array<int, kTextureSlots> uvSet{};
    std::array<glm::mat3, kTextureSlots> uvTransform{glm::mat3(1.0f), glm::mat3(1.0f), glm::mat3(1.0f),
                                                     glm::mat3(1.0f), glm::mat3(1.0f)};
    glm::vec4 baseColorFactor{1.0f};
    float metallic = 1.0f, roughness = 1.0f, normalScale = 1.0f, occlusionStrength = 1.0f;
    glm::vec3 emissiveFactor{0.0f};
    GltfAlphaMode alphaMode = GltfAlphaMode::Opaque;
    float alphaCutoff = 0.5f;
    bool doubleSided = false;
};

struct GltfGpuPrimitive {
    gl::VertexArray vertexArray;
    gl::Buffer vertices, indices;
    gl::Buffer morphBuffer;
    gl::Texture morphTexture;  // GL_TEXTURE_BUFFER, RGBA32F: per target, per vertex: position, normal, tangent delta
    GLsizei indexCount = 0;
    int vertexCount = 0;
    int morphTargets = 0;
    bool hasJoints = false;  // JOINTS_0 / WEIGHTS_0 present: only then is it skinned
    int material = -1;  // index into GltfGpuModel::materials; the last entry is the default material
    glm::vec3 centre{0.0f};  // of its positions, for sorting blended primitives and culling
    float radius = 0.0f;     // of the sphere around `centre` holding every rest-pose position
};

struct GltfGpuMesh {
    std::vector<GltfGpuPrimitive> primitives;
};

struct GltfGpuModel {
    std::string name;
    std::vector<GltfGpuMesh> meshes;
    std::vector<GltfGpuMaterial> materials;  // the model's, then the default material
    std::vector<gl::Texture> textures;       // owned GL textures (sRGB and linear variants)
    std::vector<int> nodeMesh, nodeSkin;     // per node
    std::vector<int> drawNodes;              // nodes with a mesh reachable from the default scene's roots
    std::vector<int> skinJointBase;          // per skin: first matrix in the joint buffer
    int jointCount = 0;
    gl::Buffer jointBuffer;
    gl::Texture jointTexture;  // GL_TEXTURE_BUFFER, RGBA32F, 4 texels per matrix
    GltfPose restPose;
    bool hasBounds = false;
    bool hasMorphTargets = false;  // then even the rest pose may leave the bounds (default weights)
    glm::vec3 boundsMin{0.0f}, boundsMax{0.0f};  // model space, rest pose
    std::size_t triangleCount = 0;
};

GltfGpuModel uploadGltf(const GltfModel& model);

// KHR_texture_transform as a matrix: uv' = offset + rotate(rotation) * (scale * uv) with the
// extension's rotation (counter-clockwise in UV space, i.e. the image turns clockwise).
glm::mat3 textureTransformMatrix(const GltfTextureRef& ref);

}  // namespace exhibit
