// PovertyTimeline: where each of Guizhou's counties stood in a year of 2012→2020, for the timeline
// scene (timeline_scene.hpp) and its tests: not a poverty county, still on the poverty-county list,
// or exited with its annual batch; how many were still on the list; the year's rural poor population
// and exit batch, each with the ids of its sources in sources.csv. GL-free.
//
// Use:
//   PovertyTimeline t(countyFacts, povertyHistory, sourceList, 2012, 2020);   // throws ContentError
//   t.onList(2018);                    // 33: poverty counties not yet exited at the end of 2018
//   t.stage("520381", 2016);           // CountyStage::Exited (赤水市, batch 1)
//   t.exitProgress("520381", 2015.5);  // 0.5: the county's colour eases in over the year before
//   t.populationSources(2019);         // {"CNS-2020-11-23"}
//
// Years: a county whose annual batch (assessment year, 年度) is E is on the list until the end of
// E - 1 and exited from year E on; at a playhead p (a continuous year, as HistoryPlayback's) its exit
// progress is p - (E - 1) clamped to [0, 1], so it has fully left when the playhead reaches E, the
// same moment the chart's column of E is fully lit.
// Validation (ContentError naming the files): every poverty county's exit year has a batch, and each
// batch's county_count equals the number of counties with its year in the counties file; every
// source a figure cites is in sources.csv.
// Does not: interpolate missing population years (population() has no value for them), draw, or
// match the batch lists' county names (as announced) to adcodes: the counties file has the years.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "data_feed/county_facts.hpp"
#include "data_feed/poverty_history.hpp"
#include "data_feed/source_list.hpp"

namespace exhibit {

enum class CountyStage { NotPoverty, OnList, Exited };

struct TimelineFiles {  // display names for messages
    std::string counties = "guizhou_counties.csv";
    std::string population = "poverty_population_by_year.csv";
    std::string batches = "poverty_county_exit_batches.csv";
};

class PovertyTimeline {
public:
    PovertyTimeline(CountyFacts counties, PovertyHistory history, const SourceList& sources, int firstYear, int lastYear,
                    const TimelineFiles& files = {});

    int firstYear() const { return firstYear_; }
    int lastYear() const { return lastYear_; }
    int povertyCounties() const { return povertyCounties_; }  // 66 for Guizhou

    CountyStage stage(std::string_view adcode, int year) const;  // NotPoverty for an unknown adcode
    float exitProgress(std::string_view adcode, double playhead) const;  // 0 for counties that never exit
    int onList(int year) const;                                  // poverty counties not yet exited
    std::vector<std::string> exitedIn(int year) const;           // adcodes of the year's batch, file order

    // The population row of a year in [firstYear, lastYear]; nullptr for a year the file lacks (a row
    // may also lack the figure: "not found").
    const PovertyYear* population(int year) const;
    std::vector<std::string> populationSources(int year) const;
    const PovertyExitBatch* batch(int year) const;  // the batch assessed for that year, or nullptr
    std::vector<std::string> batchSources(int year) const;

    const CountyFacts& counties() const { return counties_; }
    const PovertyHistory& history() const { return history_; }

private:
    CountyFacts counties_;
    PovertyHistory history_;
    int firstYear_, lastYear_;
    int povertyCounties_ = 0;
    std::vector<std::vector<std::string>> populationSources_;  // parallel to history_.years
    std::vector<std::vector<std::string>> batchSources_;       // parallel to history_.batches
};

}  // namespace exhibit
