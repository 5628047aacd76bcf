// The credits: every row of the show's sources.csv is listed (the ids other scenes cite), a missing
// or corrupt sources file is named in the error, items come from the show file, and the pages of
// columns lose nothing at 1080p, 4K and on a 32:9 wall, in both languages.
#include "scenes/credits_scene.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "core/csv.hpp"
#include "core/error.hpp"
#include "renderer/platform/platform.hpp"
#include "tests/support/bundled_show.hpp"

namespace exhibit {
namespace {

using ::testing::HasSubstr;

class CreditsTest : public test::BundledShowTest {
protected:
    static const CreditsSpec& spec() { return *show_->findScene("credits")->credits; }
};

TEST_F(CreditsTest, ListsEverySourceOfTheShow) {
    const CreditsContent content = loadCreditsContent(spec(), *show_);
    const CsvTable table = loadCsv(std::string(EXHIBIT_ASSETS) + "/shows/guizhou/facts/sources.csv");
    std::vector<std::string> listed, expected;
    for (const CreditBlock& b : content.blocks)
        if (b.kind == CreditBlockKind::Source) listed.push_back(b.source.id);
    for (const CsvRow& row : table.rows()) expected.push_back(row[table.column("source_id")]);
    EXPECT_EQ(expected.size(), 43u);
    EXPECT_EQ(listed, expected);  // all of them, in file order
    // The map notice, the font and the tour's CC BY models with their authors are there too.
    bool notice = false, font = false, campground = false;
    for (const CreditBlock& b : content.blocks) {
        notice = notice || (b.kind == CreditBlockKind::Note && b.text.find("审图号") != std::string::npos);
        font = font || (b.kind == CreditBlockKind::Item && b.item.name == "Noto Sans CJK SC" &&
                        b.item.licence.find("SIL Open Font License") != std::string::npos);
        campground = campground || (b.kind == CreditBlockKind::Item && b.item.name == "Campground" &&
                                    b.item.by == "Brandon Jones" && b.item.licence == "CC BY 3.0");
    }
    EXPECT_TRUE(notice);
    EXPECT_TRUE(font);
    EXPECT_TRUE(campground);
}

// Every model folder the tour uses carries its licence, and every model whose licence asks for
// attribution (CC BY) has its authors in the credits: each name its ATTRIBUTION.md gives.
TEST_F(CreditsTest, EveryTourModelHasItsLicenceAndCcByAuthorsAreCredited) {
    ASSERT_TRUE(show_->tour);
    std::set<std::filesystem::path> folders;
    for (const TourStop& stop : show_->tour->stops)
        for (const TourPlacement& p : stop.models) {
            const auto file = show_->resolve(p.model);
            EXPECT_TRUE(std::filesystem::is_regular_file(file)) << p.model;
            folders.insert(file.parent_path());
        }
    std::string credited;
    for (const CreditSection& section : spec().sections)
        for (const CreditItem& item : section.items) credited += item.by + "\n";
    for (const auto& folder : folders) {
        EXPECT_TRUE(std::filesystem::is_regular_file(folder / "LICENSE.md")) << folder;
        std::ifstream attribution(folder / "ATTRIBUTION.md");
        for (std::string line; std::getline(attribution, line);) {
            const auto by = line.find(" by ");
            if (by == std::string::npos) continue;
            std::string author = line.substr(by + 4);
            while (!author.empty() && (author.back() == '.' || author.back() == ' ')) author.pop_back();
            EXPECT_NE(credited.find(author), std::string::npos) << "not credited: " << author << " (" << folder << ")";
        }
    }
    EXPECT_EQ(folders.size(), 3u);
}

TEST_F(CreditsTest, MissingOrCorruptSourcesFileIsNamed) {
    const auto dir = std::filesystem::path(EXHIBIT_BINARY_DIR) / "credits_test";
    std::filesystem::create_directories(dir);
    ShowFile show = *show_;
    show.baseDir = dir;
    CreditsSpec credits;
    credits.sections.push_back({"数据来源", "", "missing_sources.csv", {}, ""});
    try {
        loadCreditsContent(credits, show);
        FAIL() << "no error";
    } catch (const ContentError& e) {
        EXPECT_THAT(e.what(), HasSubstr("missing_sources.csv: cannot open"));
    }
    std::ofstream(dir / "bad_sources.csv") << "source_id,title,url\nA,T,https://a\nB,\"unclosed\n";
    credits.sections[0].sources = "bad_sources.csv";
    try {
        loadCreditsContent(credits, show);
        FAIL() << "no error";
    } catch (const ContentError& e) {
        EXPECT_THAT(e.what(), HasSubstr("bad_sources.csv:3"));
    }
    // A scene whose sources file is broken does not load: the director shows the others.
    SceneSpec scene = *show_->findScene("credits");
    scene.credits = credits;
    EXPECT_THROW(CreditsScene(scene, SceneServices{show, *regular_, *bold_, *text_}), ContentError);
}

TEST(CreditsPaginate, EveryBlockOnceInOrderAndNoHeadingLast) {
    std::vector<CreditBlock> blocks;
    std::vector<float> heights;
    for (int s = 0; s < 4; ++s) {
        blocks.push_back({CreditBlockKind::Heading, "h", {}, {}, static_cast<std::size_t>(s)});
        heights.push_back(40);
        for (int i = 0; i < 9; ++i) {
            blocks.push_back({CreditBlockKind::Item, "", {}, {}, static_cast<std::size_t>(s)});
            heights.push_back(30.0f + static_cast<float>((i * 7) % 5) * 10);
        }
    }
    blocks.push_back({CreditBlockKind::Item, "", {}, {}, 4});
    heights.push_back(500);  // taller than a column: a column of its own
    const auto pages = paginate(blocks, heights, 200, 3);
    std::vector<std::size_t> order;
    for (const CreditsPage& page : pages) {
        EXPECT_LE(page.size(), 3u);
        for (const CreditsColumn& column : page) {
            ASSERT_FALSE(column.empty());
            float used = 0;
            for (std::size_t b : column) used += heights[b];
            if (column.size() > 1) {
                EXPECT_LE(used, 200.0f);
            }
            EXPECT_NE(blocks[column.back()].kind, CreditBlockKind::Heading);
            order.insert(order.end(), column.begin(), column.end());
        }
    }
    ASSERT_EQ(order.size(), blocks.size());
    for (std::size_t i = 0; i < order.size(); ++i) EXPECT_EQ(order[i], i);
    EXPECT_EQ(pages.back().back(), CreditsColumn{blocks.size() - 1});
    EXPECT_TRUE(paginate({}, {}, 100, 2).empty());
}

TEST_F(CreditsTest, PagesHoldEverythingAtEveryOutputInBothLanguages) {
    for (Language language : {Language::Zh, Language::En}) {
        text_->setLanguage(language);
        auto scene = makeScene("credits");
        auto* credits = dynamic_cast<CreditsScene*>(scene.get());
        ASSERT_NE(credits, nullptr);
        std::size_t pages1080 = 0, pagesWide = 0;
        for (glm::ivec2 size : {glm::ivec2{1920, 1080}, glm::ivec2{3840, 2160}, glm::ivec2{3840, 1080}}) {
            const auto pages = credits->paginateFor(size);
            std::set<std::size_t> seen;
            for (const auto& page : pages)
                for (const auto& column : page) seen.insert(column.begin(), column.end());
            EXPECT_EQ(seen.size(), credits->content().blocks.size()) << size.x << "x" << size.y;
            if (size == glm::ivec2{1920, 1080}) pages1080 = pages.size();
            if (size == glm::ivec2{3840, 1080}) pagesWide = pages.size();
            EXPECT_EQ(pages.front().size(), size.x / size.y >= 3 ? 6u : 3u) << size.x << "x" << size.y;
        }
        EXPECT_GE(pages1080, 2u);  // 43 sources do not fit one 16:9 page at a readable size
        EXPECT_LE(pagesWide, pages1080);
    }
    text_->setLanguage(Language::Zh);
}

TEST_F(CreditsTest, PagesTurnByThemselvesAndByKeys) {
    auto scene = makeScene("credits");
    auto* credits = dynamic_cast<CreditsScene*>(scene.get());
    Canvas canvas;
    canvas.begin({1920, 1080}, {});
    scene->draw(canvas);
    const int n = credits->pageCount();
    ASSERT_GE(n, 2);
    EXPECT_EQ(credits->page(), 0);
    const double pageSeconds = spec().pageSeconds;
    for (int i = 0; i < static_cast<int>(pageSeconds * 10) + 1; ++i) scene->update({i / 10.0, 0.1}, Snapshot{});
    EXPECT_EQ(credits->page(), 1);
    scene->keyDown(keys::Left);
    EXPECT_EQ(credits->page(), 0);
    scene->keyDown(keys::Left);
    EXPECT_EQ(credits->page(), n - 1);  // wraps around
    EXPECT_TRUE(scene->attractStep(0));
    EXPECT_EQ(credits->page(), 0);
    EXPECT_FALSE(scene->attractStep(n));
}

}  // namespace
}  // namespace exhibit
