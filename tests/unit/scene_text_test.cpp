// What every scene of the bundled show writes on the wall, in Chinese and in English, at 1080p, 4K
// and on a 32:9 wall: no text is cut to fit its box (TextLayout::truncated), and an English wall
// shows no Chinese except what is meant to stay as written (the 审图号 of the map notice, the titles
// of the sources the credits list). Each scene runs 20 s on the simulator first (dashboard_fixture),
// in both languages at once: one simulator run feeds the Chinese and the English scene.
// GL-free: drawing records into a Canvas; renderer/text_layout.hpp's observer sees every text.
#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <set>

#include "core/json_reader.hpp"
#include "data_feed/source_list.hpp"
#include "renderer/text_layout.hpp"
#include "tests/support/dashboard_fixture.hpp"

namespace exhibit::test {
namespace {

struct Written {
    std::set<std::string> cut;      // texts laid out truncated
    std::set<std::string> chinese;  // texts with Han characters
};

Written drawAndWatch(Scene& scene, Color background, glm::ivec2 size) {
    Written w;
    setTextLayoutObserver([&](std::string_view text, const TextLayout& layout) {
        if (layout.truncated) w.cut.insert(std::string(text));
        if (hasHan(text)) w.chinese.insert(std::string(text));
    });
    Canvas canvas;
    canvas.begin(size, background);
    scene.draw(canvas);
    setTextLayoutObserver({});
    return w;
}

std::string list(const std::set<std::string>& texts) {
    std::string out;
    for (const auto& t : texts) out += "\n  \"" + t + "\"";
    return out;
}

bool meantToStayChinese(const std::string& text, const SourceList& sources) {
    if (text.find("审图号") != std::string::npos) return true;
    for (const SourceEntry& s : sources.entries)
        if (text.find(s.title) != std::string::npos) return true;
    return false;
}

class SceneText : public ::testing::TestWithParam<std::string> {};

TEST_P(SceneText, FitsItsBoxesInBothLanguagesAndEnglishIsEnglish) {
    const SourceList sources = loadSourceList(EXHIBIT_ASSETS "/shows/guizhou/facts/sources.csv");
    DashboardFixture f(GetParam(), Language::Zh);
    const std::pair<Language, Scene*> scenes[] = {{Language::Zh, f.scene.get()},
                                                  {Language::En, &f.addScene(GetParam(), Language::En)}};
    for (const auto& [language, scene] : scenes) {
        Canvas canvas;
        canvas.begin({1920, 1080}, f.show.theme.background);
        scene->draw(canvas);
    }
    f.run(60 * 20);
    for (const auto& [language, scene] : scenes) {
        for (const glm::ivec2 size : {glm::ivec2{1920, 1080}, glm::ivec2{3840, 2160}, glm::ivec2{3840, 1080}}) {
            SCOPED_TRACE(std::string(toString(language)) + " at " + std::to_string(size.x) + "x" + std::to_string(size.y));
            const Written w = drawAndWatch(*scene, f.show.theme.background, size);
            EXPECT_TRUE(w.cut.empty()) << "cut to fit:" << list(w.cut);
            if (language != Language::En) continue;
            std::set<std::string> untranslated;
            for (const auto& t : w.chinese)
                if (!meantToStayChinese(t, sources)) untranslated.insert(t);
            EXPECT_TRUE(untranslated.empty()) << "Chinese on the English wall:" << list(untranslated);
        }
    }
}

INSTANTIATE_TEST_SUITE_P(BundledShow, SceneText, ::testing::ValuesIn(bundledSceneIds()),
                         [](const ::testing::TestParamInfo<std::string>& param) { return param.param; });

// Every text of the show file itself has its English (or needs none), and every region has an
// English name, so nothing is left to chance on an English wall that the goldens do not show.
TEST(ShowTranslations, EveryChineseTextOfTheShowHasItsEnglish) {
    const ShowFile show = loadShowFile(EXHIBIT_ASSETS "/shows/guizhou/show.json");
    const Translator text(show, Language::En);
    const JsonDocument doc = JsonDocument::load(show.path);
    std::set<std::string> missing;
    std::function<void(const nlohmann::json&)> walk = [&](const nlohmann::json& v) {
        if (v.is_object()) {
            for (const auto& [key, value] : v.items())
                if (key != "translations") walk(value);
        } else if (v.is_array()) {
            for (const auto& item : v) walk(item);
        } else if (v.is_string() && !text.translates(v.get<std::string>())) {
            missing.insert(v.get<std::string>());
        }
    };
    walk(doc.root().value());
    EXPECT_TRUE(missing.empty()) << "no English for:" << list(missing);
}

TEST(ShowTranslations, EveryCountyAndPrefectureHasAnEnglishName) {
    const ShowFile show = loadShowFile(EXHIBIT_ASSETS "/shows/guizhou/show.json");
    const Translator text(show, Language::En);
    const CountyFacts facts = loadCountyFacts(EXHIBIT_ASSETS "/shows/guizhou/facts/guizhou_counties.csv");
    std::vector<std::string> adcodes = {"520000"};
    for (const CountyFact& c : facts.counties) {
        adcodes.push_back(c.adcode);
        adcodes.push_back(c.prefectureAdcode);
    }
    EXPECT_TRUE(text.placesWithoutEnglish(adcodes).empty());
    EXPECT_EQ(text.place("522633", "从江县"), "Congjiang");
    EXPECT_EQ(text.place("522600", "黔东南苗族侗族自治州", false), "Qiandongnan Miao and Dong Autonomous Prefecture");
    EXPECT_EQ(text("赤水市"), "Chishui") << "a text that is exactly a place's Chinese name";
}

TEST(ShowTranslations, ABrokenPlaceNameTableKeepsChineseNamesAndSaysWhy) {
    const auto dir = std::filesystem::path(EXHIBIT_BINARY_DIR) / "scene_text_test";
    std::filesystem::create_directories(dir);
    {
        std::ofstream(dir / "names.csv") << "adcode,name,name_en\n522633,从江县,Congjiang County\n";  // no short_en
    }
    ShowFile show;
    show.baseDir = dir;
    show.englishPlaceNames = "names.csv";
    const Translator text(show, Language::En);
    EXPECT_EQ(text.place("522633", "从江县"), "从江县");
    EXPECT_EQ(text.placesWithoutEnglish({"522633"}).size(), 1u);
}

}  // namespace
}  // namespace exhibit::test
