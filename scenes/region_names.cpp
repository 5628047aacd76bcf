#include "scenes/region_names.hpp"

namespace exhibit {
namespace {

// Peoples named in Guizhou's autonomous prefectures and counties.
constexpr std::string_view kPeoples[] = {"布依", "仡佬", "土家", "毛南", "苗", "侗", "彝", "回", "水", "瑶", "壮"};

bool endsWith(std::string_view s, std::string_view tail) {
    return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

}  // namespace

std::string shortRegionName(std::string_view name) {
    std::string_view level;
    if (endsWith(name, "自治州")) level = "州";
    else if (endsWith(name, "自治县")) level = "县";
    else return std::string(name);
    std::string_view stem = name.substr(0, name.size() - std::string_view("自治州").size());
    for (bool stripped = true; stripped;) {
        stripped = false;
        for (std::string_view people : kPeoples) {
            const std::string suffix = std::string(people) + "族";
            if (endsWith(stem, suffix) && stem.size() > suffix.size()) {
                stem.remove_suffix(suffix.size());
                stripped = true;
            }
        }
    }
    return std::string(stem) + std::string(level);
}

RegionNames::RegionNames(const CountyFacts& facts) {
    names_["520000"] = "贵州省";
    for (const auto& c : facts.counties) {
        names_[c.adcode] = shortRegionName(c.name);
        if (!c.prefectureAdcode.empty()) {
            names_[c.prefectureAdcode] = shortRegionName(c.prefecture);
            prefectureOf_[c.adcode] = c.prefectureAdcode;
        }
    }
}

std::string RegionNames::shortName(std::string_view adcode) const {
    auto it = names_.find(adcode);
    return it == names_.end() ? std::string(adcode) : it->second;
}

std::string RegionNames::prefectureOf(std::string_view countyAdcode) const {
    auto it = prefectureOf_.find(countyAdcode);
    return it == prefectureOf_.end() ? std::string() : it->second;
}

}  // namespace exhibit
