// Test support: the bundled Guizhou show and its theme fonts, loaded once per test suite (fonts
// take a while), with scenes made from it. Header-only; GL-free.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "renderer/font.hpp"
#include "scenes/catalog.hpp"

namespace exhibit::test {

class BundledShowTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        show_ = new ShowFile(loadShowFile(std::string(EXHIBIT_ASSETS) + "/shows/guizhou/show.json"));
        regular_ = new Font(Font::find(show_->theme.font, true));
        bold_ = new Font(Font::find(show_->theme.fontBold, true));
        text_ = new Translator(*show_);
        services_ = new SceneServices{*show_, *regular_, *bold_, *text_};
    }
    static void TearDownTestSuite() {
        delete services_;
        delete text_;
        delete bold_;
        delete regular_;
        delete show_;
    }
    static std::unique_ptr<Scene> makeScene(const std::string& id) { return createScene(*show_->findScene(id), *services_); }

    static inline ShowFile* show_ = nullptr;
    static inline Font* regular_ = nullptr;
    static inline Font* bold_ = nullptr;
    static inline Translator* text_ = nullptr;
    static inline SceneServices* services_ = nullptr;
};

}  // namespace exhibit::test
