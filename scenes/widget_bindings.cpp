#include "scenes/widget_bindings.hpp"

#include <algorithm>
#include <deque>
#include <map>

#include "core/text_file.hpp"
#include "data_feed/poverty_history.hpp"
#include "data_feed/source_list.hpp"

#include "scenes/widgets/bar_chart.hpp"
#include "scenes/widgets/donut.hpp"
#include "scenes/widgets/event_ticker.hpp"
#include "scenes/widgets/flow_chain.hpp"
#include "scenes/widgets/format.hpp"
#include "scenes/widgets/history_playback.hpp"
#include "scenes/widgets/item_list.hpp"
#include "scenes/widgets/kpi_counter.hpp"
#include "scenes/widgets/line_chart.hpp"
#include "scenes/widgets/progress_bars.hpp"
#include "scenes/widgets/trace_list.hpp"

namespace exhibit {

void FeedAges::update(const FrameTime& time, const Snapshot& feed) {
    now_ = time.seconds;
    if (feed.sequence != sequence_) {
        sequence_ = feed.sequence;
        snapshotTime_ = feed.timestamp;
        receivedAt_ = time.seconds;
    }
}

double FeedAges::age(double sourceLastUpdate) const {
    return std::max(0.0, snapshotTime_ - sourceLastUpdate + (now_ - receivedAt_));
}

std::pair<SourceState, double> FeedAges::source(const Snapshot& feed, std::size_t index) const {
    if (index >= feed.sources.size()) return {SourceState::Connecting, 0.0};
    const SourceStatus& s = feed.sources[index];
    return {s.state, s.lastUpdate > 0 ? age(s.lastUpdate) : 0.0};
}

std::pair<SourceState, double> FeedAges::overall(const Snapshot& feed) const {
    if (feed.sources.empty()) return {SourceState::Connecting, 0.0};
    SourceState worst = SourceState::Ok;
    double freshest = 1e300;
    bool anyData = false;
    for (std::size_t i = 0; i < feed.sources.size(); ++i) {
        const auto [state, age] = source(feed, i);
        // Error beats Stale beats Connecting beats Ok: the order of SourceState, except Connecting.
        auto rank = [](SourceState s) {
            switch (s) {
                case SourceState::Ok: return 0;
                case SourceState::Connecting: return 1;
                case SourceState::Stale: return 2;
                case SourceState::Error: return 3;
            }
            return 0;
        };
        if (rank(state) > rank(worst)) worst = state;
        if (feed.sources[i].lastUpdate > 0) {
            anyData = true;
            freshest = std::min(freshest, age);
        }
    }
    return {worst, anyData ? freshest : 0.0};
}

namespace {

// The status of a value's source, or of the whole feed before the value exists.
void applyStatus(Widget& widget, const MetricValue* value, const Snapshot& feed, const FeedAges& ages) {
    const auto [state, age] = value ? ages.source(feed, value->source) : ages.overall(feed);
    widget.setStatus(value || state != SourceState::Ok ? state : SourceState::Connecting, age);
}

// Values of `metric` per county, or summed per prefecture (a prefecture's own value is used when the
// feed has no county values for it), with the newest value's source and whether any is simulated.
struct Grouped {
    std::map<std::string, double> values;  // adcode -> value
    const MetricValue* newest = nullptr;
    bool simulated = false;
};

Grouped groupValues(const Snapshot& feed, const std::string& metric, GroupBy by, const RegionNames& names) {
    Grouped g;
    auto note = [&](const MetricValue& v) {
        if (!g.newest || v.timestamp > g.newest->timestamp) g.newest = &v;
        g.simulated = g.simulated || v.provenance == Provenance::Simulated;
    };
    std::map<std::string, double> prefectureOwn;
    for (const auto& [adcode, metrics] : feed.values) {
        auto it = metrics.find(metric);
        if (it == metrics.end()) continue;
        const std::string prefecture = names.prefectureOf(adcode);
        if (prefecture.empty()) {
            // Not a county of the show: a prefecture's own value (used below) or the province.
            if (by == GroupBy::Prefecture && adcode != "520000") prefectureOwn[adcode] = it->second.value;
            if (by == GroupBy::Prefecture && adcode != "520000") note(it->second);
            continue;
        }
        note(it->second);
        if (by == GroupBy::County)
            g.values[adcode] = it->second.value;
        else
            g.values[prefecture] += it->second.value;
    }
    for (const auto& [adcode, value] : prefectureOwn) g.values.emplace(adcode, value);
    return g;
}

class KpiBinding final : public WidgetBinding {
public:
    explicit KpiBinding(const WidgetSpec& spec) : WidgetBinding(spec) {
        kpi_.setTitle(spec.title);
        kpi_.setUnit(spec.unit);
        kpi_.setDecimals(spec.decimals);
    }
    Widget& widget() override { return kpi_; }
    void update(const FrameTime& time, const Snapshot& feed, const FeedAges& ages) override {
        const MetricValue* v = feed.value(spec_.adcode, spec_.metric);
        if (v && (!shown_ || v->value != *shown_)) {
            kpi_.setValue(v->value);
            shown_ = v->value;
        }
        if (v) kpi_.setProvenance(v->provenance);
        applyStatus(kpi_, v, feed, ages);
        kpi_.update(time.dt);
    }

private:
    KpiCounter kpi_;
    std::optional<double> shown_;
};

class LineBinding final : public WidgetBinding {
public:
    explicit LineBinding(const WidgetSpec& spec) : WidgetBinding(spec) {
        chart_.setTitle(spec.title);
        chart_.setUnit(spec.unit);
        chart_.setDecimals(spec.decimals);
        chart_.setWindowSeconds(spec.windowSeconds);
        if (spec.color) chart_.setColor(*spec.color);
    }
    Widget& widget() override { return chart_; }
    void update(const FrameTime& time, const Snapshot& feed, const FeedAges& ages) override {
        const MetricValue* v = feed.value(spec_.adcode, spec_.metric);
        if (v && v->timestamp > lastTimestamp_) {
            lastTimestamp_ = v->timestamp;
            if (spec_.mode == LineMode::Value) {
                chart_.append(v->timestamp, v->value, v->provenance);
            } else {
                appendRate(*v);
            }
        }
        if (v) chart_.setProvenance(v->provenance);
        applyStatus(chart_, v, feed, ages);
        chart_.update(time.dt);
    }

private:
    // The rate over the last minute of samples (at least kMinSpan seconds of them), so one-second
    // counts do not make the line jitter. A counter that went down was reset (a new day): start again.
    void appendRate(const MetricValue& v) {
        if (!recent_.empty() && v.value < recent_.back().second) recent_.clear();
        recent_.emplace_back(v.timestamp, v.value);
        while (recent_.size() > 2 && v.timestamp - recent_[1].first >= 60.0) recent_.pop_front();
        const double span = v.timestamp - recent_.front().first;
        if (span >= kMinSpan) chart_.append(v.timestamp, (v.value - recent_.front().second) / span * 60.0, v.provenance);
    }

    static constexpr double kMinSpan = 10;
    LineChart chart_;
    double lastTimestamp_ = 0;
    std::deque<std::pair<double, double>> recent_;  // (timestamp, value) of the last minute
};

class BarBinding final : public WidgetBinding {
public:
    BarBinding(const WidgetSpec& spec, const RegionNames& names) : WidgetBinding(spec), names_(names) {
        chart_.setTitle(spec.title);
        chart_.setUnit(spec.unit);
        chart_.setDecimals(spec.decimals);
        chart_.setMaxBars(spec.maxBars);
        chart_.setOrientation(spec.vertical ? BarChart::Orientation::Vertical : BarChart::Orientation::Horizontal);
        if (spec.color) chart_.setColor(*spec.color);
    }
    Widget& widget() override { return chart_; }
    void update(const FrameTime& time, const Snapshot& feed, const FeedAges& ages) override {
        if (feed.sequence != sequence_) {
            sequence_ = feed.sequence;
            const Grouped g = groupValues(feed, spec_.metric, spec_.by, names_);
            std::vector<BarItem> items;
            for (const auto& [adcode, value] : g.values)
                items.push_back({adcode, names_.shortName(adcode), value,
                                 g.simulated ? Provenance::Simulated : Provenance::Real});
            if (!items.empty()) chart_.setItems(std::move(items));
            newest_ = g.newest ? std::optional(*g.newest) : std::nullopt;
        }
        applyStatus(chart_, newest_ ? &*newest_ : nullptr, feed, ages);
        chart_.update(time.dt);
    }

private:
    const RegionNames& names_;
    BarChart chart_;
    std::uint64_t sequence_ = ~0ull;
    std::optional<MetricValue> newest_;
};

class DonutBinding final : public WidgetBinding {
public:
    DonutBinding(const WidgetSpec& spec, const RegionNames& names) : WidgetBinding(spec), names_(names) {
        donut_.setTitle(spec.title);
        donut_.setUnit(spec.unit);
        donut_.setDecimals(spec.decimals);
        donut_.setCenterLabel(spec.centerLabel);
    }
    Widget& widget() override { return donut_; }
    void update(const FrameTime& time, const Snapshot& feed, const FeedAges& ages) override {
        if (feed.sequence != sequence_) {
            sequence_ = feed.sequence;
            std::vector<DonutSegment> segments;
            newest_.reset();
            if (spec_.parts.empty()) {
                const Grouped g = groupValues(feed, spec_.metric, spec_.by, names_);
                for (const auto& [adcode, value] : g.values)
                    segments.push_back({names_.shortName(adcode), value, {0, 0, 0, 0},
                                        g.simulated ? Provenance::Simulated : Provenance::Real, adcode});
                if (g.newest) newest_ = *g.newest;
            } else {
                for (const DonutPart& part : spec_.parts) {
                    const MetricValue* v = feed.value(part.adcode, part.metric);
                    if (!v) continue;
                    segments.push_back({part.label, v->value, {0, 0, 0, 0}, v->provenance});
                    if (!newest_ || v->timestamp > newest_->timestamp) newest_ = *v;
                }
            }
            if (!segments.empty()) donut_.setSegments(std::move(segments));
        }
        applyStatus(donut_, newest_ ? &*newest_ : nullptr, feed, ages);
        donut_.update(time.dt);
    }

private:
    const RegionNames& names_;
    Donut donut_;
    std::uint64_t sequence_ = ~0ull;
    std::optional<MetricValue> newest_;
};

class TickerBinding final : public WidgetBinding {
public:
    TickerBinding(const WidgetSpec& spec, const RegionNames& names, const Translator& text)
        : WidgetBinding(spec), names_(names), text_(text) {
        ticker_.setTitle(spec.title);
        ticker_.setCapacity(static_cast<std::size_t>(spec.capacity));
    }
    Widget& widget() override { return ticker_; }
    void update(const FrameTime& time, const Snapshot& feed, const FeedAges& ages) override {
        std::vector<const FeedEvent*> fresh;
        for (const FeedEvent& e : feed.events) {
            if (e.serial <= lastSerial_) continue;
            if (std::find(spec_.events.begin(), spec_.events.end(), e.kind) != spec_.events.end()) fresh.push_back(&e);
        }
        // A show that starts mid-stream lists the last few events instead of scrolling through all.
        const std::size_t keep = lastSerial_ == 0 ? std::min<std::size_t>(fresh.size(), 8) : fresh.size();
        for (std::size_t i = fresh.size() - keep; i < fresh.size(); ++i) ticker_.push(row(*fresh[i]));
        for (const FeedEvent& e : feed.events) lastSerial_ = std::max(lastSerial_, e.serial);
        const auto [state, age] = ages.overall(feed);
        ticker_.setStatus(state, age);
        ticker_.update(time.dt);
    }

private:
    TickerEvent row(const FeedEvent& e) const {
        TickerEvent t;
        t.timestamp = e.timestamp;
        t.provenance = e.provenance;
        static constexpr std::pair<std::string_view, std::string_view> kTags[] = {
            {"order_shipped", "电商"}, {"consultation_referred", "医疗"}, {"class_held", "教育"}, {"livestream_started", "直播"},
            {"consumption_order", "消费"}, {"village_affairs_posted", "村务"}, {"diagnosis_requested", "会诊"},
            {"diagnosis_returned", "诊断"}, {"training_held", "培训"}, {"partner_paired", "结对"},
            {"aid_project_signed", "帮扶"}};
        for (std::size_t i = 0; i < std::size(kTags); ++i)
            if (e.kind == kTags[i].first) {
                t.tag = std::string(kTags[i].second);
                t.tagColor = seriesColor(i);
            }
        t.text = !e.text.empty() ? e.text : names_.shortName(e.fromAdcode) + (e.toName.empty() ? "" : " → " + e.toName);
        t.textEn = englishRow(e);
        // Keyed by the origin county, as the county bars are; a prefecture or the province as a
        // whole is no county ("").
        if (!names_.prefectureOf(e.fromAdcode).empty()) t.key = e.fromAdcode;
        return t;
    }

    // The feed's caption is Chinese; the English row is composed from the event's fields.
    std::string englishRow(const FeedEvent& e) const {
        const std::string from = text_.placeIn(Language::En, e.fromAdcode, names_.shortName(e.fromAdcode));
        const std::string to = e.toAdcode.empty() ? text_.in(Language::En, e.toName)
                                                  : text_.placeIn(Language::En, e.toAdcode, e.toName);
        const std::string value = formatCompact(e.value, 0, 1, Language::En);
        if (e.kind == "order_shipped") return from + " → " + to + ": " + value + " parcels";
        if (e.kind == "consultation_referred") return from + ": consultation referred to " + to;
        if (e.kind == "class_held") return from + ": online classes, " + value + " attendances";
        if (e.kind == "livestream_started") return from + ": live stream started";
        if (e.kind == "consumption_order") return from + " → " + to + ": aid order, " + value + " yuan";
        if (e.kind == "village_affairs_posted") return from + ": village affairs posted";
        if (e.kind == "diagnosis_requested") return from + " clinic → " + to + ": request";
        if (e.kind == "diagnosis_returned") return from + " → " + to + " clinic: report";
        if (e.kind == "training_held") return from + ": new-farmer training, " + value + " trainees";
        if (e.kind == "partner_paired") return to + " pairs with " + from;
        if (e.kind == "aid_project_signed") return to + " → " + from + ": aid project, " + value + " yuan";
        return from + (to.empty() ? "" : " → " + to) + (e.value != 0 ? ": " + value : "");
    }

    const RegionNames& names_;
    const Translator& text_;
    EventTicker ticker_;
    std::uint64_t lastSerial_ = 0;
};

// Real facts, not the feed: the years and the exit batches from the show's facts files.
class HistoryBinding final : public WidgetBinding {
public:
    HistoryBinding(const WidgetSpec& spec, const ShowFile& show, const Translator& text) : WidgetBinding(spec) {
        const auto years = parsePovertyYears(readTextFile(show.resolve(spec.population), kMaxFactsBytes),
                                             displayNameOf(show.resolve(spec.population)));
        const auto batches = parseExitBatches(readTextFile(show.resolve(spec.batches), kMaxFactsBytes),
                                              displayNameOf(show.resolve(spec.batches)));
        std::vector<HistoryPoint> points;
        for (const PovertyYear& y : years) points.push_back({y.year, y.population10k, y.populationQualifier, Provenance::Real});
        auto cite = [this](const std::string& cell) {
            for (std::string& s : splitSourceCell(cell))
                if (std::find(sources_.begin(), sources_.end(), s) == sources_.end()) sources_.push_back(std::move(s));
        };
        for (const PovertyYear& y : years)
            if (y.population10k) cite(y.source);
        for (const PovertyExitBatch& b : batches) cite(b.source);
        std::vector<HistoryAnnotation> notes;
        for (const PovertyExitBatch& b : batches)
            notes.push_back({b.exitYear,
                             b.countyCount == 1 && !b.counties.empty() ? b.counties.front() + "率先摘帽"
                                                                       : std::to_string(b.countyCount) + " 个贫困县摘帽",
                             b.countyCount == 1 && !b.counties.empty()
                                 ? text.in(Language::En, b.counties.front()) + " is the first to leave the list"
                                 : std::to_string(b.countyCount) + " poverty counties leave the list"});
        std::string sources, sourcesEn;
        for (const std::string& name : shortSourceNames(years)) {
            sources += (sources.empty() ? "" : "、") + name;
            sourcesEn += (sourcesEn.empty() ? "" : ", ") + text.in(Language::En, name);
        }
        story_.setTitle(spec.title);
        story_.setUnit(spec.unit);
        story_.setPoints(std::move(points));
        story_.setAnnotations(std::move(notes));
        story_.setSecondsPerYear(spec.secondsPerYear);
        if (!sources.empty()) story_.setFootnote("来源：" + sources, "Sources: " + sourcesEn);
        if (spec.color) story_.setColor(*spec.color);
    }
    Widget& widget() override { return story_; }
    void update(const FrameTime& time, const Snapshot&, const FeedAges&) override { story_.update(time.dt); }
    std::vector<std::string> sources() const override { return sources_; }

private:
    std::vector<std::string> sources_;
    static constexpr std::uintmax_t kMaxFactsBytes = 4u << 20;
    HistoryPlayback story_;
};

// Throughput per minute of a counter over its last minute of samples (at least kMinSpan seconds of
// them); a counter that went down was reset (a new day) and starts again.
class RatePerMinute {
public:
    std::optional<double> add(double timestamp, double value) {
        if (!recent_.empty() && value < recent_.back().second) recent_.clear();
        recent_.emplace_back(timestamp, value);
        while (recent_.size() > 2 && timestamp - recent_[1].first >= 60.0) recent_.pop_front();
        const double span = timestamp - recent_.front().first;
        if (span < kMinSpan) return std::nullopt;
        return (value - recent_.front().second) / span * 60.0;
    }

private:
    static constexpr double kMinSpan = 5;
    std::deque<std::pair<double, double>> recent_;
};

// The e-commerce chain: each stage's rate per minute from its counter.
class FlowBinding final : public WidgetBinding {
public:
    explicit FlowBinding(const WidgetSpec& spec)
        : WidgetBinding(spec), rates_(spec.stages.size()), lastTimestamp_(spec.stages.size(), 0.0) {
        flow_.setTitle(spec.title);
        flow_.setDecimals(spec.decimals);
        std::vector<FlowStageInfo> stages;
        for (const FlowStage& s : spec.stages) stages.push_back({s.label, s.unit});
        flow_.setStages(std::move(stages));
    }
    Widget& widget() override { return flow_; }
    void update(const FrameTime& time, const Snapshot& feed, const FeedAges& ages) override {
        const MetricValue* newest = nullptr;
        for (std::size_t i = 0; i < spec_.stages.size(); ++i) {
            const MetricValue* v = feed.value(spec_.stages[i].adcode, spec_.stages[i].metric);
            if (!v) continue;
            if (!newest || v->timestamp > newest->timestamp) newest = v;
            if (v->timestamp <= lastTimestamp_[i]) continue;
            lastTimestamp_[i] = v->timestamp;
            if (auto rate = rates_[i].add(v->timestamp, v->value)) flow_.setRate(i, *rate, v->provenance);
        }
        applyStatus(flow_, newest, feed, ages);
        flow_.update(time.dt);
    }

private:
    FlowChain flow_;
    std::vector<RatePerMinute> rates_;
    std::vector<double> lastTimestamp_;
};

// Rows written in the show file; a row without a source is an example.
class ListBinding final : public WidgetBinding {
public:
    explicit ListBinding(const WidgetSpec& spec) : WidgetBinding(spec) {
        list_.setTitle(spec.title);
        std::vector<ListEntry> items;
        for (const ListItem& item : spec.items) items.push_back({item.when, item.title, item.detail, item.source.empty()});
        list_.setItems(std::move(items));
        list_.setSecondsPerItem(spec.secondsPerItem);
    }
    Widget& widget() override { return list_; }
    void update(const FrameTime& time, const Snapshot&, const FeedAges&) override { list_.update(time.dt); }

private:
    ItemList list_;
};

// Illustrative trace records from the show file (the widget marks them so).
class TraceBinding final : public WidgetBinding {
public:
    TraceBinding(const WidgetSpec& spec, const RegionNames& names) : WidgetBinding(spec) {
        trace_.setTitle(spec.title);
        std::vector<TraceProduct> products;
        for (const TraceItem& p : spec.products)
            products.push_back({p.id, p.name, p.origin, names.shortName(p.origin), p.base, p.certifications, p.route});
        trace_.setProducts(std::move(products));
        trace_.setSecondsPerItem(spec.secondsPerItem);
    }
    Widget& widget() override { return trace_; }
    void update(const FrameTime& time, const Snapshot&, const FeedAges&) override { trace_.update(time.dt); }

private:
    TraceList trace_;
};

// Raised against goal per county or prefecture, from two metrics of the feed.
class ProgressBinding final : public WidgetBinding {
public:
    ProgressBinding(const WidgetSpec& spec, const RegionNames& names) : WidgetBinding(spec), names_(names) {
        bars_.setTitle(spec.title);
        bars_.setUnit(spec.unit);
        bars_.setDecimals(spec.decimals);
        bars_.setMaxRows(spec.maxBars);
        if (spec.color) bars_.setColor(*spec.color);
    }
    Widget& widget() override { return bars_; }
    void update(const FrameTime& time, const Snapshot& feed, const FeedAges& ages) override {
        if (feed.sequence != sequence_) {
            sequence_ = feed.sequence;
            const Grouped raised = groupValues(feed, spec_.metric, spec_.by, names_);
            const Grouped goals = groupValues(feed, spec_.goalMetric, spec_.by, names_);
            const bool simulated = raised.simulated || goals.simulated;
            std::vector<ProgressItem> items;
            for (const auto& [adcode, goal] : goals.values) {
                auto it = raised.values.find(adcode);
                if (it == raised.values.end()) continue;
                items.push_back({adcode, names_.shortName(adcode), it->second, goal,
                                 simulated ? Provenance::Simulated : Provenance::Real});
            }
            if (!items.empty()) bars_.setItems(std::move(items));
            newest_ = raised.newest ? std::optional(*raised.newest) : std::nullopt;
        }
        applyStatus(bars_, newest_ ? &*newest_ : nullptr, feed, ages);
        bars_.update(time.dt);
    }

private:
    const RegionNames& names_;
    ProgressBars bars_;
    std::uint64_t sequence_ = ~0ull;
    std::optional<MetricValue> newest_;
};

}  // namespace

std::unique_ptr<WidgetBinding> bindWidget(const WidgetSpec& spec, const RegionNames& names, const ShowFile& show,
                                          const Translator& text) {
    switch (spec.kind) {
        case WidgetKind::Kpi: return std::make_unique<KpiBinding>(spec);
        case WidgetKind::Line: return std::make_unique<LineBinding>(spec);
        case WidgetKind::Bar: return std::make_unique<BarBinding>(spec, names);
        case WidgetKind::Donut: return std::make_unique<DonutBinding>(spec, names);
        case WidgetKind::Ticker: return std::make_unique<TickerBinding>(spec, names, text);
        case WidgetKind::History: return std::make_unique<HistoryBinding>(spec, show, text);
        case WidgetKind::Flow: return std::make_unique<FlowBinding>(spec);
        case WidgetKind::List: return std::make_unique<ListBinding>(spec);
        case WidgetKind::Trace: return std::make_unique<TraceBinding>(spec, names);
        case WidgetKind::Progress: return std::make_unique<ProgressBinding>(spec, names);
    }
    return nullptr;
}

}  // namespace exhibit
