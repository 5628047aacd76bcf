#include "input/one_euro_filter.hpp"

#include <cassert>
#include <cmath>
#include <numbers>

namespace exhibit {
namespace {

double alpha(double cutoff, double period) {
    const double tau = 1.0 / (2.0 * std::numbers::pi * cutoff);
    return 1.0 / (1.0 + tau / period);
}

}  // namespace

OneEuroFilter::OneEuroFilter(OneEuroParams params, double initialRate)
    : params_(params), initialRate_(initialRate), rate_(initialRate) {
    assert(params.minCutoff > 0 && params.dCutoff > 0 && "OneEuroFilter: cutoffs must be positive");
    assert(params.beta >= 0 && "OneEuroFilter: beta cannot be negative");
    assert(initialRate > 0 && "OneEuroFilter: the initial sample rate must be positive");
}

void OneEuroFilter::reset() {
    started_ = false;
    rate_ = initialRate_;
    dx_ = dy_ = 0;
}

glm::vec2 OneEuroFilter::filter(glm::vec2 value, double time) {
    const double vx = value.x, vy = value.y;
    if (!started_) {
        started_ = true;
        lastTime_ = time;
        x_ = vx;
        y_ = vy;
        dx_ = dy_ = 0;
        return value;
    }
    if (time > lastTime_) {
        rate_ = 1.0 / (time - lastTime_);
        lastTime_ = time;
    }
    const double period = 1.0 / rate_;
    const double ad = alpha(params_.dCutoff, period);
    dx_ += ad * ((vx - x_) * rate_ - dx_);
    dy_ += ad * ((vy - y_) * rate_ - dy_);
    const double cutoff = params_.minCutoff + params_.beta * std::hypot(dx_, dy_);
    const double a = alpha(cutoff, period);
    x_ += a * (vx - x_);
    y_ += a * (vy - y_);
    return {static_cast<float>(x_), static_cast<float>(y_)};
}

}  // namespace exhibit
