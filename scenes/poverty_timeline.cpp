#include "scenes/poverty_timeline.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace exhibit {

PovertyTimeline::PovertyTimeline(CountyFacts counties, PovertyHistory history, const SourceList& sources,
                                 int firstYear, int lastYear, const TimelineFiles& files)
    : counties_(std::move(counties)), history_(std::move(history)), firstYear_(firstYear), lastYear_(lastYear) {
    const auto exits = counties_.exitsByYear();
    for (const auto& [year, count] : exits) {
        povertyCounties_ += count;
        const PovertyExitBatch* b = history_.batchForYear(year);
        if (!b)
            throw ContentError(files.counties + ": " + std::to_string(count) + " counties exit in " + std::to_string(year) +
                               ", but " + files.batches + " has no batch for that year");
        if (b->countyCount != count)
            throw ContentError(files.counties + ": " + std::to_string(count) + " counties exit in " + std::to_string(year) +
                               ", but " + files.batches + " batch " + std::to_string(b->batch) + " lists " +
                               std::to_string(b->countyCount));
    }
    for (const PovertyExitBatch& b : history_.batches)
        if (!exits.contains(b.exitYear))
            throw ContentError(files.batches + ": batch " + std::to_string(b.batch) + " (" + std::to_string(b.exitYear) +
                               ") has no county with that exit year in " + files.counties);
    for (const PovertyYear& y : history_.years)
        populationSources_.push_back(
            sources.idsFor(y.source, y.sourceUrl, files.population + ": year " + std::to_string(y.year)));
    for (const PovertyExitBatch& b : history_.batches)
        batchSources_.push_back(sources.idsFor(b.source, b.sourceUrl, files.batches + ": batch " + std::to_string(b.batch)));
}

CountyStage PovertyTimeline::stage(std::string_view adcode, int year) const {
    const CountyFact* f = counties_.find(adcode);
    if (!f || !f->exitYear) return CountyStage::NotPoverty;
    return year >= *f->exitYear ? CountyStage::Exited : CountyStage::OnList;
}

float PovertyTimeline::exitProgress(std::string_view adcode, double playhead) const {
    const CountyFact* f = counties_.find(adcode);
    if (!f || !f->exitYear) return 0;
    return static_cast<float>(std::clamp(playhead - (*f->exitYear - 1), 0.0, 1.0));
}

int PovertyTimeline::onList(int year) const {
    int n = 0;
    for (const CountyFact& f : counties_.counties)
        if (f.exitYear && year < *f.exitYear) ++n;
    return n;
}

std::vector<std::string> PovertyTimeline::exitedIn(int year) const {
    std::vector<std::string> adcodes;
    for (const CountyFact& f : counties_.counties)
        if (f.exitYear && *f.exitYear == year) adcodes.push_back(f.adcode);
    return adcodes;
}

const PovertyYear* PovertyTimeline::population(int year) const {
    if (year < firstYear_ || year > lastYear_) return nullptr;
    return history_.find(year);
}

std::vector<std::string> PovertyTimeline::populationSources(int year) const {
    const PovertyYear* y = population(year);
    return y ? populationSources_[static_cast<std::size_t>(y - history_.years.data())] : std::vector<std::string>{};
}

const PovertyExitBatch* PovertyTimeline::batch(int year) const { return history_.batchForYear(year); }

std::vector<std::string> PovertyTimeline::batchSources(int year) const {
    const PovertyExitBatch* b = batch(year);
    return b ? batchSources_[static_cast<std::size_t>(b - history_.batches.data())] : std::vector<std::string>{};
}

}  // namespace exhibit
