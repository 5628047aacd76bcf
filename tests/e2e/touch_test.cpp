// End to end: a running headless `exhibit` listening for TUIO on a free UDP port; the test sends
// TUIO 1.1 frames over real UDP (liblo), as an IR touch frame would, and reads the drill-down from
// the exhibit's log: tap 黔东南州 (flies in), tap 从江县 (its card), tap the back control (home).
// Where to tap is computed with the same scene code at the same output size.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "scenes/catalog.hpp"
#include "scenes/map_scene.hpp"
#include "tests/support/process.hpp"
#include "tests/support/tuio_sender.hpp"

namespace exhibit::test {
namespace {

constexpr glm::ivec2 kSize{960, 540};

// Where things are on the wall, from the bundled show's map scene laid out at kSize.
struct WallPositions {
    glm::vec2 congjiangAtHome, congjiangInFocus, back;
};

WallPositions positions() {
    const ShowFile show = loadShowFile(std::string(EXHIBIT_ASSETS) + "/shows/guizhou/show.json");
    const Font regular = Font::find(show.theme.font, true), bold = Font::find(show.theme.fontBold, true);
    const Translator text{show};
    const SceneServices services{show, regular, bold, text};
    auto scene = createScene(*show.findScene("map"), services);
    auto& map = dynamic_cast<MapScene&>(*scene);
    Canvas canvas;
    FrameTime time;
    auto frame = [&] {
        time.dt = 1.0 / 60;
        time.seconds += time.dt;
        scene->update(time, Snapshot{});
        canvas.begin(kSize, {});
        scene->draw(canvas);
    };
    frame();
    WallPositions p;
    p.congjiangAtHome = *map.view().countyAnchor("522633");
    map.touch().focusPrefecture("522600");
    for (int i = 0; i < 120; ++i) frame();
    p.congjiangInFocus = *map.view().countyAnchor("522633");
    p.back = map.touch().backControl().center();
    return p;
}

class TuioTapper {
public:
    explicit TuioTapper(int port) : sender_(port, "e2e@localhost") {}

    // One finger down at `px` (wall pixels) and up again 50 ms later, as two TUIO frames.
    void tap(glm::vec2 px) {
        sender_.frame({{session_, px / glm::vec2(kSize)}});
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        sender_.frame({});
        ++session_;
    }

private:
    TuioSender sender_;
    int session_ = 1;
};

TEST(TouchE2E, TuioTapsOverUdpDrillIntoACountyAndBack) {
    const WallPositions where = positions();
    const int port = freeUdpPort();
    const std::string log = std::string(EXHIBIT_BINARY_DIR) + "/touch-e2e.log";
    BackgroundProcess exhibit({EXHIBIT_EXE, "--headless", "--scene", "map", "--size", "960x540", "--tuio",
                               std::to_string(port), "--frames", "100000", "--log-level", "debug", "--screenshot",
                               std::string(EXHIBIT_BINARY_DIR) + "/touch-e2e.png"},
                              log);
    ASSERT_TRUE(exhibit.waitForLog("[app.render] first frame", 60)) << exhibit.log();
    ASSERT_NE(exhibit.log().find("TUIO 1.1 on UDP port " + std::to_string(port)), std::string::npos) << exhibit.log();

    TuioTapper finger(port);
    finger.tap(where.congjiangAtHome);
    ASSERT_TRUE(exhibit.waitForLog("[scene.map] focus 522600 黔东南苗族侗族自治州", 30)) << exhibit.log();
    ASSERT_TRUE(exhibit.waitForLog("[scene.map] view at rest: 522600", 60)) << exhibit.log();

    finger.tap(where.congjiangInFocus);
    ASSERT_TRUE(exhibit.waitForLog("[scene.map] card 522633 从江县", 30)) << exhibit.log();

    finger.tap(where.back);
    ASSERT_TRUE(exhibit.waitForLog("[scene.map] home", 30)) << exhibit.log();
    ASSERT_TRUE(exhibit.waitForLog("[scene.map] view at rest: province", 60)) << exhibit.log();

    EXPECT_EQ(exhibit.stop(), 0) << exhibit.log();
    const std::string text = exhibit.log();
    EXPECT_NE(text.find("[app.touch] 3 touches"), std::string::npos) << text;
    EXPECT_EQ(text.find("[error]"), std::string::npos) << text;
}

}  // namespace
}  // namespace exhibit::test
