// The credits scene (数据来源与版权说明): every source the show's real figures cite (each row of
// sources.csv: the id other scenes print next to a figure, the title, the address), the map-data
// licence notice, fonts, software and 3D models with their licences and attributions, all from the
// show file (CreditsSpec) and the sources files it names, never from code.
//
// Laid out for the wall: as many columns as the output's width holds at a readable size (three at
// 1080p and 4K, six on a 32:9 wall); what does not fit goes onto further pages, which turn by
// themselves every pageSeconds with a page indicator ("1 / 2") and a progress bar, so nothing is
// cut off silently. Keys: left/right turn pages. Touch: a tap turns to the next page. Attract mode
// shows each page once.
// Does not: fetch or check the addresses, or scroll (pages read better from a distance).
#pragma once

#include <string>
#include <vector>

#include "scenes/credits_content.hpp"
#include "scenes/layout.hpp"
#include "scenes/scene.hpp"

namespace exhibit {

class CreditsScene final : public Scene {
public:
    // Reads the sources files; throws ContentError naming a file that is missing or malformed.
    CreditsScene(const SceneSpec& spec, const SceneServices& services);

    void update(const FrameTime& time, const Snapshot& feed) override;
    void draw(Canvas& canvas) override;
    void keyDown(int key) override;
    bool gesture(const Gesture& g) override;
    std::string hitTarget(glm::vec2 px) const override;
    bool attractStep(int step) override;
    void reset() override;

    const CreditsContent& content() const { return content_; }
    // Pages for the output last drawn (1 before the first draw).
    int pageCount() const { return std::max<int>(1, static_cast<int>(pages_.size())); }
    int page() const { return page_; }
    void showPage(int page);  // wraps around
    // The arrangement for an output of this size in the current language (what draw() uses).
    std::vector<CreditsPage> paginateFor(glm::ivec2 output) const;

private:
    struct Frame {
        Rect area;      // where the columns go
        int columns = 1;
        float columnWidth = 0, gap = 0;
    };
    Frame frameFor(const Layout& layout) const;
    float blockHeight(const Layout& layout, const CreditBlock& block, float width, bool first) const;
    float drawBlock(Canvas& canvas, const Layout& layout, const CreditBlock& block, glm::vec2 at, float width, bool first,
                    float maxHeight, float alpha) const;
    void drawPager(Canvas& canvas, const Layout& layout, const Rect& area) const;

    const SceneSpec& spec_;
    const CreditsSpec& credits_;
    const SceneServices& services_;
    CreditsContent content_;
    std::vector<CreditsPage> pages_;
    glm::ivec2 pagedFor_{0, 0};
    bool pagedEnglish_ = false;
    int page_ = 0;
    double onPage_ = 0;  // seconds on the current page
};

}  // namespace exhibit
