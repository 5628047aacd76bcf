// Normalized sensor coordinates ([0,1]^2, origin top-left, as TUIO sends them) to wall pixels.
//
// A wall may span a grid of identical outputs (e.g. 3x1 displays of 1920x1080) separated by
// bezels. The touch sensor (an IR frame, a camera) covers the physical wall, bezels included;
// wall pixels do not (output c's pixels start at c * outputWidth). A point that falls on a bezel
// maps to the nearest output edge; a point outside the sensor is clamped to the wall.
//
//   SensorMappingConfig config;              // default: one 1920x1080 output, no bezels
//   config.columns = 3;
//   config.bezelX = 40;                      // px of glass-less frame between two outputs
//   SensorMapping mapping(config);
//   glm::vec2 px = mapping.toWall({0.5f, 0.5f});
//
// Does not: calibrate a sensor that is offset, rotated or mirrored against the wall, or know
// about the app's wall layout (the app fills the config from it).
#pragma once

#include <glm/vec2.hpp>

namespace exhibit {

struct SensorMappingConfig {
    int columns = 1;           // outputs side by side
    int rows = 1;              // outputs stacked
    int outputWidth = 1920;    // pixels of one output
    int outputHeight = 1080;
    float bezelX = 0;          // bezel between two columns, in pixels at the outputs' pixel pitch
    float bezelY = 0;          // bezel between two rows
};

class SensorMapping {
public:
    // Asserts that the grid and output sizes are positive and the bezels non-negative.
    explicit SensorMapping(SensorMappingConfig config = {});

    glm::vec2 toWall(glm::vec2 sensor) const;  // wall pixels, in [0, wallSize()]
    glm::vec2 wallSize() const;                // columns * outputWidth, rows * outputHeight
    const SensorMappingConfig& config() const { return config_; }

private:
    SensorMappingConfig config_;
};

}  // namespace exhibit
