// VR mode's OpenXR program, shaped like hello_xr's: instance and system (xr_instance.hpp), the
// session with its state machine, a STAGE reference space (LOCAL when the runtime has no stage)
// and a VIEW space, one swapchain per eye (sRGB where offered) plus depth, the controllers
// (xr_input.hpp), and the frame loop. Use it like this:
//
//   auto program = xr::Program::connect({.applicationName = "exhibit"});  // xr::Unavailable: no runtime/headset
//   open the window, make its GLX context current, then
//   program->startSession();
//   while (!program->status().exitRequested) {
//       program->pollEvents();                 // session state changes, restarts after loss
//       if (!program->status().running) { sleep a little; continue; }
//       program->frame(myRenderer);            // wait, begin, locate, renderView per eye, end
//       const xr::InputState& input = program->input();   // synced inside frame(), before renderView
//       if (program->status().paused()) ...    // headset off / system menu: pause the tour
//   }
//   program->requestExit() ends the session politely (the loop then sees exitRequested).
//
// Frame rules (hello_xr): views are drawn only when xrWaitFrame says shouldRender and the view
// poses are valid; xrEndFrame is always called, with the projection layer when drawn and the quad
// layers (setQuads) after it. LOSS_PENDING: the session is destroyed and made again (status counts
// restarts); instance loss: exitRequested. Every OpenXR error throws xr::Error naming the call.
// Does not draw anything itself, know about scenes, or include SDL.
#pragma once

#include <openxr/openxr.h>

#include <memory>
#include <string>
#include <vector>

#include "xr/xr_types.hpp"

namespace exhibit::xr {

class Instance;
class Input;
class Swapchain;

class Program {
public:
    struct Options {
        std::string applicationName = "exhibit";
    };
    // The instance, system and actions; needs no GL yet. Throws xr::Unavailable (no runtime, no headset).
    static std::unique_ptr<Program> connect(const Options& options);
    // The session, spaces and swapchains, bound to the current GLX context (keep it current while
    // the program lives; the swapchains' GL objects belong to it).
    void startSession();
    ~Program();
    Program(const Program&) = delete;
    Program& operator=(const Program&) = delete;

    void pollEvents();
    void frame(ViewRenderer& renderer);
    void requestExit();

    const Status& status() const;
    const InputState& input() const;
    void haptic(int hand, float amplitude, float seconds);
    void setQuads(std::vector<QuadLayer> quads);  // submitted every frame until changed
    std::string description() const;
    bool stageSpace() const { return stage_; }    // false: LOCAL (floor about 1.6 m below the origin)
    Pose headPose() const { return head_; }       // the last located VIEW space pose (spectator view)

private:
    explicit Program(const Options& options);
    void createSession();
    void destroySession();
    void onStateChanged(XrSessionState state);
    bool renderLayer(const XrFrameState& frameState, ViewRenderer& renderer);

    std::unique_ptr<Instance> instance_;
    std::unique_ptr<Input> input_;
    std::shared_ptr<const void> binding_;
    XrSession session_ = XR_NULL_HANDLE;
    XrSpace appSpace_ = XR_NULL_HANDLE, viewSpace_ = XR_NULL_HANDLE;
    bool stage_ = false;
    std::vector<std::unique_ptr<Swapchain>> eyes_;
    std::vector<std::unique_ptr<Swapchain>> quadChains_;
    std::vector<QuadLayer> quads_;
    std::vector<std::int64_t> formats_;
    std::vector<XrView> views_;
    std::vector<XrCompositionLayerProjectionView> projectionViews_;
    Status status_;
    Pose head_;
};

}  // namespace exhibit::xr
