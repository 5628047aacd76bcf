// Names of the show's regions as a wall shows them: adcode -> full name from the county facts,
// and the short form Chinese charts use where space is tight (黔东南苗族侗族自治州 -> 黔东南州,
// 三都水族自治县 -> 三都县, 威宁彝族回族苗族自治县 -> 威宁县).
//
// Does not: know regions outside the facts file, or translate names.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "data_feed/county_facts.hpp"

namespace exhibit {

// Drops the ethnic part of an autonomous prefecture's or county's name; other names unchanged.
std::string shortRegionName(std::string_view name);

class RegionNames {
public:
    RegionNames() = default;
    explicit RegionNames(const CountyFacts& facts);  // counties, their prefectures and 520000 贵州省

    // The short name, or the adcode itself when it is unknown.
    std::string shortName(std::string_view adcode) const;
    std::string prefectureOf(std::string_view countyAdcode) const;  // empty when unknown

private:
    std::map<std::string, std::string, std::less<>> names_;
    std::map<std::string, std::string, std::less<>> prefectureOf_;
};

}  // namespace exhibit
