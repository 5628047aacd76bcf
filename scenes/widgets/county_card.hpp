// CountyCard: the info card a visitor opens by tapping a county on the touch wall's map. It shows
// the county's name and prefecture, its poverty exit from the facts, today's live figures and a
// sparkline of its recent e-commerce orders, with the usual badges and a close button.
//
// Use:
//   CountyHistory history;                                   // county_history.hpp, updated every frame
//   CountyCard card;
//   card.setMinTouchPx(1.8f * wallPixelsPerCm);              // a standing adult's fingertip
//   // a tap on county `adcode` at `touch`:
//   card.open(countyCardData(adcode, facts, names, *snapshot, history));
//   cardBox = placeCard(touch, CountyCard::preferredSize(layout), layout.output(), layout.px(24));
//   // every frame:
//   if (card.isOpen()) card.setData(countyCardData(card.adcode(), facts, names, *snapshot, history));
//   card.setStatus(source.state, now - source.lastUpdate);
//   card.update(time.dt);
//   if (card.visible()) card.draw(frame, cardBox);
//   // a tap: if (card.closeButton(layout, cardBox).contains(touch)) card.close();
//
// Looks: the card's panel (Widget::drawCard, with the badges: "模拟数据" when any row or the
// sparkline is simulated) and a round close button (×) sitting on the panel's top-right corner.
// The button reaches only a little into the panel, so it never covers the badges; the box keeps a
// strip above and to the right of the panel for it, where nothing else is drawn. The button is
// at least minTouchPx wide in output pixels, and the panel gives up room to a larger one.
// Below: the name (bold, large, shrunk to fit), the prefecture, the poverty exit
// ("2020年度退出贫困县序列（2020-11-23 公布）", "非贫困县"), the rows on a three-column grid (label,
// formatCompact value or "—", unit) and the sparkline (filled area, line, dot on the latest sample)
// spread over the width, whatever the number of samples.
// Motion: open() fades the card in while it grows from 94 % over 0.25 s; close() fades it out
// while it shrinks; opening another county while the card shows swaps the content with a 0.2 s
// cross-fade (the panel stays). setData() refreshes the values without any of this. Deterministic:
// the state after N updates of a fixed dt is exact. Everything stays inside the box.
// Does not: receive touches (the scene hit-tests closeButton and calls close()), read the feed (the
// scene passes CountyCardData, see countyCardData below), choose where it goes (placeCard helps),
// scroll, or show more rows than fit.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <glm/vec2.hpp>

#include "data_feed/county_facts.hpp"
#include "data_feed/snapshot.hpp"
#include "scenes/county_history.hpp"
#include "scenes/region_names.hpp"
#include "scenes/widgets/widget.hpp"

namespace exhibit {

struct CountyCardData {
    std::string adcode;
    std::string name;        // full name, e.g. 从江县
    std::string prefecture;  // full name of its prefecture, e.g. 黔东南苗族侗族自治州; may be empty
    std::string prefectureAdcode;
    std::optional<int> exitYear;  // annual batch (assessment year) in which it left the poverty list
    std::string exitAnnounced;    // as written in the facts, e.g. "2020-11-23"; may be empty
    bool wasPoorCounty = false;
    bool inFacts = false;  // the facts know the county; without them no poverty line is shown
    struct Row {
        std::string label;
        std::optional<double> value;  // none: shown as "—"
        std::string unit;
        Provenance provenance = Provenance::Real;
    };
    std::vector<Row> rows;
    std::string sparkTitle, sparkTitleEn;
    std::vector<double> spark;  // oldest first
    Provenance sparkProvenance = Provenance::Real;
};

// The poverty line of the card: "2020年度退出贫困县序列（2020-11-23 公布）", "原贫困县" (poor county
// without an exit year), "非贫困县", or "" when the county is not in the facts.
// In English: "Left the poverty list in the 2020 batch (announced 2020-11-23)".
std::string povertyExitLine(const CountyCardData& data, Language language = Language::Zh);

// The card's content for one region: name and exit from the facts (short name from `names` for a
// region that is not a county), rows of today's e-commerce orders and sales, active online shops,
// express stations, telemedicine consultations and class attendance from the snapshot (the units of
// the dashboard's widgets; missing values stay empty), and the history's ecommerce_orders series
// titled with its span ("电商订单 近15分钟"). A region that is not a county in the facts gets its
// name (the adcode itself when unknown) and nothing else.
CountyCardData countyCardData(const std::string& adcode, const CountyFacts& facts, const RegionNames& names,
                              const Snapshot& snapshot, const CountyHistory& history);

// Where a card of `size` goes for a tap at `anchor`: right of it (gapPx away), else left of it,
// vertically centred on it, clamped inside `within`. When neither side has room it takes the side
// with more room and may cover the anchor; a card larger than `within` sits at its top-left.
Rect placeCard(glm::vec2 anchor, glm::vec2 size, const Rect& within, float gapPx);

class CountyCard final : public Widget {
public:
    static constexpr double kOpenSeconds = 0.25;
    static constexpr double kSwapSeconds = 0.2;

    // Shows `data`: animates in when hidden, cross-fades from the county shown before, and only
    // refreshes (like setData) when it is the county already open.
    void open(CountyCardData data);
    void close();  // animates out; visible() until it has faded
    // New values for the county shown, without animating.
    void setData(CountyCardData data) { data_ = std::move(data); }
    const CountyCardData& data() const { return data_; }

    bool visible() const { return open_ || shown() > 0; }
    bool isOpen() const { return open_; }
    const std::string& adcode() const { return data_.adcode; }
    // How far the card is in, 0 (gone) .. 1 (fully shown), eased: its opacity.
    float shown() const;

    // Minimum size of the close button in output pixels (e.g. 1.8 cm at the wall's pixels per cm);
    // the button is never smaller than 40 design px either.
    void setMinTouchPx(float px) { minTouchPx_ = px; }
    // The close button's touch square when the card is drawn into `box` (the geometry draw uses).
    Rect closeButton(const Layout& layout, const Rect& box) const;
    // The box size the card is designed for (400 x 350 px at 1080p, scaled with layout.px).
    static glm::vec2 preferredSize(const Layout& layout);

    void update(double dtSeconds) override;
    void draw(const WidgetFrame& frame, const Rect& box) const override;
    bool settled() const override;

private:
    bool itemsSimulated() const override;
    float closeSize(const Layout& layout) const;
    Rect panel(const Layout& layout, const Rect& box) const;
    void drawCardAndContent(const WidgetFrame& frame, const Rect& box) const;
    void drawBody(const WidgetFrame& frame, const Rect& content, const CountyCardData& data, float opacity) const;
    void drawCloseButton(const WidgetFrame& frame, const Rect& button) const;

    CountyCardData data_;
    std::optional<CountyCardData> previous_;  // fading out during a swap
    bool open_ = false;
    float from_ = 0;        // shown() when the last open or close began
    double sinceToggle_ = kOpenSeconds;
    double sinceSwap_ = kSwapSeconds;
    float minTouchPx_ = 0;
};

}  // namespace exhibit
