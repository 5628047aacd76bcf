#include "tests/xr_runtime/profiles.hpp"

#include <array>
#include <initializer_list>

namespace xrt {
namespace {

struct Profile {
    std::string_view path;
    std::initializer_list<std::string_view> both;   // on /user/hand/left and /user/hand/right
    std::initializer_list<std::string_view> left;   // only on the left hand
    std::initializer_list<std::string_view> right;  // only on the right hand
};

// Identifiers below the hand ("input/..." and "output/..."); the system buttons, which
// applications cannot bind, are left out.
const std::array<Profile, 5>& profiles() {
    static const std::array<Profile, 5> table{{
        {"/interaction_profiles/khr/simple_controller",
         {"input/select/click", "input/menu/click", "input/grip/pose", "input/aim/pose", "output/haptic"},
         {},
         {}},
        {"/interaction_profiles/oculus/touch_controller",
         {"input/squeeze/value", "input/trigger/value", "input/trigger/touch", "input/thumbstick",
          "input/thumbstick/x", "input/thumbstick/y", "input/thumbstick/click", "input/thumbstick/touch",
          "input/thumbrest/touch", "input/grip/pose", "input/aim/pose", "output/haptic"},
         {"input/x/click", "input/x/touch", "input/y/click", "input/y/touch", "input/menu/click"},
         {"input/a/click", "input/a/touch", "input/b/click", "input/b/touch"}},
        {"/interaction_profiles/valve/index_controller",
         {"input/a/click", "input/a/touch", "input/b/click", "input/b/touch", "input/squeeze/value",
          "input/squeeze/force", "input/trigger/click", "input/trigger/value", "input/trigger/touch",
          "input/thumbstick", "input/thumbstick/x", "input/thumbstick/y", "input/thumbstick/click",
          "input/thumbstick/touch", "input/trackpad", "input/trackpad/x", "input/trackpad/y", "input/trackpad/force",
          "input/trackpad/touch", "input/grip/pose", "input/aim/pose", "output/haptic"},
         {},
         {}},
        {"/interaction_profiles/htc/vive_controller",
         {"input/squeeze/click", "input/menu/click", "input/trigger/click", "input/trigger/value", "input/trackpad",
          "input/trackpad/x", "input/trackpad/y", "input/trackpad/click", "input/trackpad/touch", "input/grip/pose",
          "input/aim/pose", "output/haptic"},
         {},
         {}},
        {"/interaction_profiles/microsoft/motion_controller",
         {"input/menu/click", "input/squeeze/click", "input/trigger/value", "input/thumbstick", "input/thumbstick/x",
          "input/thumbstick/y", "input/thumbstick/click", "input/trackpad", "input/trackpad/x", "input/trackpad/y",
          "input/trackpad/click", "input/trackpad/touch", "input/grip/pose", "input/aim/pose", "output/haptic"},
         {},
         {}},
    }};
    return table;
}

const Profile* find(std::string_view path) {
    for (const Profile& p : profiles())
        if (p.path == path) return &p;
    return nullptr;
}

bool contains(std::initializer_list<std::string_view> list, std::string_view item) {
    for (std::string_view s : list)
        if (s == item) return true;
    return false;
}

}  // namespace

bool knownProfile(std::string_view profile) { return find(profile) != nullptr; }

bool bindingExists(std::string_view profile, std::string_view binding) {
    const Profile* p = find(profile);
    if (!p) return false;
    constexpr std::string_view kLeft = "/user/hand/left/", kRight = "/user/hand/right/";
    if (binding.starts_with(kLeft)) {
        const auto rest = binding.substr(kLeft.size());
        return contains(p->both, rest) || contains(p->left, rest);
    }
    if (binding.starts_with(kRight)) {
        const auto rest = binding.substr(kRight.size());
        return contains(p->both, rest) || contains(p->right, rest);
    }
    return false;
}

}  // namespace xrt
