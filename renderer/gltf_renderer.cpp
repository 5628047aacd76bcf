// GltfRenderer: queues one item per (add, node, primitive), then draws opaque and mask items
// sorted by material and blended items back to front, setting material uniforms only when the
// material changes and per-draw uniforms (node matrix, skin, morph weights) per item.
#include "renderer/gltf_renderer.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>

#include <glm/gtc/type_ptr.hpp>
#include <glm/matrix.hpp>

#include "renderer/gl_state_guard.hpp"
#include "renderer/gltf_shaders.hpp"
#include "renderer/shader.hpp"

namespace exhibit {
namespace {

constexpr GLint kJointUnit = 5, kMorphUnit = 6;

const void* byteOffset(std::size_t offset) { return reinterpret_cast<const void*>(offset); }

// Gribb & Hartmann: the clip-space planes as world-space planes, normalised; a degenerate plane
// (the far plane of an infinite projection) becomes one every point is inside.
std::array<glm::vec4, 6> frustumPlanes(const glm::mat4& m) {
    const glm::vec4 r0(m[0][0], m[1][0], m[2][0], m[3][0]), r1(m[0][1], m[1][1], m[2][1], m[3][1]);
    const glm::vec4 r2(m[0][2], m[1][2], m[2][2], m[3][2]), r3(m[0][3], m[1][3], m[2][3], m[3][3]);
    std::array<glm::vec4, 6> planes{r3 + r0, r3 - r0, r3 + r1, r3 - r1, r3 + r2, r3 - r2};
    for (glm::vec4& p : planes) {
        const float len = glm::length(glm::vec3(p));
        p = len > 1e-6f ? p / len : glm::vec4(0, 0, 0, 1);
    }
    return planes;
}

bool sphereVisible(const std::array<glm::vec4, 6>& planes, glm::vec3 centre, float radius) {
    for (const glm::vec4& p : planes)
        if (glm::dot(glm::vec3(p), centre) + p.w < -radius) return false;
    return true;
}

float maxScale(const glm::mat4& m) {
    return std::sqrt(std::max({glm::dot(glm::vec3(m[0]), glm::vec3(m[0])), glm::dot(glm::vec3(m[1]), glm::vec3(m[1])),
                               glm::dot(glm::vec3(m[2]), glm::vec3(m[2]))}));
}

int alphaRank(GltfAlphaMode mode) {
    switch (mode) {
        case GltfAlphaMode::Opaque: return 0;
        case GltfAlphaMode::Mask: return 1;
        case GltfAlphaMode::Blend: return 2;
    }
    return 0;
}

}  // namespace

GltfRenderer::GltfRenderer()
    : program_(gl::buildProgram({"gltf", shaders::kGltfVertex, shaders::kGltfFragment})),
      instanceBuffer_(gl::Buffer::create()) {
    auto at = [&](const char* name) { return gl::uniformLocation(program_, name); };
    u_ = Uniforms{at("uViewProjection"), at("uNode"), at("uSkinned"), at("uJointBase"), at("uMorphCount"),
                  at("uVertexCount"), at("uMorphWeights"), at("uHasTexture"), at("uUvSet"), at("uUvTransform"),
                  at("uBaseColorFactor"), at("uMetallic"), at("uRoughness"), at("uNormalScale"),
                  at("uOcclusionStrength"), at("uEmissiveFactor"), at("uAlphaMode"), at("uAlphaCutoff"),
                  at("uCameraPos"), at("uSunDirection"), at("uSunColor"), at("uSkyColor"), at("uGroundColor"),
                  at("uExposure"), at("uEncodeSrgb")};
    GLint previous = 0;
    glGetIntegerv(GL_CURRENT_PROGRAM, &previous);
    glUseProgram(program_.id());
    const GLint units[kTextureSlots] = {0, 1, 2, 3, 4};
    glUniform1iv(at("uTextures"), kTextureSlots, units);
    glUniform1i(at("uJointMatrices"), kJointUnit);
    glUniform1i(at("uMorphDeltas"), kMorphUnit);
    glUseProgram(static_cast<GLuint>(previous));
}

void GltfRenderer::begin(const Camera3d& camera, const Lighting3d& lighting, OutputEncoding output) {
    assert(!begun_ && "GltfRenderer::begin called twice without end()");
    begun_ = true;
    camera_ = camera;
    lighting_ = lighting;
    output_ = output;
    frustum_ = frustumPlanes(camera.viewProjection());
    items_.clear();
    instances_.clear();
    weights_.clear();
    stats_ = {};
}

void GltfRenderer::add(const GltfGpuModel& model, const glm::mat4& transform, const GltfPose* pose) {
    addInstances(model, std::span<const glm::mat4>(&transform, 1), pose);
}

void GltfRenderer::addInstances(const GltfGpuModel& model, std::span<const glm::mat4> transforms, const GltfPose* pose) {
    assert(begun_ && "GltfRenderer::add outside begin()/end()");
    if (transforms.empty()) return;
    const GltfPose& p = pose ? *pose : model.restPose;
    if (p.world.size() != model.nodeMesh.size()) return;  // a pose of another model: nothing sensible to draw
    const bool cull = culling_ && pose == nullptr && !model.hasMorphTargets;
    const auto firstInstance = static_cast<std::uint32_t>(instances_.size());
    if (cull && model.hasBounds) {
        const glm::vec3 centre = (model.boundsMin + model.boundsMax) * 0.5f;
        const float radius = glm::length(model.boundsMax - model.boundsMin) * 0.5f;
        for (const glm::mat4& t : transforms) {
            if (sphereVisible(frustum_, glm::vec3(t * glm::vec4(centre, 1.0f)), radius * maxScale(t))) instances_.push_back(t);
            else ++stats_.culledInstances;
        }
    } else {
        instances_.insert(instances_.end(), transforms.begin(), transforms.end());
    }
    const auto instanceCount = static_cast<std::uint32_t>(instances_.size()) - firstInstance;
    if (instanceCount == 0) return;
    const glm::mat4 first = instances_[firstInstance];
    if (pose && model.jointCount > 0) {
        glBindBuffer(GL_TEXTURE_BUFFER, model.jointBuffer.id());
        for (std::size_t s = 0; s < p.joints.size() && s < model.skinJointBase.size(); ++s)
            glBufferSubData(GL_TEXTURE_BUFFER, static_cast<GLintptr>(model.skinJointBase[s] * sizeof(glm::mat4)),
                            static_cast<GLsizeiptr>(p.joints[s].size() * sizeof(glm::mat4)), p.joints[s].data());
        glBindBuffer(GL_TEXTURE_BUFFER, 0);
    }
    const glm::mat4 view = camera_.view * first;
    const float firstDeterminant = glm::determinant(glm::mat3(first));
    for (const int drawNode : model.drawNodes) {
        const auto n = static_cast<std::size_t>(drawNode);
        const int mesh = model.nodeMesh[n];
        const int skin = model.nodeSkin[n];
        const bool skinned = skin >= 0 && static_cast<std::size_t>(skin) < model.skinJointBase.size();
        const glm::mat4& node = p.world[n];
        const std::vector<float>& weights = p.weights[n];
        const auto firstWeight = static_cast<std::uint32_t>(weights_.size());
        weights_.insert(weights_.end(), weights.begin(), weights.end());
        const float nodeDeterminant = glm::determinant(glm::mat3(node));
        for (const GltfGpuPrimitive& prim : model.meshes[static_cast<std::size_t>(mesh)].primitives) {
            if (prim.indexCount == 0) continue;
            const bool skinnedPrim = skinned && prim.hasJoints;
            if (cull && instanceCount == 1 && !skinnedPrim) {
                const glm::mat4 world = first * node;
                if (!sphereVisible(frustum_, glm::vec3(world * glm::vec4(prim.centre, 1.0f)), prim.radius * maxScale(world))) {
                    ++stats_.culledPrimitives;
                    continue;
                }
            }
            const glm::vec3 centre = glm::vec3((skinnedPrim ? view : view * node) * glm::vec4(prim.centre, 1.0f));
            const bool mirroredPrim = (skinnedPrim ? firstDeterminant : firstDeterminant * nodeDeterminant) < 0.0f;
            items_.push_back(Item{&model, &prim, &model.materials[static_cast<std::size_t>(prim.material)], node,
                                  firstInstance, instanceCount, firstWeight,
                                  static_cast<std::uint32_t>(weights.size()),
                                  skinnedPrim ? model.skinJointBase[static_cast<std::size_t>(skin)] : -1,
                                  glm::length(centre), mirroredPrim});
        }
    }
}

void GltfRenderer::setMaterial(const GltfGpuMaterial& m) {
    GLint has[kTextureSlots];
    for (int s = 0; s < kTextureSlots; ++s) {
        const GLuint tex = m.textures[static_cast<std::size_t>(s)];
        has[s] = tex != 0 ? 1 : 0;
        if (tex != 0) {
            glActiveTexture(static_cast<GLenum>(GL_TEXTURE0 + s));
            glBindTexture(GL_TEXTURE_2D, tex);
        }
    }
    glUniform1iv(u_.hasTexture, kTextureSlots, has);
    glUniform1iv(u_.uvSet, kTextureSlots, m.uvSet.data());
    glUniformMatrix3fv(u_.uvTransform, kTextureSlots, GL_FALSE, glm::value_ptr(m.uvTransform[0]));
    glUniform4fv(u_.baseColorFactor, 1, glm::value_ptr(m.baseColorFactor));
    glUniform1f(u_.metallic, m.metallic);
    glUniform1f(u_.roughness, m.roughness);
    glUniform1f(u_.normalScale, m.normalScale);
    glUniform1f(u_.occlusionStrength, m.occlusionStrength);
    glUniform3fv(u_.emissiveFactor, 1, glm::value_ptr(m.emissiveFactor));
    glUniform1i(u_.alphaMode, alphaRank(m.alphaMode));
    glUniform1f(u_.alphaCutoff, m.alphaCutoff);
    if (m.doubleSided) glDisable(GL_CULL_FACE);
    else glEnable(GL_CULL_FACE);
    ++stats_.materialChanges;
}

void GltfRenderer::drawItem(const Item& item) {
    const GltfGpuPrimitive& prim = *item.primitive;
    glUniformMatrix4fv(u_.node, 1, GL_FALSE, glm::value_ptr(item.node));
    glUniform1i(u_.skinned, item.jointBase >= 0 ? 1 : 0);
    if (item.jointBase >= 0) {
        glUniform1i(u_.jointBase, item.jointBase);
        glActiveTexture(GL_TEXTURE0 + kJointUnit);
        glBindTexture(GL_TEXTURE_BUFFER, item.model->jointTexture.id());
    }
    const int morphs = std::min({prim.morphTargets, static_cast<int>(item.weightCount), shaders::kGltfMaxMorphTargets});
    glUniform1i(u_.morphCount, morphs);
    if (morphs > 0) {
        glUniform1i(u_.vertexCount, prim.vertexCount);
        glUniform1fv(u_.morphWeights, morphs, weights_.data() + item.firstWeight);
        glActiveTexture(GL_TEXTURE0 + kMorphUnit);
        glBindTexture(GL_TEXTURE_BUFFER, prim.morphTexture.id());
    }
    glFrontFace(item.mirrored ? GL_CW : GL_CCW);
    glBindVertexArray(prim.vertexArray.id());
    // GL 3.3 has no base instance: point the instance attributes at this item's first matrix.
    const std::size_t base = item.firstInstance * sizeof(glm::mat4);
    for (GLuint c = 0; c < 4; ++c)
        glVertexAttribPointer(8 + c, 4, GL_FLOAT, GL_FALSE, sizeof(glm::mat4), byteOffset(base + c * sizeof(glm::vec4)));
    glDrawElementsInstanced(GL_TRIANGLES, prim.indexCount, GL_UNSIGNED_INT, nullptr,
                            static_cast<GLsizei>(item.instanceCount));
    ++stats_.drawCalls;
    stats_.triangles += static_cast<std::size_t>(prim.indexCount / 3) * item.instanceCount;
}

GltfDrawStats GltfRenderer::end() {
    assert(begun_ && "GltfRenderer::end without begin()");
    begun_ = false;
    if (items_.empty()) return stats_;
    gl::StateGuard guard;

    glBindBuffer(GL_ARRAY_BUFFER, instanceBuffer_.id());
    const std::size_t bytes = instances_.size() * sizeof(glm::mat4);
    if (bytes > instanceCapacity_) {
        instanceCapacity_ = std::max(bytes, instanceCapacity_ * 2);
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(instanceCapacity_), nullptr, GL_STREAM_DRAW);
    } else {
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(instanceCapacity_), nullptr, GL_STREAM_DRAW);  // orphan
    }
    glBufferSubData(GL_ARRAY_BUFFER, 0, static_cast<GLsizeiptr>(bytes), instances_.data());

    order_.resize(items_.size());
    for (std::uint32_t i = 0; i < order_.size(); ++i) order_[i] = i;
    std::sort(order_.begin(), order_.end(), [&](std::uint32_t a, std::uint32_t b) {
        const Item& x = items_[a];
        const Item& y = items_[b];
        const int rx = alphaRank(x.material->alphaMode), ry = alphaRank(y.material->alphaMode);
        if (rx != ry) return rx < ry;
        if (rx == 2) return x.distance > y.distance;  // back to front
        if (x.material != y.material) return x.material < y.material;
        return a < b;
    });

    glUseProgram(program_.id());
    const glm::mat4 viewProjection = camera_.viewProjection();
    const glm::vec3 eye = camera_.position();
    const glm::vec3 sun = glm::normalize(lighting_.sunDirection);
    glUniformMatrix4fv(u_.viewProjection, 1, GL_FALSE, glm::value_ptr(viewProjection));
    glUniform3fv(u_.cameraPos, 1, glm::value_ptr(eye));
    glUniform3fv(u_.sunDirection, 1, glm::value_ptr(sun));
    glUniform3fv(u_.sunColor, 1, glm::value_ptr(lighting_.sunColor));
    glUniform3fv(u_.skyColor, 1, glm::value_ptr(lighting_.skyColor));
    glUniform3fv(u_.groundColor, 1, glm::value_ptr(lighting_.groundColor));
    glUniform1f(u_.exposure, lighting_.exposure);
    glUniform1i(u_.encodeSrgb, output_ == OutputEncoding::EncodeSrgb ? 1 : 0);
    if (output_ == OutputEncoding::SrgbFramebuffer) glEnable(GL_FRAMEBUFFER_SRGB);
    else glDisable(GL_FRAMEBUFFER_SRGB);
    glDisable(GL_SAMPLE_ALPHA_TO_COVERAGE);
    glEnable(GL_DEPTH_TEST);
    glDepthFunc(GL_LEQUAL);
    glDepthMask(GL_TRUE);
    glDisable(GL_BLEND);
    glCullFace(GL_BACK);

    const GltfGpuMaterial* current = nullptr;
    bool blending = false;
    for (std::uint32_t index : order_) {
        const Item& item = items_[index];
        if (!blending && item.material->alphaMode == GltfAlphaMode::Blend) {
            blending = true;
            glEnable(GL_BLEND);
            glBlendEquation(GL_FUNC_ADD);
            glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
            glDepthMask(GL_FALSE);
        }
        if (item.material != current) {
            current = item.material;
            setMaterial(*current);
        }
        drawItem(item);
    }
    return stats_;
}

}  // namespace exhibit
