// The exhibit binary as integrators and scripts use it: help, version, scene list, headless
// screenshots, and one-line errors with exit code 2 for bad usage and bad content.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <vector>

#include <nlohmann/json.hpp>

#include "renderer/image.hpp"
#include "tests/support/process.hpp"

namespace exhibit::test {
namespace {

namespace fs = std::filesystem;

ProcessResult exhibit(std::vector<std::string> args) {
    args.insert(args.begin(), EXHIBIT_EXE);
    return runProcess(args);
}

std::string readFile(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void writeFile(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
}

int lineCount(const std::string& s) { return static_cast<int>(std::count(s.begin(), s.end(), '\n')); }

// A private copy of the bundled show that a test may break.
class ShowCopy {
public:
    explicit ShowCopy(const std::string& name) : dir_(fs::path(EXHIBIT_BINARY_DIR) / "e2e-shows" / name) {
        fs::remove_all(dir_);
        fs::create_directories(dir_);
        fs::copy(fs::path(EXHIBIT_ASSETS) / "shows/guizhou", dir_, fs::copy_options::recursive);
    }
    fs::path show() const { return dir_ / "show.json"; }
    fs::path dir() const { return dir_; }
    void replaceInShow(const std::string& from, const std::string& to) const {
        std::string text = readFile(show());
        const auto at = text.find(from);
        ASSERT_NE(at, std::string::npos) << from;
        text.replace(at, from.size(), to);
        writeFile(show(), text);
    }

private:
    fs::path dir_;
};

bool noGl(const ProcessResult& r) { return r.exitCode == 1 && r.err.find("no headless OpenGL") != std::string::npos; }

TEST(Cli, HelpListsTheContract) {
    const auto r = exhibit({"--help"});
    EXPECT_EQ(r.exitCode, 0);
    for (const char* flag : {"--show", "--scene", "--headless", "--size", "--frames", "--seconds", "--fixed-dt",
                             "--screenshot", "--list-scenes", "--fullscreen", "--display", "--help", "--version"})
        EXPECT_NE(r.out.find(flag), std::string::npos) << flag;
}

TEST(Cli, Version) {
    const auto r = exhibit({"--version"});
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_TRUE(std::regex_search(r.out, std::regex(R"(^exhibit \d+\.\d+\.\d+\n$)"))) << r.out;
}

// Every scene of the bundled show, in show order: the overview, the real-facts map, the six
// themes, the timeline and the credits; titles in the language asked for.
TEST(Cli, ListScenesPrintsIdThenTitle) {
    const auto r = exhibit({"--list-scenes"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.out.rfind("dashboard  大数据精准扶贫云 · 实时运行\nmap  贵州省66个贫困县全部脱贫摘帽\n", 0), 0u) << r.out;
    std::vector<std::string> ids;
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);) ids.push_back(line.substr(0, line.find("  ")));
    EXPECT_EQ(ids, (std::vector<std::string>{"dashboard", "map", "healthcare", "education", "social", "ecommerce",
                                             "consumption", "cloud", "timeline", "tour", "credits"}));

    const auto english = exhibit({"--list-scenes", "--lang", "en"});
    ASSERT_EQ(english.exitCode, 0) << english.err;
    EXPECT_EQ(english.out.rfind("dashboard  Precision Poverty-Alleviation Cloud · Live\n", 0), 0u) << english.out;
}

TEST(Cli, UsageErrorsExitTwoWithOneLine) {
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"--size", "big"}, {"--frames", "0"}, {"--no-such-flag"}, {"--frames", "2", "--seconds", "1"}}) {
        const auto r = exhibit(args);
        EXPECT_EQ(r.exitCode, 2) << args[0];
        EXPECT_EQ(lineCount(r.err), 1) << r.err;
    }
    const auto size = exhibit({"--size", "10x10"});
    EXPECT_NE(size.err.find("--size: expected WxH"), std::string::npos) << size.err;
}

TEST(Cli, UnknownSceneNamesTheKnownOnes) {
    const auto r = exhibit({"--headless", "--scene", "nope"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("unknown scene \"nope\" (this show has: dashboard, map, healthcare, "), std::string::npos) << r.err;
}

TEST(Cli, HeadlessScreenshotHasTheRequestedSize) {
    const auto shot = fs::path(EXHIBIT_BINARY_DIR) / "e2e-out" / "map-1280x720.png";
    fs::remove(shot);
    const auto r = exhibit({"--headless", "--size", "1280x720", "--frames", "2", "--screenshot", shot.string()});
    if (noGl(r)) GTEST_SKIP() << r.err;
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("wrote screenshot " + fs::absolute(shot).string() + " (1280x720)"), std::string::npos) << r.out;
    const Image image = readPng(shot);
    EXPECT_EQ(image.width, 1280);
    EXPECT_EQ(image.height, 720);
}

TEST(Cli, WindowedRunUnderADisplay) {
    if (!std::getenv("DISPLAY")) GTEST_SKIP() << "no DISPLAY (scripts/test.sh starts Xvfb)";
    const auto shot = fs::path(EXHIBIT_BINARY_DIR) / "e2e-out" / "window.png";
    fs::remove(shot);
    const auto r = exhibit({"--size", "800x600", "--frames", "3", "--no-vsync", "--screenshot", shot.string()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.err.find("SDL window"), std::string::npos) << r.err;
    const Image image = readPng(shot);
    EXPECT_EQ(image.width, 800);
    EXPECT_EQ(image.height, 600);
}

// The operator console in its own window next to the wall's, both real SDL windows sharing one
// GL context: both screenshots come out, the console's is not one flat colour.
TEST(Cli, OperatorWindowUnderADisplay) {
    if (!std::getenv("DISPLAY")) GTEST_SKIP() << "no DISPLAY (scripts/test.sh starts Xvfb)";
    const auto shot = fs::path(EXHIBIT_BINARY_DIR) / "e2e-out" / "wall-with-operator.png";
    const auto operatorShot = fs::path(EXHIBIT_BINARY_DIR) / "e2e-out" / "wall-with-operator-operator.png";
    fs::remove(shot);
    fs::remove(operatorShot);
    const auto r = exhibit({"--size", "640x360", "--frames", "5", "--no-vsync", "--operator-window", "--tuio", "0",
                            "--state-dir", (fs::path(EXHIBIT_BINARY_DIR) / "e2e-out" / "operator-state").string(),
                            "--screenshot", shot.string()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.err.find("[app.console] operator window 1280x800"), std::string::npos) << r.err;
    EXPECT_EQ(readPng(shot).width, 640);
    const Image console = readPng(operatorShot);
    ASSERT_EQ(console.width, 1280);
    std::set<std::uint32_t> colours;
    for (int y = 0; y < console.height; y += 8)
        for (int x = 0; x < console.width; x += 8) {
            const std::uint8_t* p = console.pixel(x, y);
            colours.insert(p[0] << 16 | p[1] << 8 | p[2]);
        }
    EXPECT_GT(colours.size(), 4u);  // panels, buttons and text, not a cleared window
}

TEST(Content, BadColourInTheShowFileExitsTwoNamingTheField) {
    ShowCopy copy("bad-colour");
    copy.replaceInShow(R"("color": "#0A1528")", R"("color": "red")");
    const auto r = exhibit({"--show", copy.show().string(), "--headless"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(lineCount(r.err), 1) << r.err;
    EXPECT_NE(r.err.find("show.json: scenes[1].layers[2].color: expected"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("got \"red\""), std::string::npos) << r.err;
}

TEST(Content, TruncatedShowFileNamesLineAndColumn) {
    ShowCopy copy("truncated");
    const std::string text = readFile(copy.show());
    writeFile(copy.show(), text.substr(0, text.size() / 2));
    const auto r = exhibit({"--show", copy.show().string(), "--list-scenes"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(std::regex_search(r.err, std::regex(R"(^show\.json:\d+:\d+: invalid JSON)"))) << r.err;
}

TEST(Content, MissingShowFile) {
    const auto r = exhibit({"--show", "/nonexistent/show.json", "--list-scenes"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("show.json: cannot open"), std::string::npos) << r.err;
}

// Every scene but the tour and the credits draws the map: with the counties' GeoJSON corrupt the
// wall shows the tour, and the log names the file for each scene that could not load.
TEST(Content, CorruptGeoJsonLeavesTheScenesWithoutAMapAndNamesTheFile) {
    ShowCopy copy("corrupt-geo");
    writeFile(copy.dir() / "geo/guizhou_counties.geojson", R"({"type": "FeatureCollection", "features": [)");
    const auto r = exhibit({"--show", copy.show().string(), "--headless"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.err.find("scene \"dashboard\" unavailable: guizhou_counties.geojson"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("starting on \"tour\""), std::string::npos) << r.err;
}

// A show whose every scene needs the missing file cannot start: exit 2, naming the file.
TEST(Content, MissingGeoJsonExitsTwoNamingTheFileWhenNoSceneLoads) {
    ShowCopy copy("missing-geo");
    fs::remove(copy.dir() / "geo/guizhou_prefectures.geojson");
    const auto show = nlohmann::json::parse(readFile(copy.show()));
    nlohmann::json withoutCredits = show;
    withoutCredits["scenes"] = nlohmann::json::array();
    withoutCredits["attract"] = nlohmann::json::array();
    for (const auto& scene : show["scenes"])
        if (scene["type"] != "credits" && scene["type"] != "tour") withoutCredits["scenes"].push_back(scene);
    for (const auto& stop : show["attract"])
        if (stop["scene"] != "credits" && stop["scene"] != "tour") withoutCredits["attract"].push_back(stop);
    writeFile(copy.show(), withoutCredits.dump(2));
    const auto r = exhibit({"--show", copy.show().string(), "--headless"});
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_NE(r.err.find("guizhou_prefectures.geojson: cannot open"), std::string::npos) << r.err;
}

// The desktop tour (--tour): headless it renders the first stop's site; a show without a tour says
// so; a broken or missing model is a placeholder and a log line naming the file, and the tour goes on.
TEST(Tour, HeadlessScreenshotOfTheFirstStop) {
    const auto shot = fs::path(EXHIBIT_BINARY_DIR) / "e2e-out" / "tour-640x360.png";
    fs::remove(shot);
    const auto r = exhibit({"--tour", "--headless", "--size", "640x360", "--frames", "3", "--screenshot", shot.string()});
    if (noGl(r)) GTEST_SKIP() << r.err;
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const Image image = readPng(shot);
    ASSERT_EQ(image.width, 640);
    std::set<std::uint32_t> colours;
    for (std::size_t i = 0; i + 3 < image.rgba.size(); i += 4 * 97)
        colours.insert(image.rgba[i] | image.rgba[i + 1] << 8 | image.rgba[i + 2] << 16);
    EXPECT_GT(colours.size(), 50u);  // a site, not a flat colour
    EXPECT_EQ(exhibit({"--tour", "--scene", "map"}).exitCode, 2);
}

TEST(Tour, AShowWithoutATourExitsTwoSayingSo) {
    ShowCopy copy("no-tour");
    auto show = nlohmann::json::parse(readFile(copy.show()));
    show.erase("tour");
    nlohmann::json scenes = nlohmann::json::array();
    for (const auto& scene : show["scenes"])
        if (scene["type"] != "tour") scenes.push_back(scene);
    show["scenes"] = scenes;
    nlohmann::json attract = nlohmann::json::array();
    for (const auto& stop : show["attract"])
        if (stop["scene"] != "tour") attract.push_back(stop);
    show["attract"] = attract;
    writeFile(copy.show(), show.dump(2));
    const auto r = exhibit({"--show", copy.show().string(), "--tour", "--headless"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(lineCount(r.err), 1) << r.err;
    EXPECT_NE(r.err.find("show.json: --tour: this show has no scene of type \"tour\""), std::string::npos) << r.err;
}

TEST(Tour, BrokenAndMissingModelsArePlaceholdersAndTheTourGoesOn) {
    ShowCopy copy("broken-models");
    writeFile(copy.dir() / "models/kenney/building-small-a.glb", "glTF\x02\0\0\0truncated");
    fs::remove(copy.dir() / "models/terrain/terrain.gltf");
    const auto shot = fs::path(EXHIBIT_BINARY_DIR) / "e2e-out" / "tour-broken.png";
    const auto r = exhibit({"--show", copy.show().string(), "--tour", "--headless", "--size", "320x180", "--frames", "2",
                            "--screenshot", shot.string()});
    if (noGl(r)) GTEST_SKIP() << r.err;
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.err.find("building-small-a.glb"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("terrain.gltf"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("shown as a placeholder box"), std::string::npos) << r.err;
    EXPECT_TRUE(fs::exists(shot));
}

}  // namespace
}  // namespace exhibit::test

namespace exhibit::test {
namespace {

TEST(Feeds, RecordThenReplayAndRejectUnknownSchemes) {
    const auto rec = std::filesystem::path(EXHIBIT_BINARY_DIR) / "e2e-out" / "feed.ndjson";
    std::filesystem::create_directories(rec.parent_path());
    std::filesystem::remove(rec);
    const auto recorded = runProcess({EXHIBIT_EXE, "--headless", "--seconds", "0.5", "--seed", "3", "--record",
                                      rec.string(), "--screenshot", (rec.parent_path() / "feed.png").string()});
    if (recorded.exitCode == 1 && recorded.err.find("no headless OpenGL") != std::string::npos)
        GTEST_SKIP() << recorded.err;
    ASSERT_EQ(recorded.exitCode, 0) << recorded.err;
    std::ifstream in(rec);
    std::string first;
    ASSERT_TRUE(std::getline(in, first));
    EXPECT_NE(first.find(R"("provenance":"simulated")"), std::string::npos) << first;

    const auto replayed = runProcess({EXHIBIT_EXE, "--headless", "--feed", "file:" + rec.string(), "--replay-speed",
                                      "10", "--screenshot", (rec.parent_path() / "feed.png").string()});
    EXPECT_EQ(replayed.exitCode, 0) << replayed.err;
    EXPECT_NE(replayed.err.find("source file:" + rec.string()), std::string::npos) << replayed.err;

    const auto bad = runProcess({EXHIBIT_EXE, "--headless", "--feed", "gopher://x"});
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_NE(bad.err.find("feed \"gopher://x\": expected simulator"), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace exhibit::test
