#include "data_feed/county_facts.hpp"

#include <set>

#include "core/csv.hpp"
#include "core/error.hpp"
#include "core/text_file.hpp"

namespace exhibit {

const CountyFact* CountyFacts::find(std::string_view adcode) const {
    for (const CountyFact& c : counties) {
        if (c.adcode == adcode) return &c;
    }
    return nullptr;
}

std::map<int, int> CountyFacts::exitsByYear() const {
    std::map<int, int> out;
    for (const CountyFact& c : counties) {
        if (c.exitYear) ++out[*c.exitYear];
    }
    return out;
}

namespace {

bool isDigits(std::string_view s, std::size_t count) {
    if (s.size() != count) return false;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

CountyFacts buildFacts(const CsvTable& table) {
    const std::string& file = table.displayName();
    const std::size_t colAdcode = table.column("adcode");
    const std::size_t colName = table.column("name");
    const std::size_t colPrefAdcode = table.column("prefecture_adcode");
    const std::size_t colPref = table.column("prefecture");
    const std::size_t colPoverty = table.column("poverty_county");
    const std::size_t colExit = table.column("exit_year_annual_batch");
    const std::size_t colSource = table.column("source");
    const std::size_t colUrl = table.column("source_url");
    const bool hasAnnounced = table.hasColumn("exit_announced");
    const std::size_t colAnnounced = hasAnnounced ? table.column("exit_announced") : 0;

    CountyFacts facts;
    std::set<std::string, std::less<>> seen;
    for (const CsvRow& row : table.rows()) {
        auto fail = [&](const char* field, const std::string& problem) {
            throw ContentError(file + ":" + std::to_string(row.line()) + ": " + field + ": " + problem);
        };
        CountyFact f;
        f.adcode = row[colAdcode];
        f.name = row[colName];
        f.prefectureAdcode = row[colPrefAdcode];
        f.prefecture = row[colPref];
        f.source = row[colSource];
        f.sourceUrl = row[colUrl];
        if (hasAnnounced) f.exitAnnounced = row[colAnnounced];

        if (!isDigits(f.adcode, 6)) fail("adcode", "expected 6 digits, got \"" + f.adcode + "\"");
        if (!seen.insert(f.adcode).second) fail("adcode", "duplicate " + f.adcode);
        if (f.name.empty()) fail("name", "empty");
        if (!isDigits(f.prefectureAdcode, 6)) {
            fail("prefecture_adcode", "expected 6 digits, got \"" + f.prefectureAdcode + "\"");
        }

        const std::string& poverty = row[colPoverty];
        if (poverty == "yes") f.povertyCounty = true;
        else if (poverty != "no") fail("poverty_county", "expected yes or no, got \"" + poverty + "\"");

        const std::string& exit = row[colExit];
        if (f.povertyCounty) {
            if (exit.empty()) fail("exit_year_annual_batch", "missing for a poverty county");
            if (!isDigits(exit, 4)) fail("exit_year_annual_batch", "expected a year, got \"" + exit + "\"");
            const int year = std::stoi(exit);
            if (year < 2000 || year > 2100) {
                fail("exit_year_annual_batch", "year " + exit + " outside 2000..2100");
            }
            f.exitYear = year;
        } else if (!exit.empty()) {
            fail("exit_year_annual_batch", "set to \"" + exit + "\" but poverty_county is no");
        }
        facts.counties.push_back(std::move(f));
    }
    if (facts.counties.empty()) throw ContentError(file + ": no counties (header only)");
    return facts;
}

}  // namespace

CountyFacts parseCountyFacts(std::string_view csvText, const std::string& displayName) {
    return buildFacts(parseCsv(csvText, displayName));
}

CountyFacts loadCountyFacts(const std::filesystem::path& countiesCsv) {
    return buildFacts(loadCsv(countiesCsv));
}

}  // namespace exhibit
