#include "scenes/tour_director.hpp"

#include <algorithm>
#include <cmath>

#include <glm/geometric.hpp>
#include <glm/trigonometric.hpp>

namespace exhibit {
namespace {

constexpr float kStickOn = 0.7f, kStickOff = 0.3f;  // hysteresis: one flick, one turn or one jump
constexpr double kMotionSeconds = 0.35;             // the vignette closes for this long after a motion
constexpr double kEndCardSeconds = 8;

// Yaw (counter-clockwise from above) that turns the stage's forward (-Z) towards d.
float yawFacing(glm::vec3 d) { return std::atan2(-d.x, -d.z); }

glm::vec3 forwardOf(float yaw) { return {-std::sin(yaw), 0.0f, -std::cos(yaw)}; }

glm::vec3 rotateY(glm::vec3 v, float angle) {
    const float c = std::cos(angle), s = std::sin(angle);
    return {c * v.x + s * v.z, v.y, -s * v.x + c * v.z};
}

float smoothstep(float t) {
    t = std::clamp(t, 0.0f, 1.0f);
    return t * t * (3.0f - 2.0f * t);
}

bool inside(const std::array<float, 4>& b, glm::vec3 p) { return p.x >= b[0] && p.x <= b[2] && p.z >= b[1] && p.z <= b[3]; }

}  // namespace

TeleportArc teleportArc(const TourRay& aim, const std::array<float, 4>& bounds, float speed) {
    constexpr glm::vec3 kGravity{0.0f, -9.81f, 0.0f};
    constexpr float kStep = 0.02f;
    constexpr int kMaxSteps = 250;  // 5 s of flight: far beyond any site
    TeleportArc arc;
    const glm::vec3 velocity = glm::normalize(aim.direction) * speed;
    glm::vec3 previous = aim.origin;
    arc.points.push_back(previous);
    for (int i = 1; i <= kMaxSteps; ++i) {
        const float t = kStep * static_cast<float>(i);
        const glm::vec3 p = aim.origin + velocity * t + 0.5f * kGravity * t * t;
        if (p.y <= 0.0f) {
            const float f = previous.y / (previous.y - p.y);  // where the segment crosses the ground
            arc.landing = previous + (p - previous) * f;
            arc.landing.y = 0.0f;
            arc.points.push_back(arc.landing);
            arc.valid = inside(bounds, arc.landing);
            return arc;
        }
        arc.points.push_back(p);
        previous = p;
    }
    arc.landing = previous;
    return arc;
}

TourDirector::TourDirector(const TourSpec& spec) : spec_(spec), mode_(spec.mode) { reset(); }

void TourDirector::reset() {
    stop_ = 0;
    mode_ = spec_.mode;
    phase_ = TourPhase::Paused;
    visit_ = idle_ = paused_ = ended_ = 0;
    fade_ = 1;
    fadeDirection_ = 0;
    pending_ = Pending::None;
    fresh_ = true;
    arrive();
}

void TourDirector::resume() {
    if (phase_ == TourPhase::Touring) return;
    if (fresh_) ++visits_;
    fresh_ = false;
    phase_ = TourPhase::Touring;
    idle_ = paused_ = 0;
    if (pending_ == Pending::None && fade_ > 0) fadeDirection_ = -1;
}

void TourDirector::goToStop(std::size_t index) {
    if (index >= spec_.stops.size() || pending_ == Pending::End) return;
    pendingStop_ = index;
    startFade(Pending::Stop);
}

void TourDirector::setMode(TourMode mode) {
    if (mode == mode_) return;
    mode_ = mode;
    arc_.reset();
    if (mode_ == TourMode::Guided) goToStop(stop_);  // start the stop's guided path again
}

bool TourDirector::teleportTo(glm::vec3 point, glm::vec3 head) {
    if (mode_ != TourMode::Free || phase_ != TourPhase::Touring || pending_ != Pending::None || !inside(stop().bounds, point))
        return false;
    pendingStep_ = {point.x - head.x, point.z - head.z};
    startFade(Pending::Teleport);
    return true;
}

void TourDirector::arrive() {
    const TourStop& s = stop();
    origin_.position = s.start.position;
    origin_.yaw = glm::radians(s.start.yawDegrees);
    atStop_ = 0;
    waypoint_ = 0;
    arc_.reset();
}

void TourDirector::startFade(Pending what) {
    pending_ = what;
    fadeDirection_ = 1;
    motion_ = 1;
    if (spec_.fadeSeconds <= 0) {
        fade_ = 1;
        perform();
    }
}

void TourDirector::faceWaypoint(std::size_t index) {
    const TourWaypoint& w = stop().waypoints[index];
    origin_.position = {w.position.x, stop().start.position.y, w.position.z};
    origin_.yaw = yawFacing(w.lookAt - w.position);
}

void TourDirector::perform() {
    switch (pending_) {
        case Pending::Stop:
            stop_ = pendingStop_;
            arrive();
            break;
        case Pending::Teleport:
            origin_.position.x += pendingStep_.x;
            origin_.position.z += pendingStep_.y;
            break;
        case Pending::Waypoint:
            faceWaypoint(waypoint_ - 1);
            break;
        case Pending::End:
            phase_ = TourPhase::Ended;
            ended_ = 0;
            pending_ = Pending::None;
            fadeDirection_ = 0;
            return;  // stays dark behind the end card
        case Pending::None: break;
    }
    pending_ = Pending::None;
    fadeDirection_ = spec_.fadeSeconds <= 0 ? 0 : -1;
    if (fadeDirection_ == 0) fade_ = 0;
}

void TourDirector::update(double dt, const TourInput& input) {
    motion_ = std::max(0.0f, motion_ - static_cast<float>(dt / kMotionSeconds));
    idle_ = input.active ? 0 : idle_ + dt;
    const bool putOn = input.present && !wasPresent_;  // someone just put the headset on
    wasPresent_ = input.present;

    if (phase_ == TourPhase::Ended) {
        ended_ += dt;
        // A headset waits for the visitor to take it off (or for the reset timeout), so the next
        // visit starts with the next visitor; a desktop or wall loops after the end card.
        if (headset_ ? (!input.present || ended_ >= spec_.resetSeconds) : ended_ >= kEndCardSeconds) {
            reset();
            if (!headset_) resume();
        }
        return;
    }
    if (phase_ == TourPhase::Paused) {
        paused_ += dt;
        if (input.present && (input.active || putOn || !headset_)) {
            resume();
        } else if (!fresh_ && paused_ >= spec_.resetSeconds) {
            reset();
            return;
        } else {
            return;
        }
    }
    if (headset_ && (!input.present || idle_ >= spec_.idleSeconds)) {
        phase_ = TourPhase::Paused;
        paused_ = 0;
        arc_.reset();
        return;
    }

    // Fades run on their own time: the stop's clock stands still while the screen is dark.
    if (fadeDirection_ != 0) {
        const float step = static_cast<float>(dt / spec_.fadeSeconds);
        fade_ = std::clamp(fade_ + static_cast<float>(fadeDirection_) * step, 0.0f, 1.0f);
        if (fadeDirection_ > 0 && fade_ >= 1) perform();
        else if (fadeDirection_ < 0 && fade_ <= 0) fadeDirection_ = 0;
    }
    visit_ += dt;
    if (visit_ >= spec_.visitSeconds && pending_ != Pending::End) {
        startFade(Pending::End);
        return;
    }
    if (pending_ == Pending::None) updateTouring(dt, input);
}

void TourDirector::updateTouring(double dt, const TourInput& input) {
    if (input.toggleMode) {
        setMode(mode_ == TourMode::Guided ? TourMode::Free : TourMode::Guided);
        return;
    }
    if (input.next) {
        if (stop_ + 1 < spec_.stops.size()) goToStop(stop_ + 1);
        else startFade(Pending::End);
        return;
    }
    if (input.previous) {
        goToStop(stop_ == 0 ? 0 : stop_ - 1);
        return;
    }
    atStop_ += dt;  // free mode too: the narration plays on, only the moving on waits for the visitor
    if (mode_ == TourMode::Free) {
        updateFree(input);
        return;
    }
    if (atStop_ >= stop().seconds) {
        if (stop_ + 1 < spec_.stops.size()) goToStop(stop_ + 1);
        else startFade(Pending::End);
        return;
    }
    if (headset_) {
        double reached = 0;  // when the glide to each waypoint would end: the visitor is moved there
        std::size_t due = 0;
        for (const TourWaypoint& w : stop().waypoints) {
            reached += w.seconds;
            if (atStop_ >= reached) ++due;
        }
        if (due > waypoint_) {
            waypoint_ = waypoint_ + 1;
            startFade(Pending::Waypoint);
        }
    }
}

void TourDirector::updateFree(const TourInput& input) {
    const float x = input.thumbstick.x, y = input.thumbstick.y;
    if (std::abs(x) < kStickOff) turnArmed_ = true;
    if (turnArmed_ && std::abs(x) > kStickOn && !arc_) {
        const float turn = glm::radians(spec_.snapTurnDegrees) * (x > 0 ? -1.0f : 1.0f);  // right turns clockwise
        const glm::vec3 head{input.head.x, origin_.position.y, input.head.z};
        origin_.position = head + rotateY(origin_.position - head, turn);
        origin_.yaw += turn;
        turnArmed_ = false;
        motion_ = 1;
    }
    if (y > kStickOn && input.aim) {
        arc_ = teleportArc(*input.aim, stop().bounds);
    } else if (arc_ && y < kStickOff) {
        const TeleportArc arc = *arc_;
        arc_.reset();
        if (arc.valid) teleportTo(arc.landing, input.head);
    }
}

TourCamera TourDirector::camera() const {
    const TourStop& s = stop();
    const glm::vec3 up{0.0f, spec_.eyeHeight, 0.0f};
    if (mode_ == TourMode::Free || (headset_ && waypoint_ > 0)) {
        const glm::vec3 eye = origin_.position + up;
        return {eye, eye + forwardOf(origin_.yaw) * 10.0f};
    }
    glm::vec3 eye = s.start.position + up;
    glm::vec3 target = eye + forwardOf(glm::radians(s.start.yawDegrees)) * 10.0f;
    double begin = 0;
    for (const TourWaypoint& w : s.waypoints) {
        const double end = begin + w.seconds;
        const float t = smoothstep(static_cast<float>((atStop_ - begin) / w.seconds));
        eye = glm::mix(eye, w.position, t);
        target = glm::mix(target, w.lookAt, t);
        if (atStop_ < end) break;
        begin = end;
    }
    return {eye, target};
}

const TourLine* TourDirector::subtitle() const {
    if (phase_ == TourPhase::Ended || pending_ == Pending::Stop || pending_ == Pending::End) return nullptr;
    const TourLine* shown = nullptr;
    for (const TourLine& line : stop().narration)
        if (line.at <= atStop_) shown = &line;
    return shown;
}

float TourDirector::vignette() const { return spec_.vignette * std::min(1.0f, motion_); }

}  // namespace exhibit
