#include "app/options.hpp"

#include <gtest/gtest.h>

namespace exhibit {
namespace {

ParseOutcome parse(std::vector<const char*> args) {
    args.insert(args.begin(), "exhibit");
    return parseOptions(static_cast<int>(args.size()), args.data());
}

TEST(Options, Defaults) {
    auto r = parse({});
    ASSERT_TRUE(r.options);
    EXPECT_EQ(r.options->size, glm::ivec2(1920, 1080));
    EXPECT_FALSE(r.options->headless);
    EXPECT_FALSE(r.options->frames);
    EXPECT_TRUE(r.options->show.empty());
    EXPECT_EQ(r.options->tuioPort, 3333);
}

TEST(Options, FullContract) {
    auto r = parse({"--show", "a.json", "--scene", "map", "--headless", "--size", "3840x2160", "--frames", "5",
                    "--fixed-dt", "20", "--screenshot", "x.png", "--fullscreen", "--display", "2", "--tuio", "0"});
    ASSERT_TRUE(r.options) << r.err;
    const Options& o = *r.options;
    EXPECT_EQ(o.show, "a.json");
    EXPECT_EQ(o.scene, "map");
    EXPECT_TRUE(o.headless);
    EXPECT_EQ(o.size, glm::ivec2(3840, 2160));
    EXPECT_EQ(o.frames, 5);
    EXPECT_DOUBLE_EQ(*o.fixedDtMs, 20.0);
    EXPECT_EQ(o.screenshot, "x.png");
    EXPECT_TRUE(o.fullscreen);
    EXPECT_EQ(o.display, 2);
    EXPECT_EQ(o.tuioPort, 0);
}

TEST(Options, SizeParsing) {
    EXPECT_EQ(parseSize("1920x1080"), glm::ivec2(1920, 1080));
    EXPECT_EQ(parseSize("16x16384"), glm::ivec2(16, 16384));
    for (const char* bad : {"", "x", "1920", "1920x", "x1080", "15x100", "100x16385", "-5x100", "1e3x100", "100x100x1",
                            "１９２０x1080", "1920 x1080"})
        EXPECT_FALSE(parseSize(bad)) << bad;
}

TEST(Options, UsageErrorsAreExitCodeTwoWithOneLine) {
    for (auto args : std::vector<std::vector<const char*>>{{"--size", "huge"},
                                                           {"--frames", "-1"},
                                                           {"--frames", "1", "--seconds", "2"},
                                                           {"--fixed-dt", "0"},
                                                           {"--display", "99"},
                                                           {"--tuio", "65536"},
                                                           {"--tuio", "udp"},
                                                           {"--control", "70000"},
                                                           {"--control", "host:"},
                                                           {"--control", ":80"},
                                                           {"--control", "a/b:80"},
                                                           {"--bogus"}}) {
        auto r = parse(args);
        EXPECT_FALSE(r.options) << args[0];
        EXPECT_EQ(r.exitCode, 2) << args[0];
        EXPECT_EQ(r.err.find('\n'), std::string::npos) << r.err;
        EXPECT_FALSE(r.err.empty());
    }
}

TEST(Options, ControlAddress) {
    auto r = parse({"--control", "8080", "--state-dir", "/tmp/s", "--operator-window", "--console"});
    ASSERT_TRUE(r.options);
    EXPECT_EQ(r.options->controlHost, "127.0.0.1");
    EXPECT_EQ(r.options->controlPort, 8080);
    EXPECT_EQ(r.options->stateDir, "/tmp/s");
    EXPECT_TRUE(r.options->operatorWindow);
    EXPECT_TRUE(r.options->console);
    EXPECT_FALSE(parse({}).options->controlPort);  // off unless asked for
    EXPECT_EQ(parseControlAddress("0.0.0.0:0")->host, "0.0.0.0");
    EXPECT_EQ(parseControlAddress("[::1]:9000")->host, "::1");
    EXPECT_EQ(parseControlAddress("[::1]:9000")->port, 9000);
    EXPECT_FALSE(parseControlAddress("8080x"));
    EXPECT_FALSE(parseControlAddress("-1"));
}

TEST(Options, XrMode) {
    EXPECT_FALSE(parse({}).options->xr);
    auto r = parse({"--xr", "--frames", "30"});
    ASSERT_TRUE(r.options);
    EXPECT_TRUE(r.options->xr);
    EXPECT_EQ(r.options->frames, 30);
}

TEST(Options, HelpAndVersionExitZero) {
    auto help = parse({"--help"});
    EXPECT_FALSE(help.options);
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_NE(help.out.find("--list-scenes"), std::string::npos);
    auto version = parse({"--version"});
    EXPECT_EQ(version.exitCode, 0);
    EXPECT_EQ(version.out.rfind("exhibit ", 0), 0u);
}

}  // namespace
}  // namespace exhibit
