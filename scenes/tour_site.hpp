// The VR tour's sites in 3D: every stop's glTF models (core/tour_spec.hpp) loaded once, uploaded
// on first draw, and drawn for any camera with the sky, the ground and the models' animations.
// The desktop tour scene draws it into its layer, the XR mode into each eye's swapchain image.
//
//   TourSite site(show);                      // reads every model (GL-free); never throws for a model
//   site.draw(stop, camera, seconds, OutputEncoding::EncodeSrgb);  // into the bound framebuffer
//
// A model that cannot be used (missing, truncated, not glTF, over the loader's limits) is logged
// once with its file and the problem, and drawn as a checkered placeholder
// box of one model unit at each of its places, so the tour goes on and the gap is visible.
// SiteView draws a site view multisampled into any framebuffer (a headset eye, a window);
// TourSiteLayer is a site view as a canvas layer (the desktop tour, the VR spectator window).
// Does not: decide where the camera is (TourDirector), draw panels or text, or clear colour.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <glm/mat4x4.hpp>

#include "core/show.hpp"
#include "renderer/camera3d.hpp"
#include "renderer/draw_list.hpp"
#include "renderer/gltf_model.hpp"
#include "renderer/gltf_renderer.hpp"
#include "renderer/lighting3d.hpp"
#include "renderer/msaa_target.hpp"
#include "renderer/render_target.hpp"
#include "renderer/sky_ground.hpp"

namespace exhibit {

class TourSite {
public:
    explicit TourSite(const ShowFile& show);
    ~TourSite();
    TourSite(const TourSite&) = delete;
    TourSite& operator=(const TourSite&) = delete;

    // More models to draw with the same camera and light (a controller, the teleport arc).
    using Extras = std::function<void(GltfRenderer&)>;
    // Draws stop `stop` into the bound framebuffer and viewport: clears depth, then sky, ground and
    // models; `seconds` runs the models' animations. Needs a current GL context (the first call
    // uploads the models).
    GltfDrawStats draw(std::size_t stop, const Camera3d& camera, double seconds, OutputEncoding output,
                       const Extras& extras = {});


private:
    struct Model {
        GltfModel cpu;  // kept for animation; a static model's is dropped once uploaded
        bool animated = false;
        std::unique_ptr<GltfGpuModel> gpu;
        GltfPose pose;
    };
    struct Placement {
        Model* model;
        std::vector<glm::mat4> transforms;
    };
    struct Stop {
        std::vector<Placement> placements;
        SkyStyle sky;
    };

    std::map<std::string, Model> models_;  // by path relative to the show
    std::vector<Stop> stops_;
    Lighting3d lighting_;
    std::unique_ptr<GltfRenderer> renderer_;
    std::unique_ptr<SkyGround> skyGround_;
};

// One view's multisampled target (4x), resolved into the view's framebuffer; one per view size.
class SiteView {
public:
    // Draws `stop` seen by `camera` into `framebuffer` of `size` px, colour sRGB-encoded; straight
    // into it (no MSAA) where the driver cannot multisample.
    void draw(TourSite& site, unsigned framebuffer, glm::ivec2 size, std::size_t stop, const Camera3d& camera,
              double seconds, const TourSite::Extras& extras = {});

private:
    MsaaTarget msaa_;
    bool noMsaa_ = false;
};

// A site view as a canvas layer (renderer/draw_list.hpp, ExternalLayer): set() says what to show,
// the canvas back end asks for the picture once per frame at the rectangle's native size. A
// rectangle longer than kMaxSide px (a video wall's whole canvas) is drawn at most kMaxSide px on
// its long side and stretched to fit: every rank of a wall would otherwise draw the whole 12K view.
class TourSiteLayer final : public ExternalLayer {
public:
    explicit TourSiteLayer(std::shared_ptr<TourSite> site) : site_(std::move(site)) {}
    void set(std::size_t stop, const glm::mat4& view, float verticalFov, double seconds);
    unsigned renderLayer(glm::ivec2 size) override;
    // The projection a layer of `size` px uses (to turn a tap on it into a ray).
    static glm::mat4 projection(glm::ivec2 size, float verticalFov);
    static constexpr int kMaxSide = 3840;

private:
    std::shared_ptr<TourSite> site_;
    SiteView view_;
    RenderTarget target_;
    std::size_t stop_ = 0;
    glm::mat4 camera_{1.0f};
    float fov_ = 1.0f;
    double seconds_ = 0;
};

}  // namespace exhibit
