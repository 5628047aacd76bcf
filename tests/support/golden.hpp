// Golden-image comparison (test support). A case compares an actual image with
// tests/golden/<name>.png under stated tolerances, writes <name>.actual.png and <name>.diff.png into
// the build tree's golden-out/ folder, and with EXHIBIT_UPDATE_GOLDENS=1 replaces the stored golden
// instead (scripts/update-goldens.sh sets it).
#pragma once

#include <string>

#include "renderer/image.hpp"

namespace exhibit::test {

struct GoldenTolerance {
    int maxChannelDiff = 5;           // a pixel fails when any channel differs by more than this (of 255)
    double maxFailingFraction = 0.001;  // the case fails when more than this share of pixels fail
};

struct GoldenResult {
    bool passed = false;
    bool updated = false;
    std::string message;  // what failed and where the actual/diff images are
};

GoldenResult compareWithGolden(const std::string& name, const Image& actual, const GoldenTolerance& tolerance = {});

}  // namespace exhibit::test
