#include "scenes/tour_site.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <stdexcept>

#include <glm/common.hpp>
#include <glm/ext/matrix_transform.hpp>
#include <glm/trigonometric.hpp>

#include "core/error.hpp"
#include "renderer/gl.hpp"
#include "renderer/gltf_placeholder.hpp"

namespace exhibit {
namespace {

glm::mat4 placementMatrix(const TourTransform& t) {
    glm::mat4 m = glm::translate(glm::mat4(1.0f), t.position);
    m = glm::rotate(m, glm::radians(t.yawDegrees), glm::vec3{0.0f, 1.0f, 0.0f});
    return glm::scale(m, glm::vec3{t.scale});
}

// The ground reaches well past everything a stop places, so its rim melts into the haze far away.
SkyStyle skyFor(const TourStop& stop) {
    SkyStyle sky;
    sky.groundCentre = {stop.start.position.x, 0.0f, stop.start.position.z};
    float reach = 0;
    for (const TourPlacement& p : stop.models)
        for (const TourTransform& t : p.at)
            reach = std::max(reach, glm::length(glm::vec2{t.position.x - stop.start.position.x, t.position.z - stop.start.position.z}) +
                                        2.0f * t.scale);
    sky.groundRadius = std::max(60.0f, 2.5f * reach);
    return sky;
}

}  // namespace

TourSite::TourSite(const ShowFile& show) {
    if (!show.tour) return;
    for (const TourStop& stop : show.tour->stops) {
        Stop& s = stops_.emplace_back();
        s.sky = skyFor(stop);
        for (const TourPlacement& p : stop.models) {
            auto [it, inserted] = models_.try_emplace(p.model);
            Model& model = it->second;
            if (inserted) {
                try {
                    model.cpu = loadGltf(show.resolve(p.model));
                    for (const std::string& warning : model.cpu.warnings) spdlog::warn("[tour.model] {}", warning);
                } catch (const ContentError& e) {
                    spdlog::error("[tour.model] {} (shown as a placeholder box)", e.what());
                    model.cpu = placeholderModel({-0.5f, 0.0f, -0.5f}, {0.5f, 1.0f, 0.5f}, p.model);
                }
                model.animated = !model.cpu.animations.empty();
            }
            Placement& placement = s.placements.emplace_back();
            placement.model = &model;
            for (const TourTransform& t : p.at) placement.transforms.push_back(placementMatrix(t));
        }
    }
}

TourSite::~TourSite() = default;

GltfDrawStats TourSite::draw(std::size_t stop, const Camera3d& camera, double seconds, OutputEncoding output,
                             const Extras& extras) {
    if (stop >= stops_.size()) return {};
    if (!renderer_) {
        renderer_ = std::make_unique<GltfRenderer>();
        skyGround_ = std::make_unique<SkyGround>();
    }
    const Stop& s = stops_[stop];
    for (const Placement& p : s.placements) {
        Model& m = *p.model;
        if (m.gpu) continue;
        m.gpu = std::make_unique<GltfGpuModel>(uploadGltf(m.cpu));
        if (!m.animated) m.cpu = {};
    }

    glClear(GL_DEPTH_BUFFER_BIT);
    skyGround_->draw(camera, lighting_, s.sky, output);
    renderer_->begin(camera, lighting_, output);
    for (const Placement& p : s.placements) {
        Model& m = *p.model;
        const GltfPose* pose = nullptr;
        if (m.animated) {
            evaluatePose(m.cpu, 0, static_cast<float>(seconds), m.pose);
            pose = &m.pose;
        }
        if (p.transforms.size() == 1) renderer_->add(*m.gpu, p.transforms.front(), pose);
        else renderer_->addInstances(*m.gpu, p.transforms, pose);
    }
    if (extras) extras(*renderer_);
    return renderer_->end();
}

void SiteView::draw(TourSite& site, unsigned framebuffer, glm::ivec2 size, std::size_t stop, const Camera3d& camera,
                    double seconds, const TourSite::Extras& extras) {
    constexpr int kSamples = 4;
    if (!noMsaa_ && msaa_.size() != size) {
        try {
            msaa_ = MsaaTarget(size, kSamples);
        } catch (const std::runtime_error& e) {
            spdlog::warn("[tour.view] no {}x MSAA ({}); drawing without", kSamples, e.what());
            msaa_ = MsaaTarget();
            noMsaa_ = true;
        }
    }
    glBindFramebuffer(GL_FRAMEBUFFER, noMsaa_ ? framebuffer : msaa_.framebuffer());
    glViewport(0, 0, size.x, size.y);
    glDisable(GL_SCISSOR_TEST);
    glClearColor(0, 0, 0, 1);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
    site.draw(stop, camera, seconds, OutputEncoding::EncodeSrgb, extras);
    if (!noMsaa_) msaa_.resolveInto(framebuffer);
}

void TourSiteLayer::set(std::size_t stop, const glm::mat4& view, float verticalFov, double seconds) {
    stop_ = stop;
    camera_ = view;
    fov_ = verticalFov;
    seconds_ = seconds;
}

glm::mat4 TourSiteLayer::projection(glm::ivec2 size, float verticalFov) {
    return perspectiveProjection(verticalFov, static_cast<float>(size.x) / static_cast<float>(std::max(1, size.y)), 0.05f, 800.0f);
}

unsigned TourSiteLayer::renderLayer(glm::ivec2 rect) {
    const float shrink = std::min(1.0f, static_cast<float>(kMaxSide) / static_cast<float>(std::max(rect.x, rect.y)));
    const glm::ivec2 size = glm::max(glm::ivec2(glm::round(glm::vec2(rect) * shrink)), glm::ivec2(1));
    if (target_.size() != size) target_ = RenderTarget(size, RenderTargetOptions{.depth = true});
    view_.draw(*site_, target_.framebuffer(), size, stop_, Camera3d{camera_, projection(size, fov_)}, seconds_);
    return target_.texture();
}

}  // namespace exhibit
