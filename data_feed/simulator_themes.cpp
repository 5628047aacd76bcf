#include "data_feed/simulator_themes.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <iterator>

namespace exhibit {
namespace {

// All illustrative (no source gives these for Guizhou): magnitudes chosen to look plausible.
constexpr double kTraineesPerDay = 12000;       // e-commerce training attendance (classes and online courses), persons
constexpr double kBaseShipmentsPerDay = 30000;  // batches leaving origin bases
constexpr double kWarehousePerDay = 125000;     // parcels sorted by county warehouses
constexpr double kDeliveryPerDay = 118000;      // parcels delivered by the smart delivery platform
constexpr double kAidOrdersPerDay = 60000;      // consumption-aid orders
constexpr double kAidPriceLow = 35, kAidPriceHigh = 110;  // yuan per aid order
constexpr double kVillagePostsPerDay = 6000;    // village-affairs postings (村务公开)
constexpr double kStreamsPerDay = 2000;         // live-stream sessions started (直播带货)
constexpr double kStreamMeanSeconds = 1800;     // how long a session lasts on average
constexpr double kStationsPerShare = 11000;     // express stations of a county = its share times this
constexpr double kDonationsPerDay = 5000;       // crowdfunding contributions, province
constexpr int kStreamingCounties = 24, kProjectCounties = 14;
// Province stock figures (certificates held), illustrative.
constexpr double kQs = 3120, kPollutionFree = 2150, kGreen = 364, kOrganic = 418, kGeoIndication = 142;

// Buyers' cities for aid orders (flylines), at their real positions.
struct City {
    const char* name;
    double lon, lat;
};
constexpr City kCities[] = {{"北京", 116.40, 39.90}, {"上海", 121.47, 31.23}, {"广州", 113.26, 23.13},
                            {"深圳", 114.06, 22.54}, {"杭州", 120.16, 30.27}, {"南京", 118.80, 32.06},
                            {"天津", 117.20, 39.08}, {"苏州", 120.59, 31.30}, {"宁波", 121.55, 29.87},
                            {"青岛", 120.38, 36.07}, {"厦门", 118.09, 24.48}, {"东莞", 113.75, 23.02}};
constexpr const char* kProducts[] = {"刺梨", "猕猴桃", "茶叶", "辣椒", "香猪", "百香果", "食用菌", "蓝莓", "火龙果", "黄牛肉"};
constexpr const char* kPostings[] = {"集体经济收支", "扶贫项目资金使用", "低保评议结果", "产业分红方案", "公益岗位安排",
                                     "小型工程招投标"};

nlohmann::json metric(const std::string& adcode, const char* name, double value) {
    return {{"adcode", adcode}, {"metric", name}, {"value", value}};
}

}  // namespace

ThemeSimulation::ThemeSimulation(std::uint64_t seed, std::vector<ThemeCounty> counties)
    : rng_(seed ^ 0x9E3779B97F4A7C15ull) {
    for (auto& c : counties) {
        County county;
        county.info = std::move(c);
        county.stations = std::round(kStationsPerShare * county.info.weight * std::uniform_real_distribution<double>(0.8, 1.2)(rng_));
        counties_.push_back(std::move(county));
    }
    // Which counties stream and which run a crowdfunding project: a fixed draw per seed.
    std::vector<std::size_t> order(counties_.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::shuffle(order.begin(), order.end(), rng_);
    for (std::size_t k = 0; k < order.size() && k < kStreamingCounties; ++k)
        counties_[order[k]].streamWeight = std::uniform_real_distribution<double>(0.5, 2.0)(rng_);
    std::shuffle(order.begin(), order.end(), rng_);
    for (std::size_t k = 0; k < order.size() && k < kProjectCounties; ++k) {
        County& c = counties_[order[k]];
        c.goal = std::round(std::uniform_real_distribution<double>(20, 150)(rng_)) * 10000;
        c.raised = std::round(c.goal * std::uniform_real_distribution<double>(0.2, 0.85)(rng_));
        c.backers = std::round(c.raised / std::uniform_real_distribution<double>(80, 200)(rng_));
    }
}

void ThemeSimulation::resetDay() {
    for (County& c : counties_) c.trainees = c.baseShipments = c.warehouse = c.delivery = c.aidOrders = c.aidSales = c.villagePosts = 0;
}

void ThemeSimulation::advance(double to, double dt, double dayShare, bool events, std::string& out) {
    double streamTotal = 0;
    for (const County& c : counties_) streamTotal += c.streamWeight;
    const std::size_t projects = static_cast<std::size_t>(
        std::count_if(counties_.begin(), counties_.end(), [](const County& c) { return c.goal > 0; }));
    auto poisson = [&](double mean) { return mean > 0 ? std::poisson_distribution<long>(mean)(rng_) : 0L; };
    auto emit = [&](const County& c, const char* kind, nlohmann::json extra) {
        if (!events) return;
        nlohmann::json e = {{"type", "event"}, {"ts", to}, {"event", kind}, {"from", c.info.adcode}, {"provenance", "simulated"}};
        e.update(extra);
        out += e.dump() + "\n";
    };
    for (County& c : counties_) {
        const double share = c.info.weight * dayShare;
        c.trainees += static_cast<double>(poisson(kTraineesPerDay * share));
        c.baseShipments += static_cast<double>(poisson(kBaseShipmentsPerDay * share));
        c.warehouse += static_cast<double>(poisson(kWarehousePerDay * share));
        c.delivery += static_cast<double>(poisson(kDeliveryPerDay * share));

        const long orders = poisson(kAidOrdersPerDay * share);
        c.aidOrders += static_cast<double>(orders);
        for (long k = 0; k < orders; ++k) {
            const double yuan = std::round(std::uniform_real_distribution<double>(kAidPriceLow, kAidPriceHigh)(rng_));
            c.aidSales += yuan;
            if (k >= 2) continue;  // at most two flylines per county and step
            const City& city = kCities[std::uniform_int_distribution<std::size_t>(0, std::size(kCities) - 1)(rng_)];
            emit(c, "consumption_order",
                 {{"to", {{"name", city.name}, {"lon", city.lon}, {"lat", city.lat}}},
                  {"value", yuan},
                  {"text", c.info.name + " → " + city.name + " 消费扶贫订单 " + std::to_string(static_cast<long>(yuan)) + " 元"}});
        }

        const long posts = poisson(kVillagePostsPerDay * share);
        c.villagePosts += static_cast<double>(posts);
        for (long k = 0; k < posts && k < 2; ++k) {
            const char* topic = kPostings[std::uniform_int_distribution<std::size_t>(0, std::size(kPostings) - 1)(rng_)];
            emit(c, "village_affairs_posted", {{"value", 1}, {"text", c.info.name + " 村务公开：" + topic}});
        }

        if (c.streamWeight > 0 && streamTotal > 0) {
            const long ended = c.rooms > 0 ? std::binomial_distribution<long>(c.rooms, std::min(1.0, dt / kStreamMeanSeconds))(rng_) : 0;
            const long started = poisson(kStreamsPerDay * dayShare * c.streamWeight / streamTotal);
            c.rooms += started - ended;
            for (long k = 0; k < started && k < 2; ++k) {
                const char* product = kProducts[std::uniform_int_distribution<std::size_t>(0, std::size(kProducts) - 1)(rng_)];
                emit(c, "livestream_started", {{"value", 1}, {"text", c.info.name + " 直播带货开播：" + product}});
            }
        }

        if (c.goal > 0 && c.raised < c.goal && projects > 0) {
            const long gifts = poisson(kDonationsPerDay * dayShare / static_cast<double>(projects));
            for (long k = 0; k < gifts; ++k) c.raised += std::round(std::uniform_real_distribution<double>(20, 500)(rng_));
            c.raised = std::min(c.raised, c.goal);
            c.backers += static_cast<double>(gifts);
        }
    }
}

void ThemeSimulation::appendMetrics(nlohmann::json& values, double provinceViewers) const {
    double trainees = 0, base = 0, warehouse = 0, delivery = 0, aidOrders = 0, aidSales = 0, posts = 0, stations = 0;
    double rooms = 0, goal = 0, raised = 0, backers = 0, audience = 0;
    for (const County& c : counties_) {
        rooms += static_cast<double>(c.rooms);
        audience += static_cast<double>(c.rooms) * c.streamWeight;  // some counties' rooms draw bigger crowds
    }
    for (const County& c : counties_) {
        const std::string& a = c.info.adcode;
        values.push_back(metric(a, "ecommerce_trainees", c.trainees));
        values.push_back(metric(a, "base_shipments", c.baseShipments));
        values.push_back(metric(a, "warehouse_parcels", c.warehouse));
        values.push_back(metric(a, "delivery_parcels", c.delivery));
        values.push_back(metric(a, "consumption_aid_orders", c.aidOrders));
        values.push_back(metric(a, "consumption_aid_sales", c.aidSales));
        values.push_back(metric(a, "village_affairs_posts", c.villagePosts));
        values.push_back(metric(a, "express_stations", c.stations));
        if (c.streamWeight > 0) {
            values.push_back(metric(a, "livestream_rooms", static_cast<double>(c.rooms)));
            const double viewers =
                audience > 0 ? std::round(provinceViewers * static_cast<double>(c.rooms) * c.streamWeight / audience) : 0;
            values.push_back(metric(a, "livestream_viewers", viewers));
        }
        if (c.goal > 0) {
            values.push_back(metric(a, "crowdfunding_goal", c.goal));
            values.push_back(metric(a, "crowdfunding_raised", c.raised));
            values.push_back(metric(a, "crowdfunding_backers", c.backers));
        }
        trainees += c.trainees;
        base += c.baseShipments;
        warehouse += c.warehouse;
        delivery += c.delivery;
        aidOrders += c.aidOrders;
        aidSales += c.aidSales;
        posts += c.villagePosts;
        stations += c.stations;
        goal += c.goal;
        raised += c.raised;
        backers += c.backers;
    }
    const std::string province = "520000";
    values.push_back(metric(province, "ecommerce_trainees", trainees));
    values.push_back(metric(province, "base_shipments", base));
    values.push_back(metric(province, "warehouse_parcels", warehouse));
    values.push_back(metric(province, "delivery_parcels", delivery));
    values.push_back(metric(province, "consumption_aid_orders", aidOrders));
    values.push_back(metric(province, "consumption_aid_sales", aidSales));
    values.push_back(metric(province, "village_affairs_posts", posts));
    values.push_back(metric(province, "express_stations", stations));
    values.push_back(metric(province, "livestream_rooms", rooms));
    values.push_back(metric(province, "crowdfunding_goal", goal));
    values.push_back(metric(province, "crowdfunding_raised", raised));
    values.push_back(metric(province, "crowdfunding_backers", backers));
    values.push_back(metric(province, "qs_certifications", kQs));
    values.push_back(metric(province, "cert_pollution_free", kPollutionFree));
    values.push_back(metric(province, "cert_green_food", kGreen));
    values.push_back(metric(province, "cert_organic", kOrganic));
    values.push_back(metric(province, "cert_geo_indication", kGeoIndication));
}

}  // namespace exhibit
