// The operator console on a headless GL context: what it draws for a fixed status, and which
// commands taps (mouse and finger), keys and the keypad produce.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

#include "app/operator_console.hpp"
#include "renderer/render_target.hpp"
#include "tests/gl/gl_fixture.hpp"
#include "tests/support/operator_status_fixture.hpp"

namespace exhibit {
namespace {

constexpr glm::ivec2 kSize{1280, 800};
constexpr double kDt = 1.0 / 60.0;

Rgba rgba(float r, float g, float b) { return toRgba(Color{r, g, b, 1}); }

class OperatorConsoleTest : public GlTest {
protected:
    void SetUp() override {
        GlTest::SetUp();
        if (IsSkipped()) return;
        console_ = std::make_unique<OperatorConsole>(cjkFont().file(), cjkFont().faceIndex(), 1.0f);
        target_ = RenderTarget(kSize);
        status_ = test::fixedOperatorStatus();
        settle();
    }

    // A few frames without input (tables and scrolling settle after the first).
    void settle() {
        for (int i = 0; i < 3; ++i) EXPECT_TRUE(step().empty());
    }
    std::vector<ControlCommand> step() { return console_->frame(status_, kSize, kDt); }

    Image image() {
        console_->render(target_.framebuffer(), kSize, true);
        return readFramebuffer(target_.framebuffer(), kSize);
    }

    OperatorConsole::Rect rect(const std::string& id) {
        const auto r = console_->itemRect(id);
        if (!r) {
            ADD_FAILURE() << "no control \"" << id << "\" in the last frame";
            return {};
        }
        return *r;
    }
    static PixelRect pixels(const OperatorConsole::Rect& r) {
        return {static_cast<int>(r.min.x), static_cast<int>(r.min.y), static_cast<int>(r.max.x),
                static_cast<int>(r.max.y)};
    }

    // Presses and releases at the control's centre; returns every command of the next frames.
    std::vector<ControlCommand> tap(const std::string& id, bool finger = false) {
        const glm::vec2 p = rect(id).center();
        using T = PlatformEvent::Type;
        console_->event({finger ? T::FingerDown : T::MouseDown, 0, 7, p});
        console_->event({finger ? T::FingerUp : T::MouseUp, 0, 7, p});
        std::vector<ControlCommand> all;
        for (int i = 0; i < 3; ++i)
            for (auto& c : step()) all.push_back(std::move(c));
        return all;
    }
    void key(int code) { console_->event({PlatformEvent::Type::KeyDown, code}); }

    std::unique_ptr<OperatorConsole> console_;
    RenderTarget target_;
    OperatorStatus status_;
};

TEST_F(OperatorConsoleTest, DrawsEveryPanelOfTheStatus) {
    const Image shot = image();
    saveForInspection(shot, "console-zh");
    const Rgba windowBg = rgba(0.07f, 0.09f, 0.12f);
    auto isText = [](Rgba p) { return p.r > 180 && p.g > 180 && p.b > 180; };
    for (const char* id : {"scene:dashboard", "scene:map", "scene:tour", "mode:show", "mode:standby",
                           "mode:blackout", "attract", "screenshot", "language", "details"}) {
        const PixelRect r = pixels(rect(id));
        EXPECT_GE(r.y1 - r.y0, 56) << id << " is smaller than a touch target";
        EXPECT_GT(countPixels(shot, r, isText), 40) << id << " has no label";
        EXPECT_GT(countDifferent(shot, r, windowBg, 8), (r.x1 - r.x0) * (r.y1 - r.y0) / 2) << id << " has no face";
    }
    // The current scene and mode are highlighted in the accent colour, the others are not.
    const Rgba accent = rgba(0.16f, 0.47f, 0.85f);
    auto accentShare = [&](const std::string& id) { return fractionNear(shot, pixels(rect(id)), accent, 6); };
    EXPECT_GT(accentShare("scene:dashboard"), 0.5);
    EXPECT_LT(accentShare("scene:map"), 0.05);
    EXPECT_GT(accentShare("mode:show"), 0.5);

    // Feed states in their colours: the simulator green (ok), the MQTT feed amber (stale).
    const PixelRect feeds = pixels(rect("health:feeds"));
    auto near = [&](Rgba c) { return countPixels(shot, feeds, [&](Rgba p) { return channelDistance(p, c) < 40; }); };
    EXPECT_GT(near(rgba(0.35f, 0.85f, 0.40f)), 20) << "no green ok state";
    EXPECT_GT(near(rgba(0.98f, 0.72f, 0.20f)), 20) << "no amber stale state";
    EXPECT_GT(near(rgba(1.0f, 0.36f, 0.32f)), 20) << "no red last error";
    EXPECT_GT(countPixels(shot, pixels(rect("health:vitals")), isText), 200);
    EXPECT_GT(countPixels(shot, pixels(rect("health:touch")), isText), 100);
    EXPECT_GT(countPixels(shot, pixels(rect("health:log")), isText), 200);
}

TEST_F(OperatorConsoleTest, TappingASceneSwitchesToIt) {
    const auto commands = tap("scene:map");
    ASSERT_EQ(commands.size(), 1u);
    ASSERT_TRUE(std::holds_alternative<SwitchScene>(commands[0]));
    EXPECT_EQ(std::get<SwitchScene>(commands[0]).id, "map");
}

TEST_F(OperatorConsoleTest, AnUnavailableSceneShowsItsProblemAndCanStillBeTriedAgain) {
    const auto gapBelowMap = [&] {
        const auto map = rect("scene:map");
        const auto tour = rect("scene:tour");
        return PixelRect{static_cast<int>(map.min.x), static_cast<int>(map.max.y), static_cast<int>(map.max.x),
                         static_cast<int>(tour.min.y)};
    };
    const Rgba red = rgba(1.0f, 0.36f, 0.32f);
    auto isRed = [&](Rgba p) { return std::abs(p.r - red.r) < 40 && std::abs(p.g - red.g) < 40 && std::abs(p.b - red.b) < 40; };
    const int before = countPixels(image(), gapBelowMap(), isRed);

    status_.scenes[1].available = false;
    status_.scenes[1].problem = "geo/guizhou_counties.geojson: line 1, column 44: unexpected end of input";
    settle();
    const Image shot = image();
    saveForInspection(shot, "console-unavailable-scene");
    EXPECT_EQ(before, 0);
    EXPECT_GT(countPixels(shot, gapBelowMap(), isRed), 50) << "no problem line in red under the scene's button";

    const auto commands = tap("scene:map");  // the file may have been fixed: the wall tries again
    ASSERT_EQ(commands.size(), 1u);
    EXPECT_EQ(std::get<SwitchScene>(commands[0]).id, "map");
}

TEST_F(OperatorConsoleTest, FingersTapLikeTheMouseAndOnlyTheFirstFingerCounts) {
    const auto commands = tap("scene:tour", /*finger=*/true);
    ASSERT_EQ(commands.size(), 1u);
    EXPECT_EQ(std::get<SwitchScene>(commands[0]).id, "tour");

    // A second finger that lands on another button while the first is down does nothing.
    using T = PlatformEvent::Type;
    console_->event({T::FingerDown, 0, 1, rect("scene:map").center()});
    console_->event({T::FingerDown, 0, 2, rect("mode:blackout").center()});
    console_->event({T::FingerUp, 0, 2, rect("mode:blackout").center()});
    console_->event({T::FingerUp, 0, 1, rect("scene:map").center()});
    std::vector<ControlCommand> all;
    for (int i = 0; i < 4; ++i)
        for (auto& c : step()) all.push_back(std::move(c));
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(std::get<SwitchScene>(all[0]).id, "map");
}

TEST_F(OperatorConsoleTest, ModeAndAttractButtons) {
    auto commands = tap("mode:standby");
    ASSERT_EQ(commands.size(), 1u);
    ASSERT_TRUE(std::holds_alternative<SetMode>(commands[0]));
    EXPECT_EQ(std::get<SetMode>(commands[0]).mode, WallMode::Standby);

    commands = tap("attract");
    ASSERT_EQ(commands.size(), 1u);
    EXPECT_TRUE(std::get<SetAttract>(commands[0]).on);
    status_.attract = true;
    step();
    commands = tap("attract");
    ASSERT_EQ(commands.size(), 1u);
    EXPECT_FALSE(std::get<SetAttract>(commands[0]).on);
}

TEST_F(OperatorConsoleTest, LanguageButtonAsksForEnglishAndEnglishLabelsRender) {
    const Image chinese = image();
    const auto commands = tap("language");
    ASSERT_EQ(commands.size(), 1u);
    ASSERT_TRUE(std::holds_alternative<ChangeSettings>(commands[0]));
    OperatorSettings expected = status_.settings;
    expected.language = "en";
    EXPECT_EQ(std::get<ChangeSettings>(commands[0]).settings, expected);

    status_.settings = expected;  // the main loop applied it
    settle();
    const Image english = image();
    saveForInspection(english, "console-en");
    // Labels change (the mode buttons, the page buttons); scene titles come from the show and stay.
    for (const char* id : {"mode:standby", "page:health", "language"}) {
        const PixelRect r = pixels(rect(id));
        int changed = 0;
        for (int y = r.y0; y < r.y1; ++y)
            for (int x = r.x0; x < r.x1; ++x) changed += channelDistance(pixelAt(chinese, x, y), pixelAt(english, x, y)) > 40;
        EXPECT_GT(changed, 30) << id << " looks the same in English";
    }
    const PixelRect title = pixels(rect("scene:map"));
    int changed = 0;
    for (int y = title.y0; y < title.y1; ++y)
        for (int x = title.x0; x < title.x1; ++x) changed += channelDistance(pixelAt(chinese, x, y), pixelAt(english, x, y)) > 40;
    EXPECT_EQ(changed, 0);

    // And back.
    const auto back = tap("language");
    ASSERT_EQ(back.size(), 1u);
    EXPECT_EQ(std::get<ChangeSettings>(back[0]).settings.language, "zh");
}

TEST_F(OperatorConsoleTest, InvalidScheduleTimeShowsAnErrorAndSendsNothing) {
    EXPECT_TRUE(tap("page:playlist").empty());
    EXPECT_TRUE(tap("schedule:0:time").empty());  // 18:00, focused for the keypad
    for (int i = 0; i < 5; ++i) key(keys::Backspace);
    for (char c : std::string("25;00")) key(c);  // ';' types ':' on keyboards without a ':' key
    step();
    EXPECT_TRUE(tap("apply").empty());
    EXPECT_NE(console_->editError().find("25:00"), std::string::npos) << console_->editError();
    EXPECT_NE(console_->editError().find("日程第 1 行"), std::string::npos) << console_->editError();
    step();
    const Image shot = image();
    saveForInspection(shot, "console-schedule-error");
    const PixelRect error = pixels(rect("error"));
    EXPECT_GT(countPixels(shot, error, [](Rgba p) { return channelDistance(p, rgba(1.0f, 0.36f, 0.32f)) < 40; }), 50);

    // Fixed with the on-screen keypad: 07:30 (the field kept its focus after the error).
    for (int i = 0; i < 5; ++i) EXPECT_TRUE(tap("key:back").empty());
    for (const char* k : {"key:0", "key:7", "key::", "key:3", "key:0"}) EXPECT_TRUE(tap(k).empty());
    const auto commands = tap("apply");
    ASSERT_EQ(commands.size(), 1u);
    EXPECT_EQ(console_->editError(), "");
    OperatorSettings expected = status_.settings;
    expected.schedule = {{7 * 60 + 30, WallMode::Standby}, {9 * 60, WallMode::Show}};  // sorted by time
    EXPECT_EQ(std::get<ChangeSettings>(commands[0]).settings, expected);
}

TEST_F(OperatorConsoleTest, RotationMustBeOffOrTenSecondsToAnHour) {
    tap("page:playlist");
    tap("rotation");
    key(keys::Backspace);
    key(keys::Backspace);
    key('5');
    step();
    EXPECT_TRUE(tap("apply").empty());
    EXPECT_NE(console_->editError().find("\"5\""), std::string::npos) << console_->editError();
    key(keys::Backspace);
    key('0');
    step();
    const auto commands = tap("apply");
    ASSERT_EQ(commands.size(), 1u);
    EXPECT_EQ(std::get<ChangeSettings>(commands[0]).settings.rotationSeconds, 0);
}

TEST_F(OperatorConsoleTest, PlaylistEditsScheduleRowsAndRevert) {
    tap("page:playlist");
    tap("playlist:tour");           // check the third scene
    tap("playlist:tour:up");        // dashboard, tour, map
    tap("playlist:dashboard");      // uncheck the first
    tap("schedule:1:remove");       // 09:00 show goes
    tap("schedule:add");            // 09:00 show, focused
    tap("schedule:1:mode:blackout");
    const auto commands = tap("apply");
    ASSERT_EQ(commands.size(), 1u);
    const OperatorSettings& s = std::get<ChangeSettings>(commands[0]).settings;
    EXPECT_EQ(s.playlist, (std::vector<std::string>{"tour", "map"}));
    EXPECT_EQ(s.schedule, (std::vector<ScheduleEntry>{{9 * 60, WallMode::Blackout}, {18 * 60, WallMode::Standby}}));
    EXPECT_EQ(s.rotationSeconds, 60);

    // Revert goes back to the status' settings; nothing is sent.
    tap("playlist:map");
    EXPECT_TRUE(tap("revert").empty());
    const auto again = tap("apply");
    ASSERT_EQ(again.size(), 1u);
    OperatorSettings expected = status_.settings;
    expected.schedule = {{9 * 60, WallMode::Show}, {18 * 60, WallMode::Standby}};  // applied sorted by time
    EXPECT_EQ(std::get<ChangeSettings>(again[0]).settings, expected);
}

TEST_F(OperatorConsoleTest, ScreenshotIsWrittenWhenTheMainLoopDeliversIt) {
    const auto directory = std::filesystem::path(EXHIBIT_BINARY_DIR) / "console-screenshots";
    std::filesystem::remove_all(directory);
    std::filesystem::create_directories(directory);
    console_->setScreenshotDirectory(directory);
    auto commands = tap("screenshot");
    ASSERT_EQ(commands.size(), 1u);
    auto promise = std::get<TakeScreenshot>(commands[0]).png;
    ASSERT_TRUE(promise);
    EXPECT_EQ(console_->screenshotMessage(), "正在截图…");
    EXPECT_TRUE(tap("screenshot").empty()) << "a second screenshot while one is pending";

    const std::vector<std::uint8_t> png{0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3};
    promise->set_value(png);
    step();
    EXPECT_EQ(console_->screenshotMessage().rfind("已保存 exhibit-screenshot-", 0), 0u) << console_->screenshotMessage();
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(directory)) files.push_back(entry.path());
    ASSERT_EQ(files.size(), 1u);
    std::ifstream in(files[0], std::ios::binary);
    const std::vector<std::uint8_t> written{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    EXPECT_EQ(written, png);

    // A failure is reported with its reason.
    commands = tap("screenshot");
    ASSERT_EQ(commands.size(), 1u);
    std::get<TakeScreenshot>(commands[0]).png->set_exception(
        std::make_exception_ptr(std::runtime_error("readback failed")));
    step();
    EXPECT_EQ(console_->screenshotMessage(), "截图失败：readback failed");
}

TEST_F(OperatorConsoleTest, WantsInputOnlyOnItsWindows) {
    EXPECT_TRUE(console_->wantsInput(rect("scene:map").center()));
    EXPECT_TRUE(console_->wantsInput({1000, 400}));  // the details panel
    tap("details");
    step();
    EXPECT_TRUE(console_->wantsInput(rect("scene:map").center()));
    EXPECT_FALSE(console_->wantsInput({1000, 400}));
    EXPECT_FALSE(console_->itemRect("panel:health").has_value());
}

TEST_F(OperatorConsoleTest, AtlasHoldsOnlyTheNeededGlyphsAndGrowsForNewOnes) {
    const glm::ivec2 atlas = console_->atlasSize();
    std::cout << "console atlas " << atlas.x << "x" << atlas.y << ", " << console_->glyphCount() << " glyphs\n";
    // GetGlyphRangesChineseSimplifiedCommon would be 3220 glyphs on 1024 x 1024 at this size.
    EXPECT_LE(atlas.x * atlas.y, 512 * 512);
    EXPECT_LT(console_->glyphCount(), 600);
    const int before = console_->glyphCount();
    status_.recentLog.push_back("09:30:00 info  [app.touch] 黎平县 tapped");  // 黎, 平 and 县 are new
    step();
    EXPECT_EQ(console_->glyphCount(), before + 3);
    step();
    EXPECT_EQ(console_->glyphCount(), before + 3) << "no rebuild without new characters";
}

}  // namespace
}  // namespace exhibit
