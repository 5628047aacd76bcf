#include "core/wall_layout.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "core/json_reader.hpp"

namespace exhibit {
namespace {

constexpr int kMaxCanvas = 65536;  // px per side: 16 panels of 4K across
constexpr int kMaxRanks = 64;
constexpr int kMaxOutputs = 256;

glm::ivec2 pair(const JsonNode& node, const char* key, int min, int max) {
    const auto items = node.child(key).items(2, 2);
    return {items[0].integer(min, max), items[1].integer(min, max)};
}

bool validName(const std::string& name) {
    return !name.empty() && name.size() <= 32 && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    });
}

glm::ivec2 framebufferSize(const JsonNode& node, glm::ivec4 rect, int rotation) {
    if (node.has("size")) return pair(node, "size", 16, 16384);
    return rotation % 180 == 0 ? glm::ivec2(rect.z, rect.w) : glm::ivec2(rect.w, rect.z);
}

int rotationOf(const JsonNode& node) {
    if (!node.has("rotation")) return 0;
    const int degrees = node.integer("rotation", 0, 270);
    if (degrees % 90 != 0) node.child("rotation").fail("expected 0, 90, 180 or 270, got " + std::to_string(degrees));
    return degrees;
}

void readGrid(const JsonNode& grid, WallLayout& wall) {
    grid.rejectUnknownKeys({"columns", "rows", "panel", "bezel", "bezelMm", "pixelPitchMm", "ranks", "rotation"});
    const int columns = grid.integer("columns", 1, 16), rows = grid.integer("rows", 1, 16);
    const glm::ivec2 panel = pair(grid, "panel", 16, 16384);
    glm::ivec2 bezel{0, 0};
    if (grid.has("bezel") && grid.has("bezelMm")) grid.fail("give \"bezel\" (px) or \"bezelMm\", not both");
    if (grid.has("bezel")) bezel = pair(grid, "bezel", 0, 4096);
    if (grid.has("bezelMm")) {
        const auto mm = grid.child("bezelMm").items(2, 2);
        const double pitch = grid.number("pixelPitchMm", 0.01, 10);
        bezel = {static_cast<int>(std::lround(mm[0].number(0, 1000) / pitch)),
                 static_cast<int>(std::lround(mm[1].number(0, 1000) / pitch))};
    } else if (grid.has("pixelPitchMm")) {
        grid.child("pixelPitchMm").fail("only used with \"bezelMm\"");
    }
    const int ranks = grid.integerOr("ranks", 1, 1, kMaxRanks);
    if (ranks > columns) grid.child("ranks").fail("a grid spreads its columns over the ranks: at most " + std::to_string(columns));
    const int rotation = rotationOf(grid);
    wall.canvas = {columns * panel.x + (columns - 1) * bezel.x, rows * panel.y + (rows - 1) * bezel.y};
    if (wall.canvas.x > kMaxCanvas || wall.canvas.y > kMaxCanvas) grid.fail("the canvas would be larger than 65536 px");
    std::vector<int> displays(static_cast<std::size_t>(ranks), 0);
    for (int row = 0; row < rows; ++row)
        for (int column = 0; column < columns; ++column) {
            WallOutput out;
            out.name = "r" + std::to_string(row + 1) + "c" + std::to_string(column + 1);
            out.rank = column * ranks / columns;
            out.display = displays[static_cast<std::size_t>(out.rank)]++;
            out.rect = {column * (panel.x + bezel.x), row * (panel.y + bezel.y), panel.x, panel.y};
            out.rotation = rotation;
            out.size = rotation % 180 == 0 ? panel : glm::ivec2(panel.y, panel.x);
            wall.outputs.push_back(out);
        }
}

void readOutputs(const JsonNode& root, WallLayout& wall) {
    wall.canvas = pair(root, "canvas", 16, kMaxCanvas);
    for (const JsonNode& node : root.child("outputs").items(1, kMaxOutputs)) {
        node.rejectUnknownKeys({"name", "rect", "rank", "display", "rotation", "size"});
        WallOutput out;
        out.name = node.string("name");
        if (!validName(out.name)) node.child("name").fail("expected 1 to 32 of A-Z a-z 0-9 _ -, got " + quoteForMessage(out.name));
        const auto r = node.child("rect").items(4, 4);
        out.rect = {r[0].integer(0, kMaxCanvas), r[1].integer(0, kMaxCanvas), r[2].integer(16, kMaxCanvas),
                    r[3].integer(16, kMaxCanvas)};
        if (out.rect.x + out.rect.z > wall.canvas.x || out.rect.y + out.rect.w > wall.canvas.y)
            node.child("rect").fail("reaches outside the " + std::to_string(wall.canvas.x) + "x" +
                                    std::to_string(wall.canvas.y) + " canvas");
        out.rank = node.integerOr("rank", 0, 0, kMaxRanks - 1);
        out.display = node.integerOr("display", 0, 0, 63);
        out.rotation = rotationOf(node);
        out.size = framebufferSize(node, out.rect, out.rotation);
        wall.outputs.push_back(out);
    }
}

bool overlap(glm::ivec4 a, glm::ivec4 b) {
    return a.x < b.x + b.z && b.x < a.x + a.z && a.y < b.y + b.w && b.y < a.y + a.w;
}

void check(const JsonNode& root, const WallLayout& wall) {
    const std::string where = root.has("grid") ? "grid" : "outputs";
    std::set<std::string> names;
    std::set<std::pair<int, int>> displays;
    for (std::size_t i = 0; i < wall.outputs.size(); ++i) {
        const WallOutput& a = wall.outputs[i];
        const JsonNode node = root.has("grid") ? root.child("grid") : root.child("outputs").at(i);
        if (!names.insert(a.name).second) node.fail("output name \"" + a.name + "\" is used twice");
        if (!displays.insert({a.rank, a.display}).second)
            node.fail("rank " + std::to_string(a.rank) + " drives display " + std::to_string(a.display) + " twice");
        for (std::size_t j = 0; j < i; ++j)
            if (overlap(a.rect, wall.outputs[j].rect))
                node.fail("output \"" + a.name + "\" overlaps \"" + wall.outputs[j].name + "\"");
    }
    for (int rank = 0; rank < wall.ranks(); ++rank)
        if (wall.outputsOf(rank).empty())
            root.child(where).fail("rank " + std::to_string(rank) + " drives no output (ranks are numbered from 0 without gaps)");
}

}  // namespace

int WallLayout::ranks() const {
    int highest = 0;
    for (const auto& o : outputs) highest = std::max(highest, o.rank);
    return highest + 1;
}

std::vector<const WallOutput*> WallLayout::outputsOf(int rank) const {
    std::vector<const WallOutput*> mine;
    for (const auto& o : outputs)
        if (o.rank == rank) mine.push_back(&o);
    return mine;
}

WallLayout WallLayout::single(glm::ivec2 size) {
    WallLayout wall;
    wall.name = "single output";
    wall.canvas = size;
    wall.outputs.push_back({"main", 0, 0, {0, 0, size.x, size.y}, 0, size});
    return wall;
}

WallLayout parseWallLayout(const JsonNode& root) {
    root.expectObject();
    root.rejectUnknownKeys({"format", "version", "name", "canvas", "grid", "outputs", "sync"});
    if (root.has("format") && root.string("format") != "exhibit-wall")
        root.child("format").fail("expected \"exhibit-wall\"");
    if (root.has("version")) root.integer("version", 1, 1);
    WallLayout wall;
    wall.name = root.stringOr("name", "");
    if (root.has("grid") == root.has("outputs")) root.fail("a wall needs either \"grid\" or \"outputs\"");
    if (root.has("grid")) {
        if (root.has("canvas")) root.child("canvas").fail("a grid's canvas follows from its panels and bezels; leave it out");
        readGrid(root.child("grid"), wall);
    } else {
        readOutputs(root, wall);
    }
    if (const auto sync = root.optionalChild("sync")) {
        sync->rejectUnknownKeys({"timeoutSeconds", "startTimeoutSeconds", "restartAfterLossSeconds"});
        wall.sync.timeoutSeconds = sync->numberOr("timeoutSeconds", wall.sync.timeoutSeconds, 0.05, 60);
        wall.sync.startTimeoutSeconds = sync->numberOr("startTimeoutSeconds", wall.sync.startTimeoutSeconds, 1, 3600);
        wall.sync.restartAfterLossSeconds =
            sync->numberOr("restartAfterLossSeconds", wall.sync.restartAfterLossSeconds, 0, 86400);
    }
    check(root, wall);
    return wall;
}

WallLayout loadWallLayout(const std::filesystem::path& file) {
    const JsonDocument doc = JsonDocument::load(file);
    return parseWallLayout(doc.root());
}

}  // namespace exhibit
