#include "scenes/translator.hpp"

#include <map>

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
    };
    return table;
}

}  // namespace

bool hasHan(std::string_view text) {
    for (char32_t c : decodeUtf8(text))
        if ((c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FFFF)) return true;
    return false;
}

std::string Translator::operator()(std::string_view chinese) const {
    if (!english()) return std::string(chinese);
    if (auto it = show_.english.find(chinese); it != show_.english.end()) return it->second;
    if (auto it = engineEnglish().find(chinese); it != engineEnglish().end()) return it->second;
    return std::string(chinese);
}

bool Translator::translates(std::string_view chinese) const {
    return !hasHan(chinese) || show_.english.contains(chinese) || engineEnglish().contains(chinese);
}

}  // namespace exhibit
