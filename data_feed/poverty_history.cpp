#include "data_feed/poverty_history.hpp"

#include <charconv>
#include <cmath>

#include "core/csv.hpp"
#include "core/error.hpp"

namespace exhibit {

const PovertyYear* PovertyHistory::find(int year) const {
    for (const PovertyYear& y : years) {
        if (y.year == year) return &y;
    }
    return nullptr;
}

const PovertyExitBatch* PovertyHistory::batchForYear(int exitYear) const {
    for (const PovertyExitBatch& b : batches) {
        if (b.exitYear == exitYear) return &b;
    }
    return nullptr;
}

std::optional<QualifiedFigure> parseQualifiedFigure(std::string_view cell) {
    QualifiedFigure out;
    if (cell.empty()) return out;
    if (cell.front() == '~') {
        out.qualifier = Qualifier::Approximate;
        cell.remove_prefix(1);
    } else if (cell.front() == '<') {
        out.qualifier = Qualifier::Below;
        cell.remove_prefix(1);
    }
    // Plain decimals only: from_chars alone would also take exponents, "inf" and "nan".
    if (cell.empty() || cell.front() == '.' || cell.back() == '.') return std::nullopt;
    int dots = 0;
    for (char c : cell) {
        if (c == '.') ++dots;
        else if (c < '0' || c > '9') return std::nullopt;
    }
    if (dots > 1) return std::nullopt;
    double value = 0;
    const auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
    if (ec != std::errc() || end != cell.data() + cell.size() || !std::isfinite(value)) return std::nullopt;
    out.value = value;
    return out;
}

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

std::vector<std::string_view> split(std::string_view s, std::string_view separator) {
    std::vector<std::string_view> parts;
    while (true) {
        const std::size_t at = s.find(separator);
        parts.push_back(s.substr(0, at));
        if (at == std::string_view::npos) return parts;
        s.remove_prefix(at + separator.size());
    }
}

void addUnique(std::vector<std::string>& names, std::string_view name) {
    for (const std::string& n : names) {
        if (n == name) return;
    }
    names.emplace_back(name);
}

bool isYear(std::string_view s) {
    if (s.size() != 4) return false;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

bool isCount(std::string_view s) {
    if (s.empty() || s.size() > 4) return false;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

[[noreturn]] void fail(const CsvTable& table, const CsvRow& row, std::string_view column, const std::string& problem) {
    throw ContentError(table.displayName() + ":" + std::to_string(row.line()) + ": " + std::string(column) + ": " +
                       problem);
}

int readYear(const CsvTable& table, const CsvRow& row, std::size_t col, std::string_view column) {
    const std::string& cell = row[col];
    if (!isYear(cell)) fail(table, row, column, "expected a year (4 digits), got \"" + cell + "\"");
    const int year = std::stoi(cell);
    if (year < 1900 || year > 2100) fail(table, row, column, "year " + cell + " outside 1900..2100");
    return year;
}

QualifiedFigure readFigure(const CsvTable& table, const CsvRow& row, std::size_t col, std::string_view column,
                           double maxValue) {
    const std::string& cell = row[col];
    const std::optional<QualifiedFigure> figure = parseQualifiedFigure(cell);
    if (!figure) fail(table, row, column, "expected a number, ~number or <number, got \"" + cell + "\"");
    if (figure->value && *figure->value > maxValue) {
        fail(table, row, column, "value " + cell + " above " + std::to_string(static_cast<int>(maxValue)));
    }
    return *figure;
}

}  // namespace

std::vector<std::string> shortSourceNames(std::string_view sourceCell) {
    std::vector<std::string> names;
    for (std::string_view part : split(sourceCell, " | ")) {
        std::string_view name = part.substr(0, part.find(", "));
        name = name.substr(0, std::min(name.find(" ("), name.find(" [")));
        name = trim(name);
        if (!name.empty()) addUnique(names, name);
    }
    return names;
}

std::vector<std::string> shortSourceNames(const std::vector<PovertyYear>& years) {
    std::vector<std::string> names;
    for (const PovertyYear& y : years) {
        for (const std::string& name : shortSourceNames(y.source)) addUnique(names, name);
    }
    return names;
}

namespace {

std::vector<PovertyYear> buildYears(const CsvTable& table) {
    const std::size_t colYear = table.column("year");
    const std::size_t colPopulation = table.column("rural_poor_population_10k_persons");
    const std::size_t colIncidence = table.column("poverty_incidence_pct");
    const std::size_t colConfidence = table.column("confidence");
    const std::size_t colNote = table.column("note");
    const std::size_t colSource = table.column("source");
    const std::size_t colUrl = table.column("source_url");

    std::vector<PovertyYear> years;
    for (const CsvRow& row : table.rows()) {
        PovertyYear y;
        y.year = readYear(table, row, colYear, "year");
        if (!years.empty() && y.year <= years.back().year) {
            fail(table, row, "year",
                 (y.year == years.back().year ? "duplicate year " : "year out of order: ") + std::to_string(y.year) +
                     " after " + std::to_string(years.back().year));
        }
        const QualifiedFigure population =
            readFigure(table, row, colPopulation, "rural_poor_population_10k_persons", 1e6);
        const QualifiedFigure incidence = readFigure(table, row, colIncidence, "poverty_incidence_pct", 100);
        y.population10k = population.value;
        y.populationQualifier = population.qualifier;
        y.incidencePct = incidence.value;
        y.incidenceQualifier = incidence.qualifier;
        y.confidence = row[colConfidence];
        y.note = row[colNote];
        y.source = row[colSource];
        y.sourceUrl = row[colUrl];
        if (y.confidence.empty()) fail(table, row, "confidence", "empty");
        if (y.confidence == "not found" && (y.population10k || y.incidencePct)) {
            fail(table, row, "confidence", "\"not found\" but the row has a figure");
        }
        if ((y.population10k || y.incidencePct) && y.source.empty()) fail(table, row, "source", "empty for a figure");
        years.push_back(std::move(y));
    }
    if (years.empty()) throw ContentError(table.displayName() + ": no years (header only)");
    return years;
}

std::vector<PovertyExitBatch> buildBatches(const CsvTable& table) {
    const std::size_t colBatch = table.column("batch");
    const std::size_t colYear = table.column("exit_year_annual_batch");
    const std::size_t colAnnounced = table.column("announced");
    const std::size_t colCount = table.column("county_count");
    const std::size_t colCounties = table.column("counties");
    const std::size_t colConfidence = table.column("confidence");
    const std::size_t colNote = table.column("note");
    const std::size_t colSource = table.column("source");
    const std::size_t colUrl = table.column("source_url");

    std::vector<PovertyExitBatch> batches;
    for (const CsvRow& row : table.rows()) {
        PovertyExitBatch b;
        const std::string& batchCell = row[colBatch];
        if (!isCount(batchCell)) fail(table, row, "batch", "expected a batch number, got \"" + batchCell + "\"");
        b.batch = std::stoi(batchCell);
        const int expected = static_cast<int>(batches.size()) + 1;
        if (b.batch != expected) {
            fail(table, row, "batch", "expected batch " + std::to_string(expected) + ", got " + batchCell);
        }
        b.exitYear = readYear(table, row, colYear, "exit_year_annual_batch");
        if (!batches.empty() && b.exitYear <= batches.back().exitYear) {
            fail(table, row, "exit_year_annual_batch",
                 "year " + std::to_string(b.exitYear) + " not after the previous batch's " +
                     std::to_string(batches.back().exitYear));
        }
        b.announced = row[colAnnounced];
        const std::string& countCell = row[colCount];
        if (!isCount(countCell)) fail(table, row, "county_count", "expected a count, got \"" + countCell + "\"");
        b.countyCount = std::stoi(countCell);
        for (std::string_view name : split(row[colCounties], "、")) {
            name = trim(name);
            if (name.empty()) fail(table, row, "counties", "empty county name in \"" + row[colCounties] + "\"");
            b.counties.emplace_back(name);
        }
        if (static_cast<int>(b.counties.size()) != b.countyCount) {
            fail(table, row, "counties",
                 std::to_string(b.counties.size()) + " listed but county_count is " + countCell);
        }
        b.confidence = row[colConfidence];
        b.note = row[colNote];
        b.source = row[colSource];
        b.sourceUrl = row[colUrl];
        if (b.confidence.empty()) fail(table, row, "confidence", "empty");
        if (b.source.empty()) fail(table, row, "source", "empty");
        batches.push_back(std::move(b));
    }
    if (batches.empty()) throw ContentError(table.displayName() + ": no batches (header only)");
    return batches;
}

}  // namespace

std::vector<PovertyYear> parsePovertyYears(std::string_view csvText, const std::string& displayName) {
    return buildYears(parseCsv(csvText, displayName));
}

std::vector<PovertyExitBatch> parseExitBatches(std::string_view csvText, const std::string& displayName) {
    return buildBatches(parseCsv(csvText, displayName));
}

PovertyHistory loadPovertyHistory(const std::filesystem::path& factsDirectory) {
    PovertyHistory h;
    h.years = buildYears(loadCsv(factsDirectory / "poverty_population_by_year.csv"));
    h.batches = buildBatches(loadCsv(factsDirectory / "poverty_county_exit_batches.csv"));
    return h;
}

}  // namespace exhibit
