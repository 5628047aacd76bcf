#include "renderer/draw_list.hpp"

#include <atomic>
#include <cmath>

namespace exhibit {
namespace {

std::uint64_t nextId() {
    static std::atomic<std::uint64_t> next{1};
    return next++;
}

}  // namespace

Mesh2D::Mesh2D() : id(nextId()) {}
RippleSet::RippleSet() : id(nextId()) {}
FlylineSet::FlylineSet() : id(nextId()) {}

glm::vec2 flylineControlPoint(glm::vec2 from, glm::vec2 to, float bend) {
    const glm::vec2 chord = to - from;
    const float length = std::sqrt(chord.x * chord.x + chord.y * chord.y);
    const glm::vec2 middle = (from + to) * 0.5f;
    if (length <= 0) return middle;
    glm::vec2 normal{chord.y / length, -chord.x / length};
    if (normal.y > 0 || (normal.y == 0 && normal.x < 0)) normal = -normal;
    return middle + normal * (bend * length);
}

glm::vec2 flylinePoint(const Flyline& line, float t) {
    const glm::vec2 control = flylineControlPoint(line.from, line.to, line.bend);
    const float u = 1 - t;
    return line.from * (u * u) + control * (2 * u * t) + line.to * (t * t);
}

void DrawList::clear() {
    vertices.clear();
    shapes.clear();
    glyphs.clear();
    ripples.clear();
    flylines.clear();
    layers.clear();
    items.clear();
}

}  // namespace exhibit
