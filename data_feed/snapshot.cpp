#include "data_feed/snapshot.hpp"

namespace exhibit {

const MetricValue* Snapshot::value(std::string_view adcode, std::string_view metric) const {
    auto region = values.find(adcode);
    if (region == values.end()) return nullptr;
    auto it = region->second.find(metric);
    return it == region->second.end() ? nullptr : &it->second;
}

}  // namespace exhibit
