#include "xr/xr_input.hpp"

#include <spdlog/spdlog.h>

#include <cstdio>
#include <string>
#include <vector>

#include "xr/xr_check.hpp"

namespace exhibit::xr {
namespace {

// Suggested bindings: the component below /user/hand/<side>/ for each action, per profile. An
// empty entry: the profile has nothing close (the simple controller has no thumbstick; the Touch
// controller's right hand has no menu button, its system button is not for applications).
struct ProfileBindings {
    const char* profile;
    const char* select;
    const char* thumbstick;
    const char* menuLeft;
    const char* menuRight;
};
constexpr ProfileBindings kProfiles[] = {
    {"/interaction_profiles/khr/simple_controller", "input/select/click", "", "input/menu/click", "input/menu/click"},
    {"/interaction_profiles/oculus/touch_controller", "input/trigger/value", "input/thumbstick", "input/menu/click", ""},
    {"/interaction_profiles/valve/index_controller", "input/trigger/click", "input/thumbstick", "input/b/click", "input/b/click"},
    {"/interaction_profiles/htc/vive_controller", "input/trigger/click", "input/trackpad", "input/menu/click", "input/menu/click"},
    {"/interaction_profiles/microsoft/motion_controller", "input/trigger/value", "input/thumbstick", "input/menu/click",
     "input/menu/click"},
};

XrAction makeAction(XrActionSet set, const char* name, const char* localized, XrActionType type, const XrPath* hands) {
    XrActionCreateInfo info{XR_TYPE_ACTION_CREATE_INFO};
    std::snprintf(info.actionName, XR_MAX_ACTION_NAME_SIZE, "%s", name);
    std::snprintf(info.localizedActionName, XR_MAX_LOCALIZED_ACTION_NAME_SIZE, "%s", localized);
    info.actionType = type;
    info.countSubactionPaths = 2;
    info.subactionPaths = hands;
    XrAction action = XR_NULL_HANDLE;
    CHECK_XRCMD(xrCreateAction(set, &info, &action));
    return action;
}

Pose toPose(const XrPosef& p) {
    return {glm::quat(p.orientation.w, p.orientation.x, p.orientation.y, p.orientation.z),
            {p.position.x, p.position.y, p.position.z}};
}

}  // namespace

Input::Input(Instance& instance) : instance_(instance) {
    XrActionSetCreateInfo setInfo{XR_TYPE_ACTION_SET_CREATE_INFO};
    std::snprintf(setInfo.actionSetName, XR_MAX_ACTION_SET_NAME_SIZE, "exhibit");
    std::snprintf(setInfo.localizedActionSetName, XR_MAX_LOCALIZED_ACTION_SET_NAME_SIZE, "Exhibit tour");
    CHECK_XRCMD(xrCreateActionSet(instance.handle(), &setInfo, &set_));
    hands_[0] = instance.path("/user/hand/left");
    hands_[1] = instance.path("/user/hand/right");
    aim_ = makeAction(set_, "aim", "Aim", XR_ACTION_TYPE_POSE_INPUT, hands_);
    grip_ = makeAction(set_, "grip", "Grip", XR_ACTION_TYPE_POSE_INPUT, hands_);
    select_ = makeAction(set_, "select", "Select", XR_ACTION_TYPE_BOOLEAN_INPUT, hands_);
    thumbstick_ = makeAction(set_, "thumbstick", "Move and turn", XR_ACTION_TYPE_VECTOR2F_INPUT, hands_);
    menu_ = makeAction(set_, "menu", "Menu", XR_ACTION_TYPE_BOOLEAN_INPUT, hands_);
    haptic_ = makeAction(set_, "haptic", "Vibrate", XR_ACTION_TYPE_VIBRATION_OUTPUT, hands_);

    const char* sides[2] = {"/user/hand/left/", "/user/hand/right/"};
    for (const ProfileBindings& p : kProfiles) {
        std::vector<XrActionSuggestedBinding> bindings;
        auto bind = [&](XrAction action, int hand, const char* component) {
            if (*component == '\0') return;
            bindings.push_back({action, instance.path((std::string(sides[hand]) + component).c_str())});
        };
        for (int hand = 0; hand < 2; ++hand) {
            bind(aim_, hand, "input/aim/pose");
            bind(grip_, hand, "input/grip/pose");
            bind(select_, hand, p.select);
            bind(thumbstick_, hand, p.thumbstick);
            bind(menu_, hand, hand == 0 ? p.menuLeft : p.menuRight);
            bind(haptic_, hand, "output/haptic");
        }
        XrInteractionProfileSuggestedBinding suggested{XR_TYPE_INTERACTION_PROFILE_SUGGESTED_BINDING};
        suggested.interactionProfile = instance.path(p.profile);
        suggested.countSuggestedBindings = static_cast<uint32_t>(bindings.size());
        suggested.suggestedBindings = bindings.data();
        CHECK_XRCMD(xrSuggestInteractionProfileBindings(instance.handle(), &suggested));
    }
}

Input::~Input() {
    detach();
    if (set_ != XR_NULL_HANDLE) xrDestroyActionSet(set_);  // its actions go with it
}

void Input::attach(XrSession session) {
    session_ = session;
    XrSessionActionSetsAttachInfo attachInfo{XR_TYPE_SESSION_ACTION_SETS_ATTACH_INFO};
    attachInfo.countActionSets = 1;
    attachInfo.actionSets = &set_;
    CHECK_XRCMD(xrAttachSessionActionSets(session, &attachInfo));
    for (int hand = 0; hand < 2; ++hand) {
        XrActionSpaceCreateInfo info{XR_TYPE_ACTION_SPACE_CREATE_INFO};
        info.poseInActionSpace.orientation.w = 1.0f;
        info.subactionPath = hands_[hand];
        info.action = aim_;
        CHECK_XRCMD(xrCreateActionSpace(session, &info, &aimSpaces_[hand]));
        info.action = grip_;
        CHECK_XRCMD(xrCreateActionSpace(session, &info, &gripSpaces_[hand]));
    }
    state_ = {};
}

void Input::detach() {
    for (int hand = 0; hand < 2; ++hand) {
        if (aimSpaces_[hand] != XR_NULL_HANDLE) xrDestroySpace(aimSpaces_[hand]);
        if (gripSpaces_[hand] != XR_NULL_HANDLE) xrDestroySpace(gripSpaces_[hand]);
        aimSpaces_[hand] = gripSpaces_[hand] = XR_NULL_HANDLE;
    }
    session_ = XR_NULL_HANDLE;
    state_ = {};
}

void Input::updateProfiles() {
    if (session_ == XR_NULL_HANDLE) return;
    for (int hand = 0; hand < 2; ++hand) {
        XrInteractionProfileState profile{XR_TYPE_INTERACTION_PROFILE_STATE};
        CHECK_XRCMD(xrGetCurrentInteractionProfile(session_, hands_[hand], &profile));
        state_.profile[hand] = instance_.pathString(profile.interactionProfile);
        spdlog::info("[xr.input] {} hand: {}", hand == 0 ? "left" : "right",
                     state_.profile[hand].empty() ? "no controller" : state_.profile[hand]);
    }
}

void Input::sync(XrSpace base, XrTime time) {
    if (session_ == XR_NULL_HANDLE) return;
    XrActiveActionSet active{set_, XR_NULL_PATH};
    XrActionsSyncInfo syncInfo{XR_TYPE_ACTIONS_SYNC_INFO};
    syncInfo.countActiveActionSets = 1;
    syncInfo.activeActionSets = &active;
    CHECK_XRCMD(xrSyncActions(session_, &syncInfo));  // XR_SESSION_NOT_FOCUSED: every action inactive
    for (int hand = 0; hand < 2; ++hand) {
        Hand& h = state_.hands[hand];
        const Hand before = h;
        XrActionStateGetInfo get{XR_TYPE_ACTION_STATE_GET_INFO};
        get.subactionPath = hands_[hand];

        get.action = select_;
        XrActionStateBoolean select{XR_TYPE_ACTION_STATE_BOOLEAN};
        CHECK_XRCMD(xrGetActionStateBoolean(session_, &get, &select));
        get.action = menu_;
        XrActionStateBoolean menu{XR_TYPE_ACTION_STATE_BOOLEAN};
        CHECK_XRCMD(xrGetActionStateBoolean(session_, &get, &menu));
        get.action = thumbstick_;
        XrActionStateVector2f stick{XR_TYPE_ACTION_STATE_VECTOR2F};
        CHECK_XRCMD(xrGetActionStateVector2f(session_, &get, &stick));
        get.action = aim_;
        XrActionStatePose aimState{XR_TYPE_ACTION_STATE_POSE};
        CHECK_XRCMD(xrGetActionStatePose(session_, &get, &aimState));

        h.active = aimState.isActive == XR_TRUE;
        h.select = select.isActive && select.currentState;
        h.selectPressed = h.select && !before.select;
        h.selectReleased = !h.select && before.select;
        h.menu = menu.isActive && menu.currentState;
        h.menuPressed = h.menu && !before.menu;
        h.thumbstick = stick.isActive ? glm::vec2(stick.currentState.x, stick.currentState.y) : glm::vec2(0, 0);

        const auto locate = [&](XrSpace space, Pose& pose, bool& valid) {
            XrSpaceLocation location{XR_TYPE_SPACE_LOCATION};
            CHECK_XRCMD(xrLocateSpace(space, base, time, &location));
            constexpr XrSpaceLocationFlags kValid = XR_SPACE_LOCATION_ORIENTATION_VALID_BIT | XR_SPACE_LOCATION_POSITION_VALID_BIT;
            valid = h.active && (location.locationFlags & kValid) == kValid;
            if (valid) pose = toPose(location.pose);
        };
        locate(aimSpaces_[hand], h.aim, h.aimValid);
        locate(gripSpaces_[hand], h.grip, h.gripValid);
    }
}

void Input::haptic(int hand, float amplitude, float seconds) {
    if (session_ == XR_NULL_HANDLE || hand < 0 || hand > 1) return;
    XrHapticVibration vibration{XR_TYPE_HAPTIC_VIBRATION};
    vibration.amplitude = amplitude;
    vibration.duration = static_cast<XrDuration>(static_cast<double>(seconds) * 1e9);
    vibration.frequency = XR_FREQUENCY_UNSPECIFIED;
    XrHapticActionInfo info{XR_TYPE_HAPTIC_ACTION_INFO};
    info.action = haptic_;
    info.subactionPath = hands_[hand];
    CHECK_XRCMD(xrApplyHapticFeedback(session_, &info, reinterpret_cast<const XrHapticBaseHeader*>(&vibration)));
}

}  // namespace exhibit::xr
