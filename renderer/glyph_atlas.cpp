#include "renderer/glyph_atlas.hpp"

#include "core/error.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cassert>
#include <climits>
#include <cstring>
#include <stdexcept>
#include <string>

namespace exhibit {

GlyphAtlas::GlyphAtlas(int width, int height) : width_(width), height_(height) {
    assert(width > 0 && height > 0 && "GlyphAtlas: size must be positive");
    pixels_.assign(static_cast<std::size_t>(width_) * static_cast<std::size_t>(height_), 0);
    skyline_.push_back({0, 0, width_});
}

int GlyphAtlas::tierPixels(float sizePx) {
    if (sizePx <= 40) return 32;
    if (sizePx <= 96) return 64;
    return 128;
}

std::size_t GlyphAtlas::KeyHash::operator()(const Key& key) const {
    std::uint64_t h = (static_cast<std::uint64_t>(key.font) << 32) ^ key.glyph;
    h ^= static_cast<std::uint64_t>(key.tier) * 0x9E3779B97F4A7C15ull;
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9ull;
    h ^= h >> 32;
    return static_cast<std::size_t>(h);
}

const GlyphAtlas::Entry& GlyphAtlas::glyph(const Font& font, std::uint32_t glyphIndex, float sizePx) {
    const int tier = tierPixels(sizePx);
    const Key key{font.id(), glyphIndex, tier};
    if (auto it = entries_.find(key); it != entries_.end()) return it->second;

    SdfBitmap sdf;
    try {
        sdf = font.renderSdf(glyphIndex, tier);
    } catch (const ContentError& error) {
        spdlog::warn("[text.sdf] {}; drawing it blank", error.what());
        sdf = SdfBitmap{};
        sdf.pixelsPerEm = static_cast<float>(tier);
    }

    Entry entry;
    entry.tierPixels = tier;
    const float perPixel = 1.0f / static_cast<float>(tier);
    entry.spreadEm = sdf.spreadPx * perPixel;
    if (sdf.width > 0 && sdf.height > 0) {
        if (sdf.width + kGapPx > width_ || sdf.height + kGapPx > height_) {
            throw std::length_error("GlyphAtlas: glyph " + std::to_string(glyphIndex) + " of " + font.file().string() +
                                    " at " + std::to_string(tier) + " px (" + std::to_string(sdf.width) + "x" +
                                    std::to_string(sdf.height) + ") does not fit a " + std::to_string(width_) + "x" +
                                    std::to_string(height_) + " atlas");
        }
        int x = 0, y = 0;
        if (!pack(sdf.width + kGapPx, sdf.height + kGapPx, x, y)) {
            clear();
            pack(sdf.width + kGapPx, sdf.height + kGapPx, x, y);
        }
        for (int row = 0; row < sdf.height; ++row) {
            std::memcpy(pixels_.data() + static_cast<std::size_t>(y + row) * static_cast<std::size_t>(width_) +
                            static_cast<std::size_t>(x),
                        sdf.pixels.data() + static_cast<std::size_t>(row) * static_cast<std::size_t>(sdf.width),
                        static_cast<std::size_t>(sdf.width));
        }
        markDirty(y, y + sdf.height);
        entry.x = x;
        entry.y = y;
        entry.w = sdf.width;
        entry.h = sdf.height;
        entry.left = sdf.left;
        entry.top = sdf.top;
        entry.width = static_cast<float>(sdf.width) * perPixel;
        entry.height = static_cast<float>(sdf.height) * perPixel;
    }
    return entries_.emplace(key, entry).first->second;
}

GlyphAtlas::DirtyRows GlyphAtlas::takeDirty() {
    DirtyRows taken = dirty_;
    dirty_ = DirtyRows{};
    return taken;
}

void GlyphAtlas::clear() {
    entries_.clear();
    skyline_.assign(1, SkylineNode{0, 0, width_});
    std::fill(pixels_.begin(), pixels_.end(), std::uint8_t{0});
    ++generation_;
    markDirty(0, height_);
}

void GlyphAtlas::markDirty(int y0, int y1) {
    if (!dirty_.any) {
        dirty_ = DirtyRows{y0, y1, true};
        return;
    }
    dirty_.y0 = std::min(dirty_.y0, y0);
    dirty_.y1 = std::max(dirty_.y1, y1);
}

// The y at which a w x h rect starting at node's x rests on the skyline, -1 if it does not fit.
int GlyphAtlas::fitsAt(std::size_t node, int w, int h) const {
    const int x = skyline_[node].x;
    if (x + w > width_) return -1;
    int y = skyline_[node].y;
    int spaceLeft = w;
    for (std::size_t i = node; spaceLeft > 0; ++i) {
        if (i == skyline_.size()) return -1;
        y = std::max(y, skyline_[i].y);
        if (y + h > height_) return -1;
        spaceLeft -= skyline_[i].width;
    }
    return y;
}

// Bottom-left rule: lowest resulting top edge, then the narrowest skyline segment.
bool GlyphAtlas::pack(int w, int h, int& outX, int& outY) {
    int bestBottom = INT_MAX;
    int bestWidth = INT_MAX;
    std::size_t bestNode = skyline_.size();
    for (std::size_t i = 0; i < skyline_.size(); ++i) {
        const int y = fitsAt(i, w, h);
        if (y < 0) continue;
        if (y + h < bestBottom || (y + h == bestBottom && skyline_[i].width < bestWidth)) {
            bestBottom = y + h;
            bestWidth = skyline_[i].width;
            bestNode = i;
            outX = skyline_[i].x;
            outY = y;
        }
    }
    if (bestNode == skyline_.size()) return false;
    addSkylineLevel(bestNode, outX, outY, w, h);
    return true;
}

void GlyphAtlas::addSkylineLevel(std::size_t node, int x, int y, int w, int h) {
    const auto at = static_cast<std::ptrdiff_t>(node);
    skyline_.insert(skyline_.begin() + at, SkylineNode{x, y + h, w});
    // Cut the segments the new one now covers.
    for (std::size_t i = node + 1; i < skyline_.size();) {
        const SkylineNode& previous = skyline_[i - 1];
        const int overlap = previous.x + previous.width - skyline_[i].x;
        if (overlap <= 0) break;
        skyline_[i].x += overlap;
        skyline_[i].width -= overlap;
        if (skyline_[i].width > 0) break;
        skyline_.erase(skyline_.begin() + static_cast<std::ptrdiff_t>(i));
    }
    // Merge neighbours at the same height.
    for (std::size_t i = 0; i + 1 < skyline_.size();) {
        if (skyline_[i].y == skyline_[i + 1].y) {
            skyline_[i].width += skyline_[i + 1].width;
            skyline_.erase(skyline_.begin() + static_cast<std::ptrdiff_t>(i) + 1);
        } else {
            ++i;
        }
    }
}

}  // namespace exhibit
