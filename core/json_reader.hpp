// Typed, path-naming access to JSON content files (the show file, settings files).
//
// Use:
//   JsonDocument doc = JsonDocument::load("show.json");      // or JsonDocument::parse(text, "show.json")
//   JsonNode root = doc.root();
//   root.rejectUnknownKeys({"format", "version", "scenes"});
//   double h = root.child("theme").numberOr("designHeight", 1080, 200, 10000);
//   for (const JsonNode& scene : root.child("scenes").items(1, 64)) scene.string("id");
// Every failure throws ContentError with one line that names the file and the JSON path:
//   show.json: theme.designHeight: expected a number in [200, 10000], got 12
//   show.json:3:14: invalid JSON: unexpected end of input; expected '}'
// Loading rejects files over 16 MiB, nesting deeper than 64 levels and duplicate keys in an
// object (the second one would otherwise silently win).
//
// Does not: know any schema (callers say which keys and ranges are valid), open files the JSON
// refers to, accept comments or trailing commas, or keep source positions for parsed values
// (errors after parsing name the JSON path, not a line).
#pragma once

#include <array>
#include <cstddef>
#include <filesystem>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/color.hpp"

namespace exhibit {

inline constexpr std::size_t maxJsonFileBytes = 16u * 1024u * 1024u;
inline constexpr std::size_t maxJsonDepth = 64;

// A position inside a parsed document: the file's display name, the path from the root
// (`scenes[1].layers[0]`, empty for the root) and the value. Cheap to copy; valid while the
// JsonDocument it came from is alive.
class JsonNode {
public:
    JsonNode(const std::string& file, std::string path, const nlohmann::json& value);

    const std::string& file() const { return *file_; }
    const std::string& path() const { return path_; }
    const nlohmann::json& value() const { return *value_; }

    bool isObject() const { return value_->is_object(); }
    bool isArray() const { return value_->is_array(); }
    bool has(std::string_view key) const;  // true when this is an object holding key
    std::size_t size() const;              // elements of an array or object, 0 otherwise

    // Structure. child() fails with "missing required field" when key is absent.
    void expectObject() const;
    JsonNode child(std::string_view key) const;
    std::optional<JsonNode> optionalChild(std::string_view key) const;
    JsonNode at(std::size_t index) const;  // index must be < size() of an array (programmer error)
    std::vector<JsonNode> items(std::size_t minCount, std::size_t maxCount) const;  // array elements
    std::vector<std::pair<std::string, JsonNode>> members() const;                  // object members
    void rejectUnknownKeys(std::initializer_list<std::string_view> allowed) const;

    // Values of this node.
    std::string string() const;
    std::string choice(std::initializer_list<std::string_view> allowed) const;
    double number(double min, double max) const;
    int integer(int min, int max) const;  // whole numbers only
    bool boolean() const;
    Color color() const;              // "#RRGGBB" or "#RRGGBBAA"
    std::array<float, 4> rect() const;  // [x, y, w, h] in [0, 1], w and h > 0, x + w <= 1, y + h <= 1

    // Values of a member; the plain forms require the key, the ...Or forms return fallback when
    // it is absent (a present value of the wrong type or range is still an error).
    std::string string(std::string_view key) const;
    std::string stringOr(std::string_view key, std::string fallback) const;
    std::string choice(std::string_view key, std::initializer_list<std::string_view> allowed) const;
    double number(std::string_view key, double min, double max) const;
    double numberOr(std::string_view key, double fallback, double min, double max) const;
    int integer(std::string_view key, int min, int max) const;
    int integerOr(std::string_view key, int fallback, int min, int max) const;
    bool boolean(std::string_view key) const;
    bool booleanOr(std::string_view key, bool fallback) const;
    Color color(std::string_view key) const;
    Color colorOr(std::string_view key, Color fallback) const;
    std::optional<Color> optionalColor(std::string_view key) const;
    std::array<float, 4> rect(std::string_view key) const;

    // Throws ContentError "<file>: <path>: <what>" (or "<file>: <what>" at the root).
    [[noreturn]] void fail(std::string_view what) const;

private:
    std::string childPath(std::string_view key) const;

    const std::string* file_;
    std::string path_;
    const nlohmann::json* value_;
};

// A parsed JSON file. Move-only; nodes point into it, and stay valid when it is moved.
class JsonDocument {
public:
    static JsonDocument parse(std::string_view text, std::string displayName);
    // displayName defaults to the file's basename ("show.json").
    static JsonDocument load(const std::filesystem::path& file, std::string displayName = {});

    JsonNode root() const;
    const std::string& displayName() const { return storage_->file; }

private:
    struct Storage {
        std::string file;
        nlohmann::json value;
    };
    explicit JsonDocument(std::unique_ptr<const Storage> storage) : storage_(std::move(storage)) {}

    std::unique_ptr<const Storage> storage_;
};

// Helpers for callers that build their own messages.
std::string describeJsonValue(const nlohmann::json& value);  // `"red"`, `12`, `true`, `array`
std::string quoteForMessage(std::string_view text);            // JSON-quoted, escaped, shortened
std::string formatNumber(double value);                        // 12, 0.8, 1e+300
// The closest candidate within edit distance 2 (and shorter than word), or empty.
std::string_view closestMatch(std::string_view word, const std::vector<std::string_view>& candidates);

}  // namespace exhibit
