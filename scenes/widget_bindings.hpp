// Binds the chart widgets of a dashboard to the data feed, as the show file's widget specs say:
// each frame a binding reads the newest snapshot, hands its widget plain numbers with their
// provenance (bars per county or prefecture, donut parts, ticker rows from new events, a line of
// a value or its rate per minute) and the status of the source behind them, so a source that
// goes quiet shows "数据延迟 Ns" and one that fails shows "数据中断" on exactly the widgets it
// feeds, while the last good values stay on screen. Bars are keyed by their county's or
// prefecture's adcode and ticker rows by their origin county's (Widget::itemAt, setHighlight).
//
//   auto binding = bindWidget(spec, names, show, text);  // throws ContentError (history facts)
//   binding->update(time, feed, ages);                  // each frame, before drawing
//   binding->widget().draw(frame, layout.find(spec.region).value());
//
// Does not: lay out (the scene does), draw anything itself, or block on the feed.
#pragma once

#include <memory>

#include "core/clock.hpp"
#include "core/show.hpp"
#include "data_feed/snapshot.hpp"
#include "scenes/region_names.hpp"
#include "scenes/translator.hpp"
#include "scenes/widgets/widget.hpp"

namespace exhibit {

// Ages of feed data on the scene's clock: the hub stamps snapshots and sources with its own clock,
// and publishes only on change, so the age of a quiet source keeps growing between publishes.
class FeedAges {
public:
    void update(const FrameTime& time, const Snapshot& feed);
    double age(double sourceLastUpdate) const;
    // State and age of one source (Snapshot::sources index); Connecting when unknown.
    std::pair<SourceState, double> source(const Snapshot& feed, std::size_t index) const;
    // The worst state over all sources, with the age of the freshest one.
    std::pair<SourceState, double> overall(const Snapshot& feed) const;

private:
    std::uint64_t sequence_ = ~0ull;
    double snapshotTime_ = 0, receivedAt_ = 0, now_ = 0;
};

class WidgetBinding {
public:
    explicit WidgetBinding(const WidgetSpec& spec) : spec_(spec) {}
    virtual ~WidgetBinding() = default;
    WidgetBinding(const WidgetBinding&) = delete;
    WidgetBinding& operator=(const WidgetBinding&) = delete;

    const WidgetSpec& spec() const { return spec_; }
    virtual Widget& widget() = 0;
    // Reads the feed (new snapshots only, unless noted) and advances the widget by time.dt.
    virtual void update(const FrameTime& time, const Snapshot& feed, const FeedAges& ages) = 0;
    // The sources of the real figures it shows, as the facts or the feed cite them (titles or ids);
    // empty when its figures are simulated (the widget's badge says so) or not there yet.
    virtual std::vector<std::string> sources() const { return {}; }

protected:
    const WidgetSpec& spec_;
};

// `text` gives ticker rows their English (composed once, shown when the wall speaks English).
std::unique_ptr<WidgetBinding> bindWidget(const WidgetSpec& spec, const RegionNames& names, const ShowFile& show,
                                          const Translator& text);

}  // namespace exhibit
