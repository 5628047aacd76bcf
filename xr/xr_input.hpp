// The VR controllers as OpenXR actions: one action set "exhibit" with, per hand (subaction paths
// /user/hand/left and /user/hand/right), aim and grip poses, select (click), thumbstick (vector2f),
// menu, and haptics; suggested bindings for khr/simple_controller, oculus/touch_controller,
// valve/index_controller, htc/vive_controller and microsoft/motion_controller (the table in
// xr_input.cpp: where a profile lacks an input the closest one is bound, or none). The action set
// is made with the instance; attach() binds it to each new session; sync() reads the frame's state.
// What the input means (teleport, snap turn) is the caller's business.
#pragma once

#include <openxr/openxr.h>

#include "xr/xr_instance.hpp"
#include "xr/xr_types.hpp"

namespace exhibit::xr {

class Input {
public:
    explicit Input(Instance& instance);
    ~Input();
    Input(const Input&) = delete;
    Input& operator=(const Input&) = delete;

    void attach(XrSession session);  // makes the hands' action spaces too
    void detach();                   // before the session is destroyed
    // xrSyncActions, then each hand's state, poses located in `base` at `time`.
    void sync(XrSpace base, XrTime time);
    void updateProfiles();           // after XR_TYPE_EVENT_DATA_INTERACTION_PROFILE_CHANGED
    const InputState& state() const { return state_; }
    void haptic(int hand, float amplitude, float seconds);

private:
    Instance& instance_;
    XrSession session_ = XR_NULL_HANDLE;
    XrActionSet set_ = XR_NULL_HANDLE;
    XrAction aim_ = XR_NULL_HANDLE, grip_ = XR_NULL_HANDLE, select_ = XR_NULL_HANDLE, thumbstick_ = XR_NULL_HANDLE,
             menu_ = XR_NULL_HANDLE, haptic_ = XR_NULL_HANDLE;
    XrPath hands_[2] = {XR_NULL_PATH, XR_NULL_PATH};
    XrSpace aimSpaces_[2] = {XR_NULL_HANDLE, XR_NULL_HANDLE};
    XrSpace gripSpaces_[2] = {XR_NULL_HANDLE, XR_NULL_HANDLE};
    InputState state_;
};

}  // namespace exhibit::xr
