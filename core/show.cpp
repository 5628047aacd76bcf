#include "core/show.hpp"

#include <algorithm>
#include <cmath>

#include "core/json_reader.hpp"
#include "core/wall_layout.hpp"
#include "core/show_reader.hpp"

namespace exhibit {
namespace {

using namespace show_detail;

Theme readTheme(const JsonNode& node) {
    node.rejectUnknownKeys({"background", "backgroundTop", "panel", "text", "textMuted", "accent", "font", "fontBold",
                            "designHeight"});
    Theme t;
    t.background = node.colorOr("background", t.background);
    t.backgroundTop = node.colorOr("backgroundTop", t.backgroundTop);
    t.panel = node.colorOr("panel", t.panel);
    t.text = node.colorOr("text", t.text);
    t.textMuted = node.colorOr("textMuted", t.textMuted);
    t.accent = node.colorOr("accent", t.accent);
    if (auto c = node.optionalChild("font")) t.font = readText(*c);
    if (auto c = node.optionalChild("fontBold")) t.fontBold = readText(*c);
    t.designHeight = static_cast<float>(node.numberOr("designHeight", t.designHeight, 200, 10000));
    return t;
}

std::vector<LayoutRegion> readRegions(const JsonNode& regionsNode) {
    std::vector<LayoutRegion> regions;
    regionsNode.expectObject();
    if (regionsNode.size() > 64) regionsNode.fail("expected at most 64 regions, got " + std::to_string(regionsNode.size()));
    for (const auto& [name, value] : regionsNode.members()) {
        if (auto problem = idProblem(name, true); !problem.empty()) {
            value.fail("region name must be " + problem + ", got " + quoteForMessage(name));
        }
        auto r = value.rect();
        regions.push_back({name, r[0], r[1], r[2], r[3]});
    }
    return regions;  // nlohmann keeps object members sorted by key
}

void readLayout(const JsonNode& node, ShowFile& show) {
    node.rejectUnknownKeys({"regions", "variants"});
    if (auto regions = node.optionalChild("regions")) show.regions = readRegions(*regions);
    auto variants = node.optionalChild("variants");
    if (!variants) return;
    for (const JsonNode& v : variants->items(1, 8)) {
        v.rejectUnknownKeys({"name", "minAspect", "regions"});
        LayoutVariant variant;
        variant.name = readText(v.child("name"));
        variant.minAspect = v.number("minAspect", 0.1, 20);
        variant.regions = readRegions(v.child("regions"));
        if (!show.layoutVariants.empty() && variant.minAspect <= show.layoutVariants.back().minAspect) {
            v.child("minAspect").fail("variants must be listed by increasing minAspect, got " +
                                      formatNumber(variant.minAspect) + " after " +
                                      formatNumber(show.layoutVariants.back().minAspect));
        }
        show.layoutVariants.push_back(std::move(variant));
    }
}

ChoroplethLayer readChoropleth(const JsonNode& node) {
    node.rejectUnknownKeys({"type", "metric", "classes", "ramp", "scale", "otherColor", "otherLabel"});
    ChoroplethLayer layer;
    JsonNode metric = node.child("metric");
    layer.metric = metric.string() == "exit_year" ? "exit_year" : readFeedMetric(metric);
    layer.otherColor = node.color("otherColor");
    layer.otherLabel = readTextOr(node, "otherLabel");
    if (layer.isFeedMetric()) {
        if (node.has("classes")) node.child("classes").fail("classes are for metric \"exit_year\"; a feed metric takes a \"ramp\"");
        for (const JsonNode& c : node.child("ramp").items(2, 8)) layer.ramp.push_back(c.color());
        const std::string scale = node.has("scale") ? node.choice("scale", {"linear", "sqrt", "log"}) : "linear";
        layer.scale = scale == "sqrt" ? RampScale::Sqrt : scale == "log" ? RampScale::Log : RampScale::Linear;
        return layer;
    }
    if (node.has("ramp") || node.has("scale")) node.child(node.has("ramp") ? "ramp" : "scale").fail("metric \"exit_year\" takes \"classes\", not a ramp");
    auto classes = node.child("classes").items(1, 16);
    for (std::size_t i = 0; i < classes.size(); ++i) {
        const JsonNode& c = classes[i];
        c.rejectUnknownKeys({"value", "color", "label"});
        ChoroplethClass cls;
        cls.value = c.integer("value", 1900, 2100);
        for (std::size_t j = 0; j < i; ++j) {
            if (layer.classes[j].value == cls.value) {
                c.child("value").fail("duplicate value " + std::to_string(cls.value) + " (also in classes[" +
                                      std::to_string(j) + "])");
            }
        }
        cls.color = c.color("color");
        cls.label = readText(c.child("label"));
        layer.classes.push_back(std::move(cls));
    }
    return layer;
}

RipplesLayer readRipples(const JsonNode& node) {
    node.rejectUnknownKeys({"type", "metric", "color", "minRadius", "maxRadius", "period", "rings"});
    RipplesLayer layer;
    layer.metric = readFeedMetric(node.child("metric"));
    layer.color = node.color("color");
    layer.minRadius = static_cast<float>(node.numberOr("minRadius", layer.minRadius, 0.5, 200));
    layer.maxRadius = static_cast<float>(node.numberOr("maxRadius", layer.maxRadius, layer.minRadius, 400));
    layer.period = static_cast<float>(node.numberOr("period", layer.period, 0.2, 60));
    layer.rings = node.integerOr("rings", layer.rings, 1, 4);
    return layer;
}

FlylinesLayer readFlylines(const JsonNode& node) {
    node.rejectUnknownKeys({"type", "events", "color", "width", "bend", "seconds", "maxLines", "labels"});
    FlylinesLayer layer;
    layer.events = readEventKinds(node.child("events"));
    layer.color = node.color("color");
    layer.width = static_cast<float>(node.numberOr("width", layer.width, 0.2, 20));
    layer.bend = static_cast<float>(node.numberOr("bend", layer.bend, 0, 1));
    layer.seconds = static_cast<float>(node.numberOr("seconds", layer.seconds, 0.2, 60));
    layer.maxLines = node.integerOr("maxLines", layer.maxLines, 1, 100000);
    layer.labels = node.booleanOr("labels", layer.labels);
    return layer;
}

// docs/show-file.md, "network": tiers with their key lines, pulses per event kind and route.
NetworkLayer readNetwork(const JsonNode& node) {
    node.rejectUnknownKeys({"type", "tiers", "hub", "villages", "color", "pulses", "live", "width", "seconds",
                            "maxPulses", "maxPartners", "note"});
    NetworkLayer layer;
    JsonNode tiers = node.child("tiers");
    tiers.expectObject();
    tiers.rejectUnknownKeys({"province", "prefecture", "county", "village", "partner"});
    if (tiers.size() == 0) tiers.fail("expected at least one tier (province, prefecture, county, village, partner)");
    layer.province = readTextOr(tiers, "province");
    layer.prefecture = readTextOr(tiers, "prefecture");
    layer.county = readTextOr(tiers, "county");
    layer.village = readTextOr(tiers, "village");
    layer.partner = readTextOr(tiers, "partner");
    if (!layer.province.empty()) {
        auto hub = node.child("hub").items(2, 2);
        layer.hubLon = hub[0].number(-180, 180);
        layer.hubLat = hub[1].number(-85, 85);
    } else if (node.has("hub")) {
        node.child("hub").fail("hub places the province tier: add tiers.province or remove hub");
    }
    if (node.has("villages") && layer.village.empty()) node.child("villages").fail("villages needs tiers.village");
    layer.villages = node.integerOr("villages", layer.villages, 1, 8);
    layer.color = node.color("color");
    const int regionTiers = !layer.province.empty() + !layer.prefecture.empty() + !layer.county.empty() + !layer.village.empty();
    for (const JsonNode& p : node.child("pulses").items(1, 8)) {
        p.rejectUnknownKeys({"event", "route", "color", "label"});
        NetworkPulse pulse;
        pulse.event = readEventKind(p.child("event"));
        const std::string route = p.choice("route", {"up", "down", "fan", "partner"});
        pulse.route = route == "up" ? PulseRoute::Up : route == "down" ? PulseRoute::Down : route == "fan" ? PulseRoute::Fan : PulseRoute::Partner;
        if (pulse.route == PulseRoute::Fan && (layer.village.empty() || (layer.county.empty() && layer.prefecture.empty())))
            p.child("route").fail("route \"fan\" runs from a county to its villages: it needs tiers.village and tiers.county");
        if (pulse.route == PulseRoute::Partner && (layer.partner.empty() || regionTiers == 0))
            p.child("route").fail("route \"partner\" links partners to counties: it needs tiers.partner and a region tier");
        if ((pulse.route == PulseRoute::Up || pulse.route == PulseRoute::Down) && regionTiers < 2)
            p.child("route").fail("route \"" + route + "\" travels between levels: it needs at least two of tiers.province, "
                                  "prefecture, county and village");
        pulse.color = p.color("color");
        pulse.label = readTextOr(p, "label");
        layer.pulses.push_back(std::move(pulse));
    }
    if (auto live = node.optionalChild("live")) {
        live->rejectUnknownKeys({"metric", "color", "label"});
        if (layer.village.empty() || layer.county.empty())
            live->fail("live lights links from counties to their villages: it needs tiers.county and tiers.village");
        layer.live = NetworkLive{readFeedMetric(live->child("metric")), live->color("color"), readTextOr(*live, "label")};
    }
    layer.width = static_cast<float>(node.numberOr("width", layer.width, 0.2, 20));
    layer.seconds = static_cast<float>(node.numberOr("seconds", layer.seconds, 0.2, 20));
    layer.maxPulses = node.integerOr("maxPulses", layer.maxPulses, 1, 2000);
    layer.maxPartners = node.integerOr("maxPartners", layer.maxPartners, 1, 64);
    layer.note = readTextOr(node, "note");
    return layer;
}

BordersLayer readBorders(const JsonNode& node) {
    node.rejectUnknownKeys({"type", "level", "color", "width"});
    BordersLayer layer;
    layer.level = readLevel(node);
    layer.color = node.color("color");
    layer.width = static_cast<float>(node.number("width", 0.1, 50));
    return layer;
}

OutlineLayer readOutline(const JsonNode& node) {
    node.rejectUnknownKeys({"type", "color", "width", "glow", "glowWidth"});
    OutlineLayer layer;
    layer.color = node.color("color");
    layer.width = static_cast<float>(node.number("width", 0.1, 50));
    layer.glow = node.optionalColor("glow");
    if (!layer.glow && node.has("glowWidth")) node.child("glowWidth").fail("glowWidth needs a glow colour");
    layer.glowWidth = static_cast<float>(node.numberOr("glowWidth", layer.glowWidth, 0.1, 200));
    return layer;
}

LabelsLayer readLabels(const JsonNode& node) {
    node.rejectUnknownKeys({"type", "level", "size", "color", "outline", "bold"});
    LabelsLayer layer;
    layer.level = readLevel(node);
    layer.size = static_cast<float>(node.number("size", 6, 400));
    layer.color = node.color("color");
    layer.outline = node.optionalColor("outline");
    layer.bold = node.booleanOr("bold", false);
    return layer;
}

MapLayer readLayer(const JsonNode& node) {
    node.expectObject();
    if (!node.has("type")) {
        // A misspelt "type" is better reported as such than as a missing field.
        node.rejectUnknownKeys({"type", "metric", "classes", "ramp", "scale", "otherColor", "otherLabel", "level",
                                "color", "width", "glow", "glowWidth", "size", "outline", "bold", "minRadius",
                                "maxRadius", "period", "rings", "events", "bend", "seconds", "maxLines", "labels", "tiers",
                                "hub", "villages", "pulses", "live", "maxPulses", "maxPartners", "note"});
    }
    std::string type =
        node.choice("type", {"choropleth", "borders", "outline", "labels", "ripples", "flylines", "network"});
    if (type == "choropleth") return readChoropleth(node);
    if (type == "borders") return readBorders(node);
    if (type == "outline") return readOutline(node);
    if (type == "ripples") return readRipples(node);
    if (type == "flylines") return readFlylines(node);
    if (type == "network") return readNetwork(node);
    return readLabels(node);
}

MapSceneSpec readMapScene(const JsonNode& scene) {
    MapSceneSpec map;
    JsonNode geo = scene.child("geo");
    geo.rejectUnknownKeys({"province", "prefectures", "counties"});
    map.geo.province = readRelativePath(geo.child("province"));
    map.geo.prefectures = readRelativePath(geo.child("prefectures"));
    map.geo.counties = readRelativePath(geo.child("counties"));

    JsonNode facts = scene.child("facts");
    facts.rejectUnknownKeys({"counties", "sources"});
    map.facts.counties = readRelativePath(facts.child("counties"));
    map.facts.sources = readRelativePath(facts.child("sources"));

    for (const JsonNode& layer : scene.child("layers").items(1, 32)) map.layers.push_back(readLayer(layer));

    if (auto legend = scene.optionalChild("legend")) {
        legend->rejectUnknownKeys({"region", "title"});
        map.legend = Legend{legend->string("region"), legend->stringOr("title", "")};
    }
    map.notice = readTextOr(scene, "notice");
    return map;
}

SceneSpec readScene(const JsonNode& node) {
    node.rejectUnknownKeys({"id", "type", "title", "subtitle", "region", "source", "geo", "facts", "layers", "legend",
                            "notice", "widgets", "timeline", "credits"});
    SceneSpec scene;
    scene.id = readId(node.child("id"), true);
    scene.type = node.choice("type", {"map", "dashboard", "timeline", "credits", "tour"});
    for (const char* own : {"timeline", "credits"})
        if (node.has(own) && scene.type != own)
            node.child(own).fail(std::string("only scenes of type \"") + own + "\" have \"" + own + "\"");
    if (scene.type == "dashboard")
        for (const JsonNode& widget : node.child("widgets").items(1, 32)) scene.widgets.push_back(readWidget(widget));
    else if (node.has("widgets"))
        node.child("widgets").fail("only scenes of type \"dashboard\" have widgets");
    scene.title = readText(node.child("title"));
    scene.subtitle = readTextOr(node, "subtitle");
    scene.region = node.stringOr("region", "");
    scene.source = readTextOr(node, "source");
    if (scene.type == "credits") {  // no map: a page of text
        for (const char* mapKey : {"geo", "facts", "layers", "legend", "notice"})
            if (node.has(mapKey)) node.child(mapKey).fail("a credits scene has no map (put a notice in a section's \"note\")");
        scene.credits = readCredits(node.child("credits"));
        return scene;
    }
    if (scene.type == "tour") {  // the show's VR tour on the wall: its own 3D sites, no map
        for (const char* mapKey : {"geo", "facts", "layers", "legend", "notice"})
            if (node.has(mapKey)) node.child(mapKey).fail("a tour scene has no map (its stops are in the show's \"tour\")");
        return scene;
    }
    scene.map = readMapScene(node);
    if (scene.type == "timeline") {
        scene.timeline = readTimeline(node.child("timeline"));
        checkTimelineMap(node, *scene.map);
    }
    return scene;
}

FeedSpec readFeed(const JsonNode& node) {
    node.rejectUnknownKeys({"url", "interval", "staleAfter", "speed", "seed", "username", "password", "caFile",
                            "certFile", "keyFile"});
    FeedSpec feed;
    feed.url = node.string("url");
    static constexpr std::string_view schemes[] = {"http://", "https://", "mqtt://", "mqtts://"};
    const bool network = std::any_of(std::begin(schemes), std::end(schemes),
                                     [&](std::string_view scheme) { return feed.url.rfind(scheme, 0) == 0; });
    if (feed.url.rfind("file:", 0) == 0) {
        JsonNode url = node.child("url");
        // Validate the path part with the same rules as every other show path.
        nlohmann::json path = feed.url.substr(5);
        readRelativePath(JsonNode(url.file(), url.path(), path));
    } else if (feed.url != "simulator" && !network) {
        node.child("url").fail("expected \"simulator\", \"file:PATH\", \"http(s)://…\" or \"mqtt(s)://…\", got " +
                               quoteForMessage(feed.url));
    }
    feed.interval = node.numberOr("interval", feed.interval, 1, 3600);
    feed.staleAfter = node.numberOr("staleAfter", feed.staleAfter, 0.5, 86400);
    feed.speed = node.numberOr("speed", feed.speed, 0.01, 1000);
    feed.seed = static_cast<std::uint64_t>(node.integerOr("seed", 1, 0, 2147483647));
    feed.username = node.stringOr("username", "");
    feed.password = node.stringOr("password", "");
    feed.caFile = node.stringOr("caFile", "");
    feed.certFile = node.stringOr("certFile", "");
    feed.keyFile = node.stringOr("keyFile", "");
    return feed;
}

// Fails on node unless name is a region of the base layout or of one of its variants.
void checkRegionName(const JsonNode& node, const std::string& name, const ShowFile& show) {
    std::vector<std::string_view> names;
    auto scan = [&](const std::vector<LayoutRegion>& regions) {
        for (const LayoutRegion& r : regions) {
            if (r.name == name) return true;
            names.push_back(r.name);
        }
        return false;
    };
    if (scan(show.regions)) return;
    for (const auto& variant : show.layoutVariants)
        if (scan(variant.regions)) return;
    std::string message = "no region " + quoteForMessage(name) + " in layout.regions" +
                          (show.layoutVariants.empty() ? "" : " or its variants");
    std::string_view suggestion = closestMatch(name, names);
    if (!suggestion.empty()) message += " (did you mean " + quoteForMessage(suggestion) + "?)";
    node.fail(message);
}

void checkReferences(const JsonNode& root, ShowFile& show) {
    auto scenes = root.child("scenes").items(1, 64);
    for (std::size_t i = 0; i < show.scenes.size(); ++i) {
        const SceneSpec& scene = show.scenes[i];
        for (std::size_t j = 0; j < i; ++j) {
            if (show.scenes[j].id == scene.id) {
                scenes[i].child("id").fail("duplicate id " + quoteForMessage(scene.id) + " (also used by scenes[" +
                                           std::to_string(j) + "])");
            }
        }
        if (scenes[i].has("region")) checkRegionName(scenes[i].child("region"), scene.region, show);
        if (scene.map && scene.map->legend) {
            checkRegionName(scenes[i].child("legend").child("region"), scene.map->legend->region, show);
        }
        if (!scene.widgets.empty()) {
            auto widgets = scenes[i].child("widgets").items(1, 32);
            for (std::size_t w = 0; w < scene.widgets.size(); ++w)
                checkRegionName(widgets[w].child("region"), scene.widgets[w].region, show);
        }
        if (scene.timeline) {
            checkRegionName(scenes[i].child("timeline").child("chart"), scene.timeline->chartRegion, show);
            checkRegionName(scenes[i].child("timeline").child("panel"), scene.timeline->panelRegion, show);
        }
    }

    for (std::size_t i = 0; i < show.scenes.size(); ++i)
        if (show.scenes[i].type == "tour" && !show.tour)
            scenes[i].child("type").fail("a tour scene needs the show's \"tour\" section (its stops)");

    if (auto start = root.optionalChild("startScene")) {
        std::string id = start->string();
        std::vector<std::string_view> ids;
        for (const SceneSpec& s : show.scenes) ids.push_back(s.id);
        if (std::find(ids.begin(), ids.end(), id) == ids.end()) {
            std::string message = "no scene with id " + quoteForMessage(id);
            std::string_view suggestion = closestMatch(id, ids);
            if (!suggestion.empty()) message += " (did you mean " + quoteForMessage(suggestion) + "?)";
            start->fail(message);
        }
        show.startScene = id;
    } else {
        show.startScene = show.scenes.front().id;
    }
}

TouchSpec readTouch(const JsonNode& node) {
    node.rejectUnknownKeys({"pixelsPerCm", "idleSeconds", "attractStepSeconds", "sensor"});
    TouchSpec t;
    t.pixelsPerCm = static_cast<float>(node.numberOr("pixelsPerCm", t.pixelsPerCm, 1, 1000));
    t.idleSeconds = node.numberOr("idleSeconds", t.idleSeconds, 0, 86400);
    t.attractStepSeconds = node.numberOr("attractStepSeconds", t.attractStepSeconds, 1, 600);
    if (auto sensor = node.optionalChild("sensor")) {
        sensor->rejectUnknownKeys({"columns", "rows", "bezelX", "bezelY"});
        t.sensorColumns = static_cast<int>(sensor->numberOr("columns", 1, 1, 16));
        t.sensorRows = static_cast<int>(sensor->numberOr("rows", 1, 1, 16));
        t.bezelX = static_cast<float>(sensor->numberOr("bezelX", 0, 0, 2000));
        t.bezelY = static_cast<float>(sensor->numberOr("bezelY", 0, 0, 2000));
        for (const char* whole : {"columns", "rows"})
            if (auto n = sensor->optionalChild(whole); n && n->value().get<double>() != std::floor(n->value().get<double>()))
                n->fail("expected a whole number, got " + describeJsonValue(n->value()));
    }
    return t;
}

void readTranslations(const JsonNode& node, ShowFile& show) {
    node.rejectUnknownKeys({"en", "placeNames"});
    if (auto places = node.optionalChild("placeNames")) show.englishPlaceNames = readRelativePath(*places);
    auto en = node.optionalChild("en");
    if (!en) return;
    en->expectObject();
    if (en->size() > 4000) en->fail("expected at most 4000 translations, got " + std::to_string(en->size()));
    for (const auto& [chinese, value] : en->members()) {
        if (chinese.find_first_not_of(" \t\r\n") == std::string::npos) value.fail("the text to translate is blank");
        show.english[chinese] = readText(value);
    }
}

std::vector<AttractStop> readAttract(const JsonNode& node, const ShowFile& show) {
    std::vector<AttractStop> stops;
    for (const JsonNode& item : node.items(1, 64)) {
        item.rejectUnknownKeys({"scene", "seconds"});
        AttractStop stop;
        stop.scene = item.string("scene");
        if (!show.findScene(stop.scene)) {
            std::vector<std::string_view> ids;
            for (const SceneSpec& s : show.scenes) ids.push_back(s.id);
            std::string message = "no scene with id " + quoteForMessage(stop.scene);
            if (auto suggestion = closestMatch(stop.scene, ids); !suggestion.empty())
                message += " (did you mean " + quoteForMessage(suggestion) + "?)";
            item.child("scene").fail(message);
        }
        stop.seconds = item.numberOr("seconds", 0, 0, 3600);
        stops.push_back(stop);
    }
    return stops;
}

ShowFile readShow(const JsonNode& root) {
    if (!root.isObject()) root.fail("expected a JSON object at the top level, got " + std::string(root.value().type_name()));
    // Format and version first: a file that is not a show file at all should say so.
    root.choice("format", {"exhibit-show"});
    JsonNode version = root.child("version");
    if (!version.value().is_number()) version.fail("expected a number, got " + std::string(version.value().type_name()));
    if (version.value().get<double>() != showFormatVersion) {
        version.fail("unsupported version " + describeJsonValue(version.value()) + " (this program reads version " +
                     std::to_string(showFormatVersion) + ")");
    }
    root.rejectUnknownKeys({"format", "version", "name", "title", "theme", "layout", "startScene", "scenes", "feeds",
                            "touch", "translations", "attract", "wall", "tour"});

    ShowFile show;
    show.name = readId(root.child("name"), false);
    show.title = readText(root.child("title"));
    if (auto theme = root.optionalChild("theme")) show.theme = readTheme(*theme);
    if (auto layout = root.optionalChild("layout")) readLayout(*layout, show);
    for (const JsonNode& scene : root.child("scenes").items(1, 64)) show.scenes.push_back(readScene(scene));
    if (auto feeds = root.optionalChild("feeds"))
        for (const JsonNode& feed : feeds->items(1, 16)) show.feeds.push_back(readFeed(feed));
    else
        show.feeds.push_back(FeedSpec{});
    if (auto touch = root.optionalChild("touch")) show.touch = readTouch(*touch);
    if (auto wall = root.optionalChild("wall")) show.wall = parseWallLayout(*wall);
    if (auto tour = root.optionalChild("tour")) show.tour = readTour(*tour);
    if (auto translations = root.optionalChild("translations")) readTranslations(*translations, show);
    if (auto attract = root.optionalChild("attract")) show.attract = readAttract(*attract, show);
    checkReferences(root, show);
    return show;
}

}  // namespace

const SceneSpec* ShowFile::findScene(std::string_view id) const {
    auto it = std::find_if(scenes.begin(), scenes.end(), [&](const SceneSpec& s) { return s.id == id; });
    return it == scenes.end() ? nullptr : &*it;
}

const LayoutRegion* ShowFile::findRegion(std::string_view regionName) const {
    auto it = std::find_if(regions.begin(), regions.end(), [&](const LayoutRegion& r) { return r.name == regionName; });
    return it == regions.end() ? nullptr : &*it;
}

const std::vector<LayoutRegion>& ShowFile::regionsFor(float aspect) const {
    const std::vector<LayoutRegion>* chosen = &regions;
    for (const auto& variant : layoutVariants)
        if (aspect >= variant.minAspect) chosen = &variant.regions;
    return *chosen;
}

std::filesystem::path ShowFile::resolve(const std::string& relative) const { return baseDir / relative; }

ShowFile parseShowFile(std::string_view jsonText, const std::string& displayName, const std::filesystem::path& baseDir) {
    JsonDocument doc = JsonDocument::parse(jsonText, displayName);
    ShowFile show = readShow(doc.root());
    show.baseDir = baseDir;
    show.path = baseDir / displayName;
    return show;
}

ShowFile loadShowFile(const std::filesystem::path& file) {
    JsonDocument doc = JsonDocument::load(file);
    ShowFile show = readShow(doc.root());
    show.path = file;
    show.baseDir = file.parent_path().empty() ? std::filesystem::path(".") : file.parent_path();
    return show;
}

}  // namespace exhibit
