// Evaluates a GltfModel's pose on the CPU: samples one animation at a time t (LINEAR with
// quaternion slerp for rotations, STEP, CUBICSPLINE Hermite; looping or clamped), turns the nodes'
// local TRS into world matrices over the hierarchy, and computes each skin's joint matrices
// (world(joint) * inverseBindMatrix) and each node's morph weights. GL-free; the renderer
// (renderer/gltf_renderer.hpp) uploads the results.
//
// Use:
//   GltfPose pose;                               // reused every frame: no allocation after the first
//   evaluatePose(model, animation, seconds, pose);  // animation -1: the rest pose
//   pose.world[node], pose.joints[skin][j], pose.weights[node]
//
// Conventions (glTF 2.0 spec): a skinned mesh's own node transform is ignored, so joint matrices
// are in model space; channels of one animation targeting nodes not in the model are skipped by the
// loader; a node with a matrix is not animated (its TRS channels are ignored). Rotations are
// renormalised after interpolation. Time wraps modulo the animation's duration when looping; before
// the first key and after the last the end values hold.
//
// Does not: blend several animations, retarget, or touch GL.
#pragma once

#include <span>
#include <vector>

#include <glm/gtc/quaternion.hpp>
#include <glm/mat4x4.hpp>
#include <glm/vec3.hpp>

#include "renderer/gltf_model.hpp"

namespace exhibit {

struct GltfPose {
    std::vector<glm::vec3> translation;  // per node, local
    std::vector<glm::quat> rotation;
    std::vector<glm::vec3> scale;
    std::vector<std::vector<float>> weights;  // per node: morph weights (empty: the node has no morph mesh)
    std::vector<glm::mat4> world;             // per node: model-space transform
    std::vector<std::vector<glm::mat4>> joints;  // per skin: one matrix per joint
    std::vector<int> order;                   // nodes, every parent before its children
};

// Samples one sampler at time t (seconds, not wrapped) into `out` (components values: 3 for
// translation/scale, 4 for a rotation as x, y, z, w, N for weights). Rotations are slerped (LINEAR)
// and normalised. out.size() must equal `components`.
void sampleAnimation(const GltfAnimationSampler& sampler, bool rotation, float t, std::span<float> out);

// The time within an animation of `duration` seconds: t modulo duration when looping (0 when the
// duration is 0), clamped to [0, duration] otherwise.
float animationTime(float t, float duration, bool loop);

// Resets the pose to the model's rest pose (node TRS, mesh/node default weights), sized to the model.
void restPose(const GltfModel& model, GltfPose& pose);
// Applies animation `index` at time t on top of the pose's local values (call restPose first).
void applyAnimation(const GltfModel& model, int index, float t, GltfPose& pose, bool loop = true);
// World matrices from the local values, then joint matrices.
void updateWorld(const GltfModel& model, GltfPose& pose);

// restPose + applyAnimation (when animation >= 0 and it exists) + updateWorld.
void evaluatePose(const GltfModel& model, int animation, float t, GltfPose& pose, bool loop = true);

}  // namespace exhibit
