#include "input/gesture_recognizer.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>

#include <glm/geometric.hpp>

namespace exhibit {
namespace {

constexpr float kPi = std::numbers::pi_v<float>;
constexpr float kMinSpanPx = 1;  // closer than this, two contacts give no usable scale or angle
// Smaller changes wait for the next report (rounding leaves such residues when fingers move in turn).
constexpr float kReportPx = 1e-3f, kReportRatio = 1e-5f, kReportRadians = 1e-5f;
constexpr std::size_t kMaxRecentTaps = 64;
constexpr std::size_t kMaxEndedIds = 256;

float wrapAngle(float a) {
    while (a > kPi) a -= 2 * kPi;
    while (a <= -kPi) a += 2 * kPi;
    return a;
}

bool finite(glm::vec2 p) { return std::isfinite(p.x) && std::isfinite(p.y); }

void requirePositive(double value, const char* name) {
    if (!(std::isfinite(value) && value > 0))
        throw std::invalid_argument(std::string("GestureConfig.") + name + " must be positive and finite, got " +
                                    std::to_string(value));
}

}  // namespace

const char* gestureKindName(GestureKind kind) {
    switch (kind) {
        case GestureKind::Tap: return "Tap";
        case GestureKind::DoubleTap: return "DoubleTap";
        case GestureKind::LongPress: return "LongPress";
        case GestureKind::PanStart: return "PanStart";
        case GestureKind::Pan: return "Pan";
        case GestureKind::PanEnd: return "PanEnd";
        case GestureKind::Pinch: return "Pinch";
        case GestureKind::Rotate: return "Rotate";
        case GestureKind::Swipe: return "Swipe";
        case GestureKind::Cancel: return "Cancel";
    }
    return "?";
}

GestureRecognizer::GestureRecognizer(Config config) : config_(config) {
    requirePositive(config_.pixelsPerCm, "pixelsPerCm");
    requirePositive(config_.tapSlopCm, "tapSlopCm");
    requirePositive(config_.tapMaxSeconds, "tapMaxSeconds");
    requirePositive(config_.doubleTapSeconds, "doubleTapSeconds");
    requirePositive(config_.doubleTapDistanceCm, "doubleTapDistanceCm");
    requirePositive(config_.longPressSeconds, "longPressSeconds");
    requirePositive(config_.groupRadiusCm, "groupRadiusCm");
    requirePositive(config_.pinchSlopCm, "pinchSlopCm");
    requirePositive(config_.rotateSlopRadians, "rotateSlopRadians");
    requirePositive(config_.swipeMinDistanceCm, "swipeMinDistanceCm");
    requirePositive(config_.swipeMinSpeedCmPerSecond, "swipeMinSpeedCmPerSecond");
    requirePositive(config_.swipeMaxSeconds, "swipeMaxSeconds");
    requirePositive(config_.velocityWindowSeconds, "velocityWindowSeconds");
    requirePositive(static_cast<double>(config_.maxContacts), "maxContacts");
    requirePositive(static_cast<double>(config_.maxQueued), "maxQueued");
}

void GestureRecognizer::add(const PointerEvent& e) {
    if (!std::isfinite(e.time) || !finite(e.pos)) {
        ++ignored_;
        return;
    }
    advance(e.time);
    if (e.phase == PointerPhase::Down) {
        down(e);
        return;
    }
    const auto it = contacts_.find(e.id);
    if (it == contacts_.end()) {
        ++ignored_;
        return;
    }
    switch (e.phase) {
        case PointerPhase::Down: break;
        case PointerPhase::Move: move(it->second, e.pos, e.time); break;
        case PointerPhase::Up: up(e.id, e); break;
        case PointerPhase::Cancel: cancel(e.id, e); break;
    }
}

std::vector<Gesture> GestureRecognizer::update(double now) {
    if (std::isfinite(now)) advance(now);
    for (auto& [id, group] : groups_) flush(id, group);
    std::vector<Gesture> out;
    out.swap(queue_);
    return out;
}

void GestureRecognizer::advance(double now) {
    clock_ = std::max(clock_, now);
    for (auto& [id, g] : groups_) {
        if (g.cancelled || g.longPressed || g.moved || g.maxContacts != 1 ||
            clock_ - g.startTime < config_.longPressSeconds)
            continue;
        g.longPressed = true;
        Gesture press = make(GestureKind::LongPress, id, g, g.startTime + config_.longPressSeconds);
        press.pos = g.start;
        emit(std::move(press));
    }
    // A remembered tap lives until a second tap that touched in time can no longer lift.
    std::erase_if(recentTaps_, [&](const RecentTap& t) {
        return clock_ - t.time > config_.doubleTapSeconds + config_.tapMaxSeconds;
    });
}

void GestureRecognizer::down(const PointerEvent& e) {
    const bool ended = std::find(endedIds_.begin(), endedIds_.end(), e.id) != endedIds_.end();
    if (ended || contacts_.contains(e.id) || contacts_.size() >= config_.maxContacts) {
        ++ignored_;
        return;
    }
    std::string target = hitTest_ ? hitTest_(e.pos) : std::string();
    std::uint64_t groupId = 0;
    float nearest = px(config_.groupRadiusCm);
    for (const auto& [id, g] : groups_) {
        if (g.cancelled || g.target != target) continue;
        const float d = glm::distance(g.shape.centroid, e.pos);
        if (d <= nearest) {
            nearest = d;
            groupId = id;
        }
    }
    if (groupId == 0) {
        groupId = nextGroup_++;
        Group& g = groups_[groupId];
        g.target = std::move(target);
        g.startTime = e.time;
        g.start = e.pos;
    }
    Group& g = groups_.at(groupId);
    contacts_[e.id] = Contact{groupId, e.pos};
    g.contacts.push_back(e.id);
    g.maxContacts = std::max(g.maxContacts, g.contacts.size());
    g.lastTime = e.time;
    rebase(g);
    if (g.contacts.size() == 2) {
        g.pairStartTime = e.time;
        g.pairStartTranslation = g.translation;
    }
}

void GestureRecognizer::move(Contact& contact, glm::vec2 pos, double time) {
    Group& g = groups_.at(contact.group);
    contact.pos = pos;
    g.lastTime = time;
    if (g.cancelled) return;
    const Shape old = g.shape;
    g.shape = shapeOf(g);
    g.translation = g.base.translation + g.shape.centroid - g.base.shape.centroid;
    if (g.contacts.size() >= 2) {
        if (g.base.shape.span < kMinSpanPx) {
            g.base = Baseline{g.shape, g.translation, g.scale, g.spanTravel};  // measure from where they part
        } else if (g.shape.span >= kMinSpanPx) {
            g.scale = g.base.scale * g.shape.span / g.base.shape.span;
            g.spanTravel = g.base.spanTravel + g.shape.span - g.base.shape.span;
        }
        if (old.span >= kMinSpanPx && g.shape.span >= kMinSpanPx)
            g.angle += wrapAngle(g.shape.angle - old.angle);  // step by step: a turn may pass half a circle
    }
    g.samples[g.sampleCount++ % g.samples.size()] = Sample{time, g.translation};

    g.moved = g.moved || glm::length(g.translation) > px(config_.tapSlopCm);
}

void GestureRecognizer::rebase(Group& g) {
    g.shape = shapeOf(g);
    g.base = Baseline{g.shape, g.translation, g.scale, g.spanTravel};
}

void GestureRecognizer::up(std::uint64_t id, const PointerEvent& e) {
    Contact& contact = contacts_.at(id);
    const std::uint64_t groupId = contact.group;
    move(contact, e.pos, e.time);
    Group& g = groups_.at(groupId);
    if (!g.cancelled) {
        flush(groupId, g);
        if (g.contacts.size() == 2 && g.maxContacts == 2) swipe(groupId, g, e.time);
        const bool last = g.contacts.size() == 1;
        if (last && g.manipulating) {  // also when the slop was passed only now: flush() started it
            Gesture end = make(GestureKind::PanEnd, groupId, g, e.time);
            end.velocity = recentVelocity(g);
            emit(std::move(end));
        } else if (last && g.maxContacts == 1 && !g.longPressed && e.time - g.startTime <= config_.tapMaxSeconds) {
            tap(groupId, g, e.time);
        }
    }
    endContact(id);
}

void GestureRecognizer::cancel(std::uint64_t id, const PointerEvent& e) {
    const std::uint64_t groupId = contacts_.at(id).group;
    Group& g = groups_.at(groupId);
    if (!g.cancelled) {
        g.cancelled = true;
        emit(make(GestureKind::Cancel, groupId, g, e.time));
    }
    endContact(id);
}

void GestureRecognizer::tap(std::uint64_t groupId, const Group& g, double time) {
    Gesture tap = make(GestureKind::Tap, groupId, g, time);
    tap.pos = g.start;
    const float reach = px(config_.doubleTapDistanceCm);
    const auto first = std::find_if(recentTaps_.begin(), recentTaps_.end(), [&](const RecentTap& t) {
        return t.target == g.target && g.startTime >= t.time && g.startTime - t.time <= config_.doubleTapSeconds &&
               glm::distance(t.pos, g.start) <= reach;
    });
    if (first != recentTaps_.end()) {
        tap.kind = GestureKind::DoubleTap;
        tap.start = first->pos;
        recentTaps_.erase(first);
    } else {
        if (recentTaps_.size() >= kMaxRecentTaps) recentTaps_.erase(recentTaps_.begin());
        recentTaps_.push_back(RecentTap{g.target, g.start, time});
    }
    emit(std::move(tap));
}

void GestureRecognizer::swipe(std::uint64_t groupId, const Group& g, double time) {
    if (g.pinching || g.rotating) return;
    const double seconds = time - g.pairStartTime;
    const glm::vec2 d = g.translation - g.pairStartTranslation;
    const float distance = glm::length(d);
    if (seconds <= 0 || seconds > config_.swipeMaxSeconds || distance < px(config_.swipeMinDistanceCm) ||
        distance / seconds < px(config_.swipeMinSpeedCmPerSecond))
        return;
    // Mostly along one axis: the other carries at most half as much.
    SwipeDirection direction = SwipeDirection::None;
    if (std::abs(d.x) >= 2 * std::abs(d.y)) direction = d.x < 0 ? SwipeDirection::Left : SwipeDirection::Right;
    else if (std::abs(d.y) >= 2 * std::abs(d.x)) direction = d.y < 0 ? SwipeDirection::Up : SwipeDirection::Down;
    else return;
    Gesture out = make(GestureKind::Swipe, groupId, g, time);
    out.direction = direction;
    out.velocity = d / static_cast<float>(seconds);
    emit(std::move(out));
}

void GestureRecognizer::flush(std::uint64_t groupId, Group& g) {
    if (g.cancelled) return;
    // Pinch and rotation are judged once a frame: fingers report in turn, and in between the
    // hand seems to turn and stretch.
    g.pinching = g.pinching || std::abs(g.spanTravel) > px(config_.pinchSlopCm);
    g.rotating = g.rotating || std::abs(g.angle) > config_.rotateSlopRadians;
    if (!g.manipulating) {
        if (!g.moved && !g.pinching && !g.rotating) return;
        g.manipulating = true;
        Gesture start = make(GestureKind::PanStart, groupId, g, g.lastTime);
        start.delta = g.translation;
        g.reportedTranslation = g.translation;
        emit(std::move(start));
    }
    if (glm::distance(g.translation, g.reportedTranslation) > kReportPx) {
        Gesture pan = make(GestureKind::Pan, groupId, g, g.lastTime);
        pan.delta = g.translation - g.reportedTranslation;
        g.reportedTranslation = g.translation;
        emit(std::move(pan));
    }
    if (g.pinching && std::abs(g.scale / g.reportedScale - 1) > kReportRatio) {
        Gesture pinch = make(GestureKind::Pinch, groupId, g, g.lastTime);
        pinch.scaleDelta = g.scale / g.reportedScale;
        g.reportedScale = g.scale;
        emit(std::move(pinch));
    }
    if (g.rotating && std::abs(g.angle - g.reportedAngle) > kReportRadians) {
        Gesture rotate = make(GestureKind::Rotate, groupId, g, g.lastTime);
        rotate.angle = g.angle - g.reportedAngle;
        g.reportedAngle = g.angle;
        emit(std::move(rotate));
    }
}

void GestureRecognizer::endContact(std::uint64_t id) {
    const auto contact = contacts_.find(id);
    const auto group = groups_.find(contact->second.group);
    contacts_.erase(contact);
    if (endedIds_.size() < kMaxEndedIds) endedIds_.push_back(id);
    else endedIds_[endedNext_++ % kMaxEndedIds] = id;

    Group& g = group->second;
    std::erase(g.contacts, id);
    if (g.contacts.empty()) {
        groups_.erase(group);
        return;
    }
    rebase(g);
}

GestureRecognizer::Shape GestureRecognizer::shapeOf(const Group& g) const {
    Shape s;
    for (std::uint64_t id : g.contacts) s.centroid += contacts_.at(id).pos;
    s.centroid /= static_cast<float>(g.contacts.size());
    if (g.contacts.size() < 2) return s;
    for (std::uint64_t id : g.contacts) s.span += glm::distance(contacts_.at(id).pos, s.centroid);
    s.span = 2 * s.span / static_cast<float>(g.contacts.size());
    const glm::vec2 d = contacts_.at(g.contacts[1]).pos - contacts_.at(g.contacts[0]).pos;
    s.angle = std::atan2(d.y, d.x);
    return s;
}

glm::vec2 GestureRecognizer::recentVelocity(const Group& g) const {
    const std::size_t n = std::min(g.sampleCount, g.samples.size());
    if (n < 2) return {0, 0};
    const Sample& last = g.samples[(g.sampleCount - 1) % g.samples.size()];
    const Sample* from = &last;
    for (std::size_t back = 1; back < n; ++back) {
        const Sample& s = g.samples[(g.sampleCount - 1 - back) % g.samples.size()];
        if (s.time < last.time - config_.velocityWindowSeconds) break;
        from = &s;
    }
    const double seconds = last.time - from->time;
    if (seconds <= 0) return {0, 0};
    return (last.translation - from->translation) / static_cast<float>(seconds);
}

Gesture GestureRecognizer::make(GestureKind kind, std::uint64_t groupId, const Group& g, double time) const {
    Gesture out;
    out.kind = kind;
    out.group = groupId;
    out.target = g.target;
    out.contacts = static_cast<int>(g.contacts.size());
    out.pos = g.shape.centroid;
    out.start = g.start;
    out.points.reserve(g.contacts.size());
    for (std::uint64_t id : g.contacts) out.points.push_back(contacts_.at(id).pos);
    out.translation = g.translation;
    out.scale = g.scale;
    out.totalAngle = g.angle;
    out.time = time;
    return out;
}

void GestureRecognizer::emit(Gesture gesture) {
    if (queue_.size() >= config_.maxQueued) {
        ++dropped_;
        return;
    }
    ++recognized_[static_cast<std::size_t>(gesture.kind)];
    queue_.push_back(std::move(gesture));
}

}  // namespace exhibit
