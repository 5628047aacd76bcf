#include "input/sensor_mapping.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace exhibit {
namespace {

// One axis: `count` outputs of `size` pixels with `bezel` pixels between them.
float axisToWall(float sensor, int count, int size, float bezel) {
    const float pitch = static_cast<float>(size) + bezel;
    const float physical = static_cast<float>(count) * pitch - bezel;
    const float p = (std::isfinite(sensor) ? std::clamp(sensor, 0.0f, 1.0f) : 0.0f) * physical;
    const int cell = std::clamp(static_cast<int>(std::floor(p / pitch)), 0, count - 1);
    // Inside cell `cell`, a point past the output's edge lies on the bezel after it. In wall pixels
    // both edges around a bezel are the same seam, so clamping to this output's edge is the nearest.
    const float within = std::clamp(p - static_cast<float>(cell) * pitch, 0.0f, static_cast<float>(size));
    return static_cast<float>(cell * size) + within;
}

}  // namespace

SensorMapping::SensorMapping(SensorMappingConfig config) : config_(config) {
    assert(config.columns > 0 && config.rows > 0 && "SensorMapping: the output grid needs at least one output");
    assert(config.outputWidth > 0 && config.outputHeight > 0 && "SensorMapping: output size must be positive");
    assert(config.bezelX >= 0 && config.bezelY >= 0 && "SensorMapping: bezels cannot be negative");
}

glm::vec2 SensorMapping::toWall(glm::vec2 sensor) const {
    return {axisToWall(sensor.x, config_.columns, config_.outputWidth, config_.bezelX),
            axisToWall(sensor.y, config_.rows, config_.outputHeight, config_.bezelY)};
}

glm::vec2 SensorMapping::wallSize() const {
    return {static_cast<float>(config_.columns * config_.outputWidth),
            static_cast<float>(config_.rows * config_.outputHeight)};
}

}  // namespace exhibit
