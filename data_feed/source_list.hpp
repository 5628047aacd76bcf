// The show's list of sources (facts/sources.csv): one row per publication a real figure rests on,
// with the short id that scenes cite next to the figure ("CGTN-2019-08-09") and the credits scene
// lists with its title and address. Facts files name their sources by title (several separated by
// " | "); sourceIds() turns such a cell into the ids.
//
// Use:
//   SourceList sources = loadSourceList(show.resolve("facts/sources.csv"));   // throws ContentError
//   for (const SourceEntry& s : sources.entries) list(s.id, s.title, s.url);
//   std::vector<std::string> ids = sources.idsFor(year.source, year.sourceUrl, "poverty_population_by_year.csv:5");
//
// Columns read: source_id, title, url (other columns are ignored). Validation: an id is 1 to 64 of
// A-Z a-z 0-9 - _ . and unique, a title is not blank, a url is empty (not recorded) or starts with
// http:// or https://; the file has at least one row. Errors name the file and line:
//   sources.csv:7: source_id: duplicate id "CGTN-2019-08-09" (also on line 3)
//   sources.csv: cannot open: No such file or directory
//
// Does not: fetch or check the addresses, or know which scene cites which source.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace exhibit {

struct SourceEntry {
    std::string id;
    std::string title;
    std::string url;  // empty when it was not recorded
    std::size_t line = 0;
};

struct SourceList {
    std::string displayName;           // "sources.csv", for messages
    std::vector<SourceEntry> entries;  // in file order

    const SourceEntry* find(std::string_view id) const;
    const SourceEntry* findByTitle(std::string_view title) const;
    // The ids of a facts row's " | "-separated source titles, in order; a title not in the list is
    // matched by the url at the same position of `urlCell`. Throws ContentError
    // "<where>: source "<title>" is not in sources.csv" for a source neither matches.
    std::vector<std::string> idsFor(std::string_view sourceCell, std::string_view urlCell, std::string_view where) const;
};

SourceList parseSourceList(std::string_view csvText, const std::string& displayName);
SourceList loadSourceList(const std::filesystem::path& sourcesCsv);

// "a | b | c" -> {"a", "b", "c"}; an empty cell gives no parts.
std::vector<std::string> splitSourceCell(std::string_view cell);

}  // namespace exhibit
