// End to end: video walls as an integrator starts them. One machine with three outputs
// (--wall, one process) and three machines simulated by three processes on this one
// (mpirun -np 3 exhibit --wall ..., Open MPI): every tile matches its crop of the same frame
// rendered on one canvas; every rank presents the same frames; a touch on rank 0 reaches the
// scenes of every rank; a rank that is killed or hangs is detected by the timeout while the others
// keep presenting in step; a leader that dies leaves the others presenting on their own; after a
// loss the wall ends itself for its supervisor to restart; and a wrong process count is refused.
// The timeline scene is used where images are compared: it shows no live data, so two separate
// runs with a fixed time step draw the same pixels.
#include <gtest/gtest.h>

#include <csignal>
#include <filesystem>
#include <regex>

#include "core/wall_layout.hpp"
#include "renderer/image.hpp"
#include "scenes/catalog.hpp"
#include "scenes/map_scene.hpp"
#include <fstream>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "tests/support/control_access.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/tuio_sender.hpp"

namespace exhibit::test {
namespace {

namespace fs = std::filesystem;

const std::string kWalls = std::string(EXHIBIT_TEST_DATA) + "/walls/";
// mpirun as root needs the confirmation variables; yield_when_idle keeps three ranks usable on two cores.
const std::vector<std::string> kMpiEnv = {"OMPI_ALLOW_RUN_AS_ROOT=1", "OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1",
                                          "OMPI_MCA_mpi_yield_when_idle=1", "OMPI_MCA_btl=self,vader,tcp"};

std::vector<std::string> mpirun(int ranks) {
    return {EXHIBIT_MPIRUN, "--oversubscribe", "--enable-recovery", "-np", std::to_string(ranks), EXHIBIT_EXE};
}

std::vector<std::string> plus(std::vector<std::string> a, const std::vector<std::string>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

// The same frame of the timeline scene every time: fixed time step, no TUIO, a state dir of the test's.
std::vector<std::string> timelineFrames(const TempDir& dir, int frames) {
    return {"--headless", "--scene", "timeline", "--fixed-dt", "16.667", "--frames", std::to_string(frames),
            "--tuio", "0", "--state-dir", (dir.path() / "state").string()};
}

int differingPixels(const Image& whole, glm::ivec4 rect, const Image& tile) {
    EXPECT_EQ(tile.width, rect.z);
    EXPECT_EQ(tile.height, rect.w);
    int differing = 0;
    for (int y = 0; y < std::min(rect.w, tile.height); ++y)
        for (int x = 0; x < std::min(rect.z, tile.width); ++x) {
            const std::uint8_t* a = tile.pixel(x, y);
            const std::uint8_t* b = whole.pixel(rect.x + x, rect.y + y);
            for (int c = 0; c < 4; ++c)
                if (std::abs(a[c] - b[c]) > 5) {
                    ++differing;
                    break;
                }
        }
    return differing;
}

int count(const std::string& text, const std::string& what) {
    int n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

// The pid a rank logged when it joined the wall.
int pidOfRank(const std::string& log, int rank) {
    const std::regex line("\\[wall\\.sync\\] rank " + std::to_string(rank) + " of \\d+: \\w+[^\\n]*\\(pid (\\d+)\\)");
    std::smatch m;
    return std::regex_search(log, m, line) ? std::stoi(m[1]) : -1;
}

TEST(WallE2E, TilesOfOneMachineAndOfThreeRanksMatchTheWholeCanvas) {
    TempDir dir("wall-tiles");
    const WallLayout layout = loadWallLayout(kWalls + "one-rank.json");
    const auto whole = runProcess(plus({EXHIBIT_EXE}, plus(timelineFrames(dir, 20), {"--size", "1240x300", "--screenshot",
                                                                                      (dir.path() / "whole.png").string()})));
    ASSERT_EQ(whole.exitCode, 0) << whole.err;
    const auto one = runProcess(plus({EXHIBIT_EXE}, plus(timelineFrames(dir, 20), {"--wall", kWalls + "one-rank.json",
                                                                                    "--screenshot", (dir.path() / "one.png").string()})));
    ASSERT_EQ(one.exitCode, 0) << one.err;
    const auto three = runProcess(plus(mpirun(3), plus(timelineFrames(dir, 20), {"--wall", kWalls + "three-ranks.json",
                                                                                  "--screenshot", (dir.path() / "three.png").string()})),
                                  kMpiEnv);
    ASSERT_EQ(three.exitCode, 0) << three.out << three.err;

    const Image canvas = readPng(dir.path() / "whole.png");
    for (const WallOutput& out : layout.outputs) {
        const Image fromOne = readPng(dir.path() / ("one-" + out.name + ".png"));
        const Image fromThree = readPng(dir.path() / ("three-" + out.name + ".png"));
        const int allowed = out.rect.z * out.rect.w / 1000;  // the golden tolerance: 0.1 % of pixels
        EXPECT_LE(differingPixels(canvas, out.rect, fromOne), allowed) << "one machine, output " << out.name;
        EXPECT_LE(differingPixels(canvas, out.rect, fromThree), allowed) << "three ranks, output " << out.name;
    }
    // Every rank presented the same 20 frames, each on rank 0's go.
    const std::string log = three.out + three.err;
    EXPECT_NE(log.find("rank 0 of 3: 20 frames in step"), std::string::npos) << log;
    EXPECT_NE(log.find("rank 1: stopped at frame 19, in step with rank 0"), std::string::npos) << log;
    EXPECT_NE(log.find("rank 2: stopped at frame 19, in step with rank 0"), std::string::npos) << log;
    EXPECT_EQ(log.find("[error]"), std::string::npos) << log;
}

// The operator's screenshot of a wall is the whole canvas (bezels included), and the wall's health
// is in the status: the layout, its canvas, outputs and ranks.
TEST(WallE2E, TheOperatorSeesTheWholeCanvasAndTheWallsHealth) {
    TempDir dir("wall-operator");
    const fs::path state = dir.path() / "state";
    BackgroundProcess wall({EXHIBIT_EXE, "--headless", "--scene", "timeline", "--wall", kWalls + "one-rank.json", "--frames",
                            "100000", "--tuio", "0", "--control", "127.0.0.1:0", "--state-dir", state.string(),
                            "--screenshot", (dir.path() / "w.png").string()},
                           (dir.path() / "wall.log").string());
    ControlAccess api;
    ASSERT_TRUE(waitForControlApi(wall, state, api));
    httplib::Client client("127.0.0.1", api.port);
    client.set_read_timeout(60);
    const httplib::Headers bearer{{"Authorization", "Bearer " + api.token}};
    auto shot = client.Get("/api/screenshot.png", bearer);
    ASSERT_TRUE(shot);
    ASSERT_EQ(shot->status, 200) << shot->body;
    std::ofstream(dir.path() / "operator.png", std::ios::binary) << shot->body;
    const Image image = readPng(dir.path() / "operator.png");
    EXPECT_EQ(image.width, 1240);
    EXPECT_EQ(image.height, 300);
    auto status = client.Get("/api/status", bearer);
    ASSERT_TRUE(status);
    const auto json = nlohmann::json::parse(status->body);
    EXPECT_EQ(json["wall"]["layout"], "test: three outputs on one machine");
    EXPECT_EQ(json["wall"]["canvas"]["width"], 1240);
    EXPECT_EQ(json["wall"]["outputs"], 3);
    EXPECT_EQ(json["wall"]["ranks"], 1);
    EXPECT_TRUE(json["wall"]["lostRanks"].empty());
    EXPECT_EQ(wall.stop(), 0) << wall.log();
}

TEST(WallE2E, ATouchOnRankZeroReachesTheScenesOfEveryRank) {
    TempDir dir("wall-touch");
    const glm::ivec2 size{1240, 300};
    // Where 从江县 is on the map scene laid out on the wall's canvas.
    const ShowFile show = loadShowFile(std::string(EXHIBIT_ASSETS) + "/shows/guizhou/show.json");
    const Font regular = Font::find(show.theme.font, true), bold = Font::find(show.theme.fontBold, true);
    const Translator text{show};
    const SceneServices services{show, regular, bold, text};
    auto scene = createScene(*show.findScene("map"), services);
    Canvas canvas;
    FrameTime time{1.0 / 60, 1.0 / 60, 1};
    scene->update(time, Snapshot{});
    canvas.begin(size, {});
    scene->draw(canvas);
    const glm::vec2 congjiang = *dynamic_cast<MapScene&>(*scene).view().countyAnchor("522633");

    const int port = freeUdpPort();
    BackgroundProcess wall(plus(mpirun(3), {"--headless", "--scene", "map", "--wall", kWalls + "three-ranks.json", "--tuio",
                                            std::to_string(port), "--frames", "100000", "--state-dir",
                                            (dir.path() / "state").string(), "--screenshot", (dir.path() / "t.png").string()}),
                           (dir.path() / "wall.log").string(), SpawnOptions{kMpiEnv, std::nullopt});
    ASSERT_TRUE(wall.waitForLog("the wall is in step", 300)) << wall.log();
    TuioSender finger(port, "e2e@localhost");
    finger.frame({{1, congjiang / glm::vec2(size)}});
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    finger.frame({});
    // The map of every rank flies into the prefecture: the tap went to rank 0, its director call to all.
    for (int i = 0; i < 600 && count(wall.log(), "[scene.map] focus 522600") < 3; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    EXPECT_EQ(count(wall.log(), "[scene.map] focus 522600"), 3) << wall.log();
    wall.stop();
}

// Runs a three-rank wall of `layout`, waits until every rank draws, then does `harm` to a rank.
struct RunningWall {
    TempDir dir{"wall-loss"};
    BackgroundProcess process;
    RunningWall(const std::string& layout, int frames)
        : process(plus(mpirun(3), plus(timelineFrames(dir, frames), {"--wall", kWalls + layout, "--screenshot",
                                                                      (dir.path() / "loss.png").string()})),
                  (dir.path() / "wall.log").string(), SpawnOptions{kMpiEnv, std::nullopt}) {}
    bool started() {
        const bool inStep = process.waitForLog("the wall is in step", 300);
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
        return inStep;
    }
    int pid(int rank) { return pidOfRank(process.log(), rank); }
};

TEST(WallE2E, AKilledRankIsDetectedAndTheOthersKeepPresentingInStep) {
    RunningWall wall("three-ranks.json", 600);
    ASSERT_TRUE(wall.started()) << wall.process.log();
    const int victim = wall.pid(2);
    ASSERT_GT(victim, 0) << wall.process.log();
    ASSERT_EQ(::kill(victim, SIGKILL), 0);
    ASSERT_TRUE(wall.process.waitForLog("[wall.sync] rank 2 lost: no ready report for frame", 60)) << wall.process.log();
    // Rank 0 and rank 1 go on to the last frame together.
    ASSERT_TRUE(wall.process.waitForLog("rank 1: stopped at frame 599, in step with rank 0", 300)) << wall.process.log();
    // And the job ends by itself: no rank waits in MPI's clean-up for the lost one.
    for (int i = 0; i < 600 && wall.process.running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    EXPECT_FALSE(wall.process.running()) << wall.process.log();
    wall.process.stop(30);
    const std::string log = wall.process.log();
    EXPECT_NE(log.find("rank 0 of 3: 600 frames in step"), std::string::npos) << log;
    EXPECT_EQ(count(log, "lost:"), 1) << "only rank 2 is lost\n" << log;
}

TEST(WallE2E, AHangingRankIsDetectedAndTheOthersKeepPresenting) {
    RunningWall wall("three-ranks.json", 600);
    ASSERT_TRUE(wall.started()) << wall.process.log();
    const int victim = wall.pid(1);
    ASSERT_GT(victim, 0) << wall.process.log();
    ASSERT_EQ(::kill(victim, SIGSTOP), 0);
    ASSERT_TRUE(wall.process.waitForLog("[wall.sync] rank 1 lost: no ready report for frame", 60)) << wall.process.log();
    ASSERT_TRUE(wall.process.waitForLog("rank 2: stopped at frame 599, in step with rank 0", 300)) << wall.process.log();
    ::kill(victim, SIGKILL);  // mpirun waits for every rank; the hung one never ends by itself
    wall.process.stop(30);
    EXPECT_NE(wall.process.log().find("rank 0 of 3: 600 frames in step"), std::string::npos) << wall.process.log();
}

TEST(WallE2E, WhenRankZeroDiesTheOthersGoOnAlone) {
    RunningWall wall("three-ranks.json", 600);
    ASSERT_TRUE(wall.started()) << wall.process.log();
    const int leader = wall.pid(0);
    ASSERT_GT(leader, 0) << wall.process.log();
    ASSERT_EQ(::kill(leader, SIGKILL), 0);
    ASSERT_TRUE(wall.process.waitForLog("rank 1: stopped at frame", 300)) << wall.process.log();
    ASSERT_TRUE(wall.process.waitForLog("rank 2: stopped at frame", 300)) << wall.process.log();
    wall.process.stop(30);
    const std::string log = wall.process.log();
    EXPECT_NE(log.find("rank 1: rank 0 silent for 12.50 s"), std::string::npos) << log;
    EXPECT_EQ(count(log, "(alone since rank 0 went silent)"), 2) << log;
}

TEST(WallE2E, AfterALossTheWallEndsItselfForItsSupervisorToRestartIt) {
    RunningWall wall("three-ranks-restart.json", 100000);
    ASSERT_TRUE(wall.started()) << wall.process.log();
    ASSERT_EQ(::kill(wall.pid(2), SIGKILL), 0);
    ASSERT_TRUE(wall.process.waitForLog("[wall.sync] rank 2 lost", 60)) << wall.process.log();
    // The job ends by itself: rank 0 tells rank 1 to stop, and both exit.
    for (int i = 0; i < 600 && wall.process.running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    EXPECT_FALSE(wall.process.running()) << wall.process.log();
    const std::string log = wall.process.log();
    EXPECT_NE(log.find("ending the wall so that its supervisor starts it again with every node (exit 75)"),
              std::string::npos)
        << log;
    EXPECT_NE(log.find("rank 1: stopped at frame"), std::string::npos) << log;
    wall.process.stop(30);
}

TEST(WallE2E, TheProcessCountMustMatchTheLayout) {
    TempDir dir("wall-count");
    // (With --enable-recovery mpirun exits 0 whatever its ranks returned: the message is what counts.)
    const auto two = runProcess(plus(mpirun(2), plus(timelineFrames(dir, 1), {"--wall", kWalls + "three-ranks.json"})), kMpiEnv);
    EXPECT_NE((two.out + two.err).find("is driven by 3 processes, but mpirun started 2 (mpirun -np 3)"), std::string::npos)
        << two.out << two.err;
    const auto none = runProcess(plus(mpirun(2), timelineFrames(dir, 1)), kMpiEnv);
    EXPECT_NE((none.out + none.err).find("but there is no wall layout: give --wall FILE"), std::string::npos)
        << none.out << none.err;
    // Without mpirun, a layout over three ranks drives rank 0's outputs and says how to start the rest.
    const auto alone = runProcess(plus({EXHIBIT_EXE}, plus(timelineFrames(dir, 1), {"--wall", kWalls + "three-ranks.json",
                                                                                     "--screenshot", (dir.path() / "a.png").string()})));
    EXPECT_EQ(alone.exitCode, 0) << alone.err;
    EXPECT_NE(alone.err.find("alone, this one drives rank 0's outputs only"), std::string::npos) << alone.err;
    EXPECT_TRUE(fs::exists(dir.path() / "a-a.png"));
    EXPECT_FALSE(fs::exists(dir.path() / "a-b.png"));
}

}  // namespace
}  // namespace exhibit::test
