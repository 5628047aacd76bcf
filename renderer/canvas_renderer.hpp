// The back end of 2D drawing: executes a Canvas's DrawList with GL. Owns the programs, streaming
// buffers, the GPU copy of the glyph atlas, the cache of uploaded static meshes (entries unused
// for a while are freed, so memory stays flat when scenes rebuild meshes on resize) and the
// animated layers' renderers (ripple_renderer.hpp, flyline_renderer.hpp), one draw call per layer.
// External layers (draw_list.hpp) render into their textures in prepare(). Draw items run in
// submission order; consecutive items of one kind were already merged by the
// Canvas, so a batch of markers or glyphs is one instanced draw call. GL state it changes
// (blend, program, buffers, viewport) is set on every execute; it does not restore prior state.
#pragma once

#include <cstdint>
#include <unordered_map>

#include "renderer/canvas_view.hpp"
#include "renderer/clip_uniform.hpp"
#include "renderer/draw_list.hpp"
#include "renderer/flyline_renderer.hpp"
#include "renderer/gl_object.hpp"
#include "renderer/glyph_atlas.hpp"
#include "renderer/render_stats.hpp"
#include "renderer/ripple_renderer.hpp"

namespace exhibit {

class CanvasRenderer {
public:
    explicit CanvasRenderer(int atlasSize = 2048);
    // Draws the list into `framebuffer` at the list's size (clears first).
    RenderStats execute(const DrawList& list, unsigned framebuffer);
    // The same list into several framebuffers (a video wall's outputs, each showing its part of
    // the canvas): prepare() once per frame (glyphs, atlas and streaming buffers), then draw() per
    // view. draw() clears the framebuffer and may be called again for the same prepared list.
    void prepare(const DrawList& list);
    RenderStats draw(const DrawList& list, unsigned framebuffer, const CanvasView& view);
    // Waits until the GPU has finished everything drawn so far (a video wall's ranks report ready
    // only then, so that presenting is just the swap).
    static void finish();
    GlyphAtlas& atlas() { return atlas_; }

private:
    struct GlyphInstance {
        glm::vec4 rect;
        glm::vec4 uv;
        std::uint32_t color;
        std::uint32_t outline;
        glm::vec4 params;
    };
    struct CachedMesh {
        gl::Buffer buffer;
        std::weak_ptr<const Mesh2D> mesh;  // the buffer goes when the mesh does
    };

    void resolveGlyphs(const DrawList& list);
    void uploadAtlas();
    void bindShapeVertexLayout();
    void pointBoxAttributes(std::uint32_t first, bool setUp);
    void pointGlyphAttributes(std::uint32_t first, bool setUp);
    GLuint meshBuffer(const Mesh2DRef& mesh);
    void evictUnusedMeshes();

    GlyphAtlas atlas_;
    gl::Program shapeProgram_, boxProgram_, glyphProgram_, layerProgram_;
    ClipUniform shapeView_;
    GLint shapeOffset_, shapeScale_, shapeOpacity_, shapeTint_;
    ClipUniform boxView_;
    GLint boxOpacity_;
    ClipUniform glyphView_;
    GLint glyphOpacity_, glyphAtlasUnit_, glyphInsideSign_;
    ClipUniform layerView_;
    GLint layerRect_, layerOpacity_, layerImageUnit_;
    std::vector<GLuint> layerTextures_;  // this frame's, by DrawList::layers index
    gl::VertexArray shapeVao_, meshVao_, boxVao_, glyphVao_, layerVao_;
    gl::Buffer vertexBuffer_, boxBuffer_, glyphBuffer_;
    gl::Texture atlasTexture_;
    std::uint64_t atlasGeneration_ = ~0ull;
    std::vector<GlyphInstance> glyphInstances_;
    std::unordered_map<std::uint64_t, CachedMesh> meshes_;
    std::uint64_t frame_ = 0;
    RippleRenderer ripples_;
    FlylineRenderer flylines_;
};

}  // namespace exhibit
