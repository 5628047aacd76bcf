// SceneDirector when a scene's content fails to load. The test show is a copy of the bundled show
// in a temporary folder with a third scene, "broken", first in show order: the map scene's spec
// reading geo/broken_counties.geojson, a truncated file. The wall starts on the next good scene;
// swipes, the tour and the playlist rotation skip the broken one; switching to it loads it again
// at most once per retry interval, refuses while it still fails, and switches once the file is
// fixed; no scene at all throws with every problem; a loaded scene does not need its files again.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>

#include "app/scene_director.hpp"
#include "app/wall_schedule.hpp"
#include "core/error.hpp"
#include "tests/support/log_capture.hpp"
#include "tests/support/temp_dir.hpp"

namespace exhibit::test {
namespace {

namespace fs = std::filesystem;

constexpr double kRetry = 5;
const char* const kCorrupt = R"({"type": "FeatureCollection", "features": [)";

void writeFile(const fs::path& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

class SceneDirectorFaults : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        const ShowFile bundled = loadShowFile(EXHIBIT_ASSETS "/shows/guizhou/show.json");
        regular_ = new Font(Font::find(bundled.theme.font, true));
        bold_ = new Font(Font::find(bundled.theme.fontBold, true));
    }
    static void TearDownTestSuite() {
        delete bold_;
        delete regular_;
    }

    void SetUp() override {
        fs::copy(EXHIBIT_ASSETS "/shows/guizhou", dir_.path(), fs::copy_options::recursive);
        show_ = loadShowFile(dir_.path() / "show.json");
        std::erase_if(show_.scenes, [](const SceneSpec& s) { return s.id != "dashboard" && s.id != "map"; });
        show_.attract.clear();  // every scene in show order, each as long as its own steps
        SceneSpec broken = *show_.findScene("map");
        broken.id = "broken";
        broken.title = "Broken";
        broken.map->geo.counties = "geo/broken_counties.geojson";
        show_.scenes.insert(show_.scenes.begin(), broken);  // broken, dashboard, map
        writeFile(geo("broken_counties.geojson"), kCorrupt);
    }

    fs::path geo(const std::string& name) const { return dir_.path() / "geo" / name; }
    void fix() const {
        fs::copy_file(geo("guizhou_counties.geojson"), geo("broken_counties.geojson"), fs::copy_options::overwrite_existing);
    }
    std::unique_ptr<SceneDirector> director(const std::string& start) {
        return std::make_unique<SceneDirector>(show_, services_, start, kRetry);
    }
    // One frame `seconds` after the previous one (the retry interval counts show time).
    void advance(SceneDirector& d, double seconds) {
        time_.seconds += seconds;
        time_.dt = 1.0 / 60;
        ++time_.frame;
        d.update(time_, feed_);
    }
    static Gesture swipe(SwipeDirection direction) {
        Gesture g;
        g.kind = GestureKind::Swipe;
        g.direction = direction;
        g.target = "";
        return g;
    }

    static inline Font* regular_ = nullptr;
    static inline Font* bold_ = nullptr;
    TempDir dir_{"scene-director"};
    ShowFile show_;
    Translator text_{show_};
    SceneServices services_{show_, *regular_, *bold_, text_};
    FrameTime time_;
    Snapshot feed_;
};

TEST_F(SceneDirectorFaults, StartsOnTheFirstGoodSceneAndNamesSceneFileAndProblem) {
    LogCapture log;
    auto d = director("broken");
    EXPECT_EQ(d->current().id(), "dashboard");
    ASSERT_EQ(d->count(), 3u);
    EXPECT_FALSE(d->available(0));
    EXPECT_TRUE(d->available(1));
    EXPECT_TRUE(d->available(2));
    EXPECT_NE(d->problem(0).find("broken_counties.geojson"), std::string::npos) << d->problem(0);
    EXPECT_EQ(d->problem(1), "");
    EXPECT_NE(log.text().find("[app.scenes] scene \"broken\" unavailable: "), std::string::npos) << log.text();
    EXPECT_NE(log.text().find("broken_counties.geojson: "), std::string::npos) << log.text();
    EXPECT_NE(log.text().find("start scene \"broken\" is unavailable: starting on \"dashboard\""), std::string::npos)
        << log.text();

    auto onMap = director("map");  // a start scene that loaded is the one shown
    EXPECT_EQ(onMap->current().id(), "map");
}

TEST_F(SceneDirectorFaults, SwipesAndTheTourSkipTheUnavailableScene) {
    auto d = director("map");
    d->gesture(swipe(SwipeDirection::Left));  // map -> (broken) -> dashboard, wrapping
    EXPECT_EQ(d->current().id(), "dashboard");
    d->gesture(swipe(SwipeDirection::Right));  // dashboard -> (broken) -> map
    EXPECT_EQ(d->current().id(), "map");

    // The whole show in order: map -> (broken) -> dashboard -> map ...
    d->startTour();
    for (int i = 0; i < 100 && d->current().id() == "map"; ++i) d->tourStep();
    EXPECT_EQ(d->current().id(), "dashboard");

    // A playlist of the broken scene and the map: the tour leaves the dashboard for the map and
    // stays there.
    d->setPlaylist({"broken", "map"});
    for (int i = 0; i < 100 && d->current().id() == "dashboard"; ++i) d->tourStep();
    EXPECT_EQ(d->current().id(), "map");
    for (int i = 0; i < 40; ++i) {
        d->tourStep();
        ASSERT_EQ(d->current().id(), "map");
    }
}

// The show's attract list: its order (the broken scene is not in it), and the map held for
// exactly its 14 s (two 7 s steps) however many steps of its own it has.
TEST_F(SceneDirectorFaults, TheShowsAttractListSetsOrderAndTimePerScene) {
    ASSERT_DOUBLE_EQ(show_.touch.attractStepSeconds, 7);
    show_.attract = {{"map", 14}, {"dashboard", 0}};
    auto d = director("dashboard");
    d->startTour();
    for (int i = 0; i < 100 && d->current().id() == "dashboard"; ++i) d->tourStep();
    ASSERT_EQ(d->current().id(), "map");  // entering took the map's first step
    d->tourStep();
    EXPECT_EQ(d->current().id(), "map");
    d->tourStep();
    EXPECT_EQ(d->current().id(), "dashboard") << "the map stays two steps, then the list goes on";

    d->setPlaylist({"map"});  // the operator's playlist replaces the order; the show's seconds stay
    for (int i = 0; i < 100 && d->current().id() == "dashboard"; ++i) d->tourStep();
    for (int i = 0; i < 10; ++i) {
        d->tourStep();
        ASSERT_EQ(d->current().id(), "map");
    }
    d->setPlaylist({});  // back to the show's list
    for (int i = 0; i < 3 && d->current().id() == "map"; ++i) d->tourStep();
    EXPECT_EQ(d->current().id(), "dashboard");
}

TEST(PlaylistRotationFaults, SkipsUnavailableScenes) {
    const std::vector<SceneInfo> scenes = {{"broken", "Broken", false, "x.geojson: cannot open"},
                                           {"dashboard", "Dashboard"},
                                           {"map", "Map"}};
    OperatorSettings settings;
    settings.rotationSeconds = 10;
    PlaylistRotation rotation;
    EXPECT_EQ(rotation.update(0, settings, scenes, "map"), std::nullopt);  // anchors
    EXPECT_EQ(rotation.update(10, settings, scenes, "map"), "dashboard");  // every scene: wraps past broken
    settings.playlist = {"dashboard", "broken", "map"};
    EXPECT_EQ(rotation.update(20, settings, scenes, "dashboard"), "map");
    settings.playlist = {"map", "broken"};
    EXPECT_EQ(rotation.update(30, settings, scenes, "map"), std::nullopt);  // nothing else to show
}

TEST_F(SceneDirectorFaults, SwitchingRetriesAtMostOncePerIntervalAndLoadsTheFixedFile) {
    auto d = director("dashboard");
    {
        LogCapture log;  // at start: the last attempt was just now
        EXPECT_FALSE(d->switchTo("broken", "operator"));
        EXPECT_EQ(d->current().id(), "dashboard");
        EXPECT_NE(log.text().find("scene \"broken\" unavailable, switch refused (next load attempt in 5 s): "),
                  std::string::npos)
            << log.text();
    }
    advance(*d, kRetry);
    {
        LogCapture log;  // tried again, and the file is still corrupt
        EXPECT_FALSE(d->switchTo("broken", "operator"));
        EXPECT_EQ(d->current().id(), "dashboard");
        EXPECT_NE(log.text().find("scene \"broken\" still unavailable, switch refused: "), std::string::npos)
            << log.text();
        EXPECT_NE(log.text().find("broken_counties.geojson"), std::string::npos) << log.text();
    }
    fs::remove(geo("broken_counties.geojson"));
    advance(*d, kRetry);
    EXPECT_FALSE(d->switchTo("broken", "operator"));  // now missing: the problem says so
    EXPECT_NE(d->problem(0).find("broken_counties.geojson: cannot open"), std::string::npos) << d->problem(0);

    fix();
    advance(*d, kRetry / 2);
    EXPECT_FALSE(d->switchTo("broken", "operator"));  // fixed, but the last attempt was too recent
    EXPECT_FALSE(d->available(0));
    advance(*d, kRetry / 2);
    LogCapture log;
    EXPECT_TRUE(d->switchTo("broken", "operator"));
    EXPECT_EQ(d->current().id(), "broken");
    EXPECT_TRUE(d->available(0));
    EXPECT_EQ(d->problem(0), "");
    EXPECT_NE(log.text().find("scene \"broken\" loaded on a second attempt"), std::string::npos) << log.text();
    EXPECT_NE(log.text().find("[app.scenes] broken (operator)"), std::string::npos) << log.text();

    // Once loaded it is an ordinary scene: swipes reach it again.
    EXPECT_TRUE(d->switchTo("map", "operator"));
    d->gesture(swipe(SwipeDirection::Left));  // map -> broken, wrapping
    EXPECT_EQ(d->current().id(), "broken");
    EXPECT_FALSE(d->switchTo("atlantis", "operator"));
}

TEST_F(SceneDirectorFaults, NoSceneLoadedThrowsWithEveryProblem) {
    writeFile(geo("guizhou_counties.geojson"), kCorrupt);  // the dashboard and the map read it too
    try {
        SceneDirector d(show_, services_, "dashboard");
        FAIL() << "no ContentError";
    } catch (const ContentError& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("scene \"broken\": "), std::string::npos) << what;
        EXPECT_NE(what.find("\nscene \"dashboard\": "), std::string::npos) << what;
        EXPECT_NE(what.find("\nscene \"map\": "), std::string::npos) << what;
        EXPECT_NE(what.find("guizhou_counties.geojson"), std::string::npos) << what;
    }
}

TEST_F(SceneDirectorFaults, LoadedScenesDoNotNeedTheirFilesAgain) {
    fix();
    auto d = director("dashboard");
    for (std::size_t i = 0; i < d->count(); ++i) ASSERT_TRUE(d->available(i)) << d->problem(i);
    fs::remove_all(dir_.path() / "geo");
    writeFile(dir_.path() / "facts/guizhou_counties.csv", "garbage\n");
    fs::remove(dir_.path() / "facts/poverty_population_by_year.csv");
    Canvas canvas;
    for (const char* id : {"map", "broken", "dashboard", "map"}) {
        ASSERT_TRUE(d->switchTo(id, "operator")) << id;
        advance(*d, 1);
        canvas.begin({1280, 720}, {});
        d->draw(canvas);
        EXPECT_GT(canvas.list().items.size(), 0u) << id;
    }
}

}  // namespace
}  // namespace exhibit::test

namespace exhibit::test {
namespace {

// A video wall's other ranks replay the calls the first rank's director was given (wall_sync.hpp):
// only the outermost call is recorded, and replaying the journal leads to the same scene and step.
TEST_F(SceneDirectorFaults, ARecordedJournalReplaysToTheSameScenes) {
    auto leader = director("map");
    auto follower = director("map");
    leader->recordCommands(true);
    auto replay = [&] {
        const auto journal = leader->takeCommands();
        for (const auto& c : journal) follower->apply(c);
        advance(*leader, 0.1);
        advance(*follower, 0.1);
        return journal;
    };
    leader->gesture(swipe(SwipeDirection::Left));
    auto journal = replay();
    ASSERT_EQ(journal.size(), 1u) << "the swipe's switch inside gesture() is not recorded again";
    EXPECT_EQ(journal[0].kind, DirectorCommand::Kind::Gesture);
    EXPECT_EQ(follower->current().id(), leader->current().id());

    leader->startTour();
    journal = replay();
    ASSERT_EQ(journal.size(), 1u) << "startTour's own first step is part of it";
    for (int i = 0; i < 30; ++i) {
        leader->tourStep();
        replay();
        EXPECT_EQ(follower->current().id(), leader->current().id()) << "tour step " << i;
    }
    leader->setPlaylist({"map"});
    leader->switchTo("dashboard", "operator");
    leader->keyDown('f');
    journal = replay();
    ASSERT_EQ(journal.size(), 3u);
    EXPECT_EQ(journal[1].id, "dashboard");
    EXPECT_EQ(journal[2].key, 'f');
    EXPECT_EQ(follower->current().id(), "dashboard");
    leader->recordCommands(false);
    leader->switchTo("map", "operator");
    EXPECT_TRUE(leader->takeCommands().empty());
}

}  // namespace
}  // namespace exhibit::test
