#include "renderer/draw_list.hpp"

#include <atomic>

namespace exhibit {

Mesh2D::Mesh2D() {
    static std::atomic<std::uint64_t> next{1};
    id = next++;
}

void DrawList::clear() {
    vertices.clear();
    shapes.clear();
    glyphs.clear();
    items.clear();
}

}  // namespace exhibit
