#include "scenes/catalog.hpp"

#include "core/error.hpp"
#include "scenes/credits_scene.hpp"
#include "scenes/dashboard_scene.hpp"
#include "scenes/map_scene.hpp"
#include "scenes/timeline_scene.hpp"
#include "scenes/tour_scene.hpp"

namespace exhibit {

std::unique_ptr<Scene> createScene(const SceneSpec& spec, const SceneServices& services) {
    if (spec.type == "dashboard") return std::make_unique<DashboardScene>(spec, services);
    if (spec.type == "timeline") return std::make_unique<TimelineScene>(spec, services);
    if (spec.type == "credits") return std::make_unique<CreditsScene>(spec, services);
    if (spec.type == "tour") return std::make_unique<TourScene>(spec, services);
    if (spec.map) return std::make_unique<MapScene>(spec, *spec.map, services);
    throw ContentError(services.show.path.filename().string() + ": scene \"" + spec.id + "\": unsupported type \"" + spec.type + "\"");
}

}  // namespace exhibit
