// Which part of a canvas a framebuffer shows, and how: a rectangle of the canvas (canvas px) drawn
// into a framebuffer of `target` px, turned by whole quarter turns for displays mounted on their
// side. A video wall draws one canvas into each of its outputs through one CanvasView each; a
// plain window shows the whole canvas (CanvasView::whole).
//
//   CanvasView tile{{3880, 0, 3840, 2160}, {3840, 2160}, 0};   // the second of three 4K panels
//   renderer.draw(list, framebuffer, tile);
//   glm::vec2 canvasPoint = tile.toCanvas(touchInTile);
//
// Rotation: `quarterTurns` k (0..3) means the framebuffer's image, turned clockwise by k * 90°, is
// the canvas rectangle upright: a panel mounted turned 90° clockwise gets k = 1 and a framebuffer
// of (source height x source width) pixels for 1:1 pixels. Sizes that differ from the rectangle's
// scale the content (text stays crisp only at 1:1).
// Does not: know about GL, windows or wall layouts (core/wall_layout.hpp describes those).
#pragma once

#include <glm/vec2.hpp>
#include <glm/vec3.hpp>
#include <glm/vec4.hpp>

namespace exhibit {

// The affine map from canvas px to clip space: clip.x = dot(x, (px, py, 1)), clip.y likewise.
struct ClipTransform {
    glm::vec3 x{0, 0, 0};
    glm::vec3 y{0, 0, 0};
};

struct CanvasView {
    glm::vec4 source{0, 0, 0, 0};  // canvas rect: x, y, w, h (px, y down)
    glm::ivec2 target{0, 0};       // framebuffer size (px)
    int quarterTurns = 0;          // 0..3, see above

    static CanvasView whole(glm::ivec2 size);

    glm::vec2 toTarget(glm::vec2 canvasPx) const;  // framebuffer px, y down
    glm::vec2 toCanvas(glm::vec2 targetPx) const;
    ClipTransform clip() const;
    // A canvas rect (x, y, w, h) as the framebuffer rect that covers it (x, y, w, h; y down).
    glm::vec4 targetRect(glm::vec4 canvasRect) const;
};

}  // namespace exhibit
