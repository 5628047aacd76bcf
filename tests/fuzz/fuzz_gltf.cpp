// Fuzz target: glTF 2.0 models through parseGltf (the bytes entry of loadGltf), as .glb when the
// input starts with "glTF" and as .gltf JSON otherwise; JSON input is tried a second time wrapped
// in a GLB container. External files resolve against a folder that does not exist, so the
// loader never reads the disk. Checks what gltf_model.hpp promises about an accepted model.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "renderer/gltf_model.hpp"
#include "tests/fuzz/fuzz_support.hpp"

using namespace exhibit;

namespace {

void checkModel(const GltfModel& m) {
    for (const GltfMesh& mesh : m.meshes) {
        for (const GltfPrimitive& p : mesh.primitives) {
            const std::size_t n = p.positions.size();
            fuzz::fuzzCheck(p.normals.size() == n && p.tangents.size() == n, "normals or tangents missing after load");
            fuzz::fuzzCheck(p.indices.size() % 3 == 0, "indices are not a triangle list");
            for (std::uint32_t i : p.indices) fuzz::fuzzCheck(i < n, "an index is out of range after load");
            fuzz::fuzzCheck(p.texcoords0.empty() || p.texcoords0.size() == n, "TEXCOORD_0 count differs from POSITION");
            fuzz::fuzzCheck(p.joints0.empty() || p.joints0.size() == n, "JOINTS_0 count differs from POSITION");
            for (const GltfMorphTarget& t : p.targets)
                fuzz::fuzzCheck(t.positions.empty() || t.positions.size() == n, "morph target count differs from POSITION");
            fuzz::fuzzCheck(p.material < static_cast<int>(m.materials.size()), "primitive names a missing material");
        }
    }
    for (const GltfTexture& t : m.textures)
        fuzz::fuzzCheck(t.image.rgba.size() == static_cast<std::size_t>(t.image.width) * static_cast<std::size_t>(t.image.height) * 4,
                        "texture pixels do not match its size");
    for (std::size_t i = 0; i < m.nodes.size(); ++i) {
        const GltfNode& node = m.nodes[i];
        fuzz::fuzzCheck(node.mesh < static_cast<int>(m.meshes.size()) && node.skin < static_cast<int>(m.skins.size()),
                        "node names a missing mesh or skin");
        for (int c : node.children)
            fuzz::fuzzCheck(c >= 0 && static_cast<std::size_t>(c) < m.nodes.size() &&
                                m.nodes[static_cast<std::size_t>(c)].parent == static_cast<int>(i),
                            "child and parent disagree");
    }
    for (int root : m.sceneRoots)
        fuzz::fuzzCheck(root >= 0 && static_cast<std::size_t>(root) < m.nodes.size(), "scene root out of range");
    for (const GltfAnimation& a : m.animations)
        for (const GltfAnimationChannel& c : a.channels)
            fuzz::fuzzCheck(c.node >= 0 && static_cast<std::size_t>(c.node) < m.nodes.size() && c.sampler >= 0 &&
                                static_cast<std::size_t>(c.sampler) < a.samplers.size(),
                            "animation channel out of range");
}

void parse(std::span<const std::uint8_t> bytes, const char* name) {
    GltfLimits limits;  // small enough for libFuzzer's memory limit
    limits.maxVertices = 1u << 20;
    limits.maxTexturePixels = 4u << 20;
    try {
        checkModel(parseGltf(bytes, "/nonexistent-exhibit-fuzz-dir", name, limits));
    } catch (const ContentError& e) {
        // Malformed glTF: the expected outcome for most inputs. The message is one line naming the file.
        const std::string what = e.what();
        fuzz::fuzzCheck(what.rfind(std::string(name) + ": ", 0) == 0, "error message does not start with the file name");
        fuzz::fuzzCheck(what.find('\n') == std::string::npos, "error message is more than one line");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::span<const std::uint8_t> bytes(data, size);
    parse(bytes, size >= 4 && std::memcmp(data, "glTF", 4) == 0 ? "fuzz.glb" : "fuzz.gltf");
    if (size >= 4 && std::memcmp(data, "glTF", 4) == 0) return 0;

    // The same JSON as the chunk of a .glb with no BIN chunk.
    const std::size_t padded = (size + 3) / 4 * 4;
    std::vector<std::uint8_t> glb(20 + padded, ' ');
    const auto put32 = [&](std::size_t at, std::uint32_t v) { std::memcpy(glb.data() + at, &v, 4); };
    std::memcpy(glb.data(), "glTF", 4);
    put32(4, 2);
    put32(8, static_cast<std::uint32_t>(glb.size()));
    put32(12, static_cast<std::uint32_t>(padded));
    put32(16, 0x4E4F534A);  // "JSON"
    if (size > 0) std::memcpy(glb.data() + 20, data, size);
    parse(glb, "fuzz.glb");
    return 0;
}
