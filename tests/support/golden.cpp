#include "tests/support/golden.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <sstream>

namespace exhibit::test {

GoldenResult compareWithGolden(const std::string& name, const Image& actual, const GoldenTolerance& tolerance) {
    const std::filesystem::path golden = std::filesystem::path(EXHIBIT_SOURCE_DIR) / "tests/golden" / (name + ".png");
    const std::filesystem::path outDir = std::filesystem::path(EXHIBIT_BINARY_DIR) / "golden-out";
    const auto actualPath = outDir / (name + ".actual.png");
    const auto diffPath = outDir / (name + ".diff.png");
    writePng(actualPath, actual);

    GoldenResult result;
    const char* update = std::getenv("EXHIBIT_UPDATE_GOLDENS");
    if (update && std::string(update) == "1") {
        writePng(golden, actual);
        result.passed = result.updated = true;
        result.message = "updated " + golden.string();
        return result;
    }
    if (!std::filesystem::exists(golden)) {
        result.message = "no golden " + golden.string() + " (run scripts/update-goldens.sh); actual: " + actualPath.string();
        return result;
    }
    const Image expected = readPng(golden);
    if (expected.width != actual.width || expected.height != actual.height) {
        std::ostringstream s;
        s << "size " << actual.width << "x" << actual.height << " differs from golden " << expected.width << "x"
          << expected.height << "; actual: " << actualPath.string();
        result.message = s.str();
        return result;
    }
    Image diff(actual.width, actual.height);
    std::size_t failing = 0;
    int worst = 0;
    for (int y = 0; y < actual.height; ++y)
        for (int x = 0; x < actual.width; ++x) {
            const auto* a = actual.pixel(x, y);
            const auto* e = expected.pixel(x, y);
            int d = 0;
            for (int c = 0; c < 4; ++c) d = std::max(d, std::abs(int(a[c]) - int(e[c])));
            worst = std::max(worst, d);
            auto* out = diff.pixel(x, y);
            const bool fail = d > tolerance.maxChannelDiff;
            failing += fail ? 1 : 0;
            // Failing pixels in red over a dimmed copy of the golden.
            out[0] = fail ? 255 : static_cast<std::uint8_t>(e[0] / 4);
            out[1] = fail ? 0 : static_cast<std::uint8_t>(e[1] / 4);
            out[2] = fail ? 0 : static_cast<std::uint8_t>(e[2] / 4);
            out[3] = 255;
        }
    writePng(diffPath, diff);
    const double total = static_cast<double>(actual.width) * actual.height;
    const double fraction = static_cast<double>(failing) / total;
    result.passed = fraction <= tolerance.maxFailingFraction;
    std::ostringstream s;
    s << name << ": " << failing << " of " << static_cast<std::size_t>(total) << " pixels (" << fraction * 100
      << " %) differ by more than " << tolerance.maxChannelDiff << "/255 (limit " << tolerance.maxFailingFraction * 100
      << " %), largest difference " << worst << "/255; actual: " << actualPath.string()
      << ", diff: " << diffPath.string();
    result.message = s.str();
    return result;
}

}  // namespace exhibit::test
