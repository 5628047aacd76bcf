// The operator's side of the main loop without a window: commands from the queue switch scenes and
// modes and are saved; a second session on the same state directory finds them; the daily schedule
// and a restored manual mode; playlist rotation and touches; screenshots; the published status.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <future>

#include "app/operator_session.hpp"
#include "tests/support/bundled_show.hpp"

namespace exhibit::test {
namespace {

constexpr std::int64_t kDay = 20000 * 1440LL;  // a local midnight, in local minutes
constexpr std::int64_t at(int hour, int minute = 0) { return kDay + hour * 60 + minute; }

class OperatorSessionTest : public BundledShowTest {
protected:
    void SetUp() override {
        dir_ = std::filesystem::path(EXHIBIT_BINARY_DIR) / "operator-session" /
               ::testing::UnitTest::GetInstance()->current_test_info()->name();
        std::filesystem::remove_all(dir_);
        options_.stateDir = dir_;
    }

    // A fresh session, director and attract mode on the state directory, as a restart makes them.
    struct Wall {
        OperatorSession session;
        SceneDirector director;
        AttractMode attract{0, 7};
        Wall(const ShowFile& show, const SceneServices& services, const Options& options)
            : session(show, options, nullptr), director(show, services, session.startScene(options)) {
            session.attach(director, attract);
        }
        void frame(double now, std::int64_t minutes, bool touched = false) {
            session.beginFrame(now, minutes, touched);
            session.endFrame({now, now, 16, {1920, 1080}, {}, nullptr});
        }
    };
    std::unique_ptr<Wall> start() { return std::make_unique<Wall>(*show_, *services_, options_); }

    std::filesystem::path dir_;
    Options options_;
};

TEST_F(OperatorSessionTest, CommandsSwitchAndAreFoundAgainAfterARestart) {
    {
        auto wall = start();
        EXPECT_EQ(wall->director.current().id(), show_->startScene);
        wall->session.commands().push(SwitchScene{"map"});
        wall->session.commands().push(SwitchScene{"no-such-scene"});  // logged and ignored
        wall->session.commands().push(SetMode{WallMode::Standby});
        wall->frame(1, at(12));
        EXPECT_EQ(wall->director.current().id(), "map");
        EXPECT_EQ(wall->session.mode(), WallMode::Standby);
        EXPECT_EQ(wall->session.status().latest()->scene, "map");
        EXPECT_EQ(wall->session.status().latest()->mode, WallMode::Standby);
    }
    auto again = start();
    EXPECT_EQ(again->director.current().id(), "map");
    EXPECT_EQ(again->session.mode(), WallMode::Standby);
    options_.scene = "dashboard";  // --scene wins over the saved scene
    EXPECT_EQ(again->session.startScene(options_), "dashboard");
}

TEST_F(OperatorSessionTest, TheScheduleSwitchesAndAManualModeHoldsUntilTheNextSwitch) {
    OperatorSettings settings;
    settings.schedule = {{9 * 60, WallMode::Show}, {18 * 60, WallMode::Standby}};
    {
        auto wall = start();
        wall->session.commands().push(ChangeSettings{settings});
        wall->frame(1, at(20));  // started in the evening: the schedule says standby
        EXPECT_EQ(wall->session.mode(), WallMode::Standby);
        wall->session.commands().push(SetMode{WallMode::Show});  // an evening event: show by hand
        wall->frame(2, at(20, 10));
        EXPECT_EQ(wall->session.mode(), WallMode::Show);
    }
    {
        auto restarted = start();  // a restart at 20:30 keeps the manual show
        restarted->frame(1, at(20, 30));
        EXPECT_EQ(restarted->session.mode(), WallMode::Show);
        restarted->frame(2, at(23, 59));
        EXPECT_EQ(restarted->session.mode(), WallMode::Show);
    }
    auto nextEvening = start();  // powered on the next evening: the 18:00 switch came after the manual show
    nextEvening->frame(1, at(24 + 19));
    EXPECT_EQ(nextEvening->session.mode(), WallMode::Standby);
    nextEvening->frame(2, at(48 + 9, 1));  // crossing 09:00
    EXPECT_EQ(nextEvening->session.mode(), WallMode::Show);
}

TEST_F(OperatorSessionTest, AChangeOfSettingsTellsWhetherItWasSaved) {
    auto wall = start();
    OperatorSettings a;
    a.rotationSeconds = 60;
    auto saved = std::make_shared<std::promise<std::string>>();
    auto ok = saved->get_future();
    wall->session.commands().push(ChangeSettings{a, saved});
    wall->frame(1, at(12));
    ASSERT_EQ(ok.wait_for(std::chrono::seconds(0)), std::future_status::ready);
    EXPECT_EQ(ok.get(), "");

    // The temporary file cannot be created (a directory stands in its way, as a full disk or a
    // file-size limit would fail the write): the answer names the reason, the file keeps A.
    const auto file = dir_ / "settings.json";
    std::filesystem::create_directory(dir_ / "settings.json.tmp");
    OperatorSettings b = a;
    b.rotationSeconds = 120;
    auto failed = std::make_shared<std::promise<std::string>>();
    auto answer = failed->get_future();
    wall->session.commands().push(ChangeSettings{b, failed});
    wall->frame(2, at(12));
    ASSERT_EQ(answer.wait_for(std::chrono::seconds(0)), std::future_status::ready);
    const std::string error = answer.get();
    EXPECT_NE(error.find("settings.json.tmp"), std::string::npos) << error;
    EXPECT_EQ(wall->session.settings().rotationSeconds, 120);  // the show goes on with the change
    std::filesystem::remove(dir_ / "settings.json.tmp");
    EXPECT_EQ(SettingsStore(file).load().rotationSeconds, 60);
}

TEST_F(OperatorSessionTest, RotationMovesOnUnlessSomeoneTouchesTheWall) {
    auto wall = start();
    OperatorSettings settings;
    settings.rotationSeconds = 10;
    wall->session.commands().push(ChangeSettings{settings});
    wall->frame(0, at(12));
    const std::string first = wall->director.current().id();
    for (double t = 1; t <= 9; ++t) wall->frame(t, at(12), /*touched=*/t == 8);
    wall->frame(12, at(12));  // 10 s since start, but only 4 s since the touch
    EXPECT_EQ(wall->director.current().id(), first);
    wall->frame(18.5, at(12));
    EXPECT_NE(wall->director.current().id(), first);

    OperatorSettings unknown = settings;
    unknown.playlist = {"nowhere"};
    wall->session.commands().push(ChangeSettings{unknown});  // refused: the API checks first, the loop again
    wall->frame(19, at(12));
    EXPECT_TRUE(wall->session.settings().playlist.empty());
}

TEST_F(OperatorSessionTest, AScreenshotRequestGetsThePngOfTheNextFrame) {
    auto wall = start();
    auto promise = std::make_shared<std::promise<std::vector<std::uint8_t>>>();
    auto future = promise->get_future();
    wall->session.commands().push(TakeScreenshot{promise});
    wall->frame(1, at(12));
    ASSERT_TRUE(wall->session.screenshotWanted());
    wall->session.screenshotTaken(Image(8, 4));
    EXPECT_FALSE(wall->session.screenshotWanted());
    const auto png = future.get();
    ASSERT_GT(png.size(), 8u);
    EXPECT_EQ(png[1], 'P');
    EXPECT_EQ(png[2], 'N');
}

TEST_F(OperatorSessionTest, AStateDirectoryThatCannotBeMadeStillShows) {
    options_.stateDir = "/proc/exhibit-cannot-be-here";
    auto wall = start();
    wall->session.commands().push(SetMode{WallMode::Blackout});
    wall->frame(1, at(12));
    EXPECT_EQ(wall->session.mode(), WallMode::Blackout);  // held in memory, the save failure logged
}

}  // namespace
}  // namespace exhibit::test
