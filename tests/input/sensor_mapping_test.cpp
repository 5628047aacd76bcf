// SensorMapping: normalized sensor coordinates to wall pixels, one output and a 3x1 bezel wall.
#include "input/sensor_mapping.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace exhibit {
namespace {

TEST(SensorMapping, OneOutputIsAPlainScale) {
    SensorMapping mapping;
    EXPECT_EQ(mapping.wallSize(), glm::vec2(1920, 1080));
    EXPECT_EQ(mapping.toWall({0, 0}), glm::vec2(0, 0));
    EXPECT_EQ(mapping.toWall({0.5f, 0.5f}), glm::vec2(960, 540));
    EXPECT_EQ(mapping.toWall({1, 1}), glm::vec2(1920, 1080));
}

TEST(SensorMapping, OutsideTheSensorClampsToTheWall) {
    SensorMapping mapping;
    EXPECT_EQ(mapping.toWall({-0.05f, 1.08f}), glm::vec2(0, 1080));
    EXPECT_EQ(mapping.toWall({std::numeric_limits<float>::quiet_NaN(), 0.5f}), glm::vec2(0, 540));
}

// Three 1920x1080 displays in a row with 60 px bezels: the sensor spans 3 * 1920 + 2 * 60 = 5880
// physical pixels, the wall has 5760.
class BezelWall : public ::testing::Test {
protected:
    static SensorMappingConfig config() {
        SensorMappingConfig c;
        c.columns = 3;
        c.bezelX = 60;
        return c;
    }
    SensorMapping mapping{config()};
    static float sensorX(float physicalPx) { return physicalPx / 5880.0f; }
};

TEST_F(BezelWall, PixelsSkipTheBezels) {
    EXPECT_EQ(mapping.wallSize(), glm::vec2(5760, 1080));
    EXPECT_NEAR(mapping.toWall({sensorX(100), 0.5f}).x, 100, 0.01);
    // 100 px into the second display: physically 1920 + 60 + 100.
    EXPECT_NEAR(mapping.toWall({sensorX(2080), 0.5f}).x, 2020, 0.01);
    // 100 px into the third display.
    EXPECT_NEAR(mapping.toWall({sensorX(2 * 1980 + 100), 0.5f}).x, 3940, 0.01);
    EXPECT_NEAR(mapping.toWall({1.0f, 0.5f}).x, 5760, 0.01);
    EXPECT_NEAR(mapping.toWall({0.5f, 0.25f}).y, 270, 0.01);
}

TEST_F(BezelWall, ABezelPointGoesToTheNearestOutputEdge) {
    // Anywhere on the first bezel (physical 1920..1980) lands on the seam between outputs 0 and 1.
    for (float p : {1921.0f, 1950.0f, 1979.0f}) {
        EXPECT_NEAR(mapping.toWall({sensorX(p), 0.5f}).x, 1920, 0.01) << p;
    }
    for (float p : {3901.0f, 3930.0f, 3959.0f}) {
        EXPECT_NEAR(mapping.toWall({sensorX(p), 0.5f}).x, 3840, 0.01) << p;
    }
    // Just off the bezel on either side, the mapping is continuous.
    EXPECT_NEAR(mapping.toWall({sensorX(1919), 0.5f}).x, 1919, 0.01);
    EXPECT_NEAR(mapping.toWall({sensorX(1981), 0.5f}).x, 1921, 0.01);
}

TEST(SensorMapping, BezelsBetweenRowsToo) {
    SensorMappingConfig c;
    c.columns = 2;
    c.rows = 2;
    c.bezelX = 20;
    c.bezelY = 40;
    SensorMapping mapping(c);
    // Physically 2 * 1080 + 40 = 2200 px high; 10 px into the lower row.
    EXPECT_NEAR(mapping.toWall({0.25f, (1120.0f + 10.0f) / 2200.0f}).y, 1090, 0.01);
    EXPECT_NEAR(mapping.toWall({0.25f, 1100.0f / 2200.0f}).y, 1080, 0.01);
}

}  // namespace
}  // namespace exhibit
