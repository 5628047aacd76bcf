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
    : rng_(seed), interval_(intervalSeconds), speed_(std::clamp(speed, 0.01, 1000.0)), wallClock_(std::move(wallClock)) {
    if (!wallClock_)
        wallClock_ = [] {
            return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
        };
    double total = 0;
    for (auto& c : counties) {
        const double w = std::uniform_real_distribution<double>(0.4, 1.6)(rng_);
        counties_.push_back({std::move(c), w});
        total += w;
    }
    for (auto& c : counties_) c.weight /= total;
}

SimulatorSource::~SimulatorSource() { stop(); }

void SimulatorSource::resetDay(double epoch) {
    day_ = localDay(epoch);
    for (auto& c : counties_) c.orders = c.consults = c.classes = c.attendance = 0;
}

void SimulatorSource::advance(double from, double to, std::string& out) {
    const double dt = to - from;
    const double r = rhythm(localHour(to)) * dt / 86400.0;
    for (auto& c : counties_) {
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
    if (last_ < 0 || epoch < last_ || localDay(epoch) != day_) {
        resetDay(epoch);
        // Fill in the day so far in 10-minute steps so counters start plausible.
        const double midnight = static_cast<double>(day_) * 86400.0 - kChinaUtcOffset;
        std::string discarded;
        for (double t = midnight; t + 600 < epoch; t += 600) advance(t, t + 600, discarded);
        last_ = std::max(midnight, epoch - 1);
    }
    advance(last_, epoch, out);
    last_ = epoch;

    nlohmann::json values = nlohmann::json::array();
    double orders = 0, consults = 0, classes = 0, attendance = 0;
    for (const auto& c : counties_) {
        values.push_back(metric(c.county.adcode, "ecommerce_orders", c.orders));
        values.push_back(metric(c.county.adcode, "ecommerce_sales", std::round(c.orders * kAveragePrice)));
        values.push_back(metric(c.county.adcode, "telemedicine_consults", c.consults));
        values.push_back(metric(c.county.adcode, "online_classes", c.classes));
        values.push_back(metric(c.county.adcode, "class_attendance", c.attendance));
        orders += c.orders;
        consults += c.consults;
        classes += c.classes;
        attendance += c.attendance;
    }
    values.push_back(metric("520000", "ecommerce_orders", orders));
    values.push_back(metric("520000", "ecommerce_sales", std::round(orders * kAveragePrice)));
    values.push_back(metric("520000", "telemedicine_consults", consults));
    const double ecg = std::round(consults * kEcgShare), imaging = std::round(consults * kImagingShare);
    values.push_back(metric("520000", "remote_ecg", ecg));
    values.push_back(metric("520000", "remote_imaging", imaging));
    values.push_back(metric("520000", "video_consults", consults - ecg - imaging));
    values.push_back(metric("520000", "online_classes", classes));
    values.push_back(metric("520000", "class_attendance", attendance));
    const double viewers = std::round(40000 * rhythm(localHour(epoch)) *
                                      (1 + 0.1 * std::normal_distribution<double>(0, 1)(rng_)));
    values.push_back(metric("520000", "livestream_viewers", std::max(0.0, viewers)));
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
