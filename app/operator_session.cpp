#include "app/operator_session.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>

#include "app/control_server.hpp"
#include "app/control_token.hpp"
#include "app/feed_health.hpp"
#include "app/log_ring.hpp"
#include "app/metrics_text.hpp"
#include "app/operator_json.hpp"
#include "app/process_stats.hpp"
#include "app/state_dir.hpp"
#include "app/touch_input.hpp"
#include "app/version.hpp"
#include "core/error.hpp"
#include "renderer/gl_object.hpp"

namespace exhibit {
namespace {

constexpr double kPublishInterval = 0.25;  // seconds of real time between status updates
constexpr std::size_t kStatusLogLines = 50;

// A state directory that cannot be made is not worth a dark wall: the show runs, the operator's
// changes live in memory and each save says why it failed. Only the control API needs it (token).
std::filesystem::path stateDirFor(const Options& options) {
    try {
        std::filesystem::path dir = options.stateDir.empty() ? defaultStateDir() : options.stateDir;
        ensureStateDir(dir);
        return dir;
    } catch (const StartupError& e) {
        if (options.controlPort) throw;
        spdlog::warn("[app.settings] {}: operator settings will not be kept across restarts", e.what());
        return options.stateDir;
    }
}

}  // namespace

OperatorSession::OperatorSession(const ShowFile& show, const Options& options, const LogRing* log)
    : show_(show),
      log_(log),
      stateDir_(stateDirFor(options)),
      store_(stateDir_ / "settings.json"),
      settings_(store_.load()),
      feedHealth_(std::make_unique<FeedHealthTracker>()) {
    if (!options.language.empty()) settings_.language = options.language;  // the command line wins at start
    for (const SceneSpec& spec : show.scenes) scenes_.push_back({spec.id, spec.title});
    if (const auto unknown = unknownScenes(settings_, scenes_); !unknown.empty()) {
        for (const auto& id : unknown) spdlog::warn("[app.settings] saved scene \"{}\" is not in this show: ignored", id);
        auto missing = [&](const std::string& id) { return std::find(unknown.begin(), unknown.end(), id) != unknown.end(); };
        if (missing(settings_.scene)) settings_.scene.clear();
        std::erase_if(settings_.playlist, missing);
    }
    publish({});
    if (options.controlPort) {
        ControlServerOptions serverOptions;
        serverOptions.host = options.controlHost;
        serverOptions.port = *options.controlPort;
        serverOptions.token = loadOrCreateToken(stateDir_);
        serverOptions.metrics = [](const OperatorStatus& s) { return renderPrometheus(s); };
        server_ = std::make_unique<ControlServer>(serverOptions, commands_, status_);
        spdlog::info("[app.control] token in {}", (stateDir_ / "control-token").string());
    }
}

OperatorSession::~OperatorSession() {
    server_.reset();
    for (auto& p : screenshots_) p.png->set_exception(std::make_exception_ptr(std::runtime_error("the show stopped")));
    for (auto& f : encoders_) f.wait();
}

std::string OperatorSession::startScene(const Options& options) const {
    if (!options.scene.empty()) return options.scene;
    return settings_.scene.empty() ? show_.startScene : settings_.scene;
}

void OperatorSession::attach(SceneDirector& director, AttractMode& attract) {
    director_ = &director;
    attract_ = &attract;
    director.setPlaylist(settings_.playlist);
    syncScenes();
    if (settings_.mode != WallMode::Show) spdlog::info("[app.mode] {} (restored)", toString(settings_.mode));
}

void OperatorSession::beginFrame(double now, std::int64_t localMinutes, bool touched) {
    localMinutes_ = localMinutes;
    for (ControlCommand& command : commands_.drain()) apply(command, now);
    const bool first = !scheduleStarted_;
    scheduleStarted_ = true;
    if (const auto scheduled = schedule_.update(settings_.schedule, localMinutes)) {
        // At start the schedule's mode wins unless the operator chose the restored mode after the
        // schedule's last switch (a restart in the evening keeps a manual "show").
        const auto lastSwitch = lastSwitchAt(settings_.schedule, localMinutes);
        if (!first || settings_.modeSetAt <= lastSwitch.value_or(0)) setMode(*scheduled, "schedule");
    }
    if (touched) rotation_.restart(now);
    if (settings_.mode != WallMode::Show || attract_->active()) {
        rotation_.restart(now);
        return;
    }
    if (const auto next = rotation_.update(now, settings_, scenes_, director_->current().id()))
        director_->switchTo(*next, "rotation");
}

void OperatorSession::apply(ControlCommand& command, double now) {
    publishNow_ = true;
    if (auto* c = std::get_if<SwitchScene>(&command)) {
        switchScene(c->id, "operator", now);
    } else if (auto* m = std::get_if<SetMode>(&command)) {
        setMode(m->mode, "operator");
        settings_.modeSetAt = localMinutes_;
        save();
    } else if (auto* a = std::get_if<SetAttract>(&command)) {
        if (a->on) {
            if (settings_.mode != WallMode::Show) settings_.modeSetAt = localMinutes_;
            setMode(WallMode::Show, "operator");
            attract_->start(now);
        } else if (attract_->touched(now)) {
            spdlog::info("[app.attract] off: operator");
        }
        save();
    } else if (auto* s = std::get_if<ChangeSettings>(&command)) {
        OperatorSettings next = s->settings;
        next.scene = settings_.scene;
        next.mode = settings_.mode;
        next.modeSetAt = settings_.modeSetAt;
        if (const auto unknown = unknownScenes(next, scenes_); !unknown.empty()) {
            spdlog::warn("[app.settings] change refused: unknown scene \"{}\"", unknown.front());
            if (s->saved) s->saved->set_value("change refused: unknown scene \"" + unknown.front() + "\"");
            return;
        }
        settings_ = std::move(next);
        director_->setPlaylist(settings_.playlist);
        rotation_.restart(now);
        spdlog::info("[app.settings] changed: playlist of {}, rotation {} s, {} schedule entries, language {}",
                     settings_.playlist.size(), settings_.rotationSeconds, settings_.schedule.size(),
                     settings_.language);
        const std::string error = save();
        if (s->saved) s->saved->set_value(error);
    } else if (auto* shot = std::get_if<TakeScreenshot>(&command)) {
        screenshots_.push_back(std::move(*shot));
    }
}

void OperatorSession::switchScene(const std::string& id, const char* reason, double now) {
    const bool switched = director_->switchTo(id, reason);  // may load an unavailable scene again
    syncScenes();
    if (!switched) {
        // An unavailable scene stays off the wall; the director logged why.
        if (!director_->find(id)) spdlog::warn("[app.scenes] no scene \"{}\" in this show: switch ignored", id);
        return;
    }
    if (attract_->touched(now)) spdlog::info("[app.attract] off: operator chose a scene");
    rotation_.restart(now);
    settings_.scene = id;
    save();
}

// Which scenes loaded, for the status and the rotation (changes only when a switch loads one again).
void OperatorSession::syncScenes() {
    for (std::size_t i = 0; i < scenes_.size() && i < director_->count(); ++i) {
        scenes_[i].available = director_->available(i);
        scenes_[i].problem = director_->problem(i);
    }
}

void OperatorSession::setMode(WallMode mode, const char* reason) {
    if (mode == settings_.mode) return;
    settings_.mode = mode;
    publishNow_ = true;
    spdlog::info("[app.mode] {} ({})", toString(mode), reason);
}

std::string OperatorSession::save() {
    try {
        store_.save(settings_);
        return {};
    } catch (const std::exception& e) {
        spdlog::error("[app.settings] not saved, the show goes on with the change in memory: {}", e.what());
        return e.what();
    }
}

void OperatorSession::screenshotTaken(const Image& image) {
    std::erase_if(encoders_, [](std::future<void>& f) {
        return f.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
    });
    encoders_.push_back(std::async(std::launch::async, [image, requests = std::move(screenshots_)]() mutable {
        try {
            const auto png = encodePng(image);
            for (auto& r : requests) r.png->set_value(png);
        } catch (...) {
            for (auto& r : requests) r.png->set_exception(std::current_exception());
        }
    }));
    screenshots_.clear();
}

void OperatorSession::endFrame(const FrameReport& report) {
    frames_.record(report.realSeconds, report.frameMs);
    if (!publishNow_ && report.realSeconds < nextPublish_) return;
    publish(report);
}

void OperatorSession::publish(const FrameReport& report) {
    publishNow_ = false;
    nextPublish_ = report.realSeconds + kPublishInterval;
    auto status = std::make_shared<OperatorStatus>();
    status->showTitle = show_.title;
    status->version = versionString();
    status->scenes = scenes_;
    status->scene = director_ ? director_->current().id() : startScene({});
    status->mode = settings_.mode;
    status->attract = attract_ && attract_->active();
    status->uptimeSeconds = report.realSeconds;
    status->outputWidth = report.output.x;
    status->outputHeight = report.output.y;
    status->frames = frames_.health(report.realSeconds);
    const ProcessStats process = readProcessStats();
    status->residentBytes = process.residentBytes.value_or(0);
    status->openFiles = process.openFiles.value_or(0);
    status->threads = process.threads.value_or(0);
    const gl::LiveObjects gl = gl::liveObjects();
    status->glObjects = {{"buffer", gl.buffers},           {"vertex_array", gl.vertexArrays},
                         {"texture", gl.textures},         {"framebuffer", gl.framebuffers},
                         {"renderbuffer", gl.renderbuffers}, {"shader", gl.shaders},
                         {"program", gl.programs}};
    if (report.feed) status->feeds = feedHealth_->update(*report.feed, report.now);
    if (report.touch) status->touch = report.touch->stats(report.now);
    if (report.wall) status->wall = *report.wall;
    status->settings = settings_;
    if (log_) status->recentLog = log_->recent(kStatusLogLines);
    status_.publish(std::move(status));
}

}  // namespace exhibit
