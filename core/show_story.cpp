// Reads the story scenes of a show file (docs/show-file.md, "Timeline" and "Credits"): the
// poverty-history timeline's facts files, timing, colours and regions, and the credits' sections
// (a sources.csv listed row by row, or items written in the show: data sets, fonts, software,
// models with their licences and attributions).
#include "core/show_reader.hpp"

namespace exhibit::show_detail {

TimelineSpec readTimeline(const JsonNode& node) {
    node.rejectUnknownKeys({"population", "batches", "firstYear", "lastYear", "secondsPerYear", "holdSeconds",
                            "poorColor", "chart", "panel", "chartTitle", "unit"});
    TimelineSpec t;
    t.population = readRelativePath(node.child("population"));
    t.batches = readRelativePath(node.child("batches"));
    t.firstYear = node.integerOr("firstYear", t.firstYear, 1900, 2100);
    t.lastYear = node.integerOr("lastYear", t.lastYear, 1900, 2100);
    if (t.lastYear <= t.firstYear)
        node.child(node.has("lastYear") ? "lastYear" : "firstYear")
            .fail("the timeline needs lastYear after firstYear, got " + std::to_string(t.firstYear) + "—" +
                  std::to_string(t.lastYear));
    t.secondsPerYear = node.numberOr("secondsPerYear", t.secondsPerYear, 0.2, 60);
    t.holdSeconds = node.numberOr("holdSeconds", t.holdSeconds, 0, 600);
    t.poorColor = node.color("poorColor");
    t.chartRegion = readId(node.child("chart"), true);
    t.panelRegion = readId(node.child("panel"), true);
    t.chartTitle = readText(node.child("chartTitle"));
    t.unit = readTextOr(node, "unit");
    return t;
}

namespace {

CreditItem readCreditItem(const JsonNode& node) {
    node.rejectUnknownKeys({"name", "by", "detail", "licence", "url"});
    CreditItem item;
    item.name = readText(node.child("name"));
    item.by = readTextOr(node, "by");
    item.detail = readTextOr(node, "detail");
    item.licence = readTextOr(node, "licence");
    item.url = readTextOr(node, "url");
    return item;
}

CreditSection readCreditSection(const JsonNode& node) {
    node.rejectUnknownKeys({"title", "note", "sources", "items", "empty"});
    CreditSection section;
    section.title = readText(node.child("title"));
    section.note = readTextOr(node, "note");
    if (node.has("sources") == node.has("items"))
        node.fail("a credits section takes either \"sources\" (a sources.csv listed row by row) or \"items\"");
    if (node.has("sources")) {
        section.sources = readRelativePath(node.child("sources"));
        if (node.has("empty")) node.child("empty").fail("a sources section is never empty: \"empty\" is for \"items\"");
    } else {
        for (const JsonNode& item : node.child("items").items(0, 500)) section.items.push_back(readCreditItem(item));
        section.empty = readTextOr(node, "empty");
        if (section.items.empty() && section.empty.empty())
            node.child("items").fail("a section without items needs an \"empty\" text that says why (e.g. what will be listed here)");
    }
    return section;
}

}  // namespace

CreditsSpec readCredits(const JsonNode& node) {
    node.rejectUnknownKeys({"sections", "pageSeconds"});
    CreditsSpec c;
    for (const JsonNode& section : node.child("sections").items(1, 16)) c.sections.push_back(readCreditSection(section));
    c.pageSeconds = node.numberOr("pageSeconds", c.pageSeconds, 3, 600);
    return c;
}

}  // namespace exhibit::show_detail

namespace exhibit::show_detail {

void checkTimelineMap(const JsonNode& scene, const MapSceneSpec& map) {
    for (const MapLayer& layer : map.layers)
        if (const auto* c = std::get_if<ChoroplethLayer>(&layer); c && !c->isFeedMetric()) return;
    scene.child("layers").fail("a timeline needs a choropleth layer with metric \"exit_year\" (its classes colour the batches)");
}

}  // namespace exhibit::show_detail
