#include "app/scene_director.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "scenes/catalog.hpp"

namespace exhibit {

SceneDirector::SceneDirector(const ShowFile& show, const SceneServices& services, const std::string& startScene)
    : show_(show) {
    for (const SceneSpec& spec : show.scenes) {
        if (spec.id == startScene) current_ = scenes_.size();
        scenes_.push_back(createScene(spec, services));
    }
}

void SceneDirector::switchTo(std::size_t index, const char* reason) {
    index %= scenes_.size();
    if (index == current_) return;
    current_ = index;
    current().reset();
    fade_ = 1;
    spdlog::info("[app.scenes] {} ({})", current().id(), reason);
}

bool SceneDirector::switchTo(const std::string& id, const char* reason) {
    for (std::size_t i = 0; i < scenes_.size(); ++i)
        if (scenes_[i]->id() == id) {
            switchTo(i, reason);
            return true;
        }
    return false;
}

void SceneDirector::gesture(const Gesture& g) {
    if (current().gesture(g) || g.kind != GestureKind::Swipe) return;
    if (g.direction == SwipeDirection::Left) switchTo(current_ + 1, "swipe");
    if (g.direction == SwipeDirection::Right) switchTo(current_ + scenes_.size() - 1, "swipe");
}

void SceneDirector::setPlaylist(const std::vector<std::string>& ids) {
    playlist_.clear();
    for (const auto& id : ids)
        for (std::size_t i = 0; i < scenes_.size(); ++i)
            if (scenes_[i]->id() == id) playlist_.push_back(i);
}

std::size_t SceneDirector::nextInPlaylist() const {
    if (playlist_.empty()) return current_ + 1;
    const auto at = std::find(playlist_.begin(), playlist_.end(), current_);
    if (at == playlist_.end() || at + 1 == playlist_.end()) return playlist_.front();
    return *(at + 1);
}

void SceneDirector::startTour() {
    current().reset();
    tourStep_ = 0;
    tourStep();
}

void SceneDirector::tourStep() {
    if (!current().attractStep(tourStep_)) {
        switchTo(nextInPlaylist(), "attract");
        tourStep_ = 0;
        current().attractStep(tourStep_);
    }
    ++tourStep_;
}

void SceneDirector::update(const FrameTime& time, const Snapshot& feed) {
    for (auto& scene : scenes_) scene->update(time, feed);
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
