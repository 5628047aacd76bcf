#include "core/geojson.hpp"

#include <cmath>
#include <cstdio>
#include <utility>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "core/text_file.hpp"

namespace exhibit {

using nlohmann::json;

void GeoBounds::add(glm::dvec2 p) {
    if (empty()) {
        min = max = p;
        return;
    }
    min = glm::dvec2(std::min(min.x, p.x), std::min(min.y, p.y));
    max = glm::dvec2(std::max(max.x, p.x), std::max(max.y, p.y));
}

void GeoBounds::add(const GeoBounds& other) {
    if (other.empty()) return;
    add(other.min);
    add(other.max);
}

bool GeoBounds::contains(glm::dvec2 p) const {
    return !empty() && p.x >= min.x && p.x <= max.x && p.y >= min.y && p.y <= max.y;
}

const GeoFeature* GeoCollection::find(std::string_view adcode) const {
    for (const GeoFeature& f : features) {
        if (f.adcode == adcode) return &f;
    }
    return nullptr;
}

namespace {

std::string formatNumber(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    return buf;
}

std::string typeName(const json& j) {
    return j.type_name();
}

std::pair<std::size_t, std::size_t> lineColumnAt(std::string_view text, std::size_t offset) {
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return {line, column};
}

class Parser {
public:
    Parser(std::string_view text, const std::string& displayName) : text_(text), file_(displayName) {}

    GeoCollection run() {
        if (text_.size() > kMaxGeoJsonBytes) {
            fail("file too large (" + std::to_string(text_.size()) + " bytes, limit " +
                 std::to_string(kMaxGeoJsonBytes) + ")");
        }
        if (text_.find_first_not_of(" \t\r\n") == std::string_view::npos) fail("empty file");
        checkDepth();
        json root;
        try {
            root = json::parse(text_.begin(), text_.end());
        } catch (const json::parse_error& e) {
            const std::size_t offset = e.byte > 0 ? e.byte - 1 : 0;
            auto [line, column] = lineColumnAt(text_, offset);
            fail("invalid JSON at line " + std::to_string(line) + " column " + std::to_string(column));
        } catch (const json::out_of_range&) {
            fail("invalid JSON: a number is too large for a double");
        } catch (const json::exception&) {
            fail("invalid JSON");
        }
        return collection(root);
    }

private:
    [[noreturn]] void fail(const std::string& message) const { throw ContentError(file_ + ": " + message); }
    [[noreturn]] void fail(const std::string& where, const std::string& message) const {
        throw ContentError(file_ + ": " + where + ": " + message);
    }

    // nlohmann parses iteratively, but refusing absurd nesting up front keeps every later
    // recursive walk (and error message) bounded.
    void checkDepth() const {
        int depth = 0;
        bool inString = false, escaped = false;
        for (std::size_t i = 0; i < text_.size(); ++i) {
            const char c = text_[i];
            if (inString) {
                if (escaped) escaped = false;
                else if (c == '\\') escaped = true;
                else if (c == '"') inString = false;
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                if (++depth > kMaxGeoJsonDepth) {
                    auto [line, column] = lineColumnAt(text_, i);
                    fail("nesting deeper than " + std::to_string(kMaxGeoJsonDepth) + " levels at line " +
                         std::to_string(line) + " column " + std::to_string(column));
                }
            } else if (c == ']' || c == '}') {
                --depth;
            }
        }
    }

    GeoCollection collection(const json& root) const {
        if (!root.is_object()) fail("expected a GeoJSON object at the top level, got " + typeName(root));
        const std::string type = stringMember(root, "type", "type");
        GeoCollection out;
        if (type == "Feature") {
            out.features.push_back(feature(root, "feature"));
        } else if (type == "FeatureCollection") {
            auto it = root.find("features");
            if (it == root.end()) fail("features: missing");
            if (!it->is_array()) fail("features", "expected an array, got " + typeName(*it));
            if (it->empty()) fail("no features");
            out.features.reserve(it->size());
            for (std::size_t i = 0; i < it->size(); ++i) {
                out.features.push_back(feature((*it)[i], "features[" + std::to_string(i) + "]"));
            }
        } else {
            fail("type", "expected \"FeatureCollection\" or \"Feature\", got \"" + type + "\"");
        }
        for (const GeoFeature& f : out.features) out.bounds.add(f.bounds);
        return out;
    }

    std::string stringMember(const json& obj, const char* key, const std::string& where) const {
        auto it = obj.find(key);
        if (it == obj.end()) fail(where, "missing");
        if (!it->is_string()) fail(where, "expected a string, got " + typeName(*it));
        return it->get<std::string>();
    }

    // A code such as an adcode, written as "520102" or 520102.
    std::optional<std::string> code(const json& obj, const char* key, const std::string& where) const {
        auto it = obj.find(key);
        if (it == obj.end() || it->is_null()) return std::nullopt;
        if (it->is_string()) {
            std::string s = it->get<std::string>();
            if (s.empty()) fail(where, "empty string");
            return s;
        }
        if (it->is_number_unsigned()) return std::to_string(it->get<std::uint64_t>());
        fail(where, "expected a string or a non-negative integer, got " + typeName(*it) +
                        (it->is_number() ? " " + it->dump() : ""));
    }

    GeoFeature feature(const json& j, const std::string& where) const {
        if (!j.is_object()) fail(where, "expected a Feature object, got " + typeName(j));
        auto typeIt = j.find("type");
        if (typeIt != j.end() && !(typeIt->is_string() && typeIt->get<std::string>() == "Feature")) {
            fail(where + ".type", "expected \"Feature\", got " + typeIt->dump());
        }
        GeoFeature f;
        auto propsIt = j.find("properties");
        if (propsIt == j.end() || propsIt->is_null()) fail(where + ".properties", "missing (need name and adcode)");
        if (!propsIt->is_object()) fail(where + ".properties", "expected an object, got " + typeName(*propsIt));
        const json& props = *propsIt;
        const std::string propsWhere = where + ".properties";

        f.name = stringMember(props, "name", propsWhere + ".name");
        if (f.name.empty()) fail(propsWhere + ".name", "empty string");
        auto adcode = code(props, "adcode", propsWhere + ".adcode");
        if (!adcode) fail(propsWhere + ".adcode", "missing");
        f.adcode = std::move(*adcode);
        if (auto parent = code(props, "prefecture_adcode", propsWhere + ".prefecture_adcode")) {
            f.parentAdcode = std::move(*parent);
        }
        f.labelPoint = optionalPoint(props, "label_point", propsWhere + ".label_point");
        f.centroid = optionalPoint(props, "centroid", propsWhere + ".centroid");

        auto geomIt = j.find("geometry");
        if (geomIt == j.end() || geomIt->is_null()) fail(where + ".geometry", "missing (need Polygon or MultiPolygon)");
        geometry(*geomIt, where + ".geometry", f);
        for (const GeoPolygon& p : f.polygons) {
            for (glm::dvec2 pt : p.exterior.points) f.bounds.add(pt);
        }
        return f;
    }

    std::optional<glm::dvec2> optionalPoint(const json& obj, const char* key, const std::string& where) const {
        auto it = obj.find(key);
        if (it == obj.end() || it->is_null()) return std::nullopt;
        return position(*it, where);
    }

    glm::dvec2 position(const json& j, const std::string& where) const {
        if (!j.is_array() || j.size() < 2 || j.size() > 3 || !j[0].is_number() || !j[1].is_number() ||
            (j.size() == 3 && !j[2].is_number())) {
            fail(where, "expected [lon, lat] numbers");
        }
        const glm::dvec2 p(j[0].get<double>(), j[1].get<double>());
        if (!std::isfinite(p.x) || !std::isfinite(p.y) || p.x < -180.0 || p.x > 180.0 || p.y < -90.0 ||
            p.y > 90.0) {
            fail(where, "coordinate out of range: [" + formatNumber(p.x) + ", " + formatNumber(p.y) + "]");
        }
        return p;
    }

    void geometry(const json& g, const std::string& where, GeoFeature& f) const {
        if (!g.is_object()) fail(where, "expected a geometry object, got " + typeName(g));
        const std::string type = stringMember(g, "type", where + ".type");
        auto coordsIt = g.find("coordinates");
        const std::string coordsWhere = where + ".coordinates";
        if (type != "Polygon" && type != "MultiPolygon") {
            fail(where + ".type", "unsupported geometry type \"" + type + "\" (need Polygon or MultiPolygon)");
        }
        if (coordsIt == g.end()) fail(coordsWhere, "missing");
        if (!coordsIt->is_array()) fail(coordsWhere, "expected an array, got " + typeName(*coordsIt));
        if (type == "Polygon") {
            f.polygons.push_back(polygon(*coordsIt, coordsWhere));
        } else {
            if (coordsIt->empty()) fail(coordsWhere, "MultiPolygon has no polygons");
            f.polygons.reserve(coordsIt->size());
            for (std::size_t i = 0; i < coordsIt->size(); ++i) {
                f.polygons.push_back(polygon((*coordsIt)[i], coordsWhere + "[" + std::to_string(i) + "]"));
            }
        }
    }

    GeoPolygon polygon(const json& j, const std::string& where) const {
        if (!j.is_array()) fail(where, "expected an array of rings, got " + typeName(j));
        if (j.empty()) fail(where, "polygon has no rings");
        GeoPolygon p;
        p.exterior = ring(j[0], where + "[0]");
        p.holes.reserve(j.size() - 1);
        for (std::size_t i = 1; i < j.size(); ++i) p.holes.push_back(ring(j[i], where + "[" + std::to_string(i) + "]"));
        return p;
    }

    GeoRing ring(const json& j, const std::string& where) const {
        if (!j.is_array()) fail(where, "expected an array of positions, got " + typeName(j));
        if (j.size() < 4) fail(where, "ring has " + std::to_string(j.size()) + " points, need at least 4");
        GeoRing r;
        r.points.reserve(j.size());
        for (std::size_t i = 0; i < j.size(); ++i) {
            const json& pos = j[i];
            // Fast path for the common [lon, lat] pair; position() builds the message on failure.
            if (pos.is_array() && pos.size() == 2 && pos[0].is_number() && pos[1].is_number()) {
                const glm::dvec2 p(pos[0].get<double>(), pos[1].get<double>());
                if (std::isfinite(p.x) && std::isfinite(p.y) && p.x >= -180.0 && p.x <= 180.0 && p.y >= -90.0 &&
                    p.y <= 90.0) {
                    r.points.push_back(p);
                    continue;
                }
            }
            r.points.push_back(position(pos, where + "[" + std::to_string(i) + "]"));
        }
        if (r.points.front() == r.points.back()) r.points.pop_back();
        return r;
    }

    std::string_view text_;
    const std::string& file_;
};

}  // namespace

GeoCollection parseGeoJson(std::string_view text, const std::string& displayName) {
    return Parser(text, displayName).run();
}

GeoCollection loadGeoJson(const std::filesystem::path& path) {
    const std::string text = readTextFile(path, kMaxGeoJsonBytes);
    return parseGeoJson(text, displayNameOf(path));
}

}  // namespace exhibit
