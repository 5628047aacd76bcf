#include "core/json_reader.hpp"

#include <algorithm>
#include <cassert>
#include <cerrno>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <system_error>

#include "core/error.hpp"

namespace exhibit {
namespace {

using Json = nlohmann::json;

std::string concat(std::initializer_list<std::string_view> parts) {
    std::string out;
    for (std::string_view p : parts) out += p;
    return out;
}

[[noreturn]] void failFile(const std::string& file, std::string_view what) {
    throw ContentError(concat({file, ": ", what}));
}

// 1-based line and column (in code points) of a byte offset.
std::pair<std::size_t, std::size_t> lineColumn(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < offset; ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++line;
            column = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++column;
        }
    }
    return {line, column};
}

[[noreturn]] void failAt(const std::string& file, std::string_view text, std::size_t offset, std::string_view what) {
    auto [line, column] = lineColumn(text, offset);
    throw ContentError(concat({file, ":", std::to_string(line), ":", std::to_string(column), ": invalid JSON: ", what}));
}

// Byte offset of the first bracket that opens nesting level maxJsonDepth + 1 (strings skipped).
std::size_t tooDeepOffset(std::string_view text) {
    std::size_t depth = 0;
    bool inString = false, escaped = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (inString) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > maxJsonDepth) return i;
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return text.size();
}

// nlohmann's what() is "[json.exception.parse_error.101] parse error at line 1, column 5: syntax
// error while parsing object - unexpected end of input; expected '}'"; keep the part after " - "
// and drop the "; last read: '...'" echo of the input.
std::string shortReason(const std::string& what) {
    std::string_view s = what;
    if (s.starts_with("[json.exception.")) {
        if (auto p = s.find("] "); p != std::string_view::npos) s.remove_prefix(p + 2);
    }
    if (s.starts_with("parse error")) {
        if (auto p = s.find(": "); p != std::string_view::npos) s.remove_prefix(p + 2);
    }
    if (s.starts_with("syntax error while parsing ")) {
        if (auto p = s.find(" - "); p != std::string_view::npos) s.remove_prefix(p + 3);
    }
    if (auto p = s.find("; last read: "); p != std::string_view::npos) s = s.substr(0, p);
    std::string out(s);
    if (out.size() > 120) out = out.substr(0, 117) + "...";
    return out;
}

bool isIdentifier(std::string_view key) {
    if (key.empty() || std::isdigit(static_cast<unsigned char>(key[0]))) return false;
    return std::all_of(key.begin(), key.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
    });
}

std::string appendKey(const std::string& path, std::string_view key) {
    if (!isIdentifier(key)) return concat({path, "[", quoteForMessage(key), "]"});
    return path.empty() ? std::string(key) : concat({path, ".", key});
}

// SAX handler that builds the DOM like nlohmann's own, and also rejects nesting deeper than
// maxJsonDepth and duplicate keys. The first problem stops the parse.
class DomBuilder {
public:
    enum class Problem { None, Syntax, TooDeep, DuplicateKey };

    Json root;
    Problem problem = Problem::None;
    std::size_t errorPosition = 0;
    std::string message;  // reason for Syntax, the key's path for DuplicateKey

    bool null() { return put(nullptr) != nullptr; }
    bool boolean(bool v) { return put(v) != nullptr; }
    bool number_integer(Json::number_integer_t v) { return put(v) != nullptr; }
    bool number_unsigned(Json::number_unsigned_t v) { return put(v) != nullptr; }
    bool number_float(Json::number_float_t v, const Json::string_t&) { return put(v) != nullptr; }
    bool string(Json::string_t& v) { return put(std::move(v)) != nullptr; }
    bool binary(Json::binary_t& v) { return put(Json::binary(std::move(v))) != nullptr; }
    bool start_object(std::size_t) { return open(Json::object()); }
    bool start_array(std::size_t) { return open(Json::array()); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }

    bool key(Json::string_t& k) {
        Frame& top = stack_.back();
        if (top.value->contains(k)) {
            problem = Problem::DuplicateKey;
            message = appendKey(pathOfOpenContainers(), k);
            return false;
        }
        top.key = std::move(k);
        return true;
    }

    bool parse_error(std::size_t position, const std::string& lastToken, const nlohmann::detail::exception& ex) {
        problem = Problem::Syntax;
        message = shortReason(ex.what());
        // Number overflow (406) is reported after the token; point at its start instead.
        errorPosition = ex.id == 406 && position >= lastToken.size() ? position - lastToken.size() + 1 : position;
        return false;
    }

private:
    struct Frame {
        Json* value;
        std::string key;
    };

    Json* put(Json&& v) {
        if (stack_.empty()) {
            root = std::move(v);
            return &root;
        }
        Frame& top = stack_.back();
        if (top.value->is_array()) {
            top.value->push_back(std::move(v));
            return &top.value->back();
        }
        Json& slot = (*top.value)[top.key];
        slot = std::move(v);
        return &slot;
    }

    bool open(Json&& container) {
        if (stack_.size() >= maxJsonDepth) {
            problem = Problem::TooDeep;
            return false;
        }
        stack_.push_back({put(std::move(container)), {}});
        return true;
    }

    bool close() {
        stack_.pop_back();
        return true;
    }

    std::string pathOfOpenContainers() const {
        std::string path;
        for (std::size_t i = 0; i + 1 < stack_.size(); ++i) {
            const Frame& f = stack_[i];
            if (f.value->is_array()) path += "[" + std::to_string(f.value->size() - 1) + "]";
            else path = appendKey(path, f.key);
        }
        return path;
    }

    std::vector<Frame> stack_;
};

std::string rangeText(double min, double max) {
    return concat({"[", formatNumber(min), ", ", formatNumber(max), "]"});
}

std::string choiceText(std::initializer_list<std::string_view> allowed) {
    std::string out;
    std::size_t i = 0;
    for (std::string_view a : allowed) {
        if (i > 0) out += allowed.size() == 2 ? " or " : ", ";
        out += quoteForMessage(a);
        ++i;
    }
    return allowed.size() > 2 ? "one of " + out : out;
}

std::size_t editDistance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

}  // namespace

// ---- helpers ---------------------------------------------------------------------------------

std::string formatNumber(double value) {
    if (std::isnan(value)) return "nan";
    if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
    char buf[64];
    if (value == std::floor(value) && std::fabs(value) < 1e15) {
        std::snprintf(buf, sizeof buf, "%.0f", value);
        return buf;
    }
    auto result = std::to_chars(buf, buf + sizeof buf, value);
    return std::string(buf, result.ptr);
}

std::string quoteForMessage(std::string_view text) {
    constexpr std::size_t limit = 60;
    bool cut = false;
    if (text.size() > limit) {
        std::size_t end = limit;
        while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
        text = text.substr(0, end);
        cut = true;
    }
    std::string quoted = Json(std::string(text)).dump(-1, ' ', false, Json::error_handler_t::replace);
    if (cut) quoted.insert(quoted.size() - 1, "...");
    return quoted;
}

std::string describeJsonValue(const Json& value) {
    switch (value.type()) {
    case Json::value_t::string: return quoteForMessage(value.get_ref<const std::string&>());
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float: return formatNumber(value.get<double>());
    case Json::value_t::boolean: return value.get<bool>() ? "true" : "false";
    default: return value.type_name();
    }
}

std::string_view closestMatch(std::string_view word, const std::vector<std::string_view>& candidates) {
    std::string_view best;
    std::size_t bestDistance = 3;
    for (std::string_view c : candidates) {
        std::size_t d = editDistance(word, c);
        if (d < bestDistance && d < word.size()) {
            best = c;
            bestDistance = d;
        }
    }
    return best;
}

// ---- JsonDocument ----------------------------------------------------------------------------

JsonDocument JsonDocument::parse(std::string_view text, std::string displayName) {
    auto storage = std::make_unique<Storage>();
    storage->file = std::move(displayName);
    const std::string& file = storage->file;

    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) failFile(file, "file is empty");

    DomBuilder builder;
    bool ok = Json::sax_parse(text.begin(), text.end(), &builder, Json::input_format_t::json, true, false);
    switch (builder.problem) {
    case DomBuilder::Problem::None: break;
    case DomBuilder::Problem::Syntax:
        failAt(file, text, builder.errorPosition > 0 ? builder.errorPosition - 1 : 0, builder.message);
    case DomBuilder::Problem::TooDeep:
        failAt(file, text, tooDeepOffset(text), "nesting deeper than " + std::to_string(maxJsonDepth) + " levels");
    case DomBuilder::Problem::DuplicateKey: failFile(file, builder.message + ": duplicate field");
    }
    if (!ok) failFile(file, "invalid JSON");
    storage->value = std::move(builder.root);
    return JsonDocument(std::move(storage));
}

JsonDocument JsonDocument::load(const std::filesystem::path& file, std::string displayName) {
    if (displayName.empty()) displayName = file.filename().empty() ? file.string() : file.filename().string();
    std::error_code ec;
    if (std::filesystem::is_directory(file, ec)) failFile(displayName, concat({"cannot open: ", std::strerror(EISDIR)}));

    std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(file.c_str(), "rb"), &std::fclose);
    if (!f) failFile(displayName, concat({"cannot open: ", std::strerror(errno)}));

    auto tooLarge = [&](std::string_view size) {
        failFile(displayName, concat({"file too large (", size, " bytes, limit 16 MiB)"}));
    };
    std::uintmax_t knownSize = std::filesystem::is_regular_file(file, ec) ? std::filesystem::file_size(file, ec) : 0;
    if (!ec && knownSize > maxJsonFileBytes) tooLarge(std::to_string(knownSize));

    std::string text;
    char buf[65536];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f.get())) > 0) {
        text.append(buf, n);
        if (text.size() > maxJsonFileBytes) tooLarge("more than " + std::to_string(maxJsonFileBytes));
    }
    if (std::ferror(f.get())) failFile(displayName, concat({"cannot read: ", std::strerror(errno)}));
    return parse(text, std::move(displayName));
}

JsonNode JsonDocument::root() const { return JsonNode(storage_->file, {}, storage_->value); }

// ---- JsonNode: structure ---------------------------------------------------------------------

JsonNode::JsonNode(const std::string& file, std::string path, const Json& value)
    : file_(&file), path_(std::move(path)), value_(&value) {}

void JsonNode::fail(std::string_view what) const {
    if (path_.empty()) failFile(*file_, what);
    throw ContentError(concat({*file_, ": ", path_, ": ", what}));
}

std::string JsonNode::childPath(std::string_view key) const { return appendKey(path_, key); }

bool JsonNode::has(std::string_view key) const { return value_->is_object() && value_->contains(key); }

std::size_t JsonNode::size() const {
    return value_->is_array() || value_->is_object() ? value_->size() : 0;
}

void JsonNode::expectObject() const {
    if (!value_->is_object()) fail(concat({"expected an object, got ", value_->type_name()}));
}

JsonNode JsonNode::child(std::string_view key) const {
    if (auto c = optionalChild(key)) return *c;
    JsonNode(*file_, childPath(key), *value_).fail("missing required field");
}

std::optional<JsonNode> JsonNode::optionalChild(std::string_view key) const {
    expectObject();
    auto it = value_->find(key);
    if (it == value_->end()) return std::nullopt;
    return JsonNode(*file_, childPath(key), *it);
}

JsonNode JsonNode::at(std::size_t index) const {
    assert(value_->is_array() && index < value_->size() && "JsonNode::at: index out of range");
    return JsonNode(*file_, path_ + "[" + std::to_string(index) + "]", (*value_)[index]);
}

std::vector<JsonNode> JsonNode::items(std::size_t minCount, std::size_t maxCount) const {
    if (!value_->is_array()) fail(concat({"expected an array, got ", value_->type_name()}));
    std::size_t n = value_->size();
    if (n < minCount || n > maxCount) {
        fail(concat({"expected ", std::to_string(minCount), " to ", std::to_string(maxCount), " items, got ",
                     std::to_string(n)}));
    }
    std::vector<JsonNode> out;
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i) out.push_back(at(i));
    return out;
}

std::vector<std::pair<std::string, JsonNode>> JsonNode::members() const {
    expectObject();
    std::vector<std::pair<std::string, JsonNode>> out;
    for (auto it = value_->begin(); it != value_->end(); ++it) {
        out.emplace_back(it.key(), JsonNode(*file_, childPath(it.key()), it.value()));
    }
    return out;
}

void JsonNode::rejectUnknownKeys(std::initializer_list<std::string_view> allowed) const {
    expectObject();
    for (auto it = value_->begin(); it != value_->end(); ++it) {
        const std::string& key = it.key();
        if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
        std::string_view suggestion = closestMatch(key, std::vector<std::string_view>(allowed));
        JsonNode bad(*file_, childPath(key), it.value());
        if (suggestion.empty()) bad.fail("unknown field");
        bad.fail(concat({"unknown field (did you mean ", quoteForMessage(suggestion), "?)"}));
    }
}

// ---- JsonNode: values of this node -----------------------------------------------------------

std::string JsonNode::string() const {
    if (!value_->is_string()) fail(concat({"expected a string, got ", value_->type_name()}));
    return value_->get<std::string>();
}

std::string JsonNode::choice(std::initializer_list<std::string_view> allowed) const {
    if (!value_->is_string()) fail(concat({"expected ", choiceText(allowed), ", got ", value_->type_name()}));
    const auto& s = value_->get_ref<const std::string&>();
    if (std::find(allowed.begin(), allowed.end(), s) == allowed.end()) {
        fail(concat({"expected ", choiceText(allowed), ", got ", quoteForMessage(s)}));
    }
    return s;
}

double JsonNode::number(double min, double max) const {
    if (!value_->is_number()) {
        fail(concat({"expected a number in ", rangeText(min, max), ", got ", value_->type_name()}));
    }
    double v = value_->get<double>();
    if (!(v >= min && v <= max)) fail(concat({"expected a number in ", rangeText(min, max), ", got ", formatNumber(v)}));
    return v;
}

int JsonNode::integer(int min, int max) const {
    if (!value_->is_number()) {
        fail(concat({"expected a whole number in ", rangeText(min, max), ", got ", value_->type_name()}));
    }
    double v = value_->get<double>();
    if (!(v >= min && v <= max) || v != std::floor(v)) {
        fail(concat({"expected a whole number in ", rangeText(min, max), ", got ", formatNumber(v)}));
    }
    return static_cast<int>(v);
}

bool JsonNode::boolean() const {
    if (!value_->is_boolean()) fail(concat({"expected true or false, got ", value_->type_name()}));
    return value_->get<bool>();
}

Color JsonNode::color() const {
    static constexpr std::string_view expected = "expected \"#RRGGBB\" or \"#RRGGBBAA\", got ";
    if (!value_->is_string()) fail(concat({expected, value_->type_name()}));
    const auto& s = value_->get_ref<const std::string&>();
    auto c = parseHexColor(s);
    if (!c) fail(concat({expected, quoteForMessage(s)}));
    return *c;
}

std::array<float, 4> JsonNode::rect() const {
    static constexpr std::string_view expected = "expected [x, y, w, h] as 4 numbers in [0, 1], got ";
    if (!value_->is_array()) fail(concat({expected, value_->type_name()}));
    if (value_->size() != 4) fail(concat({expected, std::to_string(value_->size()), " items"}));
    std::array<double, 4> r{};
    for (std::size_t i = 0; i < 4; ++i) r[i] = at(i).number(0, 1);
    constexpr double slack = 1e-6;
    auto fmt = [](double v) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%g", v);
        return std::string(buf);
    };
    if (r[2] <= 0 || r[3] <= 0) fail("w and h must be greater than 0");
    if (r[0] + r[2] > 1 + slack) fail(concat({"x + w must be at most 1, got ", fmt(r[0] + r[2])}));
    if (r[1] + r[3] > 1 + slack) fail(concat({"y + h must be at most 1, got ", fmt(r[1] + r[3])}));
    return {static_cast<float>(r[0]), static_cast<float>(r[1]), static_cast<float>(r[2]), static_cast<float>(r[3])};
}

// ---- JsonNode: values of members -------------------------------------------------------------

std::string JsonNode::string(std::string_view key) const { return child(key).string(); }

std::string JsonNode::stringOr(std::string_view key, std::string fallback) const {
    auto c = optionalChild(key);
    return c ? c->string() : std::move(fallback);
}

std::string JsonNode::choice(std::string_view key, std::initializer_list<std::string_view> allowed) const {
    return child(key).choice(allowed);
}

double JsonNode::number(std::string_view key, double min, double max) const { return child(key).number(min, max); }

double JsonNode::numberOr(std::string_view key, double fallback, double min, double max) const {
    auto c = optionalChild(key);
    return c ? c->number(min, max) : fallback;
}

int JsonNode::integer(std::string_view key, int min, int max) const { return child(key).integer(min, max); }

int JsonNode::integerOr(std::string_view key, int fallback, int min, int max) const {
    auto c = optionalChild(key);
    return c ? c->integer(min, max) : fallback;
}

bool JsonNode::boolean(std::string_view key) const { return child(key).boolean(); }

bool JsonNode::booleanOr(std::string_view key, bool fallback) const {
    auto c = optionalChild(key);
    return c ? c->boolean() : fallback;
}

Color JsonNode::color(std::string_view key) const { return child(key).color(); }

Color JsonNode::colorOr(std::string_view key, Color fallback) const {
    auto c = optionalChild(key);
    return c ? c->color() : fallback;
}

std::optional<Color> JsonNode::optionalColor(std::string_view key) const {
    auto c = optionalChild(key);
    if (!c) return std::nullopt;
    return c->color();
}

std::array<float, 4> JsonNode::rect(std::string_view key) const { return child(key).rect(); }

}  // namespace exhibit
