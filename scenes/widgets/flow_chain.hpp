// FlowChain: a supply chain as stages in a row (e-commerce training → origin bases → county
// warehouses → smart delivery → consumers), each with its live throughput per minute, and
// particles running along the links between them whose density follows the rate of the stage they
// leave: a busy stage sends a dense stream, a quiet one a trickle, a stage without data nothing.
//
// Use:
//   FlowChain flow;
//   flow.setTitle("电商扶贫链路");
//   flow.setStages({{"电商培训", "人次/分"}, {"原产地基地", "批/分"}, {"消费者", "单/分"}});
//   flow.setRate(0, 12.5, Provenance::Simulated);     // per minute; the binding derives it from a counter
//   flow.update(dt);  flow.draw(frame, box);
//
// Animation (deterministic for a fixed dt): shown rates ease to their targets; each link spawns
// particles at spawnRate(link) per second (0.6 to 6, by the square root of the stage's rate over
// the busiest stage's, so one stage's units do not hide the others) which cross the link in
// kTravelSeconds; a stage glows briefly when a particle arrives.
// Does not: lay out vertically (narrow boxes squeeze the row), branch or merge, or take touches.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "scenes/widgets/widget.hpp"

namespace exhibit {

struct FlowStageInfo {
    std::string label;  // show text, translated at draw time
    std::string unit;   // e.g. "件/分"; may be empty
};

class FlowChain final : public Widget {
public:
    static constexpr double kTravelSeconds = 1.8;
    static constexpr double kMinSpawn = 0.6, kMaxSpawn = 6.0;  // particles per second on a link

    // Replaces the stages (and forgets rates and particles).
    void setStages(std::vector<FlowStageInfo> stages);
    // The stage's throughput per minute; ignored for an index beyond the stages.
    void setRate(std::size_t stage, double perMinute, Provenance provenance);
    void setDecimals(int decimals) { decimals_ = decimals; }

    std::size_t stageCount() const { return stages_.size(); }
    bool hasRate(std::size_t stage) const { return stage < stages_.size() && stages_[stage].has; }
    double shownRate(std::size_t stage) const { return stage < stages_.size() ? stages_[stage].shown : 0; }
    // Particles per second leaving on link `link` (stage link → link + 1) at the shown rates.
    double spawnRate(std::size_t link) const;
    // Positions (0 = leaving, 1 = arriving) of the particles on a link now, oldest first.
    std::vector<double> particles(std::size_t link) const;
    float arrivalGlow(std::size_t stage) const { return stage < stages_.size() ? stages_[stage].glow : 0.0f; }

    void update(double dtSeconds) override;
    void draw(const WidgetFrame& frame, const Rect& box) const override;
    bool settled() const override;

private:
    struct Particle {
        double t = 0;
        float lane = 0;  // -1..1, a small sideways offset so a dense stream reads as a stream
    };
    struct Stage {
        FlowStageInfo info;
        double rate = 0, shown = 0;
        bool has = false;
        Provenance provenance = Provenance::Real;
        float glow = 0;
        // The link leaving this stage (unused on the last).
        std::deque<Particle> particles;
        double spawnCredit = 0;
        std::uint32_t spawned = 0;
    };
    bool itemsSimulated() const override;

    std::vector<Stage> stages_;
    int decimals_ = 0;
};

}  // namespace exhibit
