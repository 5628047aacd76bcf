#include "renderer/gltf_model.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <limits>
#include <optional>
#include <set>
#include <sstream>
#include <string_view>
#include <utility>

#include <glm/geometric.hpp>
#include <glm/gtc/matrix_transform.hpp>
#include <glm/gtc/type_ptr.hpp>

#include "core/error.hpp"

// TinyGLTF's implementation lives in this one translation unit (Debian ships the header; its
// README.Debian describes this route). Images are decoded here with stb_image, never written.
#define TINYGLTF_IMPLEMENTATION
#define TINYGLTF_NO_STB_IMAGE
#define TINYGLTF_NO_STB_IMAGE_WRITE
#include <tiny_gltf.h>

#include <stb_image.h>

namespace exhibit {

glm::mat4 GltfNode::localTransform() const {
    if (hasMatrix) return matrix;
    glm::mat4 m(1.0f);
    m = glm::translate(m, translation);
    m *= glm::mat4_cast(rotation);
    m = glm::scale(m, scale);
    return m;
}

namespace {

constexpr std::size_t kMaxFileBytes = std::size_t{1} << 30;   // one external buffer or image
constexpr int kMaxJsonDepth = 128;

// Extensions a model may require: the loader understands them fully.
const std::set<std::string, std::less<>> kSupportedRequired = {"KHR_texture_transform", "KHR_mesh_quantization"};

struct Context {
    std::string name;
    std::string baseDir;
    GltfLimits limits;
    std::vector<std::string> warnings;
    std::string fatal;  // set by a callback that must stop the load
    const tinygltf::Model* model = nullptr;
    std::size_t pixels = 0;
    std::size_t vertices = 0;
    std::set<int> imagesDecoded;  // images the image loader was handed bytes for

    [[noreturn]] void fail(const std::string& what) const { throw ContentError(name + ": " + what); }
    void warn(const std::string& what) { warnings.push_back(name + ": " + what); }
};

std::string firstLine(const std::string& text) {
    std::string_view s = text;
    while (!s.empty() && (s.front() == '\n' || s.front() == ' ')) s.remove_prefix(1);
    const std::size_t end = s.find('\n');
    std::string line(s.substr(0, end));
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '.')) line.pop_back();
    return line;
}

// --- filesystem callbacks: regular files of a sane size, resolved against the model's folder ---
// (TinyGLTF also tries the working directory, which these refuse; "../" in a uri is allowed).

bool underBase(const std::string& path, const Context& ctx) {
    return ctx.baseDir.empty() || path.rfind(ctx.baseDir, 0) == 0;
}

bool fileExists(const std::string& path, void* user) {
    const auto& ctx = *static_cast<const Context*>(user);
    std::error_code ec;
    return underBase(path, ctx) && std::filesystem::is_regular_file(path, ec);
}

std::string expandFilePath(const std::string& path, void*) { return path; }

bool readWholeFile(std::vector<unsigned char>* out, std::string* err, const std::string& path, void* user) {
    const auto& ctx = *static_cast<const Context*>(user);
    std::error_code ec;
    if (!underBase(path, ctx) || !std::filesystem::is_regular_file(path, ec)) {
        if (err) *err += "not a file";
        return false;
    }
    const auto size = std::filesystem::file_size(path, ec);
    if (ec || size > kMaxFileBytes) {
        if (err) *err += ec ? ec.message() : "larger than 1 GiB";
        return false;
    }
    std::ifstream in(path, std::ios::binary);
    out->resize(static_cast<std::size_t>(size));
    if (size > 0 && !in.read(reinterpret_cast<char*>(out->data()), static_cast<std::streamsize>(size))) {
        if (err) *err += "read error";
        return false;
    }
    return true;
}

bool writeWholeFile(std::string* err, const std::string&, const std::vector<unsigned char>&, void*) {
    if (err) *err += "writing is not supported";
    return false;
}

// --- image decoding: a bad image is a warning, too many pixels an error ----------------------

bool loadImage(tinygltf::Image* image, const int index, std::string*, std::string*, int, int,
               const unsigned char* bytes, int size, void* user) {
    auto& ctx = *static_cast<Context*>(user);
    ctx.imagesDecoded.insert(index);
    const std::string what = "images[" + std::to_string(index) + "]" + (image->uri.empty() ? "" : " (" + image->uri + ")");
    if (image->bufferView >= 0) {
        // TinyGLTF hands over the view's bytes without checking them against the buffer.
        const auto& views = ctx.model->bufferViews;
        const auto& view = views[static_cast<std::size_t>(image->bufferView)];
        const auto& buffer = ctx.model->buffers[static_cast<std::size_t>(view.buffer)];
        if (view.byteOffset > buffer.data.size() || view.byteLength > buffer.data.size() - view.byteOffset) {
            ctx.warn(what + ": bufferView " + std::to_string(image->bufferView) + " lies outside its buffer; texture left out");
            return true;
        }
    }
    int w = 0, h = 0, comp = 0;
    if (size <= 0 || stbi_info_from_memory(bytes, size, &w, &h, &comp) == 0) {
        ctx.warn(what + ": cannot decode the image (" + (size <= 0 ? "no data" : stbi_failure_reason()) + "); texture left out");
        return true;
    }
    const std::size_t pixels = static_cast<std::size_t>(w) * static_cast<std::size_t>(h);
    if (pixels > ctx.limits.maxTexturePixels - std::min(ctx.pixels, ctx.limits.maxTexturePixels)) {
        ctx.fatal = what + ": textures exceed the limit of " + std::to_string(ctx.limits.maxTexturePixels) + " pixels";
        return false;
    }
    stbi_uc* rgba = stbi_load_from_memory(bytes, size, &w, &h, &comp, 4);
    if (rgba == nullptr) {
        ctx.warn(what + ": cannot decode the image (" + stbi_failure_reason() + "); texture left out");
        return true;
    }
    ctx.pixels += pixels;
    image->width = w;
    image->height = h;
    image->component = 4;
    image->bits = 8;
    image->pixel_type = TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE;
    image->image.assign(rgba, rgba + pixels * 4);
    stbi_image_free(rgba);
    return true;
}

// Nesting deeper than any real glTF would only exhaust TinyGLTF's recursive value conversion.
bool tooDeep(std::string_view json) {
    int depth = 0;
    bool inString = false;
    for (std::size_t i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (inString) {
            if (c == '\\') ++i;
            else if (c == '"') inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > kMaxJsonDepth) return true;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return false;
}

// --- accessors ---------------------------------------------------------------------------------

int componentSize(int type) {
    switch (type) {
        case TINYGLTF_COMPONENT_TYPE_BYTE:
        case TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE: return 1;
        case TINYGLTF_COMPONENT_TYPE_SHORT:
        case TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT: return 2;
        case TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT:
        case TINYGLTF_COMPONENT_TYPE_FLOAT: return 4;
        default: return 0;
    }
}

int componentCount(int type) {
    switch (type) {
        case TINYGLTF_TYPE_SCALAR: return 1;
        case TINYGLTF_TYPE_VEC2: return 2;
        case TINYGLTF_TYPE_VEC3: return 3;
        case TINYGLTF_TYPE_VEC4: return 4;
        case TINYGLTF_TYPE_MAT2: return 4;
        case TINYGLTF_TYPE_MAT3: return 9;
        case TINYGLTF_TYPE_MAT4: return 16;
        default: return 0;
    }
}

template <typename T>
T loadAs(const unsigned char* p) {
    T v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

double readComponent(const unsigned char* p, int type, bool normalized) {
    switch (type) {
        case TINYGLTF_COMPONENT_TYPE_BYTE: {
            const double v = loadAs<std::int8_t>(p);
            return normalized ? std::max(v / 127.0, -1.0) : v;
        }
        case TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE: {
            const double v = loadAs<std::uint8_t>(p);
            return normalized ? v / 255.0 : v;
        }
        case TINYGLTF_COMPONENT_TYPE_SHORT: {
            const double v = loadAs<std::int16_t>(p);
            return normalized ? std::max(v / 32767.0, -1.0) : v;
        }
        case TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT: {
            const double v = loadAs<std::uint16_t>(p);
            return normalized ? v / 65535.0 : v;
        }
        case TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT: {
            const double v = loadAs<std::uint32_t>(p);
            return normalized ? v / 4294967295.0 : v;
        }
        default: return loadAs<float>(p);
    }
}

// The bytes of bufferView `index` (checked against its buffer), for the accessor named `what`.
std::span<const unsigned char> viewBytes(const Context& ctx, int index, const std::string& what, std::size_t* stride) {
    const tinygltf::Model& m = *ctx.model;
    if (index < 0 || static_cast<std::size_t>(index) >= m.bufferViews.size())
        ctx.fail(what + ": bufferView " + std::to_string(index) + " does not exist");
    const tinygltf::BufferView& view = m.bufferViews[static_cast<std::size_t>(index)];
    if (view.buffer < 0 || static_cast<std::size_t>(view.buffer) >= m.buffers.size())
        ctx.fail(what + ": bufferViews[" + std::to_string(index) + "] names buffer " + std::to_string(view.buffer) +
                 ", which does not exist");
    const auto& data = m.buffers[static_cast<std::size_t>(view.buffer)].data;
    if (view.byteOffset > data.size() || view.byteLength > data.size() - view.byteOffset)
        ctx.fail(what + ": bufferViews[" + std::to_string(index) + "] (offset " + std::to_string(view.byteOffset) +
                 ", length " + std::to_string(view.byteLength) + ") lies outside buffer " + std::to_string(view.buffer) +
                 " (" + std::to_string(data.size()) + " bytes)");
    if (stride) *stride = view.byteStride;
    return {data.data() + view.byteOffset, view.byteLength};
}

struct AccessorValues {
    std::vector<double> values;  // count * components
    int components = 0;
    std::size_t count = 0;
};

// Reads accessor `index` (sparse substitution included) as doubles, after checking every offset.
AccessorValues readAccessor(const Context& ctx, int index, const std::string& what) {
    const tinygltf::Model& m = *ctx.model;
    if (index < 0 || static_cast<std::size_t>(index) >= m.accessors.size())
        ctx.fail(what + ": accessor " + std::to_string(index) + " does not exist");
    const tinygltf::Accessor& a = m.accessors[static_cast<std::size_t>(index)];
    const std::string name = what + ": accessors[" + std::to_string(index) + "]";
    const int comps = componentCount(a.type);
    const int csize = componentSize(a.componentType);
    if (comps == 0 || csize == 0) ctx.fail(name + ": unsupported type or componentType");
    // No accessor of a model within the vertex limit holds more values (16 per MAT4, several indices per vertex).
    if (a.count > 8 * ctx.limits.maxVertices / static_cast<std::size_t>(comps))
        ctx.fail(name + ": count " + std::to_string(a.count) + " is too large for the limit of " +
                 std::to_string(ctx.limits.maxVertices) + " vertices");

    AccessorValues out;
    out.components = comps;
    out.count = a.count;
    out.values.assign(a.count * static_cast<std::size_t>(comps), 0.0);
    const std::size_t elemSize = static_cast<std::size_t>(comps * csize);
    if (a.bufferView >= 0 && a.count > 0) {
        std::size_t stride = 0;
        const auto bytes = viewBytes(ctx, a.bufferView, name, &stride);
        if (stride == 0) stride = elemSize;
        if (stride < elemSize || stride > 255) ctx.fail(name + ": byteStride " + std::to_string(stride) + " is invalid");
        if (a.byteOffset > bytes.size() || (a.count - 1) * stride + elemSize > bytes.size() - a.byteOffset)
            ctx.fail(name + ": " + std::to_string(a.count) + " elements from offset " + std::to_string(a.byteOffset) +
                     " read past the end of bufferView " + std::to_string(a.bufferView));
        for (std::size_t i = 0; i < a.count; ++i) {
            const unsigned char* e = bytes.data() + a.byteOffset + i * stride;
            for (int c = 0; c < comps; ++c)
                out.values[i * static_cast<std::size_t>(comps) + static_cast<std::size_t>(c)] =
                    readComponent(e + c * csize, a.componentType, a.normalized);
        }
    }
    if (a.sparse.isSparse) {
        const auto& s = a.sparse;
        if (s.count < 0 || static_cast<std::size_t>(s.count) > a.count)
            ctx.fail(name + ": sparse count " + std::to_string(s.count) + " is invalid");
        const int isize = componentSize(s.indices.componentType);
        if (isize == 0 || s.indices.componentType == TINYGLTF_COMPONENT_TYPE_BYTE ||
            s.indices.componentType == TINYGLTF_COMPONENT_TYPE_SHORT || s.indices.componentType == TINYGLTF_COMPONENT_TYPE_FLOAT)
            ctx.fail(name + ": sparse indices have an invalid componentType");
        const auto n = static_cast<std::size_t>(s.count);
        const auto ib = viewBytes(ctx, s.indices.bufferView, name + " sparse indices", nullptr);
        const auto vb = viewBytes(ctx, s.values.bufferView, name + " sparse values", nullptr);
        if (s.indices.byteOffset < 0 || static_cast<std::size_t>(s.indices.byteOffset) > ib.size() ||
            n * static_cast<std::size_t>(isize) > ib.size() - static_cast<std::size_t>(s.indices.byteOffset))
            ctx.fail(name + ": sparse indices read past the end of their bufferView");
        if (s.values.byteOffset < 0 || static_cast<std::size_t>(s.values.byteOffset) > vb.size() ||
            n * elemSize > vb.size() - static_cast<std::size_t>(s.values.byteOffset))
            ctx.fail(name + ": sparse values read past the end of their bufferView");
        for (std::size_t i = 0; i < n; ++i) {
            const auto target = static_cast<std::size_t>(
                readComponent(ib.data() + s.indices.byteOffset + i * static_cast<std::size_t>(isize), s.indices.componentType, false));
            if (target >= a.count)
                ctx.fail(name + ": sparse index " + std::to_string(target) + " is out of range (count " + std::to_string(a.count) + ")");
            const unsigned char* e = vb.data() + s.values.byteOffset + i * elemSize;
            for (int c = 0; c < comps; ++c)
                out.values[target * static_cast<std::size_t>(comps) + static_cast<std::size_t>(c)] =
                    readComponent(e + c * csize, a.componentType, a.normalized);
        }
    }
    return out;
}

AccessorValues readTyped(const Context& ctx, int index, const std::string& what, int components) {
    AccessorValues v = readAccessor(ctx, index, what);
    if (v.components != components)
        ctx.fail(what + ": accessors[" + std::to_string(index) + "] has " + std::to_string(v.components) +
                 " components, expected " + std::to_string(components));
    return v;
}

template <typename Vec>
std::vector<Vec> toVectors(const AccessorValues& v) {
    constexpr int n = Vec::length();
    std::vector<Vec> out(v.count);
    for (std::size_t i = 0; i < v.count; ++i)
        for (int c = 0; c < n; ++c)
            out[i][c] = static_cast<typename Vec::value_type>(v.values[i * static_cast<std::size_t>(n) + static_cast<std::size_t>(c)]);
    return out;
}

std::vector<float> toFloats(const AccessorValues& v) {
    std::vector<float> out(v.values.size());
    std::transform(v.values.begin(), v.values.end(), out.begin(), [](double d) { return static_cast<float>(d); });
    return out;
}

// --- primitives --------------------------------------------------------------------------------

template <typename T>
void unweld(std::vector<T>& values, const std::vector<std::uint32_t>& indices) {
    if (values.empty()) return;
    std::vector<T> out;
    out.reserve(indices.size());
    for (std::uint32_t i : indices) out.push_back(values[i]);
    values = std::move(out);
}

glm::vec3 anyOrthogonal(const glm::vec3& n) {
    const glm::vec3 axis = std::abs(n.x) < 0.9f ? glm::vec3(1, 0, 0) : glm::vec3(0, 1, 0);
    const glm::vec3 t = glm::cross(n, axis);
    const float len = glm::length(t);
    return len > 1e-12f ? t / len : glm::vec3(1, 0, 0);
}

void generateFlatNormals(GltfPrimitive& p) {
    p.normals.assign(p.positions.size(), glm::vec3(0, 0, 1));
    for (std::size_t t = 0; t + 2 < p.indices.size(); t += 3) {
        const glm::vec3 n = glm::cross(p.positions[t + 1] - p.positions[t], p.positions[t + 2] - p.positions[t]);
        const float len = glm::length(n);
        const glm::vec3 unit = len > 1e-20f && std::isfinite(len) ? n / len : glm::vec3(0, 0, 1);
        p.normals[t] = p.normals[t + 1] = p.normals[t + 2] = unit;
    }
    p.normalsGenerated = true;
}

void generateTangents(GltfPrimitive& p) {
    const std::size_t n = p.positions.size();
    std::vector<glm::vec3> tan(n, glm::vec3(0)), bitan(n, glm::vec3(0));
    if (!p.texcoords0.empty()) {
        for (std::size_t t = 0; t + 2 < p.indices.size(); t += 3) {
            const std::uint32_t i0 = p.indices[t], i1 = p.indices[t + 1], i2 = p.indices[t + 2];
            const glm::vec3 e1 = p.positions[i1] - p.positions[i0], e2 = p.positions[i2] - p.positions[i0];
            const glm::vec2 d1 = p.texcoords0[i1] - p.texcoords0[i0], d2 = p.texcoords0[i2] - p.texcoords0[i0];
            const float det = d1.x * d2.y - d2.x * d1.y;
            if (std::abs(det) < 1e-20f || !std::isfinite(det)) continue;
            const float r = 1.0f / det;
            // Not normalised per triangle: larger triangles weigh more in the vertex sum.
            const glm::vec3 tt = (e1 * d2.y - e2 * d1.y) * r;
            const glm::vec3 bb = (e2 * d1.x - e1 * d2.x) * r;
            for (std::uint32_t i : {i0, i1, i2}) {
                tan[i] += tt;
                bitan[i] += bb;
            }
        }
    }
    p.tangents.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        const glm::vec3& nn = p.normals[i];
        glm::vec3 t = tan[i] - nn * glm::dot(nn, tan[i]);
        const float len = glm::length(t);
        if (len > 1e-12f && std::isfinite(len)) t /= len;
        else t = anyOrthogonal(nn);
        const float w = glm::dot(glm::cross(nn, t), bitan[i]) < 0.0f ? -1.0f : 1.0f;
        p.tangents[i] = glm::vec4(t, w);
    }
    p.tangentsGenerated = true;
}

std::vector<std::uint32_t> triangulate(const std::vector<std::uint32_t>& idx, int mode) {
    std::vector<std::uint32_t> out;
    if (mode == TINYGLTF_MODE_TRIANGLES) {
        out.assign(idx.begin(), idx.begin() + static_cast<std::ptrdiff_t>(idx.size() - idx.size() % 3));
    } else if (idx.size() >= 3) {
        out.reserve((idx.size() - 2) * 3);
        for (std::size_t i = 0; i + 2 < idx.size(); ++i) {
            if (mode == TINYGLTF_MODE_TRIANGLE_FAN) out.insert(out.end(), {idx[0], idx[i + 1], idx[i + 2]});
            else if (i % 2 == 0) out.insert(out.end(), {idx[i], idx[i + 1], idx[i + 2]});
            else out.insert(out.end(), {idx[i + 1], idx[i], idx[i + 2]});
        }
    }
    return out;
}

int attribute(const std::map<std::string, int>& attributes, const char* name) {
    const auto it = attributes.find(name);
    return it == attributes.end() ? -1 : it->second;
}

template <typename Vec>
std::vector<Vec> readAttribute(const Context& ctx, const std::map<std::string, int>& attrs, const char* name,
                               const std::string& where, std::size_t vertices) {
    const int index = attribute(attrs, name);
    if (index < 0) return {};
    const AccessorValues v = readTyped(ctx, index, where + " " + name, Vec::length());
    if (v.count != vertices)
        ctx.fail(where + " " + name + ": " + std::to_string(v.count) + " elements, but POSITION has " + std::to_string(vertices));
    return toVectors<Vec>(v);
}

std::optional<GltfPrimitive> buildPrimitive(Context& ctx, const tinygltf::Primitive& src, const std::string& where) {
    const int mode = src.mode < 0 ? TINYGLTF_MODE_TRIANGLES : src.mode;
    if (mode != TINYGLTF_MODE_TRIANGLES && mode != TINYGLTF_MODE_TRIANGLE_STRIP && mode != TINYGLTF_MODE_TRIANGLE_FAN) {
        ctx.warn(where + ": mode " + std::to_string(mode) + " (points or lines) is not drawn; primitive skipped");
        return std::nullopt;
    }
    const int posIndex = attribute(src.attributes, "POSITION");
    if (posIndex < 0) {
        ctx.warn(where + ": no POSITION attribute; primitive skipped");
        return std::nullopt;
    }
    GltfPrimitive p;
    p.positions = toVectors<glm::vec3>(readTyped(ctx, posIndex, where + " POSITION", 3));
    const std::size_t n = p.positions.size();
    if (n > ctx.limits.maxVertices - std::min(ctx.vertices, ctx.limits.maxVertices))
        ctx.fail(where + ": the model exceeds the limit of " + std::to_string(ctx.limits.maxVertices) + " vertices");
    p.normals = readAttribute<glm::vec3>(ctx, src.attributes, "NORMAL", where, n);
    p.tangents = readAttribute<glm::vec4>(ctx, src.attributes, "TANGENT", where, n);
    p.texcoords0 = readAttribute<glm::vec2>(ctx, src.attributes, "TEXCOORD_0", where, n);
    p.texcoords1 = readAttribute<glm::vec2>(ctx, src.attributes, "TEXCOORD_1", where, n);
    if (const int c = attribute(src.attributes, "COLOR_0"); c >= 0) {
        const AccessorValues v = readAccessor(ctx, c, where + " COLOR_0");
        if ((v.components != 3 && v.components != 4) || v.count != n)
            ctx.fail(where + " COLOR_0: expected " + std::to_string(n) + " VEC3 or VEC4 elements");
        p.colors0.resize(n, glm::vec4(1.0f));
        for (std::size_t i = 0; i < n; ++i)
            for (int k = 0; k < v.components; ++k)
                p.colors0[i][k] = static_cast<float>(v.values[i * static_cast<std::size_t>(v.components) + static_cast<std::size_t>(k)]);
    }
    if (attribute(src.attributes, "JOINTS_0") >= 0) {
        const auto joints = readAttribute<glm::vec4>(ctx, src.attributes, "JOINTS_0", where, n);
        p.joints0.resize(n);
        for (std::size_t i = 0; i < n; ++i)
            for (int k = 0; k < 4; ++k)
                p.joints0[i][k] = static_cast<std::uint16_t>(std::clamp(joints[i][k], 0.0f, 65535.0f));
    }
    p.weights0 = readAttribute<glm::vec4>(ctx, src.attributes, "WEIGHTS_0", where, n);

    std::vector<std::uint32_t> indices;
    if (src.indices >= 0) {
        const AccessorValues v = readTyped(ctx, src.indices, where + " indices", 1);
        const int ct = ctx.model->accessors[static_cast<std::size_t>(src.indices)].componentType;
        if (ct != TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE && ct != TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT &&
            ct != TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT)
            ctx.fail(where + " indices: componentType must be an unsigned integer type");
        indices.reserve(v.count);
        for (double d : v.values) {
            if (d >= static_cast<double>(n))
                ctx.fail(where + " indices: index " + std::to_string(static_cast<std::uint64_t>(d)) + " is out of range (" +
                         std::to_string(n) + " vertices)");
            indices.push_back(static_cast<std::uint32_t>(d));
        }
    } else {
        indices.resize(n);
        for (std::size_t i = 0; i < n; ++i) indices[i] = static_cast<std::uint32_t>(i);
    }
    p.indices = triangulate(indices, mode);

    for (std::size_t t = 0; t < src.targets.size(); ++t) {
        const std::string tw = where + " targets[" + std::to_string(t) + "]";
        GltfMorphTarget target;
        target.positions = readAttribute<glm::vec3>(ctx, src.targets[t], "POSITION", tw, n);
        target.normals = readAttribute<glm::vec3>(ctx, src.targets[t], "NORMAL", tw, n);
        target.tangents = readAttribute<glm::vec3>(ctx, src.targets[t], "TANGENT", tw, n);
        p.targets.push_back(std::move(target));
    }

    if (p.normals.empty()) {
        // Flat normals need one vertex per triangle corner.
        if (p.indices.size() > ctx.limits.maxVertices - std::min(ctx.vertices, ctx.limits.maxVertices))
            ctx.fail(where + ": the model exceeds the limit of " + std::to_string(ctx.limits.maxVertices) + " vertices");
        unweld(p.positions, p.indices);
        unweld(p.tangents, p.indices);
        unweld(p.texcoords0, p.indices);
        unweld(p.texcoords1, p.indices);
        unweld(p.colors0, p.indices);
        unweld(p.joints0, p.indices);
        unweld(p.weights0, p.indices);
        for (GltfMorphTarget& target : p.targets) {
            unweld(target.positions, p.indices);
            unweld(target.normals, p.indices);
            unweld(target.tangents, p.indices);
        }
        for (std::size_t i = 0; i < p.indices.size(); ++i) p.indices[i] = static_cast<std::uint32_t>(i);
        generateFlatNormals(p);
    }
    if (p.tangents.empty()) generateTangents(p);
    ctx.vertices += p.positions.size();
    return p;
}

// --- materials and textures --------------------------------------------------------------------

double number(const tinygltf::Value& v, double fallback) { return v.IsNumber() ? v.GetNumberAsDouble() : fallback; }

GltfTextureRef textureRef(Context& ctx, int index, int texCoord, const tinygltf::ExtensionMap& ext, const std::string& where) {
    GltfTextureRef ref;
    if (index < 0) return ref;
    if (static_cast<std::size_t>(index) >= ctx.model->textures.size()) {
        ctx.warn(where + ": texture " + std::to_string(index) + " does not exist; left out");
        return ref;
    }
    ref.texture = index;
    ref.texCoord = texCoord;
    const auto it = ext.find("KHR_texture_transform");
    if (it != ext.end() && it->second.IsObject()) {
        const tinygltf::Value& t = it->second;
        ref.hasTransform = true;
        if (t.Has("offset") && t.Get("offset").IsArray() && t.Get("offset").ArrayLen() == 2)
            ref.offset = {number(t.Get("offset").Get(0), 0.0), number(t.Get("offset").Get(1), 0.0)};
        if (t.Has("scale") && t.Get("scale").IsArray() && t.Get("scale").ArrayLen() == 2)
            ref.scale = {number(t.Get("scale").Get(0), 1.0), number(t.Get("scale").Get(1), 1.0)};
        if (t.Has("rotation")) ref.rotation = static_cast<float>(number(t.Get("rotation"), 0.0));
        if (t.Has("texCoord") && t.Get("texCoord").IsInt()) ref.texCoord = t.Get("texCoord").GetNumberAsInt();
    }
    return ref;
}

GltfMaterial buildMaterial(Context& ctx, const tinygltf::Material& src, const std::string& where) {
    GltfMaterial m;
    m.name = src.name;
    const auto& pbr = src.pbrMetallicRoughness;
    for (std::size_t i = 0; i < 4 && i < pbr.baseColorFactor.size(); ++i) m.baseColorFactor[static_cast<int>(i)] = static_cast<float>(pbr.baseColorFactor[i]);
    m.metallicFactor = static_cast<float>(pbr.metallicFactor);
    m.roughnessFactor = static_cast<float>(pbr.roughnessFactor);
    m.baseColorTexture = textureRef(ctx, pbr.baseColorTexture.index, pbr.baseColorTexture.texCoord,
                                    pbr.baseColorTexture.extensions, where + " baseColorTexture");
    m.metallicRoughnessTexture = textureRef(ctx, pbr.metallicRoughnessTexture.index, pbr.metallicRoughnessTexture.texCoord,
                                            pbr.metallicRoughnessTexture.extensions, where + " metallicRoughnessTexture");
    m.normalTexture = textureRef(ctx, src.normalTexture.index, src.normalTexture.texCoord, src.normalTexture.extensions,
                                 where + " normalTexture");
    m.normalScale = static_cast<float>(src.normalTexture.scale);
    m.occlusionTexture = textureRef(ctx, src.occlusionTexture.index, src.occlusionTexture.texCoord,
                                    src.occlusionTexture.extensions, where + " occlusionTexture");
    m.occlusionStrength = static_cast<float>(src.occlusionTexture.strength);
    m.emissiveTexture = textureRef(ctx, src.emissiveTexture.index, src.emissiveTexture.texCoord,
                                   src.emissiveTexture.extensions, where + " emissiveTexture");
    for (std::size_t i = 0; i < 3 && i < src.emissiveFactor.size(); ++i) m.emissiveFactor[static_cast<int>(i)] = static_cast<float>(src.emissiveFactor[i]);
    if (src.alphaMode == "MASK") m.alphaMode = GltfAlphaMode::Mask;
    else if (src.alphaMode == "BLEND") m.alphaMode = GltfAlphaMode::Blend;
    else if (src.alphaMode != "OPAQUE") ctx.warn(where + ": unknown alphaMode \"" + src.alphaMode + "\"; OPAQUE used");
    m.alphaCutoff = static_cast<float>(src.alphaCutoff);
    m.doubleSided = src.doubleSided;
    return m;
}

GltfWrap wrap(int v) {
    switch (v) {
        case 33071: return GltfWrap::ClampToEdge;
        case 33648: return GltfWrap::MirroredRepeat;
        default: return GltfWrap::Repeat;
    }
}

GltfFilter filter(int v) {
    switch (v) {
        case 9728: case 9729: case 9984: case 9985: case 9986: case 9987: return static_cast<GltfFilter>(v);
        default: return GltfFilter::Unset;
    }
}

GltfTexture buildTexture(Context& ctx, const tinygltf::Texture& src, std::size_t index) {
    const tinygltf::Model& m = *ctx.model;
    const std::string where = "textures[" + std::to_string(index) + "]";
    GltfTexture t;
    if (src.sampler >= 0) {
        if (static_cast<std::size_t>(src.sampler) < m.samplers.size()) {
            const tinygltf::Sampler& s = m.samplers[static_cast<std::size_t>(src.sampler)];
            t.wrapS = wrap(s.wrapS);
            t.wrapT = wrap(s.wrapT);
            t.minFilter = filter(s.minFilter);
            t.magFilter = filter(s.magFilter);
        } else {
            ctx.warn(where + ": sampler " + std::to_string(src.sampler) + " does not exist; defaults used");
        }
    }
    if (src.source < 0 || static_cast<std::size_t>(src.source) >= m.images.size()) {
        ctx.warn(where + ": image " + std::to_string(src.source) + " does not exist; texture left out");
        return t;
    }
    const tinygltf::Image& image = m.images[static_cast<std::size_t>(src.source)];
    t.source = !image.uri.empty() ? image.uri : image.bufferView >= 0 ? "bufferView " + std::to_string(image.bufferView) : "data URI";
    if (image.image.empty() || image.width <= 0 || image.height <= 0 ||
        image.image.size() != static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height) * 4) {
        // The image loader has already said why when it got the bytes; a file it never got is missing.
        if (!ctx.imagesDecoded.contains(src.source))
            ctx.warn(where + ": image file " + image.uri + " is missing or unreadable; texture left out");
        return t;
    }
    t.image.width = image.width;
    t.image.height = image.height;
    t.image.rgba = image.image;
    return t;
}

// --- nodes, scenes, skins, animations ---------------------------------------------------------

std::vector<float> toFloatVector(const std::vector<double>& v) { return {v.begin(), v.end()}; }

void buildNodes(Context& ctx, GltfModel& out) {
    const tinygltf::Model& m = *ctx.model;
    out.nodes.resize(m.nodes.size());
    for (std::size_t i = 0; i < m.nodes.size(); ++i) {
        const tinygltf::Node& src = m.nodes[i];
        GltfNode& node = out.nodes[i];
        const std::string where = "nodes[" + std::to_string(i) + "]";
        node.name = src.name;
        if (src.mesh >= 0 && static_cast<std::size_t>(src.mesh) >= m.meshes.size())
            ctx.fail(where + ": mesh " + std::to_string(src.mesh) + " does not exist");
        if (src.skin >= 0 && static_cast<std::size_t>(src.skin) >= m.skins.size())
            ctx.fail(where + ": skin " + std::to_string(src.skin) + " does not exist");
        node.mesh = src.mesh;
        node.skin = src.skin;
        if (src.matrix.size() == 16) {
            float f[16];
            for (int k = 0; k < 16; ++k) f[k] = static_cast<float>(src.matrix[static_cast<std::size_t>(k)]);
            node.matrix = glm::make_mat4(f);
            node.hasMatrix = true;
        }
        if (src.translation.size() == 3) node.translation = glm::vec3(src.translation[0], src.translation[1], src.translation[2]);
        if (src.scale.size() == 3) node.scale = glm::vec3(src.scale[0], src.scale[1], src.scale[2]);
        if (src.rotation.size() == 4)
            node.rotation = glm::quat(static_cast<float>(src.rotation[3]), static_cast<float>(src.rotation[0]),
                                      static_cast<float>(src.rotation[1]), static_cast<float>(src.rotation[2]));
        node.weights = toFloatVector(src.weights);
        for (int child : src.children) {
            if (child < 0 || static_cast<std::size_t>(child) >= m.nodes.size())
                ctx.fail(where + ": child " + std::to_string(child) + " does not exist");
            GltfNode& c = out.nodes[static_cast<std::size_t>(child)];
            if (c.parent >= 0 || static_cast<std::size_t>(child) == i)
                ctx.fail(where + ": node " + std::to_string(child) + " has more than one parent");
            c.parent = static_cast<int>(i);
            node.children.push_back(child);
        }
    }
    // Each node has at most one parent; a parent chain that comes back to itself is a cycle.
    std::vector<char> state(out.nodes.size(), 0);  // 0 unknown, 1 on the chain being walked, 2 reaches a root
    for (std::size_t i = 0; i < out.nodes.size(); ++i) {
        std::vector<std::size_t> chain;
        for (std::size_t k = i; state[k] != 2;) {
            if (state[k] == 1) ctx.fail("nodes[" + std::to_string(k) + "]: the node hierarchy has a cycle");
            state[k] = 1;
            chain.push_back(k);
            if (out.nodes[k].parent < 0) break;
            k = static_cast<std::size_t>(out.nodes[k].parent);
        }
        for (std::size_t c : chain) state[c] = 2;
    }

    if (!m.scenes.empty()) {
        std::size_t scene = 0;
        if (m.defaultScene >= 0 && static_cast<std::size_t>(m.defaultScene) < m.scenes.size()) scene = static_cast<std::size_t>(m.defaultScene);
        else if (m.defaultScene >= 0) ctx.warn("scene " + std::to_string(m.defaultScene) + " does not exist; scenes[0] shown");
        std::set<int> seen;
        for (int root : m.scenes[scene].nodes) {
            if (root < 0 || static_cast<std::size_t>(root) >= m.nodes.size())
                ctx.fail("scenes[" + std::to_string(scene) + "]: node " + std::to_string(root) + " does not exist");
            if (out.nodes[static_cast<std::size_t>(root)].parent >= 0)
                ctx.fail("scenes[" + std::to_string(scene) + "]: node " + std::to_string(root) + " is not a root node");
            if (seen.insert(root).second) out.sceneRoots.push_back(root);
        }
    } else {
        for (std::size_t i = 0; i < out.nodes.size(); ++i)
            if (out.nodes[i].parent < 0) out.sceneRoots.push_back(static_cast<int>(i));
    }
}

void buildSkins(Context& ctx, GltfModel& out) {
    const tinygltf::Model& m = *ctx.model;
    for (std::size_t i = 0; i < m.skins.size(); ++i) {
        const tinygltf::Skin& src = m.skins[i];
        const std::string where = "skins[" + std::to_string(i) + "]";
        GltfSkin skin;
        skin.name = src.name;
        for (int j : src.joints) {
            if (j < 0 || static_cast<std::size_t>(j) >= m.nodes.size())
                ctx.fail(where + ": joint " + std::to_string(j) + " does not exist");
            skin.joints.push_back(j);
        }
        if (src.skeleton >= 0 && static_cast<std::size_t>(src.skeleton) >= m.nodes.size())
            ctx.fail(where + ": skeleton " + std::to_string(src.skeleton) + " does not exist");
        skin.skeleton = src.skeleton;
        skin.inverseBindMatrices.assign(skin.joints.size(), glm::mat4(1.0f));
        if (src.inverseBindMatrices >= 0) {
            const AccessorValues v = readTyped(ctx, src.inverseBindMatrices, where + " inverseBindMatrices", 16);
            if (v.count < skin.joints.size())
                ctx.fail(where + ": " + std::to_string(v.count) + " inverseBindMatrices for " + std::to_string(skin.joints.size()) + " joints");
            const std::vector<float> f = toFloats(v);
            for (std::size_t j = 0; j < skin.joints.size(); ++j) skin.inverseBindMatrices[j] = glm::make_mat4(&f[j * 16]);
        }
        out.skins.push_back(std::move(skin));
    }
}

void buildAnimations(Context& ctx, GltfModel& out) {
    const tinygltf::Model& m = *ctx.model;
    for (std::size_t a = 0; a < m.animations.size(); ++a) {
        const tinygltf::Animation& src = m.animations[a];
        const std::string where = "animations[" + std::to_string(a) + "]";
        GltfAnimation anim;
        anim.name = src.name;
        std::vector<std::size_t> keys;  // per sampler
        for (std::size_t s = 0; s < src.samplers.size(); ++s) {
            const tinygltf::AnimationSampler& ss = src.samplers[s];
            const std::string sw = where + " samplers[" + std::to_string(s) + "]";
            GltfAnimationSampler sampler;
            sampler.input = toFloats(readTyped(ctx, ss.input, sw + " input", 1));
            sampler.output = toFloats(readAccessor(ctx, ss.output, sw + " output"));
            if (ss.interpolation == "STEP") sampler.interpolation = GltfInterpolation::Step;
            else if (ss.interpolation == "CUBICSPLINE") sampler.interpolation = GltfInterpolation::CubicSpline;
            else if (ss.interpolation != "LINEAR") ctx.fail(sw + ": unknown interpolation \"" + ss.interpolation + "\"");
            for (float t : sampler.input)
                if (std::isfinite(t)) anim.duration = std::max(anim.duration, t);
            keys.push_back(sampler.input.size());
            anim.samplers.push_back(std::move(sampler));
        }
        for (std::size_t c = 0; c < src.channels.size(); ++c) {
            const tinygltf::AnimationChannel& sc = src.channels[c];
            const std::string cw = where + " channels[" + std::to_string(c) + "]";
            if (sc.sampler < 0 || static_cast<std::size_t>(sc.sampler) >= anim.samplers.size())
                ctx.fail(cw + ": sampler " + std::to_string(sc.sampler) + " does not exist");
            if (sc.target_node < 0 || static_cast<std::size_t>(sc.target_node) >= m.nodes.size()) {
                ctx.warn(cw + ": no target node; channel skipped");
                continue;
            }
            GltfAnimationChannel channel{sc.sampler, sc.target_node};
            std::size_t perKey = 0;
            if (sc.target_path == "translation" || sc.target_path == "scale") {
                channel.path = sc.target_path == "scale" ? GltfAnimationPath::Scale : GltfAnimationPath::Translation;
                perKey = 3;
            } else if (sc.target_path == "rotation") {
                channel.path = GltfAnimationPath::Rotation;
                perKey = 4;
            } else if (sc.target_path == "weights") {
                channel.path = GltfAnimationPath::Weights;
                const int mesh = m.nodes[static_cast<std::size_t>(sc.target_node)].mesh;
                if (mesh >= 0 && !m.meshes[static_cast<std::size_t>(mesh)].primitives.empty())
                    perKey = m.meshes[static_cast<std::size_t>(mesh)].primitives[0].targets.size();
                if (perKey == 0) {
                    ctx.warn(cw + ": weights of a node without morph targets; channel skipped");
                    continue;
                }
            } else {
                ctx.warn(cw + ": path \"" + sc.target_path + "\" is not supported; channel skipped");
                continue;
            }
            const GltfAnimationSampler& sampler = anim.samplers[static_cast<std::size_t>(sc.sampler)];
            const std::size_t expect = keys[static_cast<std::size_t>(sc.sampler)] * perKey *
                                       (sampler.interpolation == GltfInterpolation::CubicSpline ? 3 : 1);
            if (sampler.output.size() != expect)
                ctx.fail(cw + ": sampler output has " + std::to_string(sampler.output.size()) + " values, expected " +
                         std::to_string(expect));
            anim.channels.push_back(channel);
        }
        out.animations.push_back(std::move(anim));
    }
}

void computeBounds(GltfModel& out) {
    glm::vec3 lo(std::numeric_limits<float>::max()), hi(std::numeric_limits<float>::lowest());
    bool any = false;
    std::vector<std::pair<int, glm::mat4>> stack;
    for (int root : out.sceneRoots) stack.emplace_back(root, glm::mat4(1.0f));
    while (!stack.empty()) {
        const auto [index, parent] = stack.back();
        stack.pop_back();
        const GltfNode& node = out.nodes[static_cast<std::size_t>(index)];
        const glm::mat4 world = parent * node.localTransform();
        if (node.mesh >= 0) {
            for (const GltfPrimitive& p : out.meshes[static_cast<std::size_t>(node.mesh)].primitives) {
                for (const glm::vec3& v : p.positions) {
                    const glm::vec3 w(world * glm::vec4(v, 1.0f));
                    if (!std::isfinite(w.x) || !std::isfinite(w.y) || !std::isfinite(w.z)) continue;
                    lo = glm::min(lo, w);
                    hi = glm::max(hi, w);
                    any = true;
                }
            }
        }
        for (int child : node.children) stack.emplace_back(child, world);
    }
    out.hasBounds = any;
    if (any) {
        out.boundsMin = lo;
        out.boundsMax = hi;
    }
}

}  // namespace

GltfModel parseGltf(std::span<const std::uint8_t> bytes, const std::filesystem::path& baseDir,
                    const std::string& displayName, const GltfLimits& limits) {
    Context ctx;
    ctx.name = displayName;
    ctx.baseDir = baseDir.string();
    ctx.limits = limits;
    if (bytes.size() > std::numeric_limits<unsigned int>::max()) ctx.fail("file is larger than 4 GiB");

    tinygltf::Model model;
    ctx.model = &model;
    tinygltf::TinyGLTF loader;
    loader.SetImageLoader(&loadImage, &ctx);
    loader.SetFsCallbacks({&fileExists, &expandFilePath, &readWholeFile, &writeWholeFile, &ctx});
    std::string err, warn;
    const bool glb = bytes.size() >= 4 && std::memcmp(bytes.data(), "glTF", 4) == 0;
    std::string_view json;
    if (glb) {
        if (bytes.size() < 20) ctx.fail("truncated .glb: " + std::to_string(bytes.size()) + " bytes, the header alone is 20");
        std::uint32_t length = 0, jsonLength = 0;
        std::memcpy(&length, bytes.data() + 8, 4);
        std::memcpy(&jsonLength, bytes.data() + 12, 4);
        if (length > bytes.size())
            ctx.fail("truncated .glb: the header says " + std::to_string(length) + " bytes, the file has " + std::to_string(bytes.size()));
        if (jsonLength <= bytes.size() - 20) json = {reinterpret_cast<const char*>(bytes.data()) + 20, jsonLength};
    } else {
        json = {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
    }
    if (tooDeep(json)) ctx.fail("JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
    const std::string base = ctx.baseDir;
    const bool ok = glb ? loader.LoadBinaryFromMemory(&model, &err, &warn, bytes.data(), static_cast<unsigned int>(bytes.size()), base)
                        : loader.LoadASCIIFromString(&model, &err, &warn, json.data(), static_cast<unsigned int>(json.size()), base);
    if (!ctx.fatal.empty()) ctx.fail(ctx.fatal);
    if (!ok) ctx.fail(firstLine(err.empty() ? "not a valid glTF file" : err));

    for (const std::string& ext : model.extensionsRequired)
        if (!kSupportedRequired.contains(ext)) ctx.fail("requires extension " + ext + ", which is not supported");

    GltfModel out;
    out.name = displayName;
    for (std::size_t i = 0; i < model.materials.size(); ++i)
        out.materials.push_back(buildMaterial(ctx, model.materials[i], "materials[" + std::to_string(i) + "]"));
    for (std::size_t i = 0; i < model.textures.size(); ++i) out.textures.push_back(buildTexture(ctx, model.textures[i], i));
    for (std::size_t i = 0; i < model.meshes.size(); ++i) {
        const tinygltf::Mesh& src = model.meshes[i];
        GltfMesh mesh;
        mesh.name = src.name;
        std::size_t targets = 0;
        for (std::size_t p = 0; p < src.primitives.size(); ++p) {
            const std::string where = "meshes[" + std::to_string(i) + "].primitives[" + std::to_string(p) + "]";
            if (src.primitives[p].material >= 0 && static_cast<std::size_t>(src.primitives[p].material) >= model.materials.size())
                ctx.fail(where + ": material " + std::to_string(src.primitives[p].material) + " does not exist");
            if (auto prim = buildPrimitive(ctx, src.primitives[p], where)) {
                prim->material = src.primitives[p].material;
                targets = std::max(targets, prim->targets.size());
                out.triangleCount += prim->indices.size() / 3;
                mesh.primitives.push_back(std::move(*prim));
            }
        }
        mesh.weights = toFloatVector(src.weights);
        mesh.weights.resize(std::max(mesh.weights.size(), targets), 0.0f);
        out.meshes.push_back(std::move(mesh));
    }
    out.vertexCount = ctx.vertices;
    buildNodes(ctx, out);
    buildSkins(ctx, out);
    buildAnimations(ctx, out);
    computeBounds(out);
    if (!warn.empty()) {
        std::istringstream lines(warn);
        for (std::string line; std::getline(lines, line);)
            if (!line.empty() && line.find("image") == std::string::npos && line.find("File not found") == std::string::npos)
                ctx.warn(line);
    }
    out.warnings = std::move(ctx.warnings);
    return out;
}

GltfModel loadGltf(const std::filesystem::path& path, const GltfLimits& limits) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) throw ContentError(path.string() + ": no such file");
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) throw ContentError(path.string() + ": " + ec.message());
    if (size > kMaxFileBytes) throw ContentError(path.string() + ": larger than 1 GiB");
    std::vector<std::uint8_t> bytes(static_cast<std::size_t>(size));
    std::ifstream in(path, std::ios::binary);
    if (size > 0 && !in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(size)))
        throw ContentError(path.string() + ": cannot read the file");
    std::filesystem::path base = path.parent_path();
    if (base.empty()) base = ".";
    return parseGltf(bytes, base, path.string(), limits);
}

}  // namespace exhibit
