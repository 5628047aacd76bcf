// The built-in simulator: plausible, clearly simulated statistics of the Guizhou platform, so the
// show runs with no server. Deterministic: the same seed and the same sequence of times give
// byte-identical payloads. Anchors: telemedicine consultations sum to about 6,000 a day across the
// province (China Daily, 2018, in the show's key_facts.csv); other magnitudes are illustrative.
// Counters are "today so far" (reset at local midnight, China time), follow a daily rhythm (quiet
// at night, busy 9-12 and 19-22) and each county has a stable share; events (orders shipped to
// real Chinese cities, consultations referred to Guiyang, classes held) come in random bursts.
// Consultations are also split into remote ECG, imaging and video (illustrative shares), per county;
// each request climbs to the hospital that reads it (county, prefecture or province:
// diagnosis_requested) and the report comes back down minutes later (diagnosis_returned). Education:
// classes last 40 minutes (classes_live counts those under way), new-farmer trainings
// (training_held; those under way are announced when the day starts, like the pairings). Social
// collaboration: partners paired with counties (partner_paired, announced when a day starts) sign
// aid projects with pledges (aid_project_signed). The partners are the
// commonly reported east-west pairing cities (not in the show's sources.csv) and generic
// enterprises and organisations: illustrative, like every figure here except the consultation total.
// Every message it makes says "provenance": "simulated".
//
//   SimulatorSource sim(seed, counties);     // counties: adcode + prefecture adcode
//   std::string payload = sim.generate(epochSeconds);   // tests: any sequence of times
//   sim.start(sink); ... sim.stop();                   // the show: one payload a second
//
// `speed` (--replay-speed, the feed's "speed") runs simulated time faster than the wall clock: at
// speed 72 the show gets a payload every 1/72 s covering one simulated second each, so 72 hours of
// 1-second updates take one hour (bench/soak.py). Simulated time starts at the real time of
// start(); at speed 1 it is the real time itself, faster it runs on the steady clock from there.
// It never runs backwards: when the wall clock is stepped back (NTP, a clock set by hand) it goes
// on one interval per payload until the clock catches up. (The hub keeps the newest timestamp of
// each value, so older payloads would freeze the figures for as long as the step.)
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "data_feed/simulator_themes.hpp"
#include "data_feed/source.hpp"

namespace exhibit {

struct SimulatedCounty {
    std::string adcode;
    std::string prefectureAdcode;
    std::string name;
};

class SimulatorSource final : public Source {
public:
    using WallClock = std::function<double()>;  // seconds since the epoch, like system_clock
    // speed: clamped to 0.01..1000, as for file: replays. wallClock: unset = system_clock (tests
    // pass their own to step it).
    SimulatorSource(std::uint64_t seed, std::vector<SimulatedCounty> counties, double intervalSeconds = 1.0,
                    double speed = 1.0, WallClock wallClock = {});
    ~SimulatorSource() override;

    const std::string& name() const override { return name_; }
    void start(SourceSink& sink) override;
    void stop() override;

    // NDJSON for everything that happened since the previous call (the first call fills in the day
    // so far). Times must not go backwards; a jump back is treated as a new start.
    std::string generate(double epochSeconds);

    // Relative activity at a local hour of day (0..24), mean about 1.
    static double rhythm(double localHour);

private:
    struct CountyState {
        SimulatedCounty county;
        double weight;  // share of the province's activity
        double orders = 0, consults = 0, classes = 0, attendance = 0;
        double ecg = 0, imaging = 0, returned = 0, referred = 0, trainings = 0, trainees = 0, pledged = 0, projects = 0;
        std::vector<double> classEnds;  // end times of the classes under way
        struct Training {
            double end;
            long sessions, trainees;
        };
        std::vector<Training> trainingEnds;  // trainings under way, by the step that started them
        std::vector<std::size_t> partners;  // indexes into the partner list
    };
    struct PendingReport {
        double due;
        std::size_t county;
        std::string reader, kind;
    };
    // Older figures' events go to out, the theme scenes' to themeOut (may be the same string).
    void advance(double fromEpoch, double toEpoch, std::string& out, std::string& themeOut);
    void advanceThemes(CountyState& c, std::size_t index, long consults, long classes, double to, double r, std::string* out);
    void announcePartners(double epochSeconds, std::string& out) const;
    void announceTrainings(double epochSeconds, std::string& out) const;
    static double trainingsLive(const CountyState& c);
    void resetDay(double epochSeconds);

    std::string name_ = "simulator";
    std::mt19937_64 rng_;
    std::mt19937_64 themeRng_;  // the theme scenes' figures: the older figures keep their sequence
    std::vector<CountyState> counties_;
    std::vector<PendingReport> pending_;  // diagnoses being read, in the order they were asked
    double interval_;
    double speed_;
    WallClock wallClock_;
    double last_ = -1;
    long day_ = -1;
    std::optional<ThemeSimulation> themes_;  // the theme scenes' figures (simulator_themes.hpp), made on first use
    std::uint64_t seed_ = 0;

    std::thread thread_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
};

}  // namespace exhibit
