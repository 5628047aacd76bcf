#include "core/utf8.hpp"

#include <gtest/gtest.h>

namespace exhibit {
namespace {

constexpr char32_t R = kReplacementChar;

TEST(Utf8, EmptyInputGivesEmptyString) { EXPECT_EQ(decodeUtf8(""), U""); }

TEST(Utf8, DecodesAsciiAndMultibyte) {
    EXPECT_EQ(decodeUtf8("Guizhou"), U"Guizhou");
    EXPECT_EQ(decodeUtf8("\xC3\xA9"), U"\u00E9");                        // é, 2 bytes
    EXPECT_EQ(decodeUtf8("贵州 2020"), U"贵州 2020");                     // 3 bytes each
    EXPECT_EQ(decodeUtf8("\xF0\x9F\x98\x80"), U"\U0001F600");            // 4 bytes
    EXPECT_EQ(decodeUtf8("\xF4\x8F\xBF\xBF"), U"\U0010FFFF");            // largest code point
    EXPECT_EQ(decodeUtf8(std::string_view("a\0b", 3)), std::u32string(U"a\0b", 3));
}

TEST(Utf8, StrayAndImpossibleBytesBecomeOneReplacementEach) {
    EXPECT_EQ(decodeUtf8("a\x80z"), (std::u32string{U'a', R, U'z'}));
    EXPECT_EQ(decodeUtf8("\x80\xBF"), (std::u32string{R, R}));
    EXPECT_EQ(decodeUtf8("\xFF\xFEx"), (std::u32string{R, R, U'x'}));
    EXPECT_EQ(decodeUtf8("\xF8\x88\x80\x80\x80"), (std::u32string{R, R, R, R, R}));
}

TEST(Utf8, TruncatedSequencesBecomeOneReplacement) {
    EXPECT_EQ(decodeUtf8("\xE8\xB4"), (std::u32string{R}));              // 贵 cut at the end
    EXPECT_EQ(decodeUtf8("\xE8\xB4z"), (std::u32string{R, U'z'}));       // cut by an ASCII byte
    EXPECT_EQ(decodeUtf8("\xF0\x9F\x98"), (std::u32string{R}));
    EXPECT_EQ(decodeUtf8("\xC3"), (std::u32string{R}));
    EXPECT_EQ(decodeUtf8("\xE8\xB4\xE5\xB7\x9E"), (std::u32string{R, U'州'}));  // next lead starts anew
}

TEST(Utf8, OverlongSequencesBecomeOneReplacement) {
    EXPECT_EQ(decodeUtf8("\xC0\xAF"), (std::u32string{R}));              // overlong '/'
    EXPECT_EQ(decodeUtf8("\xC1\xBF"), (std::u32string{R}));
    EXPECT_EQ(decodeUtf8("\xE0\x80\xAF"), (std::u32string{R}));
    EXPECT_EQ(decodeUtf8("\xF0\x80\x80\xAF"), (std::u32string{R}));
    EXPECT_EQ(decodeUtf8("x\xC0\x80y"), (std::u32string{U'x', R, U'y'}));
}

TEST(Utf8, SurrogatesAndOutOfRangeBecomeOneReplacement) {
    EXPECT_EQ(decodeUtf8("\xED\xA0\x80"), (std::u32string{R}));          // U+D800
    EXPECT_EQ(decodeUtf8("\xED\xBF\xBF"), (std::u32string{R}));          // U+DFFF
    EXPECT_EQ(decodeUtf8("\xED\x9F\xBF"), U"\uD7FF");                     // just below: valid
    EXPECT_EQ(decodeUtf8("\xF4\x90\x80\x80"), (std::u32string{R}));      // U+110000
}

TEST(Utf8, NeverReadsPastTheEnd) {
    // The view ends inside a sequence whose continuation bytes follow in memory.
    const char buffer[] = "\xE8\xB4\xB5";
    EXPECT_EQ(decodeUtf8(std::string_view(buffer, 2)), (std::u32string{R}));
    EXPECT_EQ(decodeUtf8(std::string_view(buffer, 0)), U"");
}

}  // namespace
}  // namespace exhibit
