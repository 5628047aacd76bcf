#include "xr/xr_program.hpp"

#define XR_USE_GRAPHICS_API_OPENGL
#include <openxr/openxr_platform.h>

#include <spdlog/spdlog.h>

#include <algorithm>

#include "renderer/gl.hpp"
#include "xr/gl_binding.hpp"
#include "xr/xr_check.hpp"
#include "xr/xr_input.hpp"
#include "xr/xr_instance.hpp"
#include "xr/xr_swapchain.hpp"

namespace exhibit::xr {
namespace {

SessionState fromXr(XrSessionState state) {
    switch (state) {
        case XR_SESSION_STATE_IDLE: return SessionState::Idle;
        case XR_SESSION_STATE_READY: return SessionState::Ready;
        case XR_SESSION_STATE_SYNCHRONIZED: return SessionState::Synchronized;
        case XR_SESSION_STATE_VISIBLE: return SessionState::Visible;
        case XR_SESSION_STATE_FOCUSED: return SessionState::Focused;
        case XR_SESSION_STATE_STOPPING: return SessionState::Stopping;
        case XR_SESSION_STATE_LOSS_PENDING: return SessionState::LossPending;
        case XR_SESSION_STATE_EXITING: return SessionState::Exiting;
        default: return SessionState::Unknown;
    }
}

Pose toPose(const XrPosef& p) {
    return {glm::quat(p.orientation.w, p.orientation.x, p.orientation.y, p.orientation.z),
            {p.position.x, p.position.y, p.position.z}};
}

XrPosef toXr(const Pose& p) {
    return {{p.orientation.x, p.orientation.y, p.orientation.z, p.orientation.w},
            {p.position.x, p.position.y, p.position.z}};
}

}  // namespace

std::unique_ptr<Program> Program::connect(const Options& options) {
    return std::unique_ptr<Program>(new Program(options));
}

void Program::startSession() {
    if (session_ == XR_NULL_HANDLE) createSession();
}

Program::Program(const Options& options) {
    instance_ = Instance::create(options.applicationName);
    input_ = std::make_unique<Input>(*instance_);
    spdlog::info("[xr.instance] {}", instance_->description());
}

Program::~Program() {
    try {
        destroySession();
    } catch (const std::exception& e) {
        spdlog::warn("[xr.session] while ending: {}", e.what());
    }
    input_.reset();
    instance_.reset();
}

std::string Program::description() const { return instance_->description(); }
const Status& Program::status() const { return status_; }
const InputState& Program::input() const { return input_->state(); }
void Program::haptic(int hand, float amplitude, float seconds) { input_->haptic(hand, amplitude, seconds); }
void Program::setQuads(std::vector<QuadLayer> quads) { quads_ = std::move(quads); }

void Program::createSession() {
    std::string why;
    binding_ = currentGlxBinding(why);
    if (!binding_) throw StartupError("VR mode: " + why);

    PFN_xrGetOpenGLGraphicsRequirementsKHR getRequirements = nullptr;
    CHECK_XRCMD(xrGetInstanceProcAddr(instance_->handle(), "xrGetOpenGLGraphicsRequirementsKHR",
                                      reinterpret_cast<PFN_xrVoidFunction*>(&getRequirements)));
    XrGraphicsRequirementsOpenGLKHR requirements{XR_TYPE_GRAPHICS_REQUIREMENTS_OPENGL_KHR};
    CHECK_XRCMD(getRequirements(instance_->handle(), instance_->system(), &requirements));
    GLint major = 0, minor = 0;
    glGetIntegerv(GL_MAJOR_VERSION, &major);
    glGetIntegerv(GL_MINOR_VERSION, &minor);
    const XrVersion have = XR_MAKE_VERSION(major, minor, 0);
    if (have < requirements.minApiVersionSupported)
        throw StartupError("VR mode: the OpenXR runtime needs OpenGL " +
                           std::to_string(XR_VERSION_MAJOR(requirements.minApiVersionSupported)) + "." +
                           std::to_string(XR_VERSION_MINOR(requirements.minApiVersionSupported)) + ", the context has " +
                           std::to_string(major) + "." + std::to_string(minor));

    XrSessionCreateInfo info{XR_TYPE_SESSION_CREATE_INFO};
    info.next = binding_.get();
    info.systemId = instance_->system();
    CHECK_XRCMD(xrCreateSession(instance_->handle(), &info, &session_));

    uint32_t count = 0;
    CHECK_XRCMD(xrEnumerateReferenceSpaces(session_, 0, &count, nullptr));
    std::vector<XrReferenceSpaceType> spaces(count);
    CHECK_XRCMD(xrEnumerateReferenceSpaces(session_, count, &count, spaces.data()));
    stage_ = std::find(spaces.begin(), spaces.end(), XR_REFERENCE_SPACE_TYPE_STAGE) != spaces.end();
    XrReferenceSpaceCreateInfo spaceInfo{XR_TYPE_REFERENCE_SPACE_CREATE_INFO};
    spaceInfo.poseInReferenceSpace.orientation.w = 1.0f;
    spaceInfo.referenceSpaceType = stage_ ? XR_REFERENCE_SPACE_TYPE_STAGE : XR_REFERENCE_SPACE_TYPE_LOCAL;
    CHECK_XRCMD(xrCreateReferenceSpace(session_, &spaceInfo, &appSpace_));
    spaceInfo.referenceSpaceType = XR_REFERENCE_SPACE_TYPE_VIEW;
    CHECK_XRCMD(xrCreateReferenceSpace(session_, &spaceInfo, &viewSpace_));

    CHECK_XRCMD(xrEnumerateSwapchainFormats(session_, 0, &count, nullptr));
    formats_.resize(count);
    CHECK_XRCMD(xrEnumerateSwapchainFormats(session_, count, &count, formats_.data()));
    for (const XrViewConfigurationView& view : instance_->views())
        eyes_.push_back(std::make_unique<Swapchain>(
            session_,
            glm::ivec2(static_cast<int>(view.recommendedImageRectWidth), static_cast<int>(view.recommendedImageRectHeight)),
            formats_, true));
    views_.assign(eyes_.size(), {XR_TYPE_VIEW});
    projectionViews_.assign(eyes_.size(), {XR_TYPE_COMPOSITION_LAYER_PROJECTION_VIEW});
    input_->attach(session_);
    spdlog::info("[xr.session] created: {} space, {} eyes of {}x{}{}", stage_ ? "STAGE" : "LOCAL (no stage)", eyes_.size(),
                 eyes_.empty() ? 0 : eyes_[0]->size().x, eyes_.empty() ? 0 : eyes_[0]->size().y,
                 !eyes_.empty() && eyes_[0]->srgb() ? ", sRGB" : "");
}

void Program::destroySession() {
    quadChains_.clear();
    eyes_.clear();
    if (input_) input_->detach();
    if (viewSpace_ != XR_NULL_HANDLE) xrDestroySpace(viewSpace_);
    if (appSpace_ != XR_NULL_HANDLE) xrDestroySpace(appSpace_);
    viewSpace_ = appSpace_ = XR_NULL_HANDLE;
    if (session_ != XR_NULL_HANDLE) xrDestroySession(session_);
    session_ = XR_NULL_HANDLE;
    status_.running = status_.visible = status_.focused = false;
}

void Program::pollEvents() {
    for (;;) {
        XrEventDataBuffer event{XR_TYPE_EVENT_DATA_BUFFER};
        status_.validationMessages = instance_->validationMessages();
        if (CHECK_XRCMD(xrPollEvent(instance_->handle(), &event)) == XR_EVENT_UNAVAILABLE) break;
        switch (event.type) {
            case XR_TYPE_EVENT_DATA_EVENTS_LOST:
                spdlog::warn("[xr.events] the runtime dropped {} events",
                             reinterpret_cast<const XrEventDataEventsLost*>(&event)->lostEventCount);
                break;
            case XR_TYPE_EVENT_DATA_INSTANCE_LOSS_PENDING:
                spdlog::error("[xr.instance] the OpenXR runtime is going away (instance loss pending): ending VR mode");
                status_.exitRequested = true;
                return;
            case XR_TYPE_EVENT_DATA_SESSION_STATE_CHANGED: {
                const auto& changed = *reinterpret_cast<const XrEventDataSessionStateChanged*>(&event);
                if (changed.session == session_) onStateChanged(changed.state);
                break;
            }
            case XR_TYPE_EVENT_DATA_INTERACTION_PROFILE_CHANGED: input_->updateProfiles(); break;
            case XR_TYPE_EVENT_DATA_REFERENCE_SPACE_CHANGE_PENDING:
                spdlog::info("[xr.space] the reference space is being recentred");
                break;
            default: break;
        }
    }
}

void Program::onStateChanged(XrSessionState state) {
    status_.state = fromXr(state);
    status_.visible = state == XR_SESSION_STATE_VISIBLE || state == XR_SESSION_STATE_FOCUSED;
    status_.focused = state == XR_SESSION_STATE_FOCUSED;
    spdlog::info("[xr.session] {}", toString(status_.state));
    switch (state) {
        case XR_SESSION_STATE_READY: {
            XrSessionBeginInfo begin{XR_TYPE_SESSION_BEGIN_INFO};
            begin.primaryViewConfigurationType = XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO;
            CHECK_XRCMD(xrBeginSession(session_, &begin));
            status_.running = true;
            break;
        }
        case XR_SESSION_STATE_STOPPING:
            CHECK_XRCMD(xrEndSession(session_));
            status_.running = false;
            break;
        case XR_SESSION_STATE_EXITING: status_.exitRequested = true; break;
        case XR_SESSION_STATE_LOSS_PENDING:
            // The runtime lost the headset: a clean restart, a new session on the same instance.
            destroySession();
            ++status_.sessionRestarts;
            try {
                createSession();
                spdlog::info("[xr.session] made again after loss ({} restarts)", status_.sessionRestarts);
            } catch (const std::exception& e) {
                spdlog::error("[xr.session] cannot make the session again after loss: {}", e.what());
                status_.exitRequested = true;
            }
            break;
        default: break;
    }
}

void Program::requestExit() {
    if (session_ != XR_NULL_HANDLE && status_.running) CHECK_XRCMD(xrRequestExitSession(session_));
    else status_.exitRequested = true;
}

bool Program::renderLayer(const XrFrameState& frameState, ViewRenderer& renderer) {
    XrViewLocateInfo locate{XR_TYPE_VIEW_LOCATE_INFO};
    locate.viewConfigurationType = XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO;
    locate.displayTime = frameState.predictedDisplayTime;
    locate.space = appSpace_;
    XrViewState viewState{XR_TYPE_VIEW_STATE};
    uint32_t count = 0;
    CHECK_XRCMD(xrLocateViews(session_, &locate, &viewState, static_cast<uint32_t>(views_.size()), &count, views_.data()));
    constexpr XrViewStateFlags kValid = XR_VIEW_STATE_ORIENTATION_VALID_BIT | XR_VIEW_STATE_POSITION_VALID_BIT;
    if ((viewState.viewStateFlags & kValid) != kValid || count != eyes_.size()) return false;

    XrSpaceLocation head{XR_TYPE_SPACE_LOCATION};
    CHECK_XRCMD(xrLocateSpace(viewSpace_, appSpace_, frameState.predictedDisplayTime, &head));
    if ((head.locationFlags & XR_SPACE_LOCATION_POSITION_VALID_BIT) != 0) head_ = toPose(head.pose);

    for (std::size_t eye = 0; eye < eyes_.size(); ++eye) {
        Swapchain& chain = *eyes_[eye];
        const EyeTarget target = chain.acquire();
        const XrView& view = views_[eye];
        try {
            renderer.renderView(static_cast<int>(eye), toPose(view.pose),
                                {view.fov.angleLeft, view.fov.angleRight, view.fov.angleUp, view.fov.angleDown}, target);
        } catch (...) {
            chain.release();
            throw;
        }
        chain.release();
        XrCompositionLayerProjectionView& out = projectionViews_[eye];
        out = {XR_TYPE_COMPOSITION_LAYER_PROJECTION_VIEW};
        out.pose = view.pose;
        out.fov = view.fov;
        out.subImage.swapchain = chain.handle();
        out.subImage.imageRect = {{0, 0}, {chain.size().x, chain.size().y}};
    }
    return true;
}

void Program::frame(ViewRenderer& renderer) {
    XrFrameWaitInfo waitInfo{XR_TYPE_FRAME_WAIT_INFO};
    XrFrameState frameState{XR_TYPE_FRAME_STATE};
    CHECK_XRCMD(xrWaitFrame(session_, &waitInfo, &frameState));
    XrFrameBeginInfo beginInfo{XR_TYPE_FRAME_BEGIN_INFO};
    CHECK_XRCMD(xrBeginFrame(session_, &beginInfo));
    input_->sync(appSpace_, frameState.predictedDisplayTime);

    std::vector<const XrCompositionLayerBaseHeader*> layers;
    XrCompositionLayerProjection projection{XR_TYPE_COMPOSITION_LAYER_PROJECTION};
    std::vector<XrCompositionLayerQuad> quadLayers;
    if (frameState.shouldRender && renderLayer(frameState, renderer)) {
        projection.space = appSpace_;
        projection.viewCount = static_cast<uint32_t>(projectionViews_.size());
        projection.views = projectionViews_.data();
        layers.push_back(reinterpret_cast<const XrCompositionLayerBaseHeader*>(&projection));
        ++status_.renderedFrames;

        bool sameChains = quadChains_.size() == quads_.size();
        for (std::size_t i = 0; sameChains && i < quads_.size(); ++i) sameChains = quadChains_[i]->size() == quads_[i].pixels;
        if (!sameChains) {
            quadChains_.clear();
            for (const QuadLayer& q : quads_)
                quadChains_.push_back(std::make_unique<Swapchain>(session_, q.pixels, formats_, false));
        }
        quadLayers.reserve(quads_.size());
        for (std::size_t i = 0; i < quads_.size(); ++i) {
            Swapchain& chain = *quadChains_[i];
            const EyeTarget target = chain.acquire();
            try {
                renderer.renderQuad(static_cast<int>(i), target);
            } catch (...) {
                chain.release();
                throw;
            }
            chain.release();
            XrCompositionLayerQuad quad{XR_TYPE_COMPOSITION_LAYER_QUAD};
            quad.layerFlags = XR_COMPOSITION_LAYER_BLEND_TEXTURE_SOURCE_ALPHA_BIT;
            quad.space = appSpace_;
            quad.eyeVisibility = XR_EYE_VISIBILITY_BOTH;
            quad.subImage.swapchain = chain.handle();
            quad.subImage.imageRect = {{0, 0}, {chain.size().x, chain.size().y}};
            quad.pose = toXr(quads_[i].pose);
            quad.size = {quads_[i].sizeMeters.x, quads_[i].sizeMeters.y};
            quadLayers.push_back(quad);
        }
        for (const auto& quad : quadLayers) layers.push_back(reinterpret_cast<const XrCompositionLayerBaseHeader*>(&quad));
    }
    XrFrameEndInfo endInfo{XR_TYPE_FRAME_END_INFO};
    endInfo.displayTime = frameState.predictedDisplayTime;
    endInfo.environmentBlendMode = instance_->blendMode();
    endInfo.layerCount = static_cast<uint32_t>(layers.size());
    endInfo.layers = layers.data();
    CHECK_XRCMD(xrEndFrame(session_, &endInfo));
    ++status_.frames;
    status_.validationMessages = instance_->validationMessages();
}

}  // namespace exhibit::xr
