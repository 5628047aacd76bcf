#include "core/csv.hpp"

#include <filesystem>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/error.hpp"

namespace exhibit {
namespace {

using ::testing::StartsWith;

const std::filesystem::path kData = std::filesystem::path(EXHIBIT_TEST_DATA) / "facts";

std::string errorOf(std::string_view text) {
    try {
        parseCsv(text, "t.csv");
    } catch (const ContentError& e) {
        return e.what();
    }
    return "<no error>";
}

TEST(Csv, ParsesHeaderAndRows) {
    const CsvTable t = parseCsv("a,b,c\n1,2,3\n4,,6\n", "t.csv");
    EXPECT_EQ(t.header(), (std::vector<std::string>{"a", "b", "c"}));
    ASSERT_EQ(t.rows().size(), 2u);
    EXPECT_EQ(t.rows()[0].fields(), (std::vector<std::string>{"1", "2", "3"}));
    EXPECT_EQ(t.rows()[1][1], "");
    EXPECT_EQ(t.rows()[1][2], "6");
    EXPECT_EQ(t.rows()[0].line(), 2u);
    EXPECT_EQ(t.rows()[1].line(), 3u);
    EXPECT_EQ(t.column("c"), 2u);
    EXPECT_TRUE(t.hasColumn("a"));
    EXPECT_FALSE(t.hasColumn("d"));
}

TEST(Csv, QuotesBomCrlfFromFile) {
    const CsvTable t = loadCsv(kData / "quoted_crlf_bom.csv");
    EXPECT_EQ(t.displayName(), "quoted_crlf_bom.csv");
    EXPECT_EQ(t.header()[0], "id");  // BOM skipped
    ASSERT_EQ(t.rows().size(), 2u);
    EXPECT_EQ(t.rows()[0][1], "Smith, J.");
    EXPECT_EQ(t.rows()[0][2], "said \"hi\"\r\nand left");  // embedded line break kept as written
    EXPECT_EQ(t.rows()[0].line(), 2u);
    EXPECT_EQ(t.rows()[1].line(), 4u);  // the quoted line break counts
    EXPECT_EQ(t.rows()[1][1], "贵阳市");
    EXPECT_EQ(t.rows()[1][2], "");
}

TEST(Csv, NoFinalLineBreakAndEmptyLines) {
    const CsvTable t = parseCsv("a,b\n\n1,2\r\n\r\n3,4", "t.csv");
    ASSERT_EQ(t.rows().size(), 2u);
    EXPECT_EQ(t.rows()[0].line(), 3u);
    EXPECT_EQ(t.rows()[1][1], "4");
    EXPECT_EQ(t.rows()[1].line(), 5u);
}

TEST(Csv, TrailingCommaIsAnEmptyField) {
    const CsvTable t = parseCsv("a,b\n1,\n", "t.csv");
    ASSERT_EQ(t.rows().size(), 1u);
    EXPECT_EQ(t.rows()[0][1], "");
}

TEST(Csv, HeaderOnlyHasNoRows) {
    EXPECT_TRUE(parseCsv("a,b\r\n", "t.csv").rows().empty());
}

TEST(CsvErrors, WrongFieldCountNamesLine) {
    EXPECT_EQ(errorOf("a,b\n1,2\n3\n"), "t.csv:3: expected 2 fields, got 1");
    EXPECT_EQ(errorOf("a,b\n1,2,3\n"), "t.csv:2: expected 2 fields, got 3");
    try {
        loadCsv(kData / "short_row.csv");
        FAIL() << "no error";
    } catch (const ContentError& e) {
        EXPECT_STREQ(e.what(), "short_row.csv:3: expected 2 fields, got 1");
    }
}

TEST(CsvErrors, MissingColumn) {
    const CsvTable t = parseCsv("a,b\n1,2\n", "t.csv");
    try {
        (void)t.column("adcode");
        FAIL() << "no error";
    } catch (const ContentError& e) {
        EXPECT_STREQ(e.what(), "t.csv: missing column \"adcode\"");
    }
}

TEST(CsvErrors, BadQuoting) {
    EXPECT_EQ(errorOf("a,b\n1,\"open\n2,3\n"), "t.csv:2: unterminated quoted field");
    EXPECT_EQ(errorOf("a,b\n1,\"x\"y\n"), "t.csv:2: unexpected text after a closing quote");
    EXPECT_EQ(errorOf("a,b\n1,x\"y\n"), "t.csv:2: quote inside an unquoted field");
}

TEST(CsvErrors, EmptyAndMissingFiles) {
    EXPECT_EQ(errorOf(""), "t.csv: empty file (no header row)");
    EXPECT_EQ(errorOf("\xEF\xBB\xBF\r\n\n"), "t.csv: empty file (no header row)");
    try {
        loadCsv(kData / "nope.csv");
        FAIL() << "no error";
    } catch (const ContentError& e) {
        EXPECT_THAT(e.what(), StartsWith("nope.csv: cannot open: "));
    }
}

TEST(CsvBundled, ReadsEveryFactsFile) {
    const std::filesystem::path facts = std::filesystem::path(EXHIBIT_ASSETS) / "shows/guizhou/facts";
    struct Expected {
        const char* file;
        std::size_t rows;
        const char* urlColumn;
    };
    const Expected files[] = {{"guizhou_counties.csv", 88, "source_url"},
                              {"guizhou_prefectures.csv", 9, "source_url"},
                              {"poverty_county_exit_batches.csv", 5, "source_url"},
                              {"poverty_population_by_year.csv", 10, "source_url"},
                              {"key_facts.csv", 18, "source_url"},
                              {"sources.csv", 43, "url"}};
    for (const auto& [name, rows, urlColumn] : files) {
        const CsvTable t = loadCsv(facts / name);
        EXPECT_EQ(t.rows().size(), rows) << name;
        const std::size_t url = t.column(urlColumn);
        // One source (Xinhua 2018-01-26) has no URL recorded; every recorded one is a web address.
        for (const CsvRow& row : t.rows()) {
            if (!row[url].empty()) {
                EXPECT_THAT(row[url], StartsWith("http")) << name << ":" << row.line();
            }
        }
        for (const CsvRow& row : t.rows()) EXPECT_EQ(row.size(), t.header().size());
    }
}

}  // namespace
}  // namespace exhibit
