// Test support: a scene of the bundled show (the dashboard unless told otherwise) fed by the
// simulator through a FeedHub on a manual clock, advanced frame by frame with a fixed dt, so what it
// shows is the same on every run (no threads, no wall clock), in Chinese or English. Header-only;
// GL-free (drawing records into a Canvas).
#pragma once

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "core/show.hpp"
#include "data_feed/county_facts.hpp"
#include "data_feed/feed_hub.hpp"
#include "data_feed/simulator_source.hpp"
#include "renderer/font.hpp"
#include "scenes/catalog.hpp"
#include "scenes/dashboard_scene.hpp"

namespace exhibit::test {

// The ids of the bundled show's scenes, in show order (for tests over every scene).
inline std::vector<std::string> bundledSceneIds() {
    std::vector<std::string> ids;
    for (const SceneSpec& s : loadShowFile(EXHIBIT_ASSETS "/shows/guizhou/show.json").scenes) ids.push_back(s.id);
    return ids;
}

struct DashboardFixture {
    static constexpr double kDt = 1.0 / 60.0;
    static constexpr double kEpoch = 1764316800.0 + 3 * 3600.0;  // 2025-11-28 11:00 China time: busy

    ShowFile show = loadShowFile(EXHIBIT_ASSETS "/shows/guizhou/show.json");
    Font regular = Font::find(show.theme.font, true);
    Font bold = Font::find(show.theme.fontBold, true);
    Translator text{show};
    SceneServices services{show, regular, bold, text};
    double hubNow = 100;  // feed clock, seconds
    FeedHub hub{adcodes(), [this] { return hubNow; }};
    SourceSink& sink = hub.addManual("simulator", 5.0);
    SimulatorSource simulator{7, simulatedCounties()};
    std::unique_ptr<Scene> scene;
    FrameTime time;
    double nextFeed = 0;  // scene seconds of the next simulator payload
    bool feeding = true;

    explicit DashboardFixture(const std::string& sceneId = "dashboard", Language language = Language::Zh) {
        text.setLanguage(language);
        scene = createScene(*show.findScene(sceneId), services);
    }

    DashboardScene& dashboard() { return static_cast<DashboardScene&>(*scene); }

    // Advances `frames` frames; while feeding, the simulator sends a payload every simulated second.
    void run(int frames) {
        for (int i = 0; i < frames; ++i) {
            time.dt = kDt;
            time.seconds += kDt;
            ++time.frame;
            hubNow += kDt;
            if (feeding && time.seconds >= nextFeed) {
                sink.payload(simulator.generate(kEpoch + time.seconds));
                nextFeed += 1.0;
            }
            scene->update(time, *hub.tick());
        }
    }

private:
    std::set<std::string, std::less<>> adcodes() const {
        std::set<std::string, std::less<>> codes = {"520000"};
        for (const auto& c : facts().counties) {
            codes.insert(c.adcode);
            codes.insert(c.prefectureAdcode);
        }
        return codes;
    }
    std::vector<SimulatedCounty> simulatedCounties() const {
        std::vector<SimulatedCounty> out;
        for (const auto& c : facts().counties) out.push_back({c.adcode, c.prefectureAdcode, c.name});
        return out;
    }
    CountyFacts facts() const { return loadCountyFacts(show.resolve(show.findScene("dashboard")->map->facts.counties)); }
};

}  // namespace exhibit::test
