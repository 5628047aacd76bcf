#include "app/scene_director.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cmath>

#include "core/error.hpp"
#include "scenes/catalog.hpp"

namespace exhibit {

SceneDirector::SceneDirector(const ShowFile& show, const SceneServices& services, const std::string& startScene,
                             double retrySeconds)
    : show_(show), services_(services), retrySeconds_(retrySeconds) {
    slots_.reserve(show.scenes.size());
    for (const SceneSpec& spec : show.scenes) {
        slots_.push_back({&spec, nullptr, {}, 0});
        load(slots_.back());
    }
    const auto loaded = std::find_if(slots_.begin(), slots_.end(), [](const Slot& s) { return s.scene != nullptr; });
    if (loaded == slots_.end()) {  // nothing of the show can be shown: every problem, one line each
        std::string problems;
        for (const Slot& slot : slots_)
            problems += (problems.empty() ? "" : "\n") + ("scene \"" + slot.spec->id + "\": " + slot.problem);
        throw ContentError(problems.empty() ? "the show has no scenes" : problems);
    }

    for (const Slot& slot : slots_)
        if (!slot.scene) spdlog::error("[app.scenes] scene \"{}\" unavailable: {}", slot.spec->id, slot.problem);
    current_ = static_cast<std::size_t>(loaded - slots_.begin());
    if (const auto start = find(startScene)) {
        if (available(*start))
            current_ = *start;
        else
            spdlog::warn("[app.scenes] start scene \"{}\" is unavailable: starting on \"{}\"", startScene, id(current_));
    }
    setPlaylist({});
}

bool SceneDirector::load(Slot& slot) {
    try {
        slot.scene = createScene(*slot.spec, services_);
        slot.problem.clear();
        return true;
    } catch (const std::exception& e) {  // ContentError, or whatever else reading the files threw
        slot.scene.reset();
        slot.problem = e.what();
        if (slot.problem.empty()) slot.problem = "could not be loaded";
        slot.retryAt = now_ + retrySeconds_;
        return false;
    }
}

std::optional<std::size_t> SceneDirector::find(const std::string& id) const {
    for (std::size_t i = 0; i < slots_.size(); ++i)
        if (slots_[i].spec->id == id) return i;
    return std::nullopt;
}

// Appends the call to the journal when it is the outermost recorded call.
class SceneDirector::Record {
public:
    Record(SceneDirector& d, DirectorCommand::Kind kind) : d_(d) {
        if (d_.recording_ && d_.depth_ == 0) {
            d_.journal_.push_back({});
            d_.journal_.back().kind = kind;
            entry_ = &d_.journal_.back();
        }
        ++d_.depth_;
    }
    ~Record() { --d_.depth_; }
    Record(const Record&) = delete;
    Record& operator=(const Record&) = delete;
    DirectorCommand* entry() const { return entry_; }

private:
    SceneDirector& d_;
    DirectorCommand* entry_ = nullptr;
};

void SceneDirector::apply(const DirectorCommand& c) {
    using K = DirectorCommand::Kind;
    switch (c.kind) {
        case K::SwitchTo: switchTo(c.id, c.reason.c_str()); break;
        case K::Gesture: gesture(c.gesture); break;
        case K::Key: keyDown(c.key); break;
        case K::Playlist: setPlaylist(c.ids); break;
        case K::StartTour: startTour(); break;
        case K::TourStep: tourStep(); break;
    }
}

void SceneDirector::keyDown(int key) {
    const Record r(*this, DirectorCommand::Kind::Key);
    if (r.entry()) r.entry()->key = key;
    current().keyDown(key);
}

void SceneDirector::enter(std::size_t index, const char* reason) {
    if (index == current_ || !available(index)) return;
    current_ = index;
    current().reset();
    fade_ = 1;
    spdlog::info("[app.scenes] {} ({})", current().id(), reason);
}

bool SceneDirector::switchTo(const std::string& id, const char* reason) {
    const Record r(*this, DirectorCommand::Kind::SwitchTo);
    if (r.entry()) {
        r.entry()->id = id;
        r.entry()->reason = reason;
    }
    const auto index = find(id);
    if (!index) return false;
    Slot& slot = slots_[*index];
    if (!slot.scene) {
        if (now_ < slot.retryAt) {
            spdlog::warn("[app.scenes] scene \"{}\" unavailable, switch refused (next load attempt in {:.0f} s): {}", id,
                         std::ceil(slot.retryAt - now_), slot.problem);
            return false;
        }
        if (!load(slot)) {
            spdlog::error("[app.scenes] scene \"{}\" still unavailable, switch refused: {}", id, slot.problem);
            return false;
        }
        spdlog::info("[app.scenes] scene \"{}\" loaded on a second attempt", id);
    }
    enter(*index, reason);
    return true;
}

std::size_t SceneDirector::nextAvailable(std::size_t from, int direction) const {
    const std::size_t n = slots_.size();
    for (std::size_t step = 1; step < n; ++step) {
        const std::size_t i = direction > 0 ? (from + step) % n : (from + n - step) % n;
        if (available(i)) return i;
    }
    return from;
}

void SceneDirector::gesture(const Gesture& g) {
    const Record r(*this, DirectorCommand::Kind::Gesture);
    if (r.entry()) r.entry()->gesture = g;
    if (current().gesture(g) || g.kind != GestureKind::Swipe) return;
    if (g.direction == SwipeDirection::Left) enter(nextAvailable(current_, +1), "swipe");
    if (g.direction == SwipeDirection::Right) enter(nextAvailable(current_, -1), "swipe");
}

void SceneDirector::setPlaylist(const std::vector<std::string>& ids) {
    const Record r(*this, DirectorCommand::Kind::Playlist);
    if (r.entry()) r.entry()->ids = ids;
    playlist_.clear();
    for (const auto& id : ids)
        if (const auto index = find(id)) playlist_.push_back(*index);
    if (!ids.empty()) return;
    for (const AttractStop& stop : show_.attract)
        if (const auto index = find(stop.scene)) playlist_.push_back(*index);
}

int SceneDirector::tourStepsOnCurrent() const {
    for (const AttractStop& stop : show_.attract)
        if (stop.scene == current().id() && stop.seconds > 0)
            return std::max(1, static_cast<int>(std::lround(stop.seconds / show_.touch.attractStepSeconds)));
    return 0;
}

std::size_t SceneDirector::nextInPlaylist() const {
    if (playlist_.empty()) return nextAvailable(current_, +1);
    // From after the current scene's place (the start when it is not in the playlist), wrapping:
    // the first available one.
    const auto at = std::find(playlist_.begin(), playlist_.end(), current_);
    const std::size_t from =
        at == playlist_.end() ? playlist_.size() - 1 : static_cast<std::size_t>(at - playlist_.begin());
    for (std::size_t step = 1; step <= playlist_.size(); ++step) {
        const std::size_t i = playlist_[(from + step) % playlist_.size()];
        if (available(i)) return i;
    }
    return current_;
}

void SceneDirector::startTour() {
    const Record r(*this, DirectorCommand::Kind::StartTour);
    current().reset();
    tourStep_ = 0;
    tourStep();
}

void SceneDirector::tourStep() {
    const Record r(*this, DirectorCommand::Kind::TourStep);
    const int steps = tourStepsOnCurrent();
    if (steps > 0 && tourStep_ < steps) {
        // The show says how long this scene stays: after its own steps it holds until then.
        current().attractStep(tourStep_);
        ++tourStep_;
        return;
    }
    if (steps > 0 || !current().attractStep(tourStep_)) {
        enter(nextInPlaylist(), "attract");
        tourStep_ = 0;
        current().attractStep(tourStep_);
    }
    ++tourStep_;
}

void SceneDirector::update(const FrameTime& time, const Snapshot& feed) {
    now_ = time.seconds;
    for (auto& slot : slots_)
        if (slot.scene) slot.scene->update(time, feed);
    fade_ = std::max(0.0, fade_ - time.dt / kFadeSeconds);
}

void SceneDirector::draw(Canvas& canvas) {
    current().draw(canvas);
    if (fade_ > 0) {
        const glm::vec2 size = canvas.size();
        canvas.rect({0, 0, size.x, size.y}, show_.theme.background.withAlpha(static_cast<float>(fade_)));
    }
}

}  // namespace exhibit
