#include "data_feed/simulator_source.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>

namespace exhibit {
namespace {

constexpr double kChinaUtcOffset = 8 * 3600.0;
constexpr double kConsultsPerDay = 6000;   // province-wide, China Daily 2018 (key_facts.csv)
constexpr double kOrdersPerDay = 120000;   // illustrative
constexpr double kClassesPerDay = 900;     // illustrative
constexpr double kAveragePrice = 46;       // yuan per order, illustrative
constexpr double kShipmentsPerDay = 400000;  // parcel batches leaving for other provinces (flylines), illustrative
constexpr double kReferredShare = 0.25;    // consultations referred up to Guiyang (illustrative)
// Split of telemedicine consultations by kind (illustrative).
constexpr double kEcgShare = 0.38, kImagingShare = 0.27;
constexpr double kClassSeconds = 40 * 60;      // one online lesson (illustrative)
constexpr double kTrainingsPerDay = 260;       // new-farmer training sessions, illustrative
constexpr double kTrainingSeconds = 2 * 3600;  // one training session (illustrative)
constexpr double kProjectsPerDay = 600;        // aid projects signed by partners, illustrative
constexpr std::size_t kMaxPending = 4000;      // diagnoses being read at once (bounds memory)

// Social-collaboration partners. The cities are the east-west pairing commonly reported for
// Guizhou's prefectures (not in the show's sources.csv: shown as simulated like the rest); the
// enterprises and organisations are generic, illustrative names. prefecture "": any county.
struct PartnerInfo {
    const char* name;
    double lon, lat;
    const char* prefecture;
};
constexpr PartnerInfo kPartners[] = {
    {"上海市", 121.47, 31.23, "520300"},     {"大连市", 121.61, 38.91, "520200"},
    {"苏州市", 120.58, 31.30, "520600"},     {"杭州市", 120.16, 30.27, "522600"},
    {"宁波市", 121.55, 29.87, "522300"},     {"青岛市", 120.38, 36.07, "520400"},
    {"广州市", 113.26, 23.13, "520500"},     {"广州市·黔南协作", 113.26, 23.13, "522700"},
    {"电商平台企业", 120.16, 30.27, ""},     {"能源企业", 116.40, 39.90, ""},
    {"医药企业", 114.06, 22.54, ""},         {"食品企业", 104.07, 30.57, ""},
    {"公益基金会", 116.40, 39.90, ""},       {"商会", 113.26, 23.13, ""},
};

struct City {
    const char* name;
    double lon, lat;
};
constexpr City kCities[] = {{"北京", 116.40, 39.90}, {"上海", 121.47, 31.23}, {"广州", 113.26, 23.13},
                            {"深圳", 114.06, 22.54}, {"成都", 104.07, 30.57}, {"重庆", 106.55, 29.56},
                            {"杭州", 120.16, 30.27}, {"武汉", 114.31, 30.59}, {"西安", 108.94, 34.34},
                            {"长沙", 112.94, 28.23}, {"南京", 118.80, 32.06}, {"昆明", 102.83, 24.88},
                            {"天津", 117.20, 39.08}, {"郑州", 113.63, 34.75}, {"南宁", 108.37, 22.82}};

long localDay(double epoch) { return static_cast<long>(std::floor((epoch + kChinaUtcOffset) / 86400.0)); }
double localHour(double epoch) {
    const double secondsOfDay = std::fmod(epoch + kChinaUtcOffset, 86400.0);
    return (secondsOfDay < 0 ? secondsOfDay + 86400.0 : secondsOfDay) / 3600.0;
}

nlohmann::json metric(const std::string& adcode, const char* name, double value) {
    return {{"adcode", adcode}, {"metric", name}, {"value", value}};
}

}  // namespace

double SimulatorSource::rhythm(double hour) {
    // Night floor, a morning peak around 10:30 and an evening peak around 20:30; mean about 1.
    const auto bump = [&](double centre, double width) { return std::exp(-0.5 * std::pow((hour - centre) / width, 2)); };
    return 0.15 + 1.45 * bump(10.5, 1.8) + 1.25 * bump(20.5, 1.6) + 0.55 * bump(15.0, 2.5);
}

SimulatorSource::SimulatorSource(std::uint64_t seed, std::vector<SimulatedCounty> counties, double intervalSeconds,
                                 double speed, WallClock wallClock)
    : rng_(seed), themeRng_(seed ^ 0x7E3A5C1D9B2F4E68ull), interval_(intervalSeconds), speed_(std::clamp(speed, 0.01, 1000.0)), wallClock_(std::move(wallClock)) {
    seed_ = seed;
    if (!wallClock_)
        wallClock_ = [] {
            return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
        };
    double total = 0;
    for (auto& c : counties) {
        const double w = std::uniform_real_distribution<double>(0.4, 1.6)(rng_);
        CountyState state;
        state.county = std::move(c);
        state.weight = w;
        counties_.push_back(std::move(state));
        total += w;
    }
    for (auto& c : counties_) c.weight /= total;
    // Standing pairings: a city with up to four counties of its prefecture, the others with three anywhere.
    for (std::size_t p = 0; p < std::size(kPartners) && !counties_.empty(); ++p) {
        std::vector<std::size_t> candidates;
        for (std::size_t i = 0; i < counties_.size(); ++i)
            if (*kPartners[p].prefecture == 0 || counties_[i].county.prefectureAdcode == kPartners[p].prefecture)
                candidates.push_back(i);
        std::shuffle(candidates.begin(), candidates.end(), themeRng_);
        const std::size_t n = std::min<std::size_t>(candidates.size(), *kPartners[p].prefecture ? 4 : 3);
        for (std::size_t k = 0; k < n; ++k) counties_[candidates[k]].partners.push_back(p);
    }
}

SimulatorSource::~SimulatorSource() { stop(); }

void SimulatorSource::resetDay(double epoch) {
    day_ = localDay(epoch);
    themes_->resetDay();
    for (auto& c : counties_) {
        c.orders = c.consults = c.classes = c.attendance = 0;
        c.ecg = c.imaging = c.returned = c.referred = c.trainings = c.trainees = c.pledged = c.projects = 0;
    }
}

double SimulatorSource::trainingsLive(const CountyState& c) {
    double sessions = 0;
    for (const auto& t : c.trainingEnds) sessions += static_cast<double>(t.sessions);
    return sessions;
}

// A show starting mid-day lists the trainings under way (each as the event that started it).
void SimulatorSource::announceTrainings(double epoch, std::string& out) const {
    for (const auto& c : counties_)
        for (const auto& t : c.trainingEnds) {
            nlohmann::json e = {{"type", "event"}, {"ts", epoch}, {"event", "training_held"}, {"from", c.county.adcode},
                                {"value", t.trainees}, {"provenance", "simulated"},
                                {"text", c.county.name + " 新型农民培训 " + std::to_string(t.sessions) + " 场，" +
                                             std::to_string(t.trainees) + " 人次（进行中）"}};
            out += e.dump() + "\n";
        }
}

void SimulatorSource::announcePartners(double epoch, std::string& out) const {
    for (const auto& c : counties_)
        for (std::size_t p : c.partners) {
            const PartnerInfo& partner = kPartners[p];
            nlohmann::json e = {{"type", "event"}, {"ts", epoch}, {"event", "partner_paired"}, {"from", c.county.adcode},
                                {"to", {{"name", partner.name}, {"lon", partner.lon}, {"lat", partner.lat}}},
                                {"provenance", "simulated"},
                                {"text", std::string(partner.name) + " 结对帮扶 " + c.county.name}};
            out += e.dump() + "\n";
        }
}

// The theme scenes' share of one county's step: diagnoses, classes under way, trainings, aid
// projects. Events go to `out` unless it is null (a long catch-up).
void SimulatorSource::advanceThemes(CountyState& c, std::size_t index, long consults, long classes, double to,
                                    double r, std::string* out) {
    auto& rng = themeRng_;
    auto poisson = [&](double mean) { return mean > 0 ? std::poisson_distribution<long>(mean)(rng) : 0L; };
    auto binomial = [&](long n, double p) { return n > 0 ? std::binomial_distribution<long>(n, p)(rng) : 0L; };
    auto event = [&](const char* kind, nlohmann::json extra) {
        nlohmann::json e = {{"type", "event"}, {"ts", to}, {"event", kind}, {"from", c.county.adcode},
                            {"provenance", "simulated"}};
        e.update(extra);
        *out += e.dump() + "\n";
    };
    const long ecg = binomial(consults, kEcgShare);
    const long imaging = binomial(consults - ecg, kImagingShare / (1 - kEcgShare));
    c.ecg += static_cast<double>(ecg);
    c.imaging += static_cast<double>(imaging);
    c.referred += static_cast<double>(binomial(consults, kReferredShare));
    // Every consultation goes up to the hospital that reads it (illustrative shares): ECGs mostly at
    // the county or prefecture, images and video consultations higher up.
    for (long k = 0; k < consults; ++k) {
        const int kind = k < ecg ? 0 : k < ecg + imaging ? 1 : 2;
        const double u = std::uniform_real_distribution<double>(0, 1)(rng);
        const int level = kind == 0 ? (u < 0.4 ? 0 : u < 0.75 ? 1 : 2) : (u < 0.45 ? 1 : 2);
        const std::string reader = level == 0 ? c.county.adcode : level == 1 ? c.county.prefectureAdcode : "520000";
        static constexpr const char* kReaders[] = {"县级医院", "市（州）级医院", "省级医院"};
        static constexpr const char* kKinds[] = {"远程心电", "远程影像", "视频会诊"};
        const double due = to + std::uniform_real_distribution<double>(120, 900)(rng);
        if (pending_.size() < kMaxPending)
            pending_.push_back({due, index, reader, kKinds[kind]});
        else
            c.returned += 1;
        if (out && k < 3)
            event("diagnosis_requested", {{"to", {{"adcode", reader}, {"name", kReaders[level]}}},
                                          {"value", 1},
                                          {"text", c.county.name + " 村卫生室 " + kKinds[kind] + " → " + kReaders[level]}});
    }
    std::erase_if(c.classEnds, [&](double end) { return end <= to; });
    for (long k = 0; k < classes; ++k) c.classEnds.push_back(to + kClassSeconds);

    const long trainings = poisson(kTrainingsPerDay * c.weight * r);
    long trainees = 0;
    for (long k = 0; k < trainings; ++k) trainees += std::uniform_int_distribution<int>(20, 80)(rng);
    c.trainings += static_cast<double>(trainings);
    std::erase_if(c.trainingEnds, [&](const auto& t) { return t.end <= to; });
    if (trainings > 0) c.trainingEnds.push_back({to + kTrainingSeconds, trainings, trainees});
    c.trainees += static_cast<double>(trainees);
    if (out && trainings > 0)
        event("training_held", {{"value", trainees},
                                {"text", c.county.name + " 新型农民培训 " + std::to_string(trainings) + " 场，" +
                                             std::to_string(trainees) + " 人次"}});

    const long projects = poisson(kProjectsPerDay * c.weight * r);
    for (long k = 0; k < projects; ++k) {
        // The county's partners; now and then (or when it has none) a new one pairs with it.
        std::size_t p;
        if (!c.partners.empty() && std::bernoulli_distribution(0.97)(rng)) {
            p = c.partners[std::uniform_int_distribution<std::size_t>(0, c.partners.size() - 1)(rng)];
        } else {
            p = std::uniform_int_distribution<std::size_t>(0, std::size(kPartners) - 1)(rng);
            if (std::find(c.partners.begin(), c.partners.end(), p) == c.partners.end() && c.partners.size() < 6)
                c.partners.push_back(p);
        }
        const double wan = std::uniform_int_distribution<int>(1, 30)(rng);  // 万元
        c.pledged += wan * 10000;
        c.projects += 1;
        const PartnerInfo& partner = kPartners[p];
        if (out && k < 3)
            event("aid_project_signed", {{"to", {{"name", partner.name}, {"lon", partner.lon}, {"lat", partner.lat}}},
                                         {"value", wan * 10000},
                                         {"text", std::string(partner.name) + " → " + c.county.name + " 帮扶项目 " +
                                                      std::to_string(static_cast<int>(wan)) + " 万元"}});
    }
}

void SimulatorSource::advance(double from, double to, std::string& out, std::string& themeOut) {
    const double dt = to - from;
    const double r = rhythm(localHour(to)) * dt / 86400.0;
    // Diagnoses read by now go back down to the clinic that asked.
    for (const PendingReport& report : pending_) {
        if (report.due > to) continue;
        CountyState& c = counties_[report.county];
        c.returned += 1;
        if (themeOut.size() > 200000) continue;
        nlohmann::json e = {{"type", "event"}, {"ts", to}, {"event", "diagnosis_returned"}, {"from", report.reader},
                            {"to", {{"adcode", c.county.adcode}, {"name", c.county.name}}}, {"value", 1},
                            {"provenance", "simulated"},
                            {"text", report.kind + (report.kind == "视频会诊" ? "意见" : "报告") + " → " + c.county.name + " 村卫生室"}};
        themeOut += e.dump() + "\n";
    }
    std::erase_if(pending_, [&](const PendingReport& report) { return report.due <= to; });
    for (std::size_t index = 0; index < counties_.size(); ++index) {
        CountyState& c = counties_[index];
        auto poisson = [&](double mean) { return mean > 0 ? std::poisson_distribution<long>(mean)(rng_) : 0L; };
        const long orders = poisson(kOrdersPerDay * c.weight * r);
        c.orders += static_cast<double>(orders);
        const long consults = poisson(kConsultsPerDay * c.weight * r);
        c.consults += static_cast<double>(consults);
        const long classes = poisson(kClassesPerDay * c.weight * r);
        c.classes += static_cast<double>(classes);
        long attendance = 0;
        for (long k = 0; k < classes; ++k) attendance += std::uniform_int_distribution<int>(15, 60)(rng_);
        c.attendance += static_cast<double>(attendance);
        advanceThemes(c, index, consults, classes, to, r, themeOut.size() > 200000 ? nullptr : &themeOut);
        if (out.size() > 200000) continue;  // a long catch-up emits counters, not every event
        const auto event = [&](const char* kind, nlohmann::json extra) {
            nlohmann::json e = {{"type", "event"}, {"ts", to}, {"event", kind}, {"from", c.county.adcode},
                                {"provenance", "simulated"}};
            e.update(extra);
            out += e.dump() + "\n";
        };
        for (long k = 0; k < consults; ++k)
            if (std::bernoulli_distribution(kReferredShare)(rng_))
                event("consultation_referred", {{"to", {{"name", "贵阳"}, {"adcode", "520100"}}},
                                                {"value", 1},
                                                {"text", c.county.name + " 远程会诊转诊至省级医院"}});
        if (classes > 0)
            event("class_held", {{"value", attendance},
                                 {"text", c.county.name + " 在线课堂 " + std::to_string(classes) + " 节，" +
                                              std::to_string(attendance) + " 人次"}});
        const long shipped = poisson(kShipmentsPerDay * c.weight * r);
        for (long k = 0; k < shipped && k < 3; ++k) {
            const City& city = kCities[std::uniform_int_distribution<std::size_t>(0, std::size(kCities) - 1)(rng_)];
            const int parcels = std::uniform_int_distribution<int>(1, 40)(rng_);
            nlohmann::json e = {{"type", "event"}, {"ts", to}, {"event", "order_shipped"}, {"from", c.county.adcode},
                                {"to", {{"name", city.name}, {"lon", city.lon}, {"lat", city.lat}}},
                                {"value", parcels}, {"provenance", "simulated"},
                                {"text", c.county.name + " → " + city.name + " " + std::to_string(parcels) + " 件"}};
            out += e.dump() + "\n";
        }
    }
}

std::string SimulatorSource::generate(double epoch) {
    std::string out;
    if (!themes_) {
        std::vector<ThemeCounty> themeCounties;
        for (const auto& c : counties_) themeCounties.push_back({c.county.adcode, c.county.name, c.weight});
        themes_.emplace(seed_, std::move(themeCounties));
    }
    // The theme scenes' step from `from` to `to` (simulator_themes.hpp), on the same daily rhythm.
    const auto advanceThemeScenes = [&](double from, double to, bool events, std::string& into) {
        themes_->advance(to, to - from, rhythm(localHour(to)) * (to - from) / 86400.0, events, into);
    };
    if (last_ < 0 || epoch < last_ || localDay(epoch) != day_) {
        resetDay(epoch);
        // Fill in the day so far in 10-minute steps so counters start plausible.
        const double midnight = static_cast<double>(day_) * 86400.0 - kChinaUtcOffset;
        std::string discarded;
        std::string discardedThemes;  // apart, so the older figures' catch-up stays as it was
        for (double t = midnight; t + 600 < epoch; t += 600) {
            advance(t, t + 600, discarded, discardedThemes);
            advanceThemeScenes(t, t + 600, false, discardedThemes);
            discardedThemes.clear();
        }
        last_ = std::max(midnight, epoch - 1);
        // Reports that came back during the catch-up are counted, not announced as a burst now.
        for (const PendingReport& report : pending_)
            if (report.due <= last_) counties_[report.county].returned += 1;
        std::erase_if(pending_, [&](const PendingReport& report) { return report.due <= last_; });
        announcePartners(epoch, out);
        announceTrainings(epoch, out);
    }
    advance(last_, epoch, out, out);
    advanceThemeScenes(last_, epoch, out.size() <= 200000, out);
    last_ = epoch;

    nlohmann::json values = nlohmann::json::array();
    double orders = 0, consults = 0, classes = 0, attendance = 0;
    // The theme scenes' figures, per county and summed for the province (names as in kThemeMetrics).
    static constexpr const char* kThemeMetrics[] = {"remote_ecg",       "remote_imaging",  "video_consults",
                                                    "diagnoses_returned", "consults_referred", "classes_live",
                                                    "farmer_trainings", "farmer_trainees", "trainings_live",
                                                    "aid_pledged",      "aid_projects"};
    double themeTotals[std::size(kThemeMetrics)] = {};
    std::vector<bool> partnered(std::size(kPartners), false);
    double pairedCounties = 0;
    for (const auto& c : counties_) {
        values.push_back(metric(c.county.adcode, "ecommerce_orders", c.orders));
        values.push_back(metric(c.county.adcode, "ecommerce_sales", std::round(c.orders * kAveragePrice)));
        values.push_back(metric(c.county.adcode, "telemedicine_consults", c.consults));
        values.push_back(metric(c.county.adcode, "online_classes", c.classes));
        values.push_back(metric(c.county.adcode, "class_attendance", c.attendance));
        const double theme[] = {c.ecg,       c.imaging,   c.consults - c.ecg - c.imaging,
                                c.returned,  c.referred,  static_cast<double>(c.classEnds.size()),
                                c.trainings, c.trainees,  trainingsLive(c),
                                c.pledged,   c.projects};
        for (std::size_t m = 0; m < std::size(kThemeMetrics); ++m) {
            values.push_back(metric(c.county.adcode, kThemeMetrics[m], theme[m]));
            themeTotals[m] += theme[m];
        }
        for (std::size_t p : c.partners) partnered[p] = true;
        pairedCounties += c.partners.empty() ? 0 : 1;
        orders += c.orders;
        consults += c.consults;
        classes += c.classes;
        attendance += c.attendance;
    }
    values.push_back(metric("520000", "ecommerce_orders", orders));
    values.push_back(metric("520000", "ecommerce_sales", std::round(orders * kAveragePrice)));
    values.push_back(metric("520000", "telemedicine_consults", consults));
    for (std::size_t m = 0; m < std::size(kThemeMetrics); ++m) values.push_back(metric("520000", kThemeMetrics[m], themeTotals[m]));
    values.push_back(metric("520000", "aid_partners", static_cast<double>(std::count(partnered.begin(), partnered.end(), true))));
    values.push_back(metric("520000", "aid_counties", pairedCounties));
    values.push_back(metric("520000", "online_classes", classes));
    values.push_back(metric("520000", "class_attendance", attendance));
    const double viewers = std::round(40000 * rhythm(localHour(epoch)) *
                                      (1 + 0.1 * std::normal_distribution<double>(0, 1)(rng_)));
    values.push_back(metric("520000", "livestream_viewers", std::max(0.0, viewers)));
    themes_->appendMetrics(values, std::max(0.0, viewers));
    nlohmann::json message = {{"type", "metrics"}, {"ts", epoch}, {"provenance", "simulated"}, {"values", values}};
    return message.dump() + "\n" + out;
}

void SimulatorSource::start(SourceSink& sink) {
    stop();
    stopping_ = false;
    thread_ = std::thread([this, &sink] {
        const double startedAt = wallClock_();
        const auto steadyStart = std::chrono::steady_clock::now();
        double previous = -std::numeric_limits<double>::infinity();
        std::unique_lock lock(mutex_);
        while (!stopping_) {
            const double steady = std::chrono::duration<double>(std::chrono::steady_clock::now() - steadyStart).count();
            const double target = speed_ == 1.0 ? wallClock_() : startedAt + speed_ * steady;
            const double now = std::max(target, previous + interval_);  // never backwards (header)
            previous = now;
            lock.unlock();
            sink.payload(generate(now));
            lock.lock();
            wake_.wait_for(lock, std::chrono::duration<double>(interval_ / speed_), [this] { return stopping_; });
        }
    });
}

void SimulatorSource::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

}  // namespace exhibit
