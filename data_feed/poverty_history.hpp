// Guizhou's poverty history year by year: the rural poor population and poverty incidence per
// year, and the five annual batches in which the 66 poverty counties exited, with the source of
// every row. The figures behind the 2012→2020 playback (scenes/widgets/history_playback.hpp).
//
// Use:
//   PovertyHistory h = loadPovertyHistory(assets / "shows/guizhou/facts");
//   for (const PovertyYear& y : h.years)
//       if (y.population10k) show(y.year, *y.population10k, y.populationQualifier);   // else: no figure
//   if (const PovertyExitBatch* b = h.batchForYear(2017)) caption(b->countyCount);     // 14
//   footnote("来源：" + join(shortSourceNames(h.years), "、"));
//
// Files and columns read (other columns are ignored):
//   poverty_population_by_year.csv   year, rural_poor_population_10k_persons, poverty_incidence_pct,
//                                    confidence, note, source, source_url
//   poverty_county_exit_batches.csv  batch, exit_year_annual_batch, announced, county_count,
//                                    counties (separated by "、"), confidence, note, source, source_url
// A figure cell is "923" (exact), "~500" (approximate: a rounded or "just under" figure), "<8"
// (below: only an upper bound is known) or empty (not found: there is no value, nothing is guessed).
// Validation: years are 4 digits in 1900..2100 and strictly increasing; figures are finite and not
// negative, incidence at most 100; confidence is not empty; "not found" rows have no figures;
// batches are numbered 1, 2, 3, ... with increasing exit years, and county_count equals the number
// of counties listed. Errors throw ContentError naming file, line and column:
//   poverty_population_by_year.csv:5: rural_poor_population_10k_persons: expected a number, ~number or <number, got "abc"
//
// Does NOT: interpolate missing years, convert 万人 to persons, match county names to adcodes (the
// names are as announced; data_feed/county_facts.hpp has the adcodes), or check the figures against
// the outside world (see assets/shows/guizhou/facts/README.md).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace exhibit {

enum class Qualifier { Exact, Approximate, Below };

struct PovertyYear {
    int year = 0;
    std::optional<double> population10k;  // rural poor population, 万人; empty = not found
    Qualifier populationQualifier = Qualifier::Exact;
    std::optional<double> incidencePct;  // poverty incidence, % of the rural population
    Qualifier incidenceQualifier = Qualifier::Exact;
    std::string confidence;  // high, medium, low, not found (as written)
    std::string note;
    std::string source;     // several sources separated by " | "
    std::string sourceUrl;  // may be empty
};

struct PovertyExitBatch {
    int batch = 0;
    int exitYear = 0;       // the assessment year (年度); the announcement came later
    std::string announced;  // as written: "2019-04-25" or "2018 (exact date not found)"
    int countyCount = 0;
    std::vector<std::string> counties;  // names as announced
    std::string confidence;
    std::string note;
    std::string source;
    std::string sourceUrl;
};

struct PovertyHistory {
    std::vector<PovertyYear> years;         // increasing year
    std::vector<PovertyExitBatch> batches;  // increasing batch and exit year

    const PovertyYear* find(int year) const;
    const PovertyExitBatch* batchForYear(int exitYear) const;
};

// A figure cell: "923" -> {923, Exact}, "~500" -> {500, Approximate}, "<8" -> {8, Below},
// "" -> {nullopt, Exact}; nullopt for anything else ("abc", "~", "-3", "1e3", " 12").
struct QualifiedFigure {
    std::optional<double> value;
    Qualifier qualifier = Qualifier::Exact;
};
std::optional<QualifiedFigure> parseQualifiedFigure(std::string_view cell);

// Short publisher names of a " | "-separated source cell, in order, without duplicates:
// "China Daily, \"Guizhou ...\", 2016-03-08 (page found ...) | CGTN, ..." -> {"China Daily", "CGTN"}.
std::vector<std::string> shortSourceNames(std::string_view sourceCell);
// The same over every year, in order of first appearance.
std::vector<std::string> shortSourceNames(const std::vector<PovertyYear>& years);

std::vector<PovertyYear> parsePovertyYears(std::string_view csvText, const std::string& displayName);
std::vector<PovertyExitBatch> parseExitBatches(std::string_view csvText, const std::string& displayName);
// Reads poverty_population_by_year.csv and poverty_county_exit_batches.csv from `factsDirectory`.
PovertyHistory loadPovertyHistory(const std::filesystem::path& factsDirectory);

}  // namespace exhibit
