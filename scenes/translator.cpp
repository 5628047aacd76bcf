#include "scenes/translator.hpp"

#include <spdlog/spdlog.h>

#include "core/csv.hpp"
#include "core/error.hpp"
#include "core/utf8.hpp"

namespace exhibit {
namespace {

// The engine's own words (badges, footers, controls), Chinese -> English. Show text belongs in the
// show file's "translations", not here.
const std::map<std::string, std::string, std::less<>>& engineEnglish() {
    static const std::map<std::string, std::string, std::less<>> table = {
        {"模拟数据", "Simulated"},
        {"连接中", "Connecting"},
        {"数据中断", "Feed down"},
        {"正常", "OK"},
        {"实时数据：", "Live data: "},
        {"（模拟数据，非真实统计）", " (simulated, not real statistics)"},
        {"‹ 返回全省", "‹ Back to province"},
        {"贫困县退出公告", "Poverty county exit notices"},
        {"公告日期待核实", "Notice date to be verified"},
        {"待机中 · Standby", "Standby"},
        {"无可靠数据", "No reliable figure"},
        {"无数据", "No data"},
        {"非贫困县", "Not a poverty county"},
        {"原贫困县", "Former poverty county"},
        {"电商", "E-com"},
        {"医疗", "Health"},
        {"教育", "Education"},
        {"直播", "Live"},
        {"消费", "Aid buy"},
        {"村务", "Village"},
        {"今日电商订单", "E-commerce orders today"},
        {"今日电商交易额", "E-commerce sales today"},
        {"活跃网店", "Online shops"},
        {"快递物流站点", "Express stations"},
        {"远程医疗会诊", "Telemedicine consultations"},
        {"课堂参与", "Class attendance"},
        {"单", "orders"},
        {"元", "yuan"},
        {"家", "shops"},
        {"个", ""},
        {"例", "cases"},
        {"人次", "attendances"},
    };
    return table;
}

}  // namespace

bool hasHan(std::string_view text) {
    for (char32_t c : decodeUtf8(text))
        if ((c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FFFF)) return true;
    return false;
}

Translator::Translator(const ShowFile& show, Language language) : show_(show), language_(language) {
    if (show.englishPlaceNames.empty()) return;
    try {
        const CsvTable table = loadCsv(show.resolve(show.englishPlaceNames));
        const std::size_t adcode = table.column("adcode"), chinese = table.column("name"),
                          full = table.column("name_en"), shortName = table.column("short_en");
        for (const CsvRow& row : table.rows()) {
            if (row[adcode].empty() || row[full].empty() || row[shortName].empty())
                throw ContentError(table.displayName() + ":" + std::to_string(row.line()) +
                                   ": adcode, name_en and short_en must not be empty");
            places_[row[adcode]] = {row[full], row[shortName]};
            if (!row[chinese].empty()) placesByName_[row[chinese]] = row[shortName];
        }
    } catch (const ContentError& e) {
        places_.clear();
        placesByName_.clear();
        spdlog::error("[scenes.text] {}: English place names are not available; places keep their Chinese names",
                      e.what());
    }
}

std::string Translator::placeIn(Language language, std::string_view adcode, std::string_view chinese,
                                bool shortForm) const {
    if (language != Language::En) return std::string(chinese);
    if (auto it = places_.find(adcode); it != places_.end()) return shortForm ? it->second.shortName : it->second.full;
    return in(language, chinese);
}

std::vector<std::string> Translator::placesWithoutEnglish(const std::vector<std::string>& adcodes) const {
    std::vector<std::string> missing;
    for (const auto& a : adcodes)
        if (!places_.contains(a)) missing.push_back(a);
    return missing;
}

std::string Translator::in(Language language, std::string_view chinese) const {
    if (language != Language::En) return std::string(chinese);
    if (auto it = show_.english.find(chinese); it != show_.english.end()) return it->second;
    if (auto it = engineEnglish().find(chinese); it != engineEnglish().end()) return it->second;
    if (auto it = placesByName_.find(chinese); it != placesByName_.end()) return it->second;
    return std::string(chinese);
}

bool Translator::translates(std::string_view chinese) const {
    return !hasHan(chinese) || show_.english.contains(chinese) || engineEnglish().contains(chinese) ||
           placesByName_.contains(chinese);
}

}  // namespace exhibit
