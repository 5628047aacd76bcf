// Test support: a scene of the bundled show (the dashboard unless told otherwise) fed by the
// simulator through a FeedHub on a manual clock, advanced frame by frame with a fixed dt, so what it
// shows is the same on every run (no threads, no wall clock), in Chinese or English. addScene()
// adds another scene (say the same one in the other language) that run() feeds the same frames and
// snapshots: it shows what a fixture of its own would, and the simulator runs once for both.
// Header-only; GL-free (drawing records into a Canvas).
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
    struct Extra {
        Extra(const ShowFile& show, const Font& regular, const Font& bold, const std::string& sceneId, Language language)
            : text(show, language), services{show, regular, bold, text}, scene(createScene(*show.findScene(sceneId), services)) {}
        Translator text;
        SceneServices services;
        std::unique_ptr<Scene> scene;
    };
    std::vector<std::unique_ptr<Extra>> extras;  // addScene()
    FrameTime time;
    double nextFeed = 0;  // scene seconds of the next simulator payload
    bool feeding = true;

    explicit DashboardFixture(const std::string& sceneId = "dashboard", Language language = Language::Zh) {
        text.setLanguage(language);
        scene = createScene(*show.findScene(sceneId), services);
    }

    DashboardScene& dashboard() { return static_cast<DashboardScene&>(*scene); }

    // Another scene of the show in `language`, with a Translator of its own; every later run()
    // updates it after `scene`, with the same frame times and snapshots.
    Scene& addScene(const std::string& sceneId, Language language) {
        extras.push_back(std::make_unique<Extra>(show, regular, bold, sceneId, language));
        return *extras.back()->scene;
    }

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
            const auto snapshot = hub.tick();
            scene->update(time, *snapshot);
            for (const auto& extra : extras) extra->scene->update(time, *snapshot);
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
