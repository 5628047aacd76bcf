#include "renderer/stroke.hpp"

#include <algorithm>
#include <cmath>

#include <glm/geometric.hpp>

namespace exhibit {
namespace {

constexpr float kAntialiasMargin = 1.0f;  // px beyond the stroke edge that fade out
constexpr float kMiterLimit = 3.0f;       // longest miter, in half widths
constexpr float kSoftMiterLimit = 1.1f;   // glows: a long miter would show as a spike of light

glm::vec2 perpendicular(glm::vec2 d) { return {-d.y, d.x}; }

}  // namespace

void appendStroke(std::span<const glm::vec2> input, float width, std::uint32_t color, bool closed,
                  std::vector<ShapeVertex>& out, bool soft) {
    std::vector<glm::vec2> pts;
    pts.reserve(input.size());
    for (const auto& p : input) {
        if (!std::isfinite(p.x) || !std::isfinite(p.y)) continue;
        if (pts.empty() || glm::distance(pts.back(), p) > 1e-3f) pts.push_back(p);
    }
    if (closed && pts.size() > 2 && glm::distance(pts.front(), pts.back()) <= 1e-3f) pts.pop_back();
    const std::size_t n = pts.size();
    if (n < 2 || !(width > 0)) return;
    if (n < 3) closed = false;

    const float half = width * 0.5f;
    const float extent = soft ? half : half + kAntialiasMargin;
    const float edgeParam = soft ? -half : half;  // a negative half width selects the soft profile
    const std::size_t segments = closed ? n : n - 1;

    // Offset direction at each vertex, scaled so the stroke keeps its width along both segments.
    std::vector<glm::vec2> offsets(n);
    for (std::size_t i = 0; i < n; ++i) {
        bool hasPrev = closed || i > 0;
        bool hasNext = closed || i + 1 < n;
        glm::vec2 nPrev{0}, nNext{0};
        if (hasPrev) nPrev = perpendicular(glm::normalize(pts[i] - pts[(i + n - 1) % n]));
        if (hasNext) nNext = perpendicular(glm::normalize(pts[(i + 1) % n] - pts[i]));
        if (!hasPrev) nPrev = nNext;
        if (!hasNext) nNext = nPrev;
        glm::vec2 sum = nPrev + nNext;
        float len = glm::length(sum);
        if (len < 1e-4f) {
            offsets[i] = nNext;  // a full turn back: fall back to the next segment's normal
            continue;
        }
        glm::vec2 miter = sum / len;
        float cosHalf = std::max(glm::dot(miter, nNext), 1.0f / (soft ? kSoftMiterLimit : kMiterLimit));
        offsets[i] = miter / cosHalf;
    }

    out.reserve(out.size() + segments * 6);
    for (std::size_t s = 0; s < segments; ++s) {
        std::size_t a = s, b = (s + 1) % n;
        ShapeVertex al{pts[a] + offsets[a] * extent, color, {extent, edgeParam}};
        ShapeVertex ar{pts[a] - offsets[a] * extent, color, {-extent, edgeParam}};
        ShapeVertex bl{pts[b] + offsets[b] * extent, color, {extent, edgeParam}};
        ShapeVertex br{pts[b] - offsets[b] * extent, color, {-extent, edgeParam}};
        out.insert(out.end(), {al, ar, bl, bl, ar, br});
    }
}

}  // namespace exhibit
