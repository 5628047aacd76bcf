// The control API in-process: a real ControlServer on 127.0.0.1 (any free port) with a CommandQueue
// and a StatusBoard, spoken to over real HTTP with httplib::Client. The main loop's side (draining
// commands, fulfilling screenshot promises) is played by the test.
#include <gtest/gtest.h>
#include <httplib.h>
#include <ifaddrs.h>
#include <netinet/in.h>
#include <arpa/inet.h>

#include <atomic>
#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>

#include "app/control_server.hpp"
#include "core/error.hpp"

using namespace exhibit;
using json = nlohmann::json;

namespace {

constexpr const char* kToken = "s3cret-token-0123456789";

std::shared_ptr<const OperatorStatus> threeScenes() {
    auto s = std::make_shared<OperatorStatus>();
    s->showTitle = "贵州大数据";
    s->scenes = {{"dashboard", "数据大屏"}, {"map", "贵州地图"}, {"history", "脱贫历程"}};
    s->scene = "dashboard";
    s->outputWidth = 1920;
    s->outputHeight = 1080;
    s->frames.fps = 59.5;
    s->settings.language = "zh";
    return s;
}

class ControlServerTest : public ::testing::Test {
protected:
    ControlServerOptions options() const {
        ControlServerOptions o;
        o.host = "127.0.0.1";
        o.port = 0;
        o.token = kToken;
        o.webDir = std::string(EXHIBIT_ASSETS) + "/web";
        o.metrics = [](const OperatorStatus& s) {
            return "# TYPE exhibit_fps gauge\nexhibit_fps " + std::to_string(s.frames.fps) + "\n";
        };
        o.screenshotTimeout = std::chrono::milliseconds(300);
        o.settingsSaveTimeout = std::chrono::milliseconds(300);  // no main loop answers unless a test plays it
        return o;
    }
    void start(ControlServerOptions o) {
        status.publish(threeScenes());
        server.emplace(std::move(o), commands, status);
    }
    void start() { start(options()); }

    httplib::Client client() const {
        httplib::Client c("127.0.0.1", server->port());
        c.set_url_encode(false);  // send paths exactly as written
        c.set_read_timeout(20, 0);
        return c;
    }
    static httplib::Headers bearer(const std::string& token = kToken) {
        return {{"Authorization", "Bearer " + token}};
    }
    static json body(const httplib::Result& r) { return json::parse(r->body); }
    static std::string error(const httplib::Result& r) {
        const json j = body(r);
        return j.contains("error") && j["error"].is_string() ? j["error"].get<std::string>() : "(no error field)";
    }

    CommandQueue commands;
    StatusBoard status;
    std::optional<ControlServer> server;
};

std::string jsonType(const httplib::Result& r) { return r->get_header_value("Content-Type"); }

TEST_F(ControlServerTest, StatusAndScenesAreOpenOnLoopback) {
    start();
    auto cli = client();
    auto r = cli.Get("/api/status");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(jsonType(r), "application/json; charset=utf-8");
    EXPECT_EQ(r->get_header_value("Cache-Control"), "no-store");
    EXPECT_EQ(r->get_header_value("X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(body(r)["scene"], "dashboard");
    EXPECT_EQ(body(r)["show"], "贵州大数据");

    r = cli.Get("/api/scenes");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    const json scenes = body(r);
    ASSERT_EQ(scenes.size(), 3u);
    EXPECT_EQ(scenes[1],
              (json{{"id", "map"}, {"title", "贵州地图"}, {"current", false}, {"available", true}, {"problem", ""}}));
    EXPECT_EQ(scenes[0]["current"], true);

    r = cli.Get("/api/settings");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(body(r)["language"], "zh");
}

TEST_F(ControlServerTest, SwitchingASceneNeedsTheToken) {
    start();
    auto cli = client();
    const std::string map = R"({"id": "map"})";

    auto r = cli.Post("/api/scene", map, "application/json");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 401);
    EXPECT_EQ(r->get_header_value("WWW-Authenticate").rfind("Bearer", 0), 0u);
    EXPECT_NE(error(r).find("Authorization: Bearer"), std::string::npos) << r->body;

    r = cli.Post("/api/scene", bearer("s3cret-token-0123456788"), map, "application/json");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 401);
    EXPECT_EQ(error(r), "wrong token");

    r = cli.Post("/api/scene", {{"Authorization", std::string("Basic ") + kToken}}, map, "application/json");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 401);
    EXPECT_TRUE(commands.drain().empty());

    r = cli.Post("/api/scene", bearer(), map, "application/json");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 202) << r->body;
    EXPECT_EQ(body(r), (json{{"ok", true}, {"scene", "map"}}));
    EXPECT_FALSE(r->has_header("WWW-Authenticate"));
    const auto queued = commands.drain();
    ASSERT_EQ(queued.size(), 1u);
    ASSERT_TRUE(std::holds_alternative<SwitchScene>(queued[0]));
    EXPECT_EQ(std::get<SwitchScene>(queued[0]).id, "map");
}

TEST_F(ControlServerTest, BadBodiesAreNamed) {
    start();
    auto cli = client();
    auto post = [&](const std::string& path, const std::string& text) {
        auto r = cli.Post(path, bearer(), text, "application/json");
        EXPECT_TRUE(r);
        return r;
    };
    auto r = post("/api/scene", "{\"id\": \"map\",}");
    EXPECT_EQ(r->status, 400);
    EXPECT_EQ(error(r).rfind("request body:1:14: invalid JSON: unexpected '}'", 0), 0u) << error(r);

    r = post("/api/scene", "{\n  \"id\": map\n}");
    EXPECT_EQ(r->status, 400);
    EXPECT_EQ(error(r).rfind("request body:2:9: invalid JSON", 0), 0u) << error(r);

    r = post("/api/scene", "");
    EXPECT_EQ(r->status, 400);
    EXPECT_EQ(error(r), "request body: empty; expected a JSON object");

    r = post("/api/scene", "{}");
    EXPECT_EQ(r->status, 400);
    EXPECT_NE(error(r).find("id"), std::string::npos) << error(r);
    EXPECT_NE(error(r).find("missing"), std::string::npos) << error(r);

    r = post("/api/scene", R"({"id": 7})");
    EXPECT_EQ(r->status, 400);
    EXPECT_EQ(error(r).rfind("request body: id: ", 0), 0u) << error(r);

    r = post("/api/scene", R"({"id": "map", "fade": 2})");
    EXPECT_EQ(r->status, 400);
    EXPECT_NE(error(r).find("fade"), std::string::npos) << error(r);

    r = post("/api/standby", R"({"on": "yes"})");
    EXPECT_EQ(r->status, 400);
    EXPECT_EQ(error(r).rfind("request body: on: ", 0), 0u) << error(r);

    r = post("/api/mode", R"({"mode": "dark"})");
    EXPECT_EQ(r->status, 400);
    EXPECT_EQ(error(r).rfind("request body: mode: ", 0), 0u) << error(r);
    EXPECT_NE(error(r).find("blackout"), std::string::npos) << error(r);

    r = post("/api/scene", "[1, 2]");
    EXPECT_EQ(r->status, 400);
    EXPECT_EQ(jsonType(r), "application/json; charset=utf-8");
    EXPECT_TRUE(commands.drain().empty());
}

TEST_F(ControlServerTest, UnknownSceneIs404ListingTheKnownOnes) {
    start();
    auto cli = client();
    auto r = cli.Post("/api/scene", bearer(), R"({"id": "atlantis"})", "application/json");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 404);
    EXPECT_EQ(error(r), "unknown scene \"atlantis\"; known: dashboard, map, history");
    EXPECT_TRUE(commands.drain().empty());
}

TEST_F(ControlServerTest, ModesAttractAndSettingsAreQueued) {
    start();
    auto cli = client();
    auto r = cli.Post("/api/standby", bearer(), R"({"on": true})", "application/json");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 202);
    EXPECT_EQ(body(r)["mode"], "standby");
    r = cli.Post("/api/mode", bearer(), R"({"mode": "blackout"})", "application/json");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 202);
    r = cli.Post("/api/standby", bearer(), R"({"on": false})", "application/json");
    ASSERT_TRUE(r);
    EXPECT_EQ(body(r)["mode"], "show");
    r = cli.Post("/api/attract", bearer(), R"({"on": true})", "application/json");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 202);
    r = cli.Put("/api/settings", bearer(),
                R"({"scene": "map", "playlist": ["map", "history"], "rotationSeconds": 60,
                    "schedule": [{"at": "18:00", "mode": "standby"}], "language": "en"})",
                "application/json");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 202) << r->body;
    EXPECT_EQ(body(r)["settings"]["schedule"][0]["at"], "18:00");

    const auto queued = commands.drain();
    ASSERT_EQ(queued.size(), 5u);
    EXPECT_EQ(std::get<SetMode>(queued[0]).mode, WallMode::Standby);
    EXPECT_EQ(std::get<SetMode>(queued[1]).mode, WallMode::Blackout);
    EXPECT_EQ(std::get<SetMode>(queued[2]).mode, WallMode::Show);
    EXPECT_TRUE(std::get<SetAttract>(queued[3]).on);
    const OperatorSettings& s = std::get<ChangeSettings>(queued[4]).settings;
    EXPECT_EQ(s.scene, "map");
    EXPECT_EQ(s.playlist, (std::vector<std::string>{"map", "history"}));
    EXPECT_EQ(s.rotationSeconds, 60);
    ASSERT_EQ(s.schedule.size(), 1u);
    EXPECT_EQ(s.schedule[0], (ScheduleEntry{18 * 60, WallMode::Standby}));
    EXPECT_EQ(s.language, "en");
}

TEST_F(ControlServerTest, SettingsThatCannotBeSavedAreAnErrorNamingTheReason) {
    start();
    std::atomic<bool> done{false};
    std::string reply = "cannot write /state/settings.json.tmp: File too large";
    std::thread mainLoop([&] {  // answers each ChangeSettings as the main loop does after saving
        while (!done) {
            for (auto& c : commands.drain())
                if (auto* s = std::get_if<ChangeSettings>(&c); s && s->saved) s->saved->set_value(reply);
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    });
    auto cli = client();
    auto r = cli.Put("/api/settings", bearer(), R"({"rotationSeconds": 60})", "application/json");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 500) << r->body;
    const std::string error = body(r)["error"];
    EXPECT_NE(error.find("could not be saved"), std::string::npos) << error;
    EXPECT_NE(error.find("File too large"), std::string::npos) << error;

    reply.clear();  // (the loop thread reads it only while answering; the PUT above has returned)
    r = cli.Put("/api/settings", bearer(), R"({"rotationSeconds": 60})", "application/json");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 202) << r->body;
    EXPECT_EQ(body(r)["saved"], true);
    done = true;
    mainLoop.join();

    r = cli.Put("/api/settings", bearer(), R"({"rotationSeconds": 60})", "application/json");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 202) << r->body;  // nobody answered in time: queued, not known to be saved
    EXPECT_EQ(body(r)["saved"], false);
}

TEST_F(ControlServerTest, BadSettingsNameTheField) {
    start();
    auto cli = client();
    auto r = cli.Put("/api/settings", bearer(), R"({"playlist": ["map", "atlantis"]})", "application/json");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 422);
    EXPECT_EQ(error(r), "request body: playlist[1]: unknown scene \"atlantis\"; known: dashboard, map, history");
    r = cli.Put("/api/settings", bearer(), R"({"scene": "nowhere"})", "application/json");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 422);
    EXPECT_EQ(error(r).rfind("request body: scene: unknown scene \"nowhere\"", 0), 0u) << error(r);
    r = cli.Put("/api/settings", bearer(), R"({"rotationSeconds": 2})", "application/json");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 400);
    EXPECT_EQ(error(r).rfind("request body: rotationSeconds: ", 0), 0u) << error(r);
    r = cli.Put("/api/settings", bearer(), R"({"schedule": [{"at": "25:00", "mode": "show"}]})", "application/json");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 400);
    EXPECT_EQ(error(r), "request body: schedule[0].at: expected \"HH:MM\" (00:00 to 23:59), got \"25:00\"");
    EXPECT_TRUE(commands.drain().empty());
}

TEST_F(ControlServerTest, OversizedBodiesGet413PlainChunkedOrCompressed) {
    start();
    auto cli = client();
    const std::string big = R"({"id": ")" + std::string(100 * 1024, 'x') + R"("})";
    auto r = cli.Post("/api/scene", bearer(), big, "application/json");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 413);
    EXPECT_EQ(error(r), "request body larger than 65536 bytes");

    // Chunked: no Content-Length to check up front; the server finds out at the limit, reads and
    // drops the rest (up to 1 MiB), so the client finishes writing and reads the 413.
    auto chunked = client();
    std::size_t sent = 0;
    r = chunked.Post(
        "/api/scene", bearer(),
        [&](std::size_t, httplib::DataSink& sink) {
            if (sent >= 512 * 1024) {
                sink.done();
                return true;
            }
            const std::string piece(8 * 1024, ' ');
            sent += piece.size();
            return sink.write(piece.data(), piece.size());
        },
        "application/json");
    ASSERT_TRUE(r) << httplib::to_string(r.error());
    EXPECT_EQ(r->status, 413);

    // Compressed: a small gzip body that inflates past the limit.
    auto gzip = client();
    gzip.set_compress(true);
    r = gzip.Post("/api/scene", bearer(), std::string(4 * 1024 * 1024, ' '), "application/json");
    ASSERT_TRUE(r) << httplib::to_string(r.error());
    EXPECT_EQ(r->status, 413);
    EXPECT_TRUE(commands.drain().empty());

    // A body just under the limit is read (and then judged on its content).
    r = cli.Post("/api/scene", bearer(), R"({"id": "map"})" + std::string(60 * 1024, ' '), "application/json");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 202) << r->body;
}

TEST_F(ControlServerTest, TraversalAttemptsNeverReachTheFileSystem) {
    start();
    auto cli = client();
    for (const char* path : {"/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2f..%2fetc%2fpasswd",
                             "/remote.js/../../../../etc/passwd", "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", "//etc/passwd",
                             "/assets/web/index.html", "/index.html%00.js", "/web/remote.js", "/remote.js/",
                             "/..\\..\\etc\\passwd", "/api/../../etc/passwd"}) {
        auto r = cli.Get(path);
        ASSERT_TRUE(r) << path;
        EXPECT_EQ(r->status, 404) << path;
        EXPECT_EQ(jsonType(r), "application/json; charset=utf-8") << path;
        EXPECT_EQ(r->body.find("root:"), std::string::npos) << path;
        EXPECT_EQ(error(r).rfind("no such path: ", 0), 0u) << path;
    }
}

TEST_F(ControlServerTest, ThePageIsServedFromMemoryWithSecurityHeaders) {
    start();
    auto cli = client();
    auto r = cli.Get("/");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(r->get_header_value("Content-Type"), "text/html; charset=utf-8");
    EXPECT_EQ(r->get_header_value("Content-Security-Policy").rfind("default-src 'self'", 0), 0u);
    EXPECT_EQ(r->get_header_value("X-Content-Type-Options"), "nosniff");
    EXPECT_NE(r->body.find("remote.js"), std::string::npos);
    r = cli.Get("/remote.js");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(r->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
    r = cli.Get("/remote.css");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->get_header_value("Content-Type"), "text/css; charset=utf-8");
    r = cli.Post("/", "{}", "application/json");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 405);
}

TEST_F(ControlServerTest, WrongMethodsAre405AndUnknownPaths404) {
    start();
    auto cli = client();
    auto r = cli.Get("/api/scene");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 405);
    EXPECT_EQ(r->get_header_value("Allow"), "POST");
    EXPECT_EQ(error(r), "GET not allowed on /api/scene; allowed: POST");
    r = cli.Delete("/api/status");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 405);
    EXPECT_EQ(r->get_header_value("Allow"), "GET, HEAD");
    r = cli.Post("/api/settings", bearer(), "{}", "application/json");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 405);
    EXPECT_EQ(r->get_header_value("Allow"), "GET, PUT, HEAD");
    r = cli.Get("/api/nothing");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 404);
    EXPECT_EQ(error(r), "no such path: \"/api/nothing\"");
}

TEST_F(ControlServerTest, RepeatedWrongTokensAreRateLimitedPerAddress) {
    auto now = std::make_shared<std::atomic<std::int64_t>>(0);  // seconds on a fake clock
    ControlServerOptions o = options();
    o.authFailureLimit = 3;
    o.authFailureWindow = std::chrono::seconds(60);
    o.clock = [now] { return std::chrono::steady_clock::time_point(std::chrono::seconds(now->load())); };
    start(o);
    auto cli = client();
    const std::string map = R"({"id": "map"})";

    // No credentials at all is not guessing: it never counts.
    for (int i = 0; i < 5; ++i) EXPECT_EQ(cli.Post("/api/scene", map, "application/json")->status, 401);
    for (int i = 0; i < 3; ++i)
        EXPECT_EQ(cli.Post("/api/scene", bearer("guess" + std::to_string(i)), map, "application/json")->status, 401);

    auto r = cli.Post("/api/scene", bearer(), map, "application/json");  // even the right token now
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 429);
    EXPECT_EQ(r->get_header_value("Retry-After"), "60");
    EXPECT_EQ(error(r), "too many wrong tokens from 127.0.0.1; try again in 60 s");
    EXPECT_EQ(cli.Get("/api/status")->status, 200);  // open reads stay open on loopback
    EXPECT_TRUE(commands.drain().empty());

    now->store(59);
    EXPECT_EQ(cli.Post("/api/scene", bearer(), map, "application/json")->get_header_value("Retry-After"), "1");
    now->store(60);
    EXPECT_EQ(cli.Post("/api/scene", bearer(), map, "application/json")->status, 202);
    EXPECT_EQ(cli.Post("/api/scene", bearer("guess"), map, "application/json")->status, 401);  // a fresh window
    EXPECT_EQ(cli.Post("/api/scene", bearer(), map, "application/json")->status, 202);
}

TEST(AuthFailureLimiter, AFloodOfAddressesKeepsTheTableBounded) {
    AuthFailureLimiter limiter(2, std::chrono::seconds(60));
    const AuthFailureLimiter::Clock::time_point t0{};
    EXPECT_FALSE(limiter.recordFailure("10.0.0.1", t0));
    EXPECT_TRUE(limiter.recordFailure("10.0.0.1", t0 + std::chrono::seconds(1)));
    EXPECT_EQ(limiter.blockedFor("10.0.0.1", t0 + std::chrono::seconds(2)), std::chrono::seconds(59));
    for (int i = 0; i < 20000; ++i)
        limiter.recordFailure("fd00::" + std::to_string(i), t0 + std::chrono::seconds(2));
    EXPECT_LE(limiter.clients(), AuthFailureLimiter::kMaxClients);
    EXPECT_EQ(limiter.blockedFor("10.0.0.1", t0 + std::chrono::seconds(61)), std::chrono::seconds(0));
}

TEST(ControlServerHelpers, TokensAndLoopback) {
    EXPECT_TRUE(constantTimeEquals("abc", "abc"));
    EXPECT_FALSE(constantTimeEquals("abc", "abd"));
    EXPECT_FALSE(constantTimeEquals("abc", "abcd"));
    EXPECT_FALSE(constantTimeEquals("", "a"));
    EXPECT_TRUE(isLoopbackAddress("127.0.0.1"));
    EXPECT_TRUE(isLoopbackAddress("127.8.9.10"));
    EXPECT_TRUE(isLoopbackAddress("::1"));
    EXPECT_TRUE(isLoopbackAddress("::ffff:127.0.0.1"));
    EXPECT_FALSE(isLoopbackAddress("128.0.0.1"));
    EXPECT_FALSE(isLoopbackAddress("0.0.0.0"));
    EXPECT_FALSE(isLoopbackAddress("::ffff:10.0.0.1"));
    EXPECT_FALSE(isLoopbackAddress("localhost.evil"));
    EXPECT_FALSE(isLoopbackAddress(""));
}

TEST_F(ControlServerTest, MetricsAreServedAsPrometheusText) {
    start();
    auto cli = client();
    auto r = cli.Get("/metrics");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(r->get_header_value("Content-Type"), "text/plain; version=0.0.4; charset=utf-8");
    EXPECT_EQ(r->body, "# TYPE exhibit_fps gauge\nexhibit_fps 59.500000\n");
}

TEST_F(ControlServerTest, WithoutAMetricsFunctionMetricsIs404) {
    ControlServerOptions o = options();
    o.metrics = nullptr;
    start(o);
    auto r = client().Get("/metrics");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 404);
}

TEST_F(ControlServerTest, ScreenshotWaitsForTheMainLoop) {
    start();
    std::atomic<bool> done{false};
    const std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
    std::thread mainLoop([&] {
        while (!done) {
            for (auto& command : commands.drain())
                if (auto* shot = std::get_if<TakeScreenshot>(&command))
                    shot->png->set_value(std::vector<std::uint8_t>(png.begin(), png.end()));
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    });
    auto cli = client();
    auto unauthorised = cli.Get("/api/screenshot.png");
    auto r = cli.Get("/api/screenshot.png", bearer());
    done = true;
    mainLoop.join();
    ASSERT_TRUE(unauthorised);
    EXPECT_EQ(unauthorised->status, 401);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(r->get_header_value("Content-Type"), "image/png");
    EXPECT_EQ(r->body, png);
}

TEST_F(ControlServerTest, ScreenshotNobodyTakesIs503AndAFailedOneIs500) {
    start();
    auto cli = client();
    auto r = cli.Get("/api/screenshot.png", bearer());
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 503);
    EXPECT_EQ(error(r), "no screenshot within 300 ms: the show did not render a frame in time");
    ASSERT_EQ(commands.drain().size(), 1u);  // the request was queued; nobody answered

    std::thread mainLoop([&] {
        for (int i = 0; i < 2000; ++i) {
            for (auto& command : commands.drain())
                if (auto* shot = std::get_if<TakeScreenshot>(&command)) {
                    shot->png->set_exception(std::make_exception_ptr(std::runtime_error("readback failed")));
                    return;
                }
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
    });
    r = cli.Get("/api/screenshot.png", bearer());
    mainLoop.join();
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 500);
    EXPECT_EQ(error(r), "screenshot failed: readback failed");
}

TEST_F(ControlServerTest, AFullQueueIs503AndAShowNotStartedYetToo) {
    start();
    for (std::size_t i = 0; i < CommandQueue::kCapacity; ++i) ASSERT_TRUE(commands.push(SetAttract{true}));
    auto cli = client();
    auto r = cli.Post("/api/scene", bearer(), R"({"id": "map"})", "application/json");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 503);
    EXPECT_NE(error(r).find("busy"), std::string::npos);
    commands.drain();

    status.publish(std::make_shared<const OperatorStatus>());  // before the main loop's first frame
    r = cli.Post("/api/scene", bearer(), R"({"id": "map"})", "application/json");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 503);
    EXPECT_EQ(error(r), "the show is still starting; try again in a moment");
}

TEST_F(ControlServerTest, ATakenPortIsAStartupErrorNamingIt) {
    start();
    ControlServerOptions o = options();
    o.port = server->port();
    try {
        ControlServer second(o, commands, status);
        FAIL() << "a second server bound the same port";
    } catch (const StartupError& e) {
        EXPECT_EQ(std::string(e.what()),
                  "control API: cannot listen on 127.0.0.1:" + std::to_string(o.port) + ": Address already in use");
    }
}

TEST_F(ControlServerTest, MissingWebFilesAreAStartupError) {
    ControlServerOptions o = options();
    o.webDir = std::string(EXHIBIT_TEST_DATA) + "/no-such-web-dir";
    EXPECT_THROW(start(o), StartupError);
}

// A client on another address of this machine is not loopback: reads need the token there too.
std::optional<std::string> nonLoopbackAddress() {
    ifaddrs* list = nullptr;
    if (getifaddrs(&list) != 0) return std::nullopt;
    std::optional<std::string> found;
    for (ifaddrs* a = list; a && !found; a = a->ifa_next) {
        if (!a->ifa_addr || a->ifa_addr->sa_family != AF_INET) continue;
        char text[INET_ADDRSTRLEN] = {};
        const auto* in = reinterpret_cast<const sockaddr_in*>(a->ifa_addr);
        inet_ntop(AF_INET, &in->sin_addr, text, sizeof(text));
        if (!isLoopbackAddress(text)) found = text;
    }
    freeifaddrs(list);
    return found;
}

TEST_F(ControlServerTest, ReadsFromOtherAddressesNeedTheToken) {
    const auto address = nonLoopbackAddress();
    if (!address) GTEST_SKIP() << "this machine has no non-loopback IPv4 address";
    ControlServerOptions o = options();
    o.host = *address;
    start(o);
    httplib::Client cli(*address, server->port());
    auto r = cli.Get("/api/status");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 401);
    EXPECT_EQ(cli.Get("/metrics")->status, 401);
    EXPECT_EQ(cli.Get("/api/scenes")->status, 401);
    EXPECT_EQ(cli.Get("/")->status, 200);  // the page itself holds nothing secret
    r = cli.Get("/api/status", bearer());
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
}

}  // namespace
