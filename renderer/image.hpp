// RGBA8 images in memory and as PNG files (libpng): screenshots, golden images, test fixtures.
// Row 0 is the top row. Does not decode anything but PNG, and never touches GL
// (readback from GL lives in renderer/render_target.hpp).
#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

namespace exhibit {

struct Image {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgba;  // width * height * 4 bytes

    Image() = default;
    Image(int w, int h) : width(w), height(h), rgba(static_cast<std::size_t>(w) * h * 4, 0) {}
    std::uint8_t* pixel(int x, int y) { return &rgba[(static_cast<std::size_t>(y) * width + x) * 4]; }
    const std::uint8_t* pixel(int x, int y) const { return &rgba[(static_cast<std::size_t>(y) * width + x) * 4]; }
};

// The image as 8-bit RGBA PNG bytes (screenshots served over HTTP). Throws std::runtime_error.
std::vector<std::uint8_t> encodePng(const Image& image);
// Writes an 8-bit RGBA PNG, creating missing parent folders. Throws std::runtime_error naming the path.
void writePng(const std::filesystem::path& path, const Image& image);
// Reads any PNG (palette, grey, 16-bit and interlaced are converted to RGBA8).
// Throws ContentError naming the path when the file is missing or not a valid PNG.
Image readPng(const std::filesystem::path& path);

}  // namespace exhibit
