// Draws uploaded glTF models (renderer/gltf_gpu_model.hpp) with metallic-roughness PBR: base
// colour, metallic-roughness, normal (with the model's tangents), occlusion and emissive maps, each
// with its KHR_texture_transform; one sun and hemisphere ambient (renderer/lighting3d.hpp); ACES
// tone mapping; alpha modes OPAQUE, MASK (cutoff) and BLEND (drawn after the rest, back to front by
// primitive centre, no depth write; the instances of one instanced blended draw are not sorted
// among themselves); double-sided materials (culling off, back faces lit from
// behind); mirrored node transforms (winding flipped); node hierarchy; skinning and morph targets
// in the vertex shader (GPU: joint matrices and morph deltas in buffer textures; at most 16 morph
// targets weigh in per primitive, further weights are ignored); instancing (one draw per primitive
// for any number of transforms).
//
// Use, once per view (a desktop frame or each XR eye):
//   bind the framebuffer, set the viewport, clear colour and depth (or draw SkyGround first)
//   renderer.begin(camera, lighting, OutputEncoding::EncodeSrgb);
//   renderer.add(house, placement);                        // rest pose
//   evaluatePose(manModel, 0, t, pose); renderer.add(man, placement, &pose);
//   renderer.addInstances(tree, treeTransforms);           // one draw per primitive for all
//   GltfDrawStats stats = renderer.end();                  // draws; GL state restored
//
// Poses and transforms are read in add() (joint matrices are uploaded there, into the model's own
// buffer, so one model drawn with two different poses in one view shows the last: upload the model
// twice for that). Nothing is allocated per frame once the queues have grown to the scene's size.
// Culling: models added without a pose are culled against the view frustum, per instance by the
// model's rest-pose bounding sphere and, when one instance is left, per primitive by its sphere.
// Models added with a pose, and models with morph targets, are never culled (skinning and morphs
// may leave the rest bounds).
// setCulling(false) turns it off.
// Does not: cast shadows, image-based lighting, or draw the sky (renderer/sky_ground.hpp).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include <glm/mat4x4.hpp>
#include <glm/vec4.hpp>

#include "renderer/camera3d.hpp"
#include "renderer/gl_object.hpp"
#include "renderer/gltf_gpu_model.hpp"
#include "renderer/lighting3d.hpp"

namespace exhibit {

struct GltfDrawStats {
    int drawCalls = 0;
    std::size_t triangles = 0;  // over all instances
    int materialChanges = 0;
    int culledInstances = 0;   // instances outside the view
    int culledPrimitives = 0;  // primitives of a single visible instance outside the view
};

class GltfRenderer {
public:
    GltfRenderer();  // compiles the program: needs a current context

    void begin(const Camera3d& camera, const Lighting3d& lighting, OutputEncoding output);
    void add(const GltfGpuModel& model, const glm::mat4& transform, const GltfPose* pose = nullptr);
    void addInstances(const GltfGpuModel& model, std::span<const glm::mat4> transforms, const GltfPose* pose = nullptr);
    GltfDrawStats end();
    void setCulling(bool on) { culling_ = on; }

private:
    struct Item {
        const GltfGpuModel* model;
        const GltfGpuPrimitive* primitive;
        const GltfGpuMaterial* material;
        glm::mat4 node;
        std::uint32_t firstInstance, instanceCount;
        std::uint32_t firstWeight, weightCount;
        int jointBase;  // -1: not skinned
        float distance;  // from the camera, for sorting blended items
        bool mirrored;
    };
    struct Uniforms {
        GLint viewProjection, node, skinned, jointBase, morphCount, vertexCount, morphWeights;
        GLint hasTexture, uvSet, uvTransform, baseColorFactor, metallic, roughness, normalScale, occlusionStrength;
        GLint emissiveFactor, alphaMode, alphaCutoff, cameraPos, sunDirection, sunColor, skyColor, groundColor;
        GLint exposure, encodeSrgb;
    };
    void setMaterial(const GltfGpuMaterial& m);
    void drawItem(const Item& item);

    gl::Program program_;
    Uniforms u_{};
    gl::Buffer instanceBuffer_;
    std::size_t instanceCapacity_ = 0;
    Camera3d camera_;
    Lighting3d lighting_;
    OutputEncoding output_ = OutputEncoding::EncodeSrgb;
    std::vector<Item> items_;
    std::vector<std::uint32_t> order_;
    std::vector<glm::mat4> instances_;
    std::vector<float> weights_;
    GltfDrawStats stats_;
    std::array<glm::vec4, 6> frustum_{};  // planes (normal, d): inside where dot(normal, p) + d >= 0
    bool culling_ = true;
    bool begun_ = false;
};

}  // namespace exhibit
