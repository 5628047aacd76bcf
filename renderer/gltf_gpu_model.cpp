// uploadGltf: interleaves each primitive's attributes into one vertex buffer (absent attributes
// get their glTF defaults: UV 0, colour white, no joints), uploads indices, morph deltas, textures
// (per colour space used) and the rest pose's joint matrices.
#include "renderer/gltf_gpu_model.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstring>

#include <glm/ext/vector_uint4_sized.hpp>
#include <glm/geometric.hpp>
#include <glm/vec2.hpp>

#include "renderer/gl_state_guard.hpp"

namespace exhibit {
namespace {

struct Vertex {
    glm::vec3 position;
    glm::vec3 normal;
    glm::vec4 tangent;
    glm::vec2 uv0;
    glm::vec2 uv1;
    std::uint8_t color[4];
    glm::u16vec4 joints;
    glm::vec4 weights;
};

const void* byteOffset(std::size_t offset) { return reinterpret_cast<const void*>(offset); }

std::uint8_t unorm8(float v) { return static_cast<std::uint8_t>(std::lround(std::clamp(v, 0.0f, 1.0f) * 255.0f)); }

void vertexAttributes() {
    constexpr auto stride = static_cast<GLsizei>(sizeof(Vertex));
    auto floats = [&](GLuint index, GLint size, std::size_t offset) {
        glEnableVertexAttribArray(index);
        glVertexAttribPointer(index, size, GL_FLOAT, GL_FALSE, stride, byteOffset(offset));
    };
    floats(0, 3, offsetof(Vertex, position));
    floats(1, 3, offsetof(Vertex, normal));
    floats(2, 4, offsetof(Vertex, tangent));
    floats(3, 2, offsetof(Vertex, uv0));
    floats(4, 2, offsetof(Vertex, uv1));
    glEnableVertexAttribArray(5);
    glVertexAttribPointer(5, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, byteOffset(offsetof(Vertex, color)));
    glEnableVertexAttribArray(6);
    glVertexAttribIPointer(6, 4, GL_UNSIGNED_SHORT, stride, byteOffset(offsetof(Vertex, joints)));
    floats(7, 4, offsetof(Vertex, weights));
    // 8..11: the per-instance matrix; GltfRenderer points them into its instance buffer per draw.
    for (GLuint i = 8; i < 12; ++i) {
        glEnableVertexAttribArray(i);
        glVertexAttribDivisor(i, 1);
    }
}

void uploadPrimitive(const GltfPrimitive& p, GltfGpuPrimitive& out, std::vector<Vertex>& scratch) {
    const std::size_t n = p.positions.size();
    scratch.assign(n, Vertex{});
    glm::vec3 sum(0.0f);
    for (std::size_t i = 0; i < n; ++i) {
        Vertex& v = scratch[i];
        v.position = p.positions[i];
        sum += v.position;
        v.normal = i < p.normals.size() ? p.normals[i] : glm::vec3(0, 0, 1);
        v.tangent = i < p.tangents.size() ? p.tangents[i] : glm::vec4(1, 0, 0, 1);
        v.uv0 = i < p.texcoords0.size() ? p.texcoords0[i] : glm::vec2(0.0f);
        v.uv1 = i < p.texcoords1.size() ? p.texcoords1[i] : glm::vec2(0.0f);
        const glm::vec4 c = i < p.colors0.size() ? p.colors0[i] : glm::vec4(1.0f);
        for (int k = 0; k < 4; ++k) v.color[k] = unorm8(c[k]);
        v.joints = i < p.joints0.size() ? p.joints0[i] : glm::u16vec4(0);
        v.weights = i < p.weights0.size() ? p.weights0[i] : glm::vec4(0.0f);
    }
    out.vertexCount = static_cast<int>(n);
    out.centre = n > 0 ? sum / static_cast<float>(n) : glm::vec3(0.0f);
    for (const glm::vec3& q : p.positions) out.radius = std::max(out.radius, glm::length(q - out.centre));
    out.material = p.material;
    out.hasJoints = !p.joints0.empty() && !p.weights0.empty();
    out.vertexArray = gl::VertexArray::create();
    out.vertices = gl::Buffer::create();
    out.indices = gl::Buffer::create();
    glBindVertexArray(out.vertexArray.id());
    glBindBuffer(GL_ARRAY_BUFFER, out.vertices.id());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(n * sizeof(Vertex)), scratch.data(), GL_STATIC_DRAW);
    vertexAttributes();
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, out.indices.id());
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(p.indices.size() * sizeof(std::uint32_t)),
                 p.indices.data(), GL_STATIC_DRAW);
    glBindVertexArray(0);
    out.indexCount = static_cast<GLsizei>(p.indices.size());

    if (p.targets.empty()) return;
    out.morphTargets = static_cast<int>(p.targets.size());
    std::vector<glm::vec4> deltas(p.targets.size() * n * 3, glm::vec4(0.0f));
    for (std::size_t t = 0; t < p.targets.size(); ++t) {
        const GltfMorphTarget& target = p.targets[t];
        for (std::size_t i = 0; i < n; ++i) {
            glm::vec4* d = &deltas[(t * n + i) * 3];
            if (i < target.positions.size()) d[0] = glm::vec4(target.positions[i], 0.0f);
            if (i < target.normals.size()) d[1] = glm::vec4(target.normals[i], 0.0f);
            if (i < target.tangents.size()) d[2] = glm::vec4(target.tangents[i], 0.0f);
        }
    }
    out.morphBuffer = gl::Buffer::create();
    glBindBuffer(GL_TEXTURE_BUFFER, out.morphBuffer.id());
    glBufferData(GL_TEXTURE_BUFFER, static_cast<GLsizeiptr>(deltas.size() * sizeof(glm::vec4)), deltas.data(),
                 GL_STATIC_DRAW);
    out.morphTexture = gl::Texture::create();
    glBindTexture(GL_TEXTURE_BUFFER, out.morphTexture.id());
    glTexBuffer(GL_TEXTURE_BUFFER, GL_RGBA32F, out.morphBuffer.id());
    glBindBuffer(GL_TEXTURE_BUFFER, 0);
}

bool usesMipmaps(GLenum minFilter) { return minFilter != GL_NEAREST && minFilter != GL_LINEAR; }

gl::Texture uploadTexture(const GltfTexture& t, bool srgb) {
    gl::Texture tex = gl::Texture::create();
    glBindTexture(GL_TEXTURE_2D, tex.id());
    glTexImage2D(GL_TEXTURE_2D, 0, srgb ? GL_SRGB8_ALPHA8 : GL_RGBA8, t.image.width, t.image.height, 0, GL_RGBA,
                 GL_UNSIGNED_BYTE, t.image.rgba.data());
    const GLenum minFilter = t.minFilter == GltfFilter::Unset ? GL_LINEAR_MIPMAP_LINEAR : static_cast<GLenum>(t.minFilter);
    const GLenum magFilter = t.magFilter == GltfFilter::Unset ? GL_LINEAR : static_cast<GLenum>(t.magFilter);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, static_cast<GLint>(minFilter));
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, static_cast<GLint>(magFilter));
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, static_cast<GLint>(t.wrapS));
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, static_cast<GLint>(t.wrapT));
    if (usesMipmaps(minFilter)) glGenerateMipmap(GL_TEXTURE_2D);
    return tex;
}

}  // namespace

glm::mat3 textureTransformMatrix(const GltfTextureRef& ref) {
    if (!ref.hasTransform) return glm::mat3(1.0f);
    const float c = std::cos(ref.rotation), s = std::sin(ref.rotation);
    // Columns: u' = offset.x + c*su + s*sv, v' = offset.y - s*su + c*sv (su, sv: the scaled uv).
    return glm::mat3(glm::vec3(c * ref.scale.x, -s * ref.scale.x, 0.0f), glm::vec3(s * ref.scale.y, c * ref.scale.y, 0.0f),
                     glm::vec3(ref.offset, 1.0f));
}

GltfGpuModel uploadGltf(const GltfModel& model) {
    gl::StateGuard guard;
    GLint unpackAlignment = 4, unpackRowLength = 0;
    glGetIntegerv(GL_UNPACK_ALIGNMENT, &unpackAlignment);
    glGetIntegerv(GL_UNPACK_ROW_LENGTH, &unpackRowLength);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glActiveTexture(GL_TEXTURE0);

    GltfGpuModel gpu;
    gpu.name = model.name;
    gpu.hasBounds = model.hasBounds;
    gpu.boundsMin = model.boundsMin;
    gpu.boundsMax = model.boundsMax;
    gpu.triangleCount = model.triangleCount;

    // Textures: one GL texture per (texture, colour space) a material uses.
    std::vector<GLuint> srgbName(model.textures.size(), 0), linearName(model.textures.size(), 0);
    auto textureFor = [&](const GltfTextureRef& ref, bool srgb) -> GLuint {
        if (ref.texture < 0 || static_cast<std::size_t>(ref.texture) >= model.textures.size()) return 0;
        const auto i = static_cast<std::size_t>(ref.texture);
        if (!model.textures[i].loaded()) return 0;
        GLuint& name = srgb ? srgbName[i] : linearName[i];
        if (name == 0) {
            gpu.textures.push_back(uploadTexture(model.textures[i], srgb));
            name = gpu.textures.back().id();
        }
        return name;
    };
    auto slot = [&](GltfGpuMaterial& out, int s, const GltfTextureRef& ref, bool srgb) {
        const auto k = static_cast<std::size_t>(s);
        out.textures[k] = textureFor(ref, srgb);
        out.uvSet[k] = ref.texCoord == 1 ? 1 : 0;
        out.uvTransform[k] = textureTransformMatrix(ref);
    };
    for (const GltfMaterial& m : model.materials) {
        GltfGpuMaterial out;
        slot(out, kBaseColorSlot, m.baseColorTexture, true);
        slot(out, kMetallicRoughnessSlot, m.metallicRoughnessTexture, false);
        slot(out, kNormalSlot, m.normalTexture, false);
        slot(out, kOcclusionSlot, m.occlusionTexture, false);
        slot(out, kEmissiveSlot, m.emissiveTexture, true);
        out.baseColorFactor = m.baseColorFactor;
        out.metallic = m.metallicFactor;
        out.roughness = m.roughnessFactor;
        out.normalScale = m.normalScale;
        out.occlusionStrength = m.occlusionStrength;
        out.emissiveFactor = m.emissiveFactor;
        out.alphaMode = m.alphaMode;
        out.alphaCutoff = m.alphaCutoff;
        out.doubleSided = m.doubleSided;
        gpu.materials.push_back(out);
    }
    gpu.materials.emplace_back();  // glTF's default material

    std::vector<Vertex> scratch;
    const int defaultMaterial = static_cast<int>(gpu.materials.size()) - 1;
    for (const GltfMesh& mesh : model.meshes) {
        GltfGpuMesh& out = gpu.meshes.emplace_back();
        for (const GltfPrimitive& p : mesh.primitives) {
            GltfGpuPrimitive& prim = out.primitives.emplace_back();
            uploadPrimitive(p, prim, scratch);
            gpu.hasMorphTargets = gpu.hasMorphTargets || prim.morphTargets > 0;
            if (prim.material < 0 || prim.material >= defaultMaterial) prim.material = defaultMaterial;
        }
    }

    for (const GltfNode& node : model.nodes) {
        gpu.nodeMesh.push_back(node.mesh);
        gpu.nodeSkin.push_back(node.skin);
    }
    // The default scene only (the loader guarantees a forest, so each node is reached once).
    std::vector<int> stack(model.sceneRoots.rbegin(), model.sceneRoots.rend());
    while (!stack.empty()) {
        const int n = stack.back();
        stack.pop_back();
        if (n < 0 || static_cast<std::size_t>(n) >= model.nodes.size()) continue;
        const GltfNode& node = model.nodes[static_cast<std::size_t>(n)];
        if (node.mesh >= 0 && static_cast<std::size_t>(node.mesh) < model.meshes.size()) gpu.drawNodes.push_back(n);
        stack.insert(stack.end(), node.children.rbegin(), node.children.rend());
    }
    evaluatePose(model, -1, 0.0f, gpu.restPose);
    for (const GltfSkin& skin : model.skins) {
        gpu.skinJointBase.push_back(gpu.jointCount);
        gpu.jointCount += static_cast<int>(skin.joints.size());
    }
    if (gpu.jointCount > 0) {
        std::vector<glm::mat4> joints;
        for (const auto& skin : gpu.restPose.joints) joints.insert(joints.end(), skin.begin(), skin.end());
        gpu.jointBuffer = gl::Buffer::create();
        glBindBuffer(GL_TEXTURE_BUFFER, gpu.jointBuffer.id());
        glBufferData(GL_TEXTURE_BUFFER, static_cast<GLsizeiptr>(joints.size() * sizeof(glm::mat4)), joints.data(),
                     GL_DYNAMIC_DRAW);
        gpu.jointTexture = gl::Texture::create();
        glBindTexture(GL_TEXTURE_BUFFER, gpu.jointTexture.id());
        glTexBuffer(GL_TEXTURE_BUFFER, GL_RGBA32F, gpu.jointBuffer.id());
        glBindBuffer(GL_TEXTURE_BUFFER, 0);
    }
    glPixelStorei(GL_UNPACK_ALIGNMENT, unpackAlignment);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, unpackRowLength);
    return gpu;
}

}  // namespace exhibit
