// TraceList: product traceability (农产品溯源) as a list of products and the record of one of
// them: where it grew (county), the base that grew it, its certifications and the route it
// travels to the buyer, with a marker moving stage by stage along that route. A visitor taps a
// product to see its record; until then (and after a reset) the record shown rotates through the
// products. The records are illustrative, written in the show file: the widget says so under the
// record and shows the "模拟数据" badge.
//
// Use:
//   TraceList trace;
//   trace.setTitle("农产品质量溯源");
//   trace.setProducts({{"kiwi", "修文猕猴桃", "520123", "修文县", "谷堡乡猕猴桃基地",
//                       {"绿色食品", "地理标志"}, {"基地采摘", "县级冷库", "干线冷链", "城市配送"}}});
//   trace.setHighlight("kiwi");          // the scene does, on a tap itemAt answered
//   trace.update(dt);  trace.draw(frame, box);
//
// Keys: setHighlight takes a product key, or a county adcode (a county tapped on the map shows the
// first product from there); anything else, or "", rotates. itemAt answers the product key of the
// list row under a point. Deterministic for a fixed dt.
// Does not: load records from a feed, scroll its list (rows that do not fit are not shown), or
// wrap names beyond one line.
#pragma once

#include <string>
#include <vector>

#include "scenes/widgets/widget.hpp"

namespace exhibit {

struct TraceProduct {
    std::string key;       // id from the show file (never a 6-digit adcode)
    std::string name;      // show text
    std::string originAdcode;
    std::string originName;  // the county's Chinese short name (Translator::place gives its English)
    std::string base;                         // show text
    std::vector<std::string> certifications;  // show texts
    std::vector<std::string> route;           // show texts, first stage to last
};

class TraceList final : public Widget {
public:
    static constexpr double kSecondsPerStage = 1.1;  // the route marker's pace

    void setProducts(std::vector<TraceProduct> products);
    void setSecondsPerItem(double seconds);
    const std::vector<TraceProduct>& products() const { return products_; }

    // The product whose record is shown: the highlighted one, else the first from the highlighted
    // county, else the rotation's (-1 without products).
    int shown() const;
    bool chosen() const;  // whether shown() follows a highlight rather than the rotation
    // Position of the route marker in stages (0 = first stage, route.size() - 1 = last).
    double routePosition() const { return routePosition_; }
    float reveal() const { return reveal_; }  // 0..1: the record fading in after a change

    void update(double dtSeconds) override;
    void draw(const WidgetFrame& frame, const Rect& box) const override;
    bool settled() const override;
    std::string itemAt(const WidgetFrame& frame, const Rect& box, glm::vec2 point) const override;

private:
    struct Geometry;
    Geometry geometry(const WidgetFrame& frame, const Rect& content) const;
    void drawRecord(const WidgetFrame& frame, const Rect& area, const TraceProduct& p, float scale) const;
    void drawRouteColumn(const WidgetFrame& frame, const Rect& column, const TraceProduct& p, float a, float scale) const;
    bool itemsSimulated() const override { return !products_.empty(); }

    std::vector<TraceProduct> products_;
    double secondsPerItem_ = 8;
    double clock_ = 0;
    int lastShown_ = -1;
    double routePosition_ = 0;
    float reveal_ = 0;
};

}  // namespace exhibit
