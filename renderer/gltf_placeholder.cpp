// placeholderModel: 6 faces x 4 vertices with normals, tangents and UVs (one texture repeat per
// metre), an orange / off-white checker texture with nearest filtering.
#include "renderer/gltf_placeholder.hpp"

#include <algorithm>
#include <cstdint>

namespace exhibit {
namespace {

Image checker() {
    constexpr int kSize = 64, kCell = 32;
    Image image(kSize, kSize);
    for (int y = 0; y < kSize; ++y) {
        for (int x = 0; x < kSize; ++x) {
            const bool dark = ((x / kCell) + (y / kCell)) % 2 == 0;
            std::uint8_t* p = image.pixel(x, y);
            p[0] = dark ? 232 : 240;
            p[1] = dark ? 120 : 236;
            p[2] = dark ? 32 : 226;
            p[3] = 255;
        }
    }
    return image;
}

}  // namespace

GltfModel placeholderModel(glm::vec3 boundsMin, glm::vec3 boundsMax, const std::string& name) {
    glm::vec3 lo = glm::min(boundsMin, boundsMax), hi = glm::max(boundsMin, boundsMax);
    for (int a = 0; a < 3; ++a)
        if (hi[a] - lo[a] < 0.01f) hi[a] = lo[a] + 0.01f;
    const glm::vec3 size = hi - lo;
    GltfPrimitive prim;
    // Each face: normal n, tangent t (the U direction), bitangent b = cross(n, t) (the V direction).
    struct Face {
        glm::vec3 n, t;
    };
    const Face faces[] = {{{1, 0, 0}, {0, 0, -1}}, {{-1, 0, 0}, {0, 0, 1}}, {{0, 1, 0}, {1, 0, 0}},
                          {{0, -1, 0}, {1, 0, 0}}, {{0, 0, 1}, {1, 0, 0}},  {{0, 0, -1}, {-1, 0, 0}}};
    const glm::vec3 centre = (lo + hi) * 0.5f;
    for (const Face& f : faces) {
        const glm::vec3 b = glm::cross(f.n, f.t);
        const auto base = static_cast<std::uint32_t>(prim.positions.size());
        const float halfU = glm::dot(glm::abs(f.t), size) * 0.5f, halfV = glm::dot(glm::abs(b), size) * 0.5f;
        const glm::vec3 faceCentre = centre + f.n * (glm::dot(glm::abs(f.n), size) * 0.5f);
        for (int i = 0; i < 4; ++i) {
            const float u = (i == 1 || i == 2) ? 1.0f : -1.0f, v = (i >= 2) ? 1.0f : -1.0f;
            prim.positions.push_back(faceCentre + f.t * (u * halfU) + b * (v * halfV));
            prim.normals.push_back(f.n);
            prim.tangents.emplace_back(f.t, 1.0f);
            // One checker repeat (2 x 2 cells) per metre; V grows downwards in glTF UV space.
            prim.texcoords0.emplace_back((u + 1.0f) * halfU, (1.0f - v) * halfV);
        }
        for (std::uint32_t k : {0u, 1u, 2u, 0u, 2u, 3u}) prim.indices.push_back(base + k);
    }
    prim.material = 0;
    GltfModel m;
    m.name = name;
    GltfMaterial material;
    material.name = "placeholder";
    material.baseColorTexture.texture = 0;
    material.metallicFactor = 0.0f;
    material.roughnessFactor = 0.8f;
    m.materials.push_back(material);
    GltfTexture texture;
    texture.image = checker();
    texture.source = "placeholder checker";
    texture.minFilter = GltfFilter::LinearMipmapLinear;
    texture.magFilter = GltfFilter::Nearest;
    m.textures.push_back(std::move(texture));
    GltfMesh mesh;
    mesh.name = "placeholder";
    mesh.primitives.push_back(std::move(prim));
    m.meshes.push_back(std::move(mesh));
    GltfNode node;
    node.name = "placeholder";
    node.mesh = 0;
    m.nodes.push_back(node);
    m.sceneRoots = {0};
    m.hasBounds = true;
    m.boundsMin = lo;
    m.boundsMax = hi;
    m.vertexCount = 24;
    m.triangleCount = 12;
    return m;
}

}  // namespace exhibit
