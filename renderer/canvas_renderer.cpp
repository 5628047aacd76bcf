#include "renderer/canvas_renderer.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>

#include "renderer/canvas_shaders.hpp"
#include "renderer/font.hpp"
#include "renderer/shader.hpp"

namespace exhibit {
namespace {

// FreeType's SDF renderer stores inside as values above 128 (checked by tests/gl/text_test.cpp).
constexpr bool kSdfInsideIsHigh = true;

const void* byteOffset(std::size_t offset) { return reinterpret_cast<const void*>(offset); }

// Points a per-instance vec4 attribute at `offset`; `setUp` also enables it (once per VAO).
void instanceAttrib(GLuint index, GLenum type, GLsizei stride, std::size_t offset, bool setUp) {
    if (setUp) {
        glEnableVertexAttribArray(index);
        glVertexAttribDivisor(index, 1);
    }
    const GLboolean normalized = type == GL_UNSIGNED_BYTE ? GL_TRUE : GL_FALSE;
    glVertexAttribPointer(index, 4, type, normalized, stride, byteOffset(offset));
}

template <typename T>
void upload(GLuint buffer, const std::vector<T>& data) {
    glBindBuffer(GL_ARRAY_BUFFER, buffer);
    const auto bytes = static_cast<GLsizeiptr>(data.size() * sizeof(T));
    glBufferData(GL_ARRAY_BUFFER, bytes, nullptr, GL_STREAM_DRAW);  // orphan last frame's storage
    if (bytes > 0) glBufferSubData(GL_ARRAY_BUFFER, 0, bytes, data.data());
}

}  // namespace

CanvasRenderer::CanvasRenderer(int atlasSize)
    : atlas_(atlasSize, atlasSize),
      shapeProgram_(gl::buildProgram({"shape", shaders::kShapeVertex, shaders::kShapeFragment})),
      boxProgram_(gl::buildProgram({"box", shaders::kBoxVertex, shaders::kBoxFragment})),
      glyphProgram_(gl::buildProgram({"glyph", shaders::kGlyphVertex, shaders::kGlyphFragment})),
      layerProgram_(gl::buildProgram({"layer", shaders::kLayerVertex, shaders::kLayerFragment})),
      shapeView_(ClipUniform::of(shapeProgram_)),
      shapeOffset_(gl::uniformLocation(shapeProgram_, "uOffset")),
      shapeScale_(gl::uniformLocation(shapeProgram_, "uScale")),
      shapeOpacity_(gl::uniformLocation(shapeProgram_, "uOpacity")),
      shapeTint_(gl::uniformLocation(shapeProgram_, "uTint")),
      boxView_(ClipUniform::of(boxProgram_)),
      boxOpacity_(gl::uniformLocation(boxProgram_, "uOpacity")),
      glyphView_(ClipUniform::of(glyphProgram_)),
      glyphOpacity_(gl::uniformLocation(glyphProgram_, "uOpacity")),
      glyphAtlasUnit_(gl::uniformLocation(glyphProgram_, "uAtlas")),
      glyphInsideSign_(gl::uniformLocation(glyphProgram_, "uInsideSign")),
      layerView_(ClipUniform::of(layerProgram_)),
      layerRect_(gl::uniformLocation(layerProgram_, "uRect")),
      layerOpacity_(gl::uniformLocation(layerProgram_, "uOpacity")),
      layerImageUnit_(gl::uniformLocation(layerProgram_, "uImage")),
      shapeVao_(gl::VertexArray::create()),
      meshVao_(gl::VertexArray::create()),
      boxVao_(gl::VertexArray::create()),
      glyphVao_(gl::VertexArray::create()),
      layerVao_(gl::VertexArray::create()),
      vertexBuffer_(gl::Buffer::create()),
      boxBuffer_(gl::Buffer::create()),
      glyphBuffer_(gl::Buffer::create()),
      atlasTexture_(gl::Texture::create()) {
    glBindVertexArray(shapeVao_.id());
    glBindBuffer(GL_ARRAY_BUFFER, vertexBuffer_.id());
    bindShapeVertexLayout();

    glBindVertexArray(boxVao_.id());
    glBindBuffer(GL_ARRAY_BUFFER, boxBuffer_.id());
    pointBoxAttributes(0, true);
    glBindVertexArray(glyphVao_.id());
    glBindBuffer(GL_ARRAY_BUFFER, glyphBuffer_.id());
    pointGlyphAttributes(0, true);
    glBindVertexArray(0);

    glBindTexture(GL_TEXTURE_2D, atlasTexture_.id());
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, atlas_.width(), atlas_.height(), 0, GL_RED, GL_UNSIGNED_BYTE, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
}

// Instanced batches start at instance `first` by offsetting the attribute pointers (GL 3.3 has no
// base-instance draw).
void CanvasRenderer::pointBoxAttributes(std::uint32_t first, bool setUp) {
    constexpr auto stride = static_cast<GLsizei>(sizeof(ShapeInstance));
    const std::size_t base = first * sizeof(ShapeInstance);
    instanceAttrib(0, GL_FLOAT, stride, base + offsetof(ShapeInstance, box), setUp);
    instanceAttrib(1, GL_FLOAT, stride, base + offsetof(ShapeInstance, params), setUp);
    instanceAttrib(2, GL_UNSIGNED_BYTE, stride, base + offsetof(ShapeInstance, colorA), setUp);
    instanceAttrib(3, GL_UNSIGNED_BYTE, stride, base + offsetof(ShapeInstance, colorB), setUp);
}

void CanvasRenderer::pointGlyphAttributes(std::uint32_t first, bool setUp) {
    constexpr auto stride = static_cast<GLsizei>(sizeof(GlyphInstance));
    const std::size_t base = first * sizeof(GlyphInstance);
    instanceAttrib(0, GL_FLOAT, stride, base + offsetof(GlyphInstance, rect), setUp);
    instanceAttrib(1, GL_FLOAT, stride, base + offsetof(GlyphInstance, uv), setUp);
    instanceAttrib(2, GL_UNSIGNED_BYTE, stride, base + offsetof(GlyphInstance, color), setUp);
    instanceAttrib(3, GL_UNSIGNED_BYTE, stride, base + offsetof(GlyphInstance, outline), setUp);
    instanceAttrib(4, GL_FLOAT, stride, base + offsetof(GlyphInstance, params), setUp);
}

void CanvasRenderer::bindShapeVertexLayout() {
    constexpr auto stride = static_cast<GLsizei>(sizeof(ShapeVertex));
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, byteOffset(offsetof(ShapeVertex, pos)));
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, byteOffset(offsetof(ShapeVertex, color)));
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 2, GL_FLOAT, GL_FALSE, stride, byteOffset(offsetof(ShapeVertex, edge)));
}

void CanvasRenderer::resolveGlyphs(const DrawList& list) {
    // A full atlas is cleared while packing; if that happens mid-frame, earlier entries are stale,
    // so resolve the whole frame again (it then fits unless one frame needs more than the atlas).
    for (int attempt = 0; attempt < 2; ++attempt) {
        const auto generation = atlas_.generation();
        glyphInstances_.clear();
        glyphInstances_.reserve(list.glyphs.size());
        const float invW = 1.0f / static_cast<float>(atlas_.width());
        const float invH = 1.0f / static_cast<float>(atlas_.height());
        for (const auto& g : list.glyphs) {
            const auto& e = atlas_.glyph(*g.font, g.glyph, g.sizePx);
            const float spreadPx = e.spreadEm * g.sizePx;
            const float x0 = g.pen.x + e.left * g.sizePx;
            const float y0 = g.pen.y - e.top * g.sizePx;
            glyphInstances_.push_back(GlyphInstance{
                {x0, y0, x0 + e.width * g.sizePx, y0 + e.height * g.sizePx},
                {static_cast<float>(e.x) * invW, static_cast<float>(e.y) * invH, static_cast<float>(e.x + e.w) * invW,
                 static_cast<float>(e.y + e.h) * invH},
                g.color,
                g.outlineColor,
                // Outline and blur must stay inside the encoded distance range, or the whole quad
                // would light up as a box.
                {2.0f * spreadPx, std::min(g.outlineWidth, std::max(0.0f, spreadPx - 1.0f)), std::min(g.softness, spreadPx), 0.0f}});
        }
        if (atlas_.generation() == generation) return;
    }
}

void CanvasRenderer::uploadAtlas() {
    glBindTexture(GL_TEXTURE_2D, atlasTexture_.id());
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    const auto dirty = atlas_.takeDirty();
    const bool regenerated = atlas_.generation() != atlasGeneration_;
    atlasGeneration_ = atlas_.generation();
    if (regenerated) {
        glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, atlas_.width(), atlas_.height(), GL_RED, GL_UNSIGNED_BYTE,
                        atlas_.pixels().data());
    } else if (dirty.any) {
        const std::size_t offset = static_cast<std::size_t>(dirty.y0) * static_cast<std::size_t>(atlas_.width());
        glTexSubImage2D(GL_TEXTURE_2D, 0, 0, dirty.y0, atlas_.width(), dirty.y1 - dirty.y0, GL_RED, GL_UNSIGNED_BYTE,
                        atlas_.pixels().data() + offset);
    }
}

GLuint CanvasRenderer::meshBuffer(const Mesh2DRef& mesh) {
    auto [it, inserted] = meshes_.try_emplace(mesh->id);
    if (inserted) {
        it->second.buffer = gl::Buffer::create();
        it->second.mesh = mesh;
        glBindBuffer(GL_ARRAY_BUFFER, it->second.buffer.id());
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(mesh->vertices.size() * sizeof(ShapeVertex)),
                     mesh->vertices.data(), GL_STATIC_DRAW);
    }
    return it->second.buffer.id();
}

// A mesh's buffer lives exactly as long as the mesh. Scenes keep their meshes while off screen,
// so a scene switch or the way back from standby uploads nothing again; dropping buffers by
// frames unused made every return re-upload them all, and that churn grew resident memory
// (the soak, docs/soak.md). A mesh its scene dropped goes at the next frame.
void CanvasRenderer::evictUnusedMeshes() {
    std::erase_if(meshes_, [](const auto& entry) { return entry.second.mesh.expired(); });
}

RenderStats CanvasRenderer::execute(const DrawList& list, unsigned framebuffer) {
    prepare(list);
    return draw(list, framebuffer, CanvasView::whole(list.size));
}

void CanvasRenderer::finish() { glFinish(); }

void CanvasRenderer::prepare(const DrawList& list) {
    ++frame_;
    resolveGlyphs(list);
    uploadAtlas();
    upload(vertexBuffer_.id(), list.vertices);
    upload(boxBuffer_.id(), list.shapes);
    upload(glyphBuffer_.id(), glyphInstances_);
    layerTextures_.clear();
    for (const LayerDraw& layer : list.layers) {
        const glm::ivec2 size{static_cast<int>(std::lround(layer.rect.z)), static_cast<int>(std::lround(layer.rect.w))};
        layerTextures_.push_back(layer.layer->renderLayer(size));
    }
}

RenderStats CanvasRenderer::draw(const DrawList& list, unsigned framebuffer, const CanvasView& view) {
    RenderStats stats;
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
    glViewport(0, 0, view.target.x, view.target.y);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glDisable(GL_SCISSOR_TEST);
    glClearColor(list.clearColor.r, list.clearColor.g, list.clearColor.b, list.clearColor.a);
    glClear(GL_COLOR_BUFFER_BIT);
    glEnable(GL_BLEND);
    glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);

    const ClipTransform clip = view.clip();
    glUseProgram(shapeProgram_.id());
    shapeView_.set(clip);
    glUseProgram(boxProgram_.id());
    boxView_.set(clip);
    glUseProgram(layerProgram_.id());
    layerView_.set(clip);
    glUniform1i(layerImageUnit_, 1);
    glUseProgram(glyphProgram_.id());
    glyphView_.set(clip);
    glUniform1i(glyphAtlasUnit_, 0);
    glUniform1f(glyphInsideSign_, kSdfInsideIsHigh ? 1.0f : -1.0f);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, atlasTexture_.id());

    glm::vec4 scissor{0, 0, 0, 0};
    for (const auto& item : list.items) {
        if (item.clip != scissor) {
            scissor = item.clip;
            if (scissor.z <= 0) {
                glDisable(GL_SCISSOR_TEST);
            } else {
                // Canvas px to the framebuffer's, y down, rounded outward to whole pixels; GL counts
                // rows from the bottom.
                const glm::vec4 r = view.targetRect(scissor);
                const int x0 = static_cast<int>(std::floor(r.x)), y0 = static_cast<int>(std::floor(r.y));
                const int x1 = static_cast<int>(std::ceil(r.x + r.z));
                const int y1 = static_cast<int>(std::ceil(r.y + r.w));
                glEnable(GL_SCISSOR_TEST);
                glScissor(x0, view.target.y - y1, std::max(0, x1 - x0), std::max(0, y1 - y0));
            }
        }
        switch (item.kind) {
            case DrawItem::Kind::Triangles:
                glUseProgram(shapeProgram_.id());
                glUniform2f(shapeOffset_, 0, 0);
                glUniform1f(shapeScale_, 1);
                glUniform1f(shapeOpacity_, item.opacity);
                glUniform4f(shapeTint_, 1, 1, 1, 1);
                glBindVertexArray(shapeVao_.id());
                glDrawArrays(GL_TRIANGLES, static_cast<GLint>(item.first), static_cast<GLsizei>(item.count));
                stats.vertices += item.count;
                break;
            case DrawItem::Kind::Mesh:
                glUseProgram(shapeProgram_.id());
                glUniform2f(shapeOffset_, item.offset.x, item.offset.y);
                glUniform1f(shapeScale_, item.scale);
                glUniform1f(shapeOpacity_, item.opacity);
                glUniform4f(shapeTint_, item.tint.r, item.tint.g, item.tint.b, item.tint.a);
                glBindVertexArray(meshVao_.id());
                glBindBuffer(GL_ARRAY_BUFFER, meshBuffer(item.mesh));
                bindShapeVertexLayout();
                glDrawArrays(GL_TRIANGLES, 0, static_cast<GLsizei>(item.count));
                stats.vertices += item.count;
                break;
            case DrawItem::Kind::Shapes:
                glUseProgram(boxProgram_.id());
                glUniform1f(boxOpacity_, item.opacity);
                glBindVertexArray(boxVao_.id());
                glBindBuffer(GL_ARRAY_BUFFER, boxBuffer_.id());
                pointBoxAttributes(item.first, false);
                glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(item.count));
                stats.shapeInstances += item.count;
                break;
            case DrawItem::Kind::Glyphs:
                glUseProgram(glyphProgram_.id());
                glUniform1f(glyphOpacity_, item.opacity);
                glBindVertexArray(glyphVao_.id());
                glBindBuffer(GL_ARRAY_BUFFER, glyphBuffer_.id());
                pointGlyphAttributes(item.first, false);
                glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(item.count));
                stats.glyphInstances += item.count;
                break;
            case DrawItem::Kind::Ripples:
                ripples_.draw(list.ripples[item.first], clip, frame_, stats);
                continue;  // counts its own draw calls
            case DrawItem::Kind::Flylines:
                flylines_.draw(list.flylines[item.first], clip, frame_, stats);
                continue;
            case DrawItem::Kind::Layer: {
                const GLuint texture = item.first < layerTextures_.size() ? layerTextures_[item.first] : 0;
                if (texture == 0) continue;
                const glm::vec4 r = list.layers[item.first].rect;
                glUseProgram(layerProgram_.id());
                glUniform4f(layerRect_, r.x, r.y, r.z, r.w);
                glUniform1f(layerOpacity_, item.opacity);
                glActiveTexture(GL_TEXTURE1);
                glBindTexture(GL_TEXTURE_2D, texture);
                glActiveTexture(GL_TEXTURE0);
                glBindVertexArray(layerVao_.id());
                glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
                break;
            }
        }
        ++stats.drawCalls;
    }
    glDisable(GL_SCISSOR_TEST);
    glBindVertexArray(0);
    evictUnusedMeshes();
    stats.cachedMeshes = meshes_.size();
    ripples_.endFrame(frame_, stats);
    flylines_.endFrame(frame_, stats);
    return stats;
}

}  // namespace exhibit
