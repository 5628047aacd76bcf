// Pulling the plug: the dashboard scene fed over HTTP by a real server on 127.0.0.1 (cpp-httplib
// serving simulator payloads) through the FeedHub's own thread, as in the app. Stopping the
// server puts the widgets it feeds into 数据中断 / 数据延迟 with their last values kept; starting it
// again on the same port brings them back to normal by themselves. Waits are bounded polls on
// state, never assertions on wall-clock time.
#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <thread>

#include "data_feed/county_facts.hpp"
#include "data_feed/feed_hub.hpp"
#include "data_feed/http_source.hpp"
#include "data_feed/simulator_source.hpp"
#include "scenes/catalog.hpp"
#include "scenes/dashboard_scene.hpp"
#include "scenes/widgets/kpi_counter.hpp"

namespace exhibit {
namespace {

class StatsServer {
public:
    explicit StatsServer(const CountyFacts& facts) {
        std::vector<SimulatedCounty> counties;
        for (const auto& c : facts.counties) counties.push_back({c.adcode, c.prefectureAdcode, c.name});
        simulator_ = std::make_unique<SimulatorSource>(3, std::move(counties));
    }
    ~StatsServer() { stop(); }

    void start(int port = 0) {
        server_ = std::make_unique<httplib::Server>();
        server_->Get("/stats", [this](const httplib::Request&, httplib::Response& res) {
            const double now = std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
            std::lock_guard lock(mutex_);
            res.set_content(simulator_->generate(now), "application/x-ndjson");
        });
        port_ = port == 0 ? server_->bind_to_any_port("127.0.0.1") : (server_->bind_to_port("127.0.0.1", port) ? port : -1);
        ASSERT_GT(port_, 0);
        thread_ = std::thread([this] { server_->listen_after_bind(); });
    }
    void stop() {
        if (server_) server_->stop();
        if (thread_.joinable()) thread_.join();
        server_.reset();
    }
    int port() const { return port_; }

private:
    std::mutex mutex_;
    std::unique_ptr<SimulatorSource> simulator_;
    std::unique_ptr<httplib::Server> server_;
    std::thread thread_;
    int port_ = 0;
};

class DashboardPlugTest : public ::testing::Test {
protected:
    ShowFile show = loadShowFile(EXHIBIT_ASSETS "/shows/guizhou/show.json");
    CountyFacts facts = loadCountyFacts(show.resolve(show.findScene("dashboard")->map->facts.counties));
    Font regular = Font::find(show.theme.font, true);
    Font bold = Font::find(show.theme.fontBold, true);
    Translator text{show};
    SceneServices services{show, regular, bold, text};
    std::unique_ptr<Scene> scene = createScene(*show.findScene("dashboard"), services);
    FrameTime time;
    SnapshotBuffer buffer;

    std::set<std::string, std::less<>> adcodes() const {
        std::set<std::string, std::less<>> codes = {"520000"};
        for (const auto& c : facts.counties) {
            codes.insert(c.adcode);
            codes.insert(c.prefectureAdcode);
        }
        return codes;
    }
    KpiCounter& orders() {
        for (const auto& w : static_cast<DashboardScene&>(*scene).widgets())
            if (w->spec().region == "kpi1") return dynamic_cast<KpiCounter&>(w->widget());
        throw std::runtime_error("no kpi1");
    }
    // Runs frames (20 ms of real time each) until `done` or 20 s have passed.
    bool runUntil(const std::function<bool()>& done) {
        for (int i = 0; i < 1000; ++i) {
            time.dt = 0.02;
            time.seconds += 0.02;
            scene->update(time, *buffer.latest());
            if (done()) return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        return false;
    }
};

TEST_F(DashboardPlugTest, KillingTheServerShowsTheOutageAndItRecoversOnItsOwn) {
    StatsServer server(facts);
    server.start();
    FeedHub hub(adcodes());
    HttpSourceConfig config;
    config.url = "http://127.0.0.1:" + std::to_string(server.port()) + "/stats";
    config.intervalSeconds = 1;
    config.connectTimeoutSeconds = 1;
    config.timeoutSeconds = 2;
    hub.add(std::make_unique<HttpSource>(config), 2.0);
    hub.start(buffer);

    ASSERT_TRUE(runUntil([&] { return orders().badgeState().state == SourceState::Ok && orders().value() > 0; }))
        << "no data from the server";
    EXPECT_TRUE(orders().badgeState().simulated);

    const int port = server.port();
    server.stop();  // pull the plug
    ASSERT_TRUE(runUntil([&] {
        const auto s = orders().badgeState().state;
        return s == SourceState::Error || s == SourceState::Stale;
    })) << "the outage never showed";
    const double kept = orders().value();
    EXPECT_GT(kept, 0) << "the last good value stays on screen";

    server.start(port);  // plug it back in
    ASSERT_TRUE(runUntil([&] { return orders().badgeState().state == SourceState::Ok; })) << "never recovered";
    EXPECT_GE(orders().value(), kept);
    hub.stop();
}

}  // namespace
}  // namespace exhibit
