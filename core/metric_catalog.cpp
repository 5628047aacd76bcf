#include "core/metric_catalog.hpp"

#include <algorithm>

namespace exhibit {
namespace {

constexpr MetricInfo kMetrics[] = {
    {"poor_population", true},    {"ecommerce_orders", true},  {"ecommerce_sales", false},
    {"online_shops", true},       {"express_stations", true},  {"telemedicine_consults", true},
    {"remote_ecg", true},         {"remote_imaging", true},    {"video_consults", true},
    {"online_classes", true},     {"class_attendance", true},  {"consumption_aid_sales", false},
    {"livestream_viewers", true},
    // E-commerce chain, consumption aid and the precision poverty-alleviation cloud (issue 8).
    {"ecommerce_trainees", true},  {"base_shipments", true},    {"warehouse_parcels", true},
    {"delivery_parcels", true},    {"consumption_aid_orders", true}, {"livestream_rooms", true},
    {"qs_certifications", true},   {"cert_pollution_free", true}, {"cert_green_food", true},
    {"cert_organic", true},        {"cert_geo_indication", true}, {"village_affairs_posts", true},
    {"crowdfunding_raised", false}, {"crowdfunding_goal", false}, {"crowdfunding_backers", true},
    // Healthcare, education and social collaboration (issue 8).
    {"diagnoses_returned", true}, {"consults_referred", true}, {"classes_live", true},
    {"farmer_trainings", true},   {"farmer_trainees", true},   {"trainings_live", true},
    {"aid_pledged", false},
    {"aid_projects", true},       {"aid_partners", true},      {"aid_counties", true},
};
constexpr std::string_view kEventKinds[] = {"order_shipped", "consultation_referred", "class_held",
                                            "livestream_started", "consumption_order", "village_affairs_posted",
                                            "diagnosis_requested", "diagnosis_returned", "training_held",
                                            "partner_paired", "aid_project_signed"};

}  // namespace

std::span<const MetricInfo> knownMetrics() { return kMetrics; }
std::span<const std::string_view> knownEventKinds() { return kEventKinds; }

const MetricInfo* findMetric(std::string_view name) {
    for (const auto& m : kMetrics)
        if (m.name == name) return &m;
    return nullptr;
}

bool isKnownMetric(std::string_view metric) { return findMetric(metric) != nullptr; }
bool isKnownEventKind(std::string_view kind) {
    return std::find(std::begin(kEventKinds), std::end(kEventKinds), kind) != std::end(kEventKinds);
}

}  // namespace exhibit
