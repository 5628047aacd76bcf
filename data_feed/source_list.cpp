#include "data_feed/source_list.hpp"

#include <algorithm>

#include "core/csv.hpp"
#include "core/error.hpp"
#include "core/text_file.hpp"

namespace exhibit {
namespace {

bool validId(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    });
}

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

std::string quotedText(std::string_view s) {
    std::string out = "\"";
    out += s.size() > 80 ? std::string(s.substr(0, 77)) + "..." : std::string(s);
    return out + "\"";
}

}  // namespace

std::vector<std::string> splitSourceCell(std::string_view cell) {
    std::vector<std::string> parts;
    if (blank(cell)) return parts;
    std::size_t start = 0;
    while (true) {
        const std::size_t bar = cell.find(" | ", start);
        parts.emplace_back(cell.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start));
        if (bar == std::string_view::npos) break;
        start = bar + 3;
    }
    return parts;
}

const SourceEntry* SourceList::find(std::string_view id) const {
    for (const SourceEntry& e : entries)
        if (e.id == id) return &e;
    return nullptr;
}

const SourceEntry* SourceList::findByTitle(std::string_view title) const {
    for (const SourceEntry& e : entries)
        if (e.title == title) return &e;
    return nullptr;
}

std::vector<std::string> SourceList::idsFor(std::string_view sourceCell, std::string_view urlCell,
                                            std::string_view where) const {
    const auto titles = splitSourceCell(sourceCell);
    const auto urls = splitSourceCell(urlCell);
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < titles.size(); ++i) {
        const SourceEntry* e = findByTitle(titles[i]);
        if (!e && i < urls.size())
            for (const SourceEntry& candidate : entries)
                if (!candidate.url.empty() && candidate.url == urls[i]) e = &candidate;
        if (!e) throw ContentError(std::string(where) + ": source " + quotedText(titles[i]) + " is not in " + displayName);
        if (std::find(ids.begin(), ids.end(), e->id) == ids.end()) ids.push_back(e->id);
    }
    return ids;
}

SourceList parseSourceList(std::string_view csvText, const std::string& displayName) {
    const CsvTable table = parseCsv(csvText, displayName);
    const std::size_t colId = table.column("source_id");
    const std::size_t colTitle = table.column("title");
    const std::size_t colUrl = table.column("url");
    SourceList list;
    list.displayName = displayName;
    for (const CsvRow& row : table.rows()) {
        const std::string at = displayName + ":" + std::to_string(row.line()) + ": ";
        SourceEntry e{row[colId], row[colTitle], row[colUrl], row.line()};
        if (!validId(e.id))
            throw ContentError(at + "source_id: expected 1 to 64 of A-Z a-z 0-9 - _ ., got " + quotedText(e.id));
        if (const SourceEntry* before = list.find(e.id))
            throw ContentError(at + "source_id: duplicate id " + quotedText(e.id) + " (also on line " +
                               std::to_string(before->line) + ")");
        if (blank(e.title)) throw ContentError(at + "title: is empty");
        if (!e.url.empty() && e.url.rfind("http://", 0) != 0 && e.url.rfind("https://", 0) != 0)
            throw ContentError(at + "url: expected empty or http(s)://…, got " + quotedText(e.url));
        list.entries.push_back(std::move(e));
    }
    if (list.entries.empty()) throw ContentError(displayName + ": no sources (expected a header and at least one row)");
    return list;
}

SourceList loadSourceList(const std::filesystem::path& sourcesCsv) {
    return parseSourceList(readTextFile(sourcesCsv, kMaxCsvBytes), displayNameOf(sourcesCsv));
}

}  // namespace exhibit
