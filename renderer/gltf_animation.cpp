// GltfPose evaluation: keyframe search by binary search, LINEAR / STEP / CUBICSPLINE sampling,
// TRS -> world matrices in parent-before-child order, skin joint matrices. No allocation once the
// pose has been sized for the model.
#include "renderer/gltf_animation.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>

#include <glm/gtc/matrix_transform.hpp>

namespace exhibit {
namespace {

glm::quat quatAt(const float* p) { return glm::quat(p[3], p[0], p[1], p[2]); }

void writeQuat(glm::quat q, std::span<float> out) {
    const float len = glm::length(q);
    q = len > 0.0f ? q / len : glm::quat(1.0f, 0.0f, 0.0f, 0.0f);
    out[0] = q.x;
    out[1] = q.y;
    out[2] = q.z;
    out[3] = q.w;
}

void nodeOrder(const GltfModel& model, std::vector<int>& order) {
    order.clear();
    order.reserve(model.nodes.size());
    for (std::size_t i = 0; i < model.nodes.size(); ++i)
        if (model.nodes[i].parent < 0) order.push_back(static_cast<int>(i));
    // Breadth-first: the loader guarantees a forest (one parent each, no cycles).
    for (std::size_t k = 0; k < order.size(); ++k)
        for (int child : model.nodes[static_cast<std::size_t>(order[k])].children) order.push_back(child);
}

std::size_t morphTargetCount(const GltfModel& model, const GltfNode& node) {
    if (node.mesh < 0) return 0;
    std::size_t n = 0;
    for (const GltfPrimitive& p : model.meshes[static_cast<std::size_t>(node.mesh)].primitives)
        n = std::max(n, p.targets.size());
    return n;
}

}  // namespace

float animationTime(float t, float duration, bool loop) {
    if (!std::isfinite(t)) return 0.0f;
    if (duration <= 0.0f) return 0.0f;
    if (!loop) return std::clamp(t, 0.0f, duration);
    float r = std::fmod(t, duration);
    if (r < 0.0f) r += duration;
    return r;
}

void sampleAnimation(const GltfAnimationSampler& sampler, bool rotation, float t, std::span<float> out) {
    const std::size_t n = out.size();
    const std::vector<float>& in = sampler.input;
    const bool cubic = sampler.interpolation == GltfInterpolation::CubicSpline;
    const std::size_t stride = cubic ? 3 * n : n;  // values per key
    const std::size_t valueOffset = cubic ? n : 0;  // the value within a key's block
    if (in.empty() || n == 0) return;
    auto value = [&](std::size_t key) { return sampler.output.data() + key * stride + valueOffset; };
    auto copyKey = [&](std::size_t key) {
        const float* v = value(key);
        if (rotation) writeQuat(quatAt(v), out);
        else std::copy(v, v + n, out.begin());
    };
    if (!(t > in.front())) return copyKey(0);
    if (t >= in.back()) return copyKey(in.size() - 1);
    // in[k] <= t < in[k + 1]
    const std::size_t k = static_cast<std::size_t>(std::upper_bound(in.begin(), in.end(), t) - in.begin()) - 1;
    const float t0 = in[k], dt = in[k + 1] - in[k];
    const float s = dt > 0.0f ? (t - t0) / dt : 0.0f;
    switch (sampler.interpolation) {
        case GltfInterpolation::Step:
            return copyKey(k);
        case GltfInterpolation::Linear: {
            const float* a = value(k);
            const float* b = value(k + 1);
            if (rotation) return writeQuat(glm::slerp(quatAt(a), quatAt(b), s), out);
            for (std::size_t i = 0; i < n; ++i) out[i] = a[i] + (b[i] - a[i]) * s;
            return;
        }
        case GltfInterpolation::CubicSpline: {
            const float* v0 = value(k);
            const float* b0 = v0 + n;              // out-tangent of key k
            const float* v1 = value(k + 1);
            const float* a1 = v1 - n;              // in-tangent of key k + 1
            const float s2 = s * s, s3 = s2 * s;
            const float h00 = 2 * s3 - 3 * s2 + 1, h10 = s3 - 2 * s2 + s, h01 = -2 * s3 + 3 * s2, h11 = s3 - s2;
            for (std::size_t i = 0; i < n; ++i) out[i] = h00 * v0[i] + h10 * dt * b0[i] + h01 * v1[i] + h11 * dt * a1[i];
            if (rotation) writeQuat(quatAt(out.data()), out);
            return;
        }
    }
}

void restPose(const GltfModel& model, GltfPose& pose) {
    const std::size_t count = model.nodes.size();
    pose.translation.resize(count);
    pose.rotation.resize(count);
    pose.scale.resize(count);
    pose.weights.resize(count);
    pose.world.resize(count);
    if (pose.order.size() != count) nodeOrder(model, pose.order);
    for (std::size_t i = 0; i < count; ++i) {
        const GltfNode& node = model.nodes[i];
        pose.translation[i] = node.translation;
        pose.rotation[i] = node.rotation;
        pose.scale[i] = node.scale;
        const std::size_t targets = morphTargetCount(model, node);
        std::vector<float>& w = pose.weights[i];
        w.assign(targets, 0.0f);
        const std::vector<float>& defaults =
            !node.weights.empty() ? node.weights
            : node.mesh >= 0      ? model.meshes[static_cast<std::size_t>(node.mesh)].weights
                                  : node.weights;
        std::copy_n(defaults.begin(), std::min(defaults.size(), targets), w.begin());
    }
    pose.joints.resize(model.skins.size());
    for (std::size_t s = 0; s < model.skins.size(); ++s) pose.joints[s].resize(model.skins[s].joints.size());
}

void applyAnimation(const GltfModel& model, int index, float t, GltfPose& pose, bool loop) {
    if (index < 0 || static_cast<std::size_t>(index) >= model.animations.size()) return;
    const GltfAnimation& anim = model.animations[static_cast<std::size_t>(index)];
    const float time = animationTime(t, anim.duration, loop);
    for (const GltfAnimationChannel& c : anim.channels) {
        const auto node = static_cast<std::size_t>(c.node);
        if (node >= model.nodes.size()) continue;
        const GltfAnimationSampler& sampler = anim.samplers[static_cast<std::size_t>(c.sampler)];
        switch (c.path) {
            case GltfAnimationPath::Translation:
                sampleAnimation(sampler, false, time, std::span<float>(&pose.translation[node].x, 3));
                break;
            case GltfAnimationPath::Scale:
                sampleAnimation(sampler, false, time, std::span<float>(&pose.scale[node].x, 3));
                break;
            case GltfAnimationPath::Rotation: {
                float q[4];
                sampleAnimation(sampler, true, time, q);
                pose.rotation[node] = quatAt(q);
                break;
            }
            case GltfAnimationPath::Weights: {
                // The loader checked the output holds one value per morph target of the node's mesh.
                std::vector<float>& w = pose.weights[node];
                const std::size_t keys = sampler.input.size();
                const std::size_t perKey =
                    keys == 0 ? 0
                              : sampler.output.size() / keys /
                                    (sampler.interpolation == GltfInterpolation::CubicSpline ? 3 : 1);
                if (perKey == w.size()) sampleAnimation(sampler, false, time, w);
                break;
            }
        }
    }
}

void updateWorld(const GltfModel& model, GltfPose& pose) {
    for (int index : pose.order) {
        const auto i = static_cast<std::size_t>(index);
        const GltfNode& node = model.nodes[i];
        glm::mat4 local = node.matrix;
        if (!node.hasMatrix) {
            local = glm::translate(glm::mat4(1.0f), pose.translation[i]) * glm::mat4_cast(pose.rotation[i]);
            local = glm::scale(local, pose.scale[i]);
        }
        pose.world[i] = node.parent >= 0 ? pose.world[static_cast<std::size_t>(node.parent)] * local : local;
    }
    for (std::size_t s = 0; s < model.skins.size(); ++s) {
        const GltfSkin& skin = model.skins[s];
        for (std::size_t j = 0; j < skin.joints.size(); ++j) {
            const glm::mat4 inverseBind = j < skin.inverseBindMatrices.size() ? skin.inverseBindMatrices[j] : glm::mat4(1.0f);
            pose.joints[s][j] = pose.world[static_cast<std::size_t>(skin.joints[j])] * inverseBind;
        }
    }
}

void evaluatePose(const GltfModel& model, int animation, float t, GltfPose& pose, bool loop) {
    restPose(model, pose);
    applyAnimation(model, animation, t, pose, loop);
    updateWorld(model, pose);
}

}  // namespace exhibit
