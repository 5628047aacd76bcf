// Fuzz target: GeoJSON boundaries through parseGeoJson (the text entry of loadGeoJson), and the
// documented guarantees of what it accepts.
#include <cmath>
#include <cstddef>
#include <cstdint>

#include "core/error.hpp"
#include "core/geojson.hpp"
#include "tests/fuzz/fuzz_support.hpp"

using namespace exhibit;

namespace {

void checkRing(const GeoRing& ring) {
    for (const glm::dvec2& p : ring.points) {
        fuzz::fuzzCheck(std::isfinite(p.x) && std::isfinite(p.y), "accepted a non-finite position");
        fuzz::fuzzCheck(p.x >= -180 && p.x <= 180 && p.y >= -90 && p.y <= 90,
                        "accepted a position outside [-180, 180] x [-90, 90]");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        const GeoCollection geo = parseGeoJson(fuzz::asText(data, size), "fuzz.geojson");
        for (const GeoFeature& feature : geo.features) {
            fuzz::fuzzCheck(geo.find(feature.adcode) != nullptr, "find() misses a feature's own adcode");
            for (const GeoPolygon& polygon : feature.polygons) {
                checkRing(polygon.exterior);
                for (const GeoRing& hole : polygon.holes) checkRing(hole);
            }
        }
    } catch (const ContentError&) {
        // Malformed GeoJSON: the expected outcome for most inputs.
    }
    return 0;
}
