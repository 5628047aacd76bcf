#include "core/json_reader.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>

#include "core/error.hpp"

namespace exhibit {
namespace {

// The ContentError message thrown by f, or a marker when it throws none.
std::string errorOf(const std::function<void()>& f) {
    try {
        f();
    } catch (const ContentError& e) {
        return e.what();
    }
    return "<no error>";
}

std::string parseError(std::string_view text) {
    return errorOf([&] { JsonDocument::parse(text, "x.json"); });
}

std::filesystem::path tempFile(const std::string& name, const std::string& content) {
    auto dir = std::filesystem::path(testing::TempDir()) / "json_reader_test";
    std::filesystem::create_directories(dir);
    auto path = dir / name;
    std::ofstream(path, std::ios::binary) << content;
    return path;
}

// ---- parsing ---------------------------------------------------------------------------------

TEST(JsonParse, ReadsValidDocument) {
    JsonDocument doc = JsonDocument::parse(R"({"a": {"b": [1, 2.5, "x"]}, "t": true})", "x.json");
    EXPECT_EQ(doc.displayName(), "x.json");
    JsonNode b = doc.root().child("a").child("b");
    EXPECT_EQ(b.path(), "a.b");
    EXPECT_EQ(b.size(), 3u);
    EXPECT_EQ(b.at(1).path(), "a.b[1]");
    EXPECT_DOUBLE_EQ(b.at(1).number(0, 10), 2.5);
    EXPECT_EQ(b.at(2).string(), "x");
    EXPECT_TRUE(doc.root().boolean("t"));
}

TEST(JsonParse, AcceptsUtf8ByteOrderMark) {
    JsonDocument doc = JsonDocument::parse("\xEF\xBB\xBF{\"title\": \"贵州\"}", "x.json");
    EXPECT_EQ(doc.root().string("title"), "贵州");
}

TEST(JsonParse, TruncatedFileNamesLineAndColumn) {
    EXPECT_EQ(parseError("{\n  \"a\": 1,\n  \"b\": "), "x.json:3:8: invalid JSON: unexpected end of input; expected '[', '{', or a literal");
    EXPECT_EQ(parseError("{\n  \"a\": 1,\n"), "x.json:3:1: invalid JSON: unexpected end of input; expected string literal");
}

TEST(JsonParse, ColumnsCountCharactersNotBytes) {
    // "贵州" is 6 bytes but 2 characters: the stray comma is column 13.
    EXPECT_EQ(parseError("{\"t\": \"贵州\", , }"), "x.json:1:13: invalid JSON: unexpected ','; expected string literal");
}

TEST(JsonParse, SyntaxErrorsAreOneShortLine) {
    EXPECT_EQ(parseError(R"({"a": tru})"), "x.json:1:10: invalid JSON: invalid literal");
    EXPECT_EQ(parseError(R"([1, 2,])"), "x.json:1:7: invalid JSON: unexpected ']'; expected '[', '{', or a literal");
    EXPECT_EQ(parseError(R"({"a": 1,})"), "x.json:1:9: invalid JSON: unexpected '}'; expected string literal");
    EXPECT_EQ(parseError("// comment\n{}"), "x.json:1:1: invalid JSON: invalid literal");
    EXPECT_EQ(parseError("{} {}"), "x.json:1:4: invalid JSON: unexpected '{'; expected end of input");
    EXPECT_EQ(parseError("{\"a\": \"line\nbreak\"}"),
              "x.json:1:12: invalid JSON: invalid string: control character U+000A (LF) must be escaped to \\u000A or \\n");
    EXPECT_EQ(parseError("{\"a\": \"\xFF\"}"), "x.json:1:8: invalid JSON: invalid string: ill-formed UTF-8 byte");
}

TEST(JsonParse, EchoOfLongInputIsDropped) {
    std::string text = "{\"a\": \"" + std::string(100000, 'z');  // unterminated string
    std::string message = parseError(text);
    EXPECT_EQ(message, "x.json:1:100008: invalid JSON: invalid string: missing closing quote");
}

TEST(JsonParse, NumberOverflowIsAnErrorAtTheNumber) {
    EXPECT_EQ(parseError("{\n \"w\": 1e400}"), "x.json:2:7: invalid JSON: number overflow parsing '1e400'");
    EXPECT_EQ(parseError("[-1e999]"), "x.json:1:2: invalid JSON: number overflow parsing '-1e999'");
}

TEST(JsonParse, EmptyFile) {
    EXPECT_EQ(parseError(""), "x.json: file is empty");
    EXPECT_EQ(parseError(" \n\t\r\n"), "x.json: file is empty");
}

TEST(JsonParse, NestingUpTo64LevelsIsAccepted) {
    std::string text = std::string(64, '[') + std::string(64, ']');
    EXPECT_NO_THROW(JsonDocument::parse(text, "x.json"));
}

TEST(JsonParse, NestingDeeperThan64LevelsIsRejectedWithPosition) {
    std::string text = "{\"a\": \"[[[\",\n \"b\":" + std::string(64, '[') + std::string(64, ']') + "}";
    // The object is level 1, so the 64th bracket opens level 65 (column 5 + 64).
    EXPECT_EQ(parseError(text), "x.json:2:69: invalid JSON: nesting deeper than 64 levels");
}

TEST(JsonParse, HostileNestingDoesNotCrash) {
    EXPECT_EQ(parseError(std::string(1000000, '[')), "x.json:1:65: invalid JSON: nesting deeper than 64 levels");
    EXPECT_EQ(parseError(std::string(1000000, '{')), "x.json:1:2: invalid JSON: unexpected '{'; expected string literal");
}

TEST(JsonParse, DuplicateKeysAreRejectedWithTheirPath) {
    EXPECT_EQ(parseError(R"({"a": 1, "a": 2})"), "x.json: a: duplicate field");
    EXPECT_EQ(parseError(R"({"s": [{}, {"l": [0, {"c": 1, "c": 2}]}]})"), "x.json: s[1].l[1].c: duplicate field");
    EXPECT_EQ(parseError(R"({"a b": {"x": 1, "x": 1}})"), "x.json: [\"a b\"].x: duplicate field");
}

// ---- loading files ---------------------------------------------------------------------------

TEST(JsonLoad, NamesTheFileByBasename) {
    auto path = tempFile("named.json", "{\"a\": }");
    EXPECT_EQ(errorOf([&] { JsonDocument::load(path); }),
              "named.json:1:7: invalid JSON: unexpected '}'; expected '[', '{', or a literal");
    EXPECT_EQ(errorOf([&] { JsonDocument::load(path, "shows/named.json"); }),
              "shows/named.json:1:7: invalid JSON: unexpected '}'; expected '[', '{', or a literal");
}

TEST(JsonLoad, ReadsFile) {
    JsonDocument doc = JsonDocument::load(tempFile("ok.json", "{\"n\": 3}"));
    EXPECT_EQ(doc.displayName(), "ok.json");
    EXPECT_EQ(doc.root().integer("n", 0, 5), 3);
}

TEST(JsonLoad, MissingFile) {
    EXPECT_EQ(errorOf([] { JsonDocument::load("/nonexistent-dir/missing.json"); }),
              "missing.json: cannot open: No such file or directory");
}

TEST(JsonLoad, Directory) {
    EXPECT_EQ(errorOf([] { JsonDocument::load(testing::TempDir()); }).find(": cannot open: Is a directory") !=
                  std::string::npos,
              true);
}

TEST(JsonLoad, FilesOver16MiBAreRejected) {
    std::string atLimit = "\"" + std::string(maxJsonFileBytes - 2, 'a') + "\"";
    EXPECT_NO_THROW(JsonDocument::load(tempFile("limit.json", atLimit)));
    auto big = tempFile("big.json", atLimit + " ");
    EXPECT_EQ(errorOf([&] { JsonDocument::load(big); }), "big.json: file too large (16777217 bytes, limit 16 MiB)");
    std::filesystem::remove(big);
    std::filesystem::remove(std::filesystem::path(testing::TempDir()) / "json_reader_test" / "limit.json");
}

TEST(JsonDocument, NodesSurviveAMove) {
    JsonDocument doc = JsonDocument::parse(R"({"a": "b"})", "x.json");
    JsonNode a = doc.root().child("a");
    JsonDocument moved = std::move(doc);
    EXPECT_EQ(a.string(), "b");
    EXPECT_EQ(a.file(), "x.json");
    EXPECT_EQ(moved.root().string("a"), "b");
}

// ---- typed access ----------------------------------------------------------------------------

class JsonNodeTest : public testing::Test {
protected:
    std::string errorIn(std::string_view text, const std::function<void(const JsonNode&)>& f) {
        docs_.push_back(JsonDocument::parse(text, "show.json"));
        JsonNode root = docs_.back().root();
        return errorOf([&] { f(root); });
    }
    JsonNode rootOf(std::string_view text) {
        docs_.push_back(JsonDocument::parse(text, "show.json"));
        return docs_.back().root();
    }
    std::vector<JsonDocument> docs_;
};

TEST_F(JsonNodeTest, MissingRequiredField) {
    EXPECT_EQ(errorIn(R"({"scenes": [{}]})", [](auto& r) { r.child("scenes").at(0).string("id"); }),
              "show.json: scenes[0].id: missing required field");
}

TEST_F(JsonNodeTest, WrongTypes) {
    auto r = rootOf(R"({"s": 5, "n": "5", "b": 1, "o": [], "a": {}, "c": 12, "i": null})");
    EXPECT_EQ(errorOf([&] { r.string("s"); }), "show.json: s: expected a string, got number");
    EXPECT_EQ(errorOf([&] { r.number("n", 0, 10); }), "show.json: n: expected a number in [0, 10], got string");
    EXPECT_EQ(errorOf([&] { r.integer("n", 0, 10); }), "show.json: n: expected a whole number in [0, 10], got string");
    EXPECT_EQ(errorOf([&] { r.boolean("b"); }), "show.json: b: expected true or false, got number");
    EXPECT_EQ(errorOf([&] { r.child("o").child("x"); }), "show.json: o: expected an object, got array");
    EXPECT_EQ(errorOf([&] { r.child("a").items(0, 5); }), "show.json: a: expected an array, got object");
    EXPECT_EQ(errorOf([&] { r.color("c"); }), "show.json: c: expected \"#RRGGBB\" or \"#RRGGBBAA\", got number");
    EXPECT_EQ(errorOf([&] { r.string("i"); }), "show.json: i: expected a string, got null");
    EXPECT_EQ(errorOf([&] { r.stringOr("i", "x"); }), "show.json: i: expected a string, got null");
    EXPECT_EQ(errorOf([&] { r.child("s").child("x"); }), "show.json: s: expected an object, got number");
}

TEST_F(JsonNodeTest, RootErrorsHaveNoPath) {
    auto r = rootOf("[1]");
    EXPECT_EQ(errorOf([&] { r.expectObject(); }), "show.json: expected an object, got array");
}

TEST_F(JsonNodeTest, NumberRanges) {
    auto r = rootOf(R"({"h": 12, "w": 50.5, "big": 1e300, "neg": -1e300, "u": 18446744073709551615, "ok": 0.1})");
    EXPECT_EQ(errorOf([&] { r.number("h", 200, 10000); }), "show.json: h: expected a number in [200, 10000], got 12");
    EXPECT_EQ(errorOf([&] { r.number("w", 0.1, 50); }), "show.json: w: expected a number in [0.1, 50], got 50.5");
    EXPECT_EQ(errorOf([&] { r.number("big", 0.1, 50); }), "show.json: big: expected a number in [0.1, 50], got 1e+300");
    EXPECT_EQ(errorOf([&] { r.number("neg", 0.1, 50); }), "show.json: neg: expected a number in [0.1, 50], got -1e+300");
    EXPECT_EQ(errorOf([&] { r.integer("u", 0, 100); }),
              "show.json: u: expected a whole number in [0, 100], got 18446744073709551616");
    EXPECT_DOUBLE_EQ(r.number("ok", 0.1, 50), 0.1);
    EXPECT_DOUBLE_EQ(r.number("w", 50.5, 50.5), 50.5);
}

TEST_F(JsonNodeTest, IntegersMustBeWhole) {
    auto r = rootOf(R"({"a": 2.5, "b": 7, "c": 7.0, "d": -3, "e": 1e20})");
    EXPECT_EQ(errorOf([&] { r.integer("a", 0, 10); }), "show.json: a: expected a whole number in [0, 10], got 2.5");
    EXPECT_EQ(r.integer("b", 0, 10), 7);
    EXPECT_EQ(r.integer("c", 0, 10), 7);
    EXPECT_EQ(r.integer("d", -5, 0), -3);
    EXPECT_EQ(errorOf([&] { r.integer("d", 0, 10); }), "show.json: d: expected a whole number in [0, 10], got -3");
    EXPECT_EQ(errorOf([&] { r.integer("e", 0, 2147483647); }),
              "show.json: e: expected a whole number in [0, 2147483647], got 1e+20");
}

TEST_F(JsonNodeTest, FallbacksApplyOnlyWhenAbsent) {
    auto r = rootOf(R"({"n": 3, "s": "x", "b": false, "c": "#102030"})");
    EXPECT_DOUBLE_EQ(r.numberOr("missing", 7, 0, 10), 7);
    EXPECT_DOUBLE_EQ(r.numberOr("n", 7, 0, 10), 3);
    EXPECT_EQ(errorOf([&] { r.numberOr("n", 7, 5, 10); }), "show.json: n: expected a number in [5, 10], got 3");
    EXPECT_EQ(r.integerOr("missing", 4, 0, 10), 4);
    EXPECT_EQ(r.stringOr("missing", "fb"), "fb");
    EXPECT_EQ(r.stringOr("s", "fb"), "x");
    EXPECT_TRUE(r.booleanOr("missing", true));
    EXPECT_FALSE(r.booleanOr("b", true));
    EXPECT_EQ(r.colorOr("missing", Color::rgba8(1, 2, 3)), Color::rgba8(1, 2, 3));
    EXPECT_EQ(r.colorOr("c", Color::rgba8(1, 2, 3)), Color::rgba8(0x10, 0x20, 0x30));
    EXPECT_FALSE(r.optionalColor("missing"));
    EXPECT_EQ(r.optionalColor("c"), Color::rgba8(0x10, 0x20, 0x30));
    EXPECT_FALSE(r.optionalChild("missing"));
    EXPECT_TRUE(r.has("n"));
    EXPECT_FALSE(r.has("missing"));
}

TEST_F(JsonNodeTest, Colors) {
    auto r = rootOf(R"({"layers": [{"color": "red"}, {"color": "#38D6FF55"}, {"color": "#38D6F"}]})");
    auto layers = r.child("layers");
    EXPECT_EQ(errorOf([&] { layers.at(0).color("color"); }),
              "show.json: layers[0].color: expected \"#RRGGBB\" or \"#RRGGBBAA\", got \"red\"");
    EXPECT_EQ(layers.at(1).color("color"), Color::rgba8(0x38, 0xD6, 0xFF, 0x55));
    EXPECT_EQ(errorOf([&] { layers.at(2).color("color"); }),
              "show.json: layers[2].color: expected \"#RRGGBB\" or \"#RRGGBBAA\", got \"#38D6F\"");
}

TEST_F(JsonNodeTest, Choice) {
    auto r = rootOf(R"({"one": "x", "two": "city", "three": 4, "ok": "county"})");
    EXPECT_EQ(errorOf([&] { r.choice("one", {"map"}); }), "show.json: one: expected \"map\", got \"x\"");
    EXPECT_EQ(errorOf([&] { r.choice("two", {"county", "prefecture"}); }),
              "show.json: two: expected \"county\" or \"prefecture\", got \"city\"");
    EXPECT_EQ(errorOf([&] { r.choice("three", {"a", "b", "c"}); }),
              "show.json: three: expected one of \"a\", \"b\", \"c\", got number");
    EXPECT_EQ(r.choice("ok", {"county", "prefecture"}), "county");
}

TEST_F(JsonNodeTest, Rects) {
    auto r = rootOf(R"({"ok": [0.74, 0.14, 0.26, 0.86], "three": [0, 0, 1], "s": "full", "out": [0, 0, 1.5, 1],
                        "wide": [0.5, 0, 0.6, 1], "tall": [0, 0.5, 1, 0.75], "zero": [0, 0, 0, 1],
                        "str": [0, "0", 1, 1]})");
    auto ok = r.rect("ok");
    EXPECT_FLOAT_EQ(ok[0], 0.74f);
    EXPECT_FLOAT_EQ(ok[3], 0.86f);
    EXPECT_EQ(errorOf([&] { r.rect("three"); }), "show.json: three: expected [x, y, w, h] as 4 numbers in [0, 1], got 3 items");
    EXPECT_EQ(errorOf([&] { r.rect("s"); }), "show.json: s: expected [x, y, w, h] as 4 numbers in [0, 1], got string");
    EXPECT_EQ(errorOf([&] { r.rect("out"); }), "show.json: out[2]: expected a number in [0, 1], got 1.5");
    EXPECT_EQ(errorOf([&] { r.rect("wide"); }), "show.json: wide: x + w must be at most 1, got 1.1");
    EXPECT_EQ(errorOf([&] { r.rect("tall"); }), "show.json: tall: y + h must be at most 1, got 1.25");
    EXPECT_EQ(errorOf([&] { r.rect("zero"); }), "show.json: zero: w and h must be greater than 0");
    EXPECT_EQ(errorOf([&] { r.rect("str"); }), "show.json: str[1]: expected a number in [0, 1], got string");
}

TEST_F(JsonNodeTest, ItemCounts) {
    auto r = rootOf(R"({"none": [], "three": [1, 2, 3]})");
    EXPECT_EQ(errorOf([&] { r.child("none").items(1, 64); }), "show.json: none: expected 1 to 64 items, got 0");
    EXPECT_EQ(errorOf([&] { r.child("three").items(1, 2); }), "show.json: three: expected 1 to 2 items, got 3");
    auto items = r.child("three").items(0, 3);
    ASSERT_EQ(items.size(), 3u);
    EXPECT_EQ(items[2].path(), "three[2]");
}

TEST_F(JsonNodeTest, Members) {
    auto r = rootOf(R"({"regions": {"b": 1, "a": 2, "needs quote": 3}})");
    auto members = r.child("regions").members();
    ASSERT_EQ(members.size(), 3u);
    EXPECT_EQ(members[0].first, "a");
    EXPECT_EQ(members[0].second.path(), "regions.a");
    EXPECT_EQ(members[2].second.path(), "regions[\"needs quote\"]");
}

TEST_F(JsonNodeTest, UnknownKeysSuggestTheClosestAllowedKey) {
    auto r = rootOf(R"({"scenes": [{"id": "a", "titel": "x"}], "colour": 1, "zzz": 2, "x": 3})");
    EXPECT_EQ(errorOf([&] { r.child("scenes").at(0).rejectUnknownKeys({"id", "type", "title"}); }),
              "show.json: scenes[0].titel: unknown field (did you mean \"title\"?)");
    EXPECT_EQ(errorOf([&] { r.rejectUnknownKeys({"scenes", "color", "zzz", "x"}); }),
              "show.json: colour: unknown field (did you mean \"color\"?)");
    EXPECT_EQ(errorOf([&] { r.rejectUnknownKeys({"scenes", "colour", "x"}); }), "show.json: zzz: unknown field");
    // A one-letter key is not "close" to a two-letter one.
    EXPECT_EQ(errorOf([&] { r.rejectUnknownKeys({"scenes", "colour", "zzz", "id"}); }), "show.json: x: unknown field");
    EXPECT_NO_THROW(r.rejectUnknownKeys({"scenes", "colour", "zzz", "x"}));
}

TEST_F(JsonNodeTest, OddKeysStayOnOneLine) {
    auto r = rootOf(R"({"bad\nkey": 1})");
    EXPECT_EQ(errorOf([&] { r.rejectUnknownKeys({"good"}); }), "show.json: [\"bad\\nkey\"]: unknown field");
}

// ---- helpers ---------------------------------------------------------------------------------

TEST(JsonHelpers, FormatNumber) {
    EXPECT_EQ(formatNumber(12), "12");
    EXPECT_EQ(formatNumber(-3), "-3");
    EXPECT_EQ(formatNumber(0.8), "0.8");
    EXPECT_EQ(formatNumber(1e300), "1e+300");
    EXPECT_EQ(formatNumber(1000000), "1000000");
}

TEST(JsonHelpers, QuoteForMessageEscapesAndShortens) {
    EXPECT_EQ(quoteForMessage("red"), "\"red\"");
    EXPECT_EQ(quoteForMessage("a\"b\n"), "\"a\\\"b\\n\"");
    std::string longChinese;
    for (int i = 0; i < 30; ++i) longChinese += "贵";  // 90 bytes
    std::string quoted = quoteForMessage(longChinese);
    EXPECT_EQ(quoted, "\"" + longChinese.substr(0, 60) + "...\"");
}

TEST(JsonHelpers, ClosestMatch) {
    std::vector<std::string_view> keys = {"title", "subtitle", "type"};
    EXPECT_EQ(closestMatch("titel", keys), "title");
    EXPECT_EQ(closestMatch("tpye", keys), "type");
    EXPECT_EQ(closestMatch("subtitles", keys), "subtitle");
    EXPECT_EQ(closestMatch("region", keys), "");
}

TEST(JsonHelpers, DescribeValue) {
    EXPECT_EQ(describeJsonValue(nlohmann::json("red")), "\"red\"");
    EXPECT_EQ(describeJsonValue(nlohmann::json(2.5)), "2.5");
    EXPECT_EQ(describeJsonValue(nlohmann::json(true)), "true");
    EXPECT_EQ(describeJsonValue(nlohmann::json::array()), "array");
    EXPECT_EQ(describeJsonValue(nlohmann::json()), "null");
}

}  // namespace
}  // namespace exhibit
