// Pose math, the script, GL readback and the report of the test OpenXR runtime.
#include <GL/gl.h>
#include <GL/glext.h>
#include <png.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "tests/xr_runtime/runtime_internal.hpp"

namespace xrt {

Runtime& runtime() {
    static Runtime r;
    return r;
}

Pose compose(const Pose& a, const Pose& b) { return {a.orientation * b.orientation, a.position + a.orientation * b.position}; }

Pose inverse(const Pose& p) {
    const glm::quat inv = glm::inverse(p.orientation);
    return {inv, inv * -p.position};
}

Pose toPose(const XrPosef& p) {
    return {glm::quat(p.orientation.w, p.orientation.x, p.orientation.y, p.orientation.z),
            {p.position.x, p.position.y, p.position.z}};
}

XrPosef toXr(const Pose& p) {
    return {{p.orientation.x, p.orientation.y, p.orientation.z, p.orientation.w},
            {p.position.x, p.position.y, p.position.z}};
}

void problem(const std::string& what) {
    runtime().report.problems.push_back(what);
    std::fprintf(stderr, "exhibit test runtime: %s\n", what.c_str());
}

std::filesystem::path outDir() {
    const char* out = std::getenv("EXHIBIT_TEST_XR_OUT");
    return out && *out ? std::filesystem::path(out) : std::filesystem::path();
}

bool loadScript(Script& script) {
    script = Script{};
    if (const char* noHmd = std::getenv("EXHIBIT_TEST_XR_NO_HMD")) script.noHmd = *noHmd && *noHmd != '0';
    const char* path = std::getenv("EXHIBIT_TEST_XR_SCRIPT");
    if (!path || !*path) return true;
    std::ifstream in(path);
    if (!in) {
        problem(std::string("cannot read the script ") + path);
        return false;
    }
    try {
        const auto json = nlohmann::json::parse(in);
        if (json.contains("profile")) script.profile = json.at("profile").get<std::string>();
        if (json.contains("no_hmd")) script.noHmd = json.at("no_hmd").get<bool>();
        if (json.contains("timeline")) script.timeline = json.at("timeline");
        if (!script.timeline.is_array()) throw std::runtime_error("\"timeline\" is not an array");
        for (const auto& key : script.timeline)
            if (!key.contains("frame") || !key.at("frame").is_number_integer())
                throw std::runtime_error("every timeline entry needs an integer \"frame\"");
    } catch (const std::exception& e) {
        problem(std::string("script ") + path + ": " + e.what());
        return false;
    }
    return true;
}

namespace {

constexpr XrTime kLossTime = 1;

Pose poseFrom(const nlohmann::json& j, const Pose& base) {
    Pose p = base;
    if (j.contains("position")) {
        const auto& v = j.at("position");
        p.position = {v.at(0).get<float>(), v.at(1).get<float>(), v.at(2).get<float>()};
    }
    if (j.contains("yaw") || j.contains("pitch")) {
        const float yaw = glm::radians(j.value("yaw", 0.0f));
        const float pitch = glm::radians(j.value("pitch", 0.0f));
        p.orientation = glm::angleAxis(yaw, glm::vec3(0, 1, 0)) * glm::angleAxis(pitch, glm::vec3(1, 0, 0));
    }
    return p;
}

}  // namespace

void applyScript(Runtime& rt, Session* session) {
    for (const auto& key : rt.script.timeline) {
        if (key.at("frame").get<long>() != rt.frame) continue;
        if (key.contains("head")) rt.head = poseFrom(key.at("head"), rt.head);
        if (key.contains("left")) rt.hands[0] = poseFrom(key.at("left"), rt.hands[0]);
        if (key.contains("right")) rt.hands[1] = poseFrom(key.at("right"), rt.hands[1]);
        if (key.contains("input"))
            for (const auto& [path, value] : key.at("input").items()) rt.inputs[path] = value;
        if (!session) continue;
        if (key.contains("headset")) headset(*session, key.at("headset").get<std::string>() == "on");
        if (key.value("exit", false)) requestExit(*session);
        if (key.value("instance_loss", false)) {
            XrEventDataInstanceLossPending e{XR_TYPE_EVENT_DATA_INSTANCE_LOSS_PENDING, nullptr, 0};
            e.lossTime = kLossTime;
            XrEventDataBuffer buffer{};
            std::memcpy(&buffer, &e, sizeof e);
            session->instance->events.push_back(buffer);
        }
        if (key.value("loss", false) && !session->lost) {
            session->lost = true;
            setState(*session, XR_SESSION_STATE_LOSS_PENDING);
        }
    }
}

void readBack(Swapchain& sc) {
    const auto dir = outDir();
    if (dir.empty() || sc.role.empty() || sc.lastReleased < 0 || sc.depth) return;
    if (!glGetString(GL_VERSION)) {
        problem("no GL context is current while " + sc.role + "'s swapchain is destroyed: nothing read back");
        return;
    }
    GLint packBuffer = 0, bound = 0, alignment = 4;
    glGetIntegerv(GL_PIXEL_PACK_BUFFER_BINDING, &packBuffer);
    if (packBuffer != 0) {
        problem("a pixel pack buffer is bound: " + sc.role + " not read back");
        return;
    }
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &bound);
    glGetIntegerv(GL_PACK_ALIGNMENT, &alignment);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    std::vector<unsigned char> pixels(static_cast<std::size_t>(sc.width) * static_cast<std::size_t>(sc.height) * 4);
    glBindTexture(GL_TEXTURE_2D, sc.textures[static_cast<std::size_t>(sc.lastReleased)]);
    glGetTexImage(GL_TEXTURE_2D, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(bound));
    glPixelStorei(GL_PACK_ALIGNMENT, alignment);

    std::filesystem::create_directories(dir);
    const auto path = (dir / (sc.role + ".png")).string();
    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    image.width = static_cast<png_uint_32>(sc.width);
    image.height = static_cast<png_uint_32>(sc.height);
    image.format = PNG_FORMAT_RGBA;
    // GL's row 0 is the bottom row: a negative stride writes it last, so the PNG is upright.
    if (!png_image_write_to_file(&image, path.c_str(), 0, pixels.data(), -sc.width * 4, nullptr)) {
        problem("cannot write " + path + ": " + image.message);
        return;
    }
    runtime().report.images.push_back(sc.role + ".png");
}

void writeReport(const Runtime& rt) {
    const auto dir = outDir();
    if (dir.empty()) return;
    const Report& r = rt.report;
    nlohmann::json j{{"frames", r.frames},
                     {"rendered_frames", r.renderedFrames},
                     {"acquired", r.acquired},
                     {"released", r.released},
                     {"haptic_pulses", r.hapticPulses},
                     {"last_haptic_amplitude", r.lastHapticAmplitude},
                     {"sessions", r.sessions},
                     {"states", r.states},
                     {"images", r.images},
                     {"problems", r.problems}};
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "report.json") << j.dump(2) << "\n";
}

}  // namespace xrt
