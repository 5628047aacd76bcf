// glTF loading (renderer/gltf_model): every model under tests/data/gltf (a copy of the project's
// shared glTF test models, ../shared/data/gltf, with their licences and README), what the named
// samples must contain, and truncated or corrupted files derived from them in a temp dir.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <glm/geometric.hpp>

#include "core/error.hpp"
#include "renderer/gltf_model.hpp"
#include "tests/support/temp_dir.hpp"

using namespace exhibit;
namespace fs = std::filesystem;

namespace {

const fs::path kGltf = fs::path(EXHIBIT_TEST_DATA) / "gltf";

std::vector<std::uint8_t> readBytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

std::string readText(const fs::path& p) {
    const auto b = readBytes(p);
    return {b.begin(), b.end()};
}

void writeBytes(const fs::path& p, const std::vector<std::uint8_t>& b) {
    std::ofstream(p, std::ios::binary).write(reinterpret_cast<const char*>(b.data()), static_cast<std::streamsize>(b.size()));
}

void writeText(const fs::path& p, const std::string& s) { std::ofstream(p, std::ios::binary) << s; }

void replaceOnce(std::string& s, const std::string& from, const std::string& to) {
    const auto at = s.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    s.replace(at, from.size(), to);
}

// The ContentError's message for loading `path`, or "" when it loaded.
std::string loadError(const fs::path& path) {
    try {
        loadGltf(path);
    } catch (const ContentError& e) {
        return e.what();
    }
    return "";
}

std::vector<fs::path> allModels() {
    std::vector<fs::path> out;
    for (const auto& e : fs::recursive_directory_iterator(kGltf))
        if (e.is_regular_file() && (e.path().extension() == ".gltf" || e.path().extension() == ".glb")) out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

void expectPrimitiveInvariants(const GltfPrimitive& p, const std::string& what) {
    const std::size_t n = p.positions.size();
    ASSERT_EQ(p.normals.size(), n) << what;
    ASSERT_EQ(p.tangents.size(), n) << what;
    EXPECT_EQ(p.indices.size() % 3, 0u) << what;
    for (std::uint32_t i : p.indices) ASSERT_LT(i, n) << what;
    for (const auto* attr : {&p.texcoords0, &p.texcoords1}) EXPECT_TRUE(attr->empty() || attr->size() == n) << what;
    EXPECT_TRUE(p.joints0.size() == p.weights0.size()) << what;
    for (const GltfMorphTarget& t : p.targets) EXPECT_TRUE(t.positions.empty() || t.positions.size() == n) << what;
    if (p.tangentsGenerated) {
        for (std::size_t i = 0; i < n; ++i) {
            const glm::vec3 t(p.tangents[i]);
            ASSERT_NEAR(glm::length(t), 1.0f, 1e-3f) << what << " vertex " << i;
            const float nl = glm::length(p.normals[i]);
            if (nl > 0.5f) {
                ASSERT_NEAR(glm::dot(t, p.normals[i] / nl), 0.0f, 1e-3f) << what << " vertex " << i;
            }
            ASSERT_TRUE(p.tangents[i].w == 1.0f || p.tangents[i].w == -1.0f) << what;
        }
    }
}

const GltfMaterial* materialNamed(const GltfModel& m, const std::string& name) {
    for (const GltfMaterial& mat : m.materials)
        if (mat.name == name) return &mat;
    return nullptr;
}

}  // namespace

TEST(Gltf, LoadsEveryTestModel) {
    const auto models = allModels();
    ASSERT_GE(models.size(), 30u);
    for (const fs::path& path : models) {
        SCOPED_TRACE(path.string());
        GltfModel m;
        ASSERT_NO_THROW(m = loadGltf(path));
        EXPECT_EQ(m.name, path.string());
        EXPECT_FALSE(m.meshes.empty());
        EXPECT_GT(m.triangleCount, 0u);
        EXPECT_TRUE(m.hasBounds);
        EXPECT_TRUE(m.warnings.empty()) << m.warnings.front();
        for (const GltfMesh& mesh : m.meshes)
            for (const GltfPrimitive& p : mesh.primitives) expectPrimitiveInvariants(p, path.string());
        for (const GltfTexture& t : m.textures) EXPECT_TRUE(t.loaded()) << t.source;
    }
}

TEST(Gltf, BoxInEveryPackaging) {
    for (const char* file : {"Box/glTF/Box.gltf", "Box/glTF-Binary/Box.glb", "Box/glTF-Embedded/Box.gltf",
                             "BoxInterleaved/glTF-Binary/BoxInterleaved.glb"}) {
        SCOPED_TRACE(file);
        const GltfModel m = loadGltf(kGltf / file);
        ASSERT_EQ(m.meshes.size(), 1u);
        ASSERT_EQ(m.meshes[0].primitives.size(), 1u);
        const GltfPrimitive& p = m.meshes[0].primitives[0];
        EXPECT_EQ(p.positions.size(), 24u);
        EXPECT_EQ(p.indices.size(), 36u);
        EXPECT_FALSE(p.normalsGenerated);
        EXPECT_TRUE(p.tangentsGenerated);
        EXPECT_EQ(m.vertexCount, 24u);
        EXPECT_EQ(m.triangleCount, 12u);
        for (int k = 0; k < 3; ++k) {
            EXPECT_NEAR(m.boundsMin[k], -0.5f, 1e-5f);
            EXPECT_NEAR(m.boundsMax[k], 0.5f, 1e-5f);
        }
        ASSERT_EQ(m.materials.size(), 1u);
        EXPECT_EQ(m.nodes.size(), 2u);
        ASSERT_EQ(m.sceneRoots.size(), 1u);
        EXPECT_TRUE(m.nodes[static_cast<std::size_t>(m.sceneRoots[0])].hasMatrix);  // Y-up from Z-up
    }
}

TEST(Gltf, BoxTexturedDecodesItsTextureInEveryPackaging) {
    for (const char* file : {"BoxTextured/glTF/BoxTextured.gltf", "BoxTextured/glTF-Binary/BoxTextured.glb",
                             "BoxTextured/glTF-Embedded/BoxTextured.gltf"}) {
        SCOPED_TRACE(file);
        const GltfModel m = loadGltf(kGltf / file);
        ASSERT_EQ(m.textures.size(), 1u);
        const GltfTexture& t = m.textures[0];
        ASSERT_TRUE(t.loaded());
        EXPECT_EQ(t.image.width, 211);
        EXPECT_EQ(t.image.height, 211);
        EXPECT_EQ(t.image.rgba.size(), 211u * 211u * 4u);
        EXPECT_EQ(m.materials.at(0).baseColorTexture.texture, 0);
        const GltfPrimitive& p = m.meshes.at(0).primitives.at(0);
        EXPECT_EQ(p.texcoords0.size(), p.positions.size());
        expectPrimitiveInvariants(p, file);
    }
}

TEST(Gltf, SkinsAndAnimations) {
    const GltfModel simple = loadGltf(kGltf / "SimpleSkin/glTF-Embedded/SimpleSkin.gltf");
    ASSERT_EQ(simple.skins.size(), 1u);
    EXPECT_EQ(simple.skins[0].joints.size(), 2u);
    EXPECT_EQ(simple.skins[0].inverseBindMatrices.size(), 2u);
    ASSERT_EQ(simple.animations.size(), 1u);
    EXPECT_FALSE(simple.animations[0].channels.empty());
    EXPECT_GT(simple.animations[0].duration, 0.0f);
    const GltfPrimitive& sp = simple.meshes.at(0).primitives.at(0);
    EXPECT_EQ(sp.joints0.size(), sp.positions.size());
    EXPECT_EQ(sp.weights0.size(), sp.positions.size());

    for (const char* file : {"CesiumMan/glTF/CesiumMan.gltf", "CesiumMan/glTF-Binary/CesiumMan.glb",
                             "CesiumMan/glTF-Embedded/CesiumMan.gltf"}) {
        SCOPED_TRACE(file);
        const GltfModel man = loadGltf(kGltf / file);
        ASSERT_EQ(man.skins.size(), 1u);
        EXPECT_EQ(man.skins[0].joints.size(), 19u);
        ASSERT_EQ(man.animations.size(), 1u);
        for (const GltfAnimationChannel& c : man.animations[0].channels) {
            ASSERT_GE(c.node, 0);
            ASSERT_LT(static_cast<std::size_t>(c.node), man.nodes.size());
        }
        for (const GltfAnimationSampler& s : man.animations[0].samplers)
            EXPECT_TRUE(std::is_sorted(s.input.begin(), s.input.end()));
        ASSERT_EQ(man.textures.size(), 1u);
        EXPECT_EQ(man.textures[0].image.width, 1024);
        // A skinned mesh: the joints index into the skin.
        for (const auto& j : man.meshes.at(0).primitives.at(0).joints0)
            for (int k = 0; k < 4; ++k) ASSERT_LT(j[k], 19);
    }
}

TEST(Gltf, MorphTargets) {
    const GltfModel cube = loadGltf(kGltf / "AnimatedMorphCube/glTF/AnimatedMorphCube.gltf");
    const GltfPrimitive& p = cube.meshes.at(0).primitives.at(0);
    ASSERT_EQ(p.targets.size(), 2u);
    EXPECT_EQ(p.targets[0].positions.size(), p.positions.size());
    EXPECT_EQ(cube.meshes[0].weights.size(), 2u);
    ASSERT_EQ(cube.animations.size(), 1u);
    ASSERT_EQ(cube.animations[0].channels.size(), 1u);
    EXPECT_EQ(cube.animations[0].channels[0].path, GltfAnimationPath::Weights);

    const GltfModel stress = loadGltf(kGltf / "MorphStressTest/glTF/MorphStressTest.gltf");
    std::size_t targets = 0;
    bool uv1 = false;
    for (const GltfMesh& mesh : stress.meshes)
        for (const GltfPrimitive& prim : mesh.primitives) {
            targets += prim.targets.size();
            uv1 = uv1 || !prim.texcoords1.empty();
        }
    EXPECT_EQ(targets, 16u);  // two primitives with 8 each
    EXPECT_TRUE(uv1);
    EXPECT_EQ(stress.animations.size(), 3u);
}

TEST(Gltf, SparseAccessorIsApplied) {
    const GltfModel m = loadGltf(kGltf / "SimpleSparseAccessor/glTF-Embedded/SimpleSparseAccessor.gltf");
    ASSERT_TRUE(m.hasBounds);
    // The dense positions lie in y <= 2; the three sparse substitutes lift vertices to y = 4.
    EXPECT_NEAR(m.boundsMax.y, 4.0f, 1e-5f);
    EXPECT_NEAR(m.boundsMax.x, 6.0f, 1e-5f);
    EXPECT_NEAR(m.boundsMin.x, 0.0f, 1e-5f);
    const GltfPrimitive& p = m.meshes.at(0).primitives.at(0);
    EXPECT_TRUE(p.normalsGenerated);  // no NORMAL: flat normals on unwelded triangles
    EXPECT_EQ(p.positions.size(), 36u);
    for (const glm::vec3& n : p.normals) EXPECT_NEAR(std::abs(n.z), 1.0f, 1e-5f);  // a flat grid in z = 0
}

TEST(Gltf, TextureTransforms) {
    const GltfModel m = loadGltf(kGltf / "TextureTransformTest/glTF/TextureTransformTest.gltf");
    EXPECT_EQ(m.textures.size(), 5u);
    const GltfMaterial* offset = materialNamed(m, "Offset UV");
    ASSERT_NE(offset, nullptr);
    EXPECT_TRUE(offset->baseColorTexture.hasTransform);
    EXPECT_FLOAT_EQ(offset->baseColorTexture.offset.x, 0.5f);
    EXPECT_FLOAT_EQ(offset->baseColorTexture.offset.y, 0.5f);
    const GltfMaterial* rotation = materialNamed(m, "Rotation");
    ASSERT_NE(rotation, nullptr);
    EXPECT_NEAR(rotation->baseColorTexture.rotation, 0.3926991f, 1e-6f);
    const GltfMaterial* all = materialNamed(m, "All");
    ASSERT_NE(all, nullptr);
    EXPECT_FLOAT_EQ(all->baseColorTexture.offset.x, -0.2f);
    EXPECT_FLOAT_EQ(all->baseColorTexture.scale.y, 1.5f);
    EXPECT_FLOAT_EQ(all->baseColorTexture.rotation, 0.3f);
    const GltfMaterial* plain = materialNamed(m, "Correct");
    ASSERT_NE(plain, nullptr);
    EXPECT_FALSE(plain->baseColorTexture.hasTransform);
    EXPECT_EQ(plain->baseColorTexture.texture, 2);
}

TEST(Gltf, PbrMaterialsAndGeneratedTangents) {
    const GltfModel helmet = loadGltf(kGltf / "DamagedHelmet/glTF-Binary/DamagedHelmet.glb");
    const GltfMaterial& mat = helmet.materials.at(0);
    EXPECT_GE(mat.baseColorTexture.texture, 0);
    EXPECT_GE(mat.metallicRoughnessTexture.texture, 0);
    EXPECT_GE(mat.normalTexture.texture, 0);
    EXPECT_GE(mat.occlusionTexture.texture, 0);
    EXPECT_GE(mat.emissiveTexture.texture, 0);
    EXPECT_EQ(mat.emissiveFactor, glm::vec3(1.0f));
    const GltfPrimitive& p = helmet.meshes.at(0).primitives.at(0);
    EXPECT_TRUE(p.tangentsGenerated);
    expectPrimitiveInvariants(p, "DamagedHelmet");

    // ClearCoatTest has a normal texture and no TANGENT: the loader makes them.
    const GltfModel coat = loadGltf(kGltf / "ClearCoatTest/glTF/ClearCoatTest.gltf");
    for (const GltfMesh& mesh : coat.meshes)
        for (const GltfPrimitive& prim : mesh.primitives) EXPECT_EQ(prim.tangents.size(), prim.positions.size());
}

TEST(Gltf, KenneyStandInsFindTheirExternalAtlas) {
    const GltfModel m = loadGltf(kGltf / "KenneyCityKit/building-small-a.glb");
    ASSERT_FALSE(m.textures.empty());
    EXPECT_TRUE(m.textures[0].loaded());
    EXPECT_NEAR(m.boundsMax.x - m.boundsMin.x, 1.0f, 1e-3f);
}

// --- bad content -----------------------------------------------------------------------------

TEST(GltfBad, TruncatedGlbNamesTheFile) {
    test::TempDir dir("gltf-bad");
    const auto bytes = readBytes(kGltf / "BoxTextured/glTF-Binary/BoxTextured.glb");
    for (std::size_t len : {std::size_t{0}, std::size_t{3}, std::size_t{12}, std::size_t{19}, std::size_t{20},
                            std::size_t{100}, bytes.size() / 2, bytes.size() - 1}) {
        SCOPED_TRACE(len);
        const fs::path p = dir.path() / ("cut" + std::to_string(len) + ".glb");
        writeBytes(p, {bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(len)});
        const std::string error = loadError(p);
        ASSERT_FALSE(error.empty());
        EXPECT_EQ(error.rfind(p.string() + ": ", 0), 0u) << error;
        EXPECT_EQ(error.find('\n'), std::string::npos) << error;
    }
}

TEST(GltfBad, CorruptedFilesGiveOneLineNamingTheFileAndProblem) {
    test::TempDir dir("gltf-bad");
    const fs::path box = kGltf / "Box/glTF";
    const std::string gltf = readText(box / "Box.gltf");
    const auto bin = readBytes(box / "Box0.bin");

    struct Case {
        std::string name;
        std::string json;
        std::vector<std::uint8_t> bin;
        std::string expect;  // part of the message
    };
    std::vector<Case> cases;
    cases.push_back({"badjson", gltf.substr(0, gltf.size() / 2), bin, ""});
    cases.push_back({"shortbin", gltf, {bin.begin(), bin.begin() + 100}, "Box0.bin"});
    cases.push_back({"nobin", gltf, {}, "Box0.bin"});
    {
        std::string j = gltf;
        replaceOnce(j, "\"count\": 24", "\"count\": 2400");
        cases.push_back({"pastend", j, bin, "read past the end"});
    }
    {
        std::string j = gltf;
        replaceOnce(j, "\"asset\"", "\"extensionsRequired\": [\"KHR_draco_mesh_compression\"], \"asset\"");
        cases.push_back({"required", j, bin, "KHR_draco_mesh_compression"});
    }
    {
        std::string j = gltf;
        replaceOnce(j, "\"POSITION\": 2", "\"POSITION\": 42");
        cases.push_back({"noaccessor", j, bin, "accessor 42 does not exist"});
    }
    {
        // Index 0 becomes 65535 (little-endian unsigned short at the start of the index view, 576).
        std::vector<std::uint8_t> b = bin;
        b[576] = 0xff;
        b[577] = 0xff;
        cases.push_back({"badindex", gltf, b, "index 65535 is out of range"});
    }
    for (const Case& c : cases) {
        SCOPED_TRACE(c.name);
        const fs::path sub = dir.path() / c.name;
        fs::create_directories(sub);
        writeText(sub / "Box.gltf", c.json);
        if (c.name != "nobin") writeBytes(sub / "Box0.bin", c.bin);
        const std::string error = loadError(sub / "Box.gltf");
        ASSERT_FALSE(error.empty());
        EXPECT_EQ(error.rfind((sub / "Box.gltf").string() + ": ", 0), 0u) << error;
        EXPECT_EQ(error.find('\n'), std::string::npos) << error;
        EXPECT_NE(error.find(c.expect), std::string::npos) << error;
    }
}

TEST(GltfBad, MissingOrBrokenTextureIsAWarningNotAnError) {
    test::TempDir dir("gltf-bad");
    const fs::path src = kGltf / "BoxTextured/glTF";
    fs::copy_file(src / "BoxTextured.gltf", dir.path() / "BoxTextured.gltf");
    fs::copy_file(src / "BoxTextured0.bin", dir.path() / "BoxTextured0.bin");

    GltfModel m;
    ASSERT_NO_THROW(m = loadGltf(dir.path() / "BoxTextured.gltf"));  // CesiumLogoFlat.png is missing
    ASSERT_EQ(m.textures.size(), 1u);
    EXPECT_FALSE(m.textures[0].loaded());
    ASSERT_EQ(m.warnings.size(), 1u);
    EXPECT_EQ(m.warnings[0].rfind((dir.path() / "BoxTextured.gltf").string() + ": ", 0), 0u) << m.warnings[0];
    EXPECT_NE(m.warnings[0].find("CesiumLogoFlat.png"), std::string::npos) << m.warnings[0];
    EXPECT_EQ(m.meshes.at(0).primitives.at(0).indices.size(), 36u);

    writeText(dir.path() / "CesiumLogoFlat.png", "not a png at all");
    ASSERT_NO_THROW(m = loadGltf(dir.path() / "BoxTextured.gltf"));
    EXPECT_FALSE(m.textures.at(0).loaded());
    ASSERT_EQ(m.warnings.size(), 1u);
    EXPECT_NE(m.warnings[0].find("cannot decode"), std::string::npos) << m.warnings[0];
}

TEST(GltfBad, LimitsStopHugeModels) {
    const fs::path helmet = kGltf / "DamagedHelmet/glTF-Binary/DamagedHelmet.glb";
    for (std::size_t vertices : {std::size_t{1000}, std::size_t{10000}}) {  // the accessor check, the vertex total (14556)
        GltfLimits few;
        few.maxVertices = vertices;
        try {
            loadGltf(helmet, few);
            FAIL() << "no error";
        } catch (const ContentError& e) {
            EXPECT_NE(std::string(e.what()).find("the limit of " + std::to_string(vertices) + " vertices"), std::string::npos)
                << e.what();
        }
    }
    GltfLimits small;
    small.maxTexturePixels = 1000 * 1000;
    try {
        loadGltf(helmet, small);
        FAIL() << "no error";
    } catch (const ContentError& e) {
        EXPECT_NE(std::string(e.what()).find("textures exceed the limit"), std::string::npos) << e.what();
    }
}

TEST(GltfBad, ParseFromMemoryNeverCrashesOnCutJson) {
    const std::string json = readText(kGltf / "SimpleSparseAccessor/glTF-Embedded/SimpleSparseAccessor.gltf");
    for (std::size_t len = 0; len < json.size(); len += 37) {
        const std::span<const std::uint8_t> bytes(reinterpret_cast<const std::uint8_t*>(json.data()), len);
        EXPECT_THROW(parseGltf(bytes, kGltf, "cut.gltf"), ContentError) << len;
    }
    EXPECT_THROW(loadGltf(kGltf / "no-such-model.glb"), ContentError);
}

namespace {

GltfModel parseText(const std::string& json) {
    return parseGltf({reinterpret_cast<const std::uint8_t*>(json.data()), json.size()}, "/nonexistent", "mem.gltf");
}

std::string parseTextError(const std::string& json) {
    try {
        parseText(json);
    } catch (const ContentError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST(GltfBad, HierarchyCyclesAndSharedChildrenAreErrors) {
    EXPECT_NE(parseTextError(R"({"asset":{"version":"2.0"},"nodes":[{"children":[1]},{"children":[0]}]})").find("mem.gltf: nodes["),
              std::string::npos);
    EXPECT_NE(parseTextError(R"({"asset":{"version":"2.0"},"nodes":[{"children":[2]},{"children":[2]},{}]})").find("more than one parent"),
              std::string::npos);
    EXPECT_NE(parseTextError(R"({"asset":{"version":"2.0"},"nodes":[{"children":[0]}]})").find("more than one parent"),
              std::string::npos);
    const GltfModel ok = parseText(R"({"asset":{"version":"2.0"},"nodes":[{"children":[1]},{}]})");
    EXPECT_EQ(ok.nodes.at(1).parent, 0);
    EXPECT_EQ(ok.sceneRoots, std::vector<int>{0});  // no scenes: every parentless node
    EXPECT_FALSE(ok.hasBounds);
}

TEST(GltfBad, DeepJsonIsAnErrorNotAStackOverflow) {
    const std::string deep = R"({"asset":{"version":"2.0"},"extras":)" + std::string(100000, '[') + std::string(100000, ']') + "}";
    EXPECT_NE(parseTextError(deep).find("mem.gltf: JSON nested deeper than"), std::string::npos);
}

TEST(GltfBad, ImageViewOutsideItsBufferIsAWarning) {
    // TinyGLTF hands an image's bufferView bytes to the decoder without a range check.
    const GltfModel m = parseText(
        R"({"asset":{"version":"2.0"},"buffers":[{"byteLength":4,"uri":"data:application/octet-stream;base64,YWJjZA=="}],)"
        R"("bufferViews":[{"buffer":0,"byteOffset":100000,"byteLength":50}],"images":[{"bufferView":0,"mimeType":"image/png"}],)"
        R"("textures":[{"source":0}]})");
    ASSERT_EQ(m.textures.size(), 1u);
    EXPECT_FALSE(m.textures[0].loaded());
    ASSERT_EQ(m.warnings.size(), 1u);
    EXPECT_NE(m.warnings[0].find("lies outside its buffer"), std::string::npos) << m.warnings[0];
}

TEST(GltfBad, PointsAndLinesAreSkippedWithAWarning) {
    const GltfModel m = parseText(
        R"({"asset":{"version":"2.0"},"buffers":[{"byteLength":36,"uri":"data:application/octet-stream;base64,AAAAAAAAAAAAAAAAAACAPwAAAAAAAAAAAAAAAAAAgD8AAAAA"}],)"
        R"("bufferViews":[{"buffer":0,"byteLength":36}],"accessors":[{"bufferView":0,"componentType":5126,"count":3,"type":"VEC3"}],)"
        R"("meshes":[{"primitives":[{"attributes":{"POSITION":0},"mode":1},{"attributes":{"POSITION":0}}]}],"nodes":[{"mesh":0}]})");
    ASSERT_EQ(m.meshes.at(0).primitives.size(), 1u);
    EXPECT_EQ(m.triangleCount, 1u);
    ASSERT_EQ(m.warnings.size(), 1u);
    EXPECT_NE(m.warnings[0].find("mode 1"), std::string::npos) << m.warnings[0];
    const GltfPrimitive& p = m.meshes[0].primitives[0];
    EXPECT_TRUE(p.normalsGenerated);
    EXPECT_NEAR(p.normals[0].z, 1.0f, 1e-6f);  // (0,0,0) (1,0,0) (0,1,0): counter-clockwise about +z
    EXPECT_NEAR(m.boundsMax.x, 1.0f, 1e-6f);
}
