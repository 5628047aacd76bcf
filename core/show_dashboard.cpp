// Reads the widgets of a "dashboard" scene (docs/show-file.md, "Widgets"): each kind accepts only
// its own fields, bindings name known metrics and event kinds, adcodes are 6 digits.
#include <algorithm>

#include "core/show_reader.hpp"

namespace exhibit::show_detail {

std::string readAdcode(const JsonNode& node) {
    std::string s = node.string();
    if (s.size() != 6 || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
        node.fail("expected a 6-digit adcode such as \"520000\", got " + quoteForMessage(s));
    return s;
}

namespace {

GroupBy readGroupBy(const JsonNode& widget) {
    if (!widget.has("by")) return GroupBy::County;
    return widget.choice("by", {"county", "prefecture"}) == "county" ? GroupBy::County : GroupBy::Prefecture;
}

}  // namespace

WidgetSpec readWidget(const JsonNode& node) {
    node.expectObject();
    static constexpr std::string_view kCommon[] = {"type", "region", "title", "unit", "decimals", "color"};
    const std::string type =
        node.choice("type", {"kpi", "line", "bar", "donut", "ticker", "history", "flow", "list", "trace", "progress"});
    WidgetSpec w;
    auto allow = [&](std::initializer_list<std::string_view> own) {
        for (const auto& [key, value] : node.members()) {
            if (std::find(std::begin(kCommon), std::end(kCommon), key) != std::end(kCommon)) continue;
            if (std::find(own.begin(), own.end(), key) != own.end()) continue;
            std::vector<std::string_view> names(std::begin(kCommon), std::end(kCommon));
            names.insert(names.end(), own.begin(), own.end());
            std::string message = "unknown field " + quoteForMessage(key) + " for a " + type + " widget";
            std::string_view suggestion = closestMatch(key, names);
            if (!suggestion.empty()) message += " (did you mean " + quoteForMessage(suggestion) + "?)";
            value.fail(message);
        }
    };
    w.region = readId(node.child("region"), true);
    w.title = readText(node.child("title"));
    w.unit = node.stringOr("unit", "");
    w.decimals = node.integerOr("decimals", 0, 0, 4);
    w.color = node.optionalColor("color");

    if (type == "kpi") {
        allow({"metric", "adcode"});
        w.kind = WidgetKind::Kpi;
        w.metric = readFeedMetric(node.child("metric"));
        if (node.has("adcode")) w.adcode = readAdcode(node.child("adcode"));
    } else if (type == "line") {
        allow({"metric", "adcode", "mode", "window"});
        w.kind = WidgetKind::Line;
        w.metric = readFeedMetric(node.child("metric"));
        if (node.has("adcode")) w.adcode = readAdcode(node.child("adcode"));
        if (node.has("mode"))
            w.mode = node.choice("mode", {"value", "perMinute"}) == "value" ? LineMode::Value : LineMode::PerMinute;
        w.windowSeconds = node.numberOr("window", w.windowSeconds, 10, 86400);
    } else if (type == "bar") {
        allow({"metric", "by", "vertical", "maxBars"});
        w.kind = WidgetKind::Bar;
        w.metric = readFeedMetric(node.child("metric"));
        w.by = readGroupBy(node);
        w.vertical = node.booleanOr("vertical", false);
        w.maxBars = node.integerOr("maxBars", 0, 0, 200);
    } else if (type == "donut") {
        allow({"metric", "by", "parts", "centerLabel"});
        w.kind = WidgetKind::Donut;
        if (node.has("parts") == node.has("metric"))
            node.fail("a donut takes either \"parts\" (one metric per segment) or \"metric\" with \"by\"");
        if (node.has("metric")) {
            w.metric = readFeedMetric(node.child("metric"));
            w.by = readGroupBy(node);
        } else {
            for (const JsonNode& p : node.child("parts").items(1, 12)) {
                p.rejectUnknownKeys({"label", "metric", "adcode"});
                w.parts.push_back({readText(p.child("label")), readFeedMetric(p.child("metric")),
                                   p.has("adcode") ? readAdcode(p.child("adcode")) : std::string("520000")});
            }
        }
        w.centerLabel = node.stringOr("centerLabel", "总计");
    } else if (type == "ticker") {
        allow({"events", "capacity"});
        w.kind = WidgetKind::Ticker;
        w.events = readEventKinds(node.child("events"));
        w.capacity = node.integerOr("capacity", w.capacity, 1, 500);
    } else if (type == "flow") {
        allow({"stages"});
        w.kind = WidgetKind::Flow;
        for (const JsonNode& st : node.child("stages").items(2, 8)) {
            st.rejectUnknownKeys({"label", "metric", "adcode", "unit"});
            FlowStage stage;
            stage.label = readText(st.child("label"));
            stage.metric = readFeedMetric(st.child("metric"));
            if (st.has("adcode")) stage.adcode = readAdcode(st.child("adcode"));
            stage.unit = readTextOr(st, "unit");
            w.stages.push_back(std::move(stage));
        }
    } else if (type == "list") {
        allow({"items", "secondsPerItem"});
        w.kind = WidgetKind::List;
        for (const JsonNode& it : node.child("items").items(1, 40)) {
            it.rejectUnknownKeys({"when", "title", "detail", "source"});
            w.items.push_back({readText(it.child("when")), readText(it.child("title")), readTextOr(it, "detail"),
                               readTextOr(it, "source")});
        }
        w.secondsPerItem = node.numberOr("secondsPerItem", 6, 1, 600);
    } else if (type == "trace") {
        allow({"products", "secondsPerItem"});
        w.kind = WidgetKind::Trace;
        for (const JsonNode& p : node.child("products").items(1, 16)) {
            p.rejectUnknownKeys({"id", "name", "origin", "base", "certifications", "route"});
            TraceItem item;
            item.id = readId(p.child("id"), true);
            for (const TraceItem& other : w.products)
                if (other.id == item.id) p.child("id").fail("duplicate product id " + quoteForMessage(item.id));
            item.name = readText(p.child("name"));
            item.origin = readAdcode(p.child("origin"));
            item.base = readText(p.child("base"));
            if (p.has("certifications"))
                for (const JsonNode& c : p.child("certifications").items(0, 6)) item.certifications.push_back(readText(c));
            for (const JsonNode& r : p.child("route").items(2, 6)) item.route.push_back(readText(r));
            w.products.push_back(std::move(item));
        }
        w.secondsPerItem = node.numberOr("secondsPerItem", 8, 1, 600);
    } else if (type == "progress") {
        allow({"metric", "goalMetric", "by", "maxBars"});
        w.kind = WidgetKind::Progress;
        w.metric = readFeedMetric(node.child("metric"));
        w.goalMetric = readFeedMetric(node.child("goalMetric"));
        w.by = readGroupBy(node);
        w.maxBars = node.integerOr("maxBars", 0, 0, 200);
    } else {
        allow({"population", "batches", "secondsPerYear"});
        w.kind = WidgetKind::History;
        w.population = readRelativePath(node.child("population"));
        w.batches = readRelativePath(node.child("batches"));
        w.secondsPerYear = node.numberOr("secondsPerYear", w.secondsPerYear, 0.2, 60);
    }
    return w;
}

}  // namespace exhibit::show_detail
