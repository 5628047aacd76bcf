// The operator console (see operator_console.hpp). The one file in app/ that touches GL: Dear
// ImGui's OpenGL 3 backend draws the UI, and render() binds the target framebuffer around it.
#include "app/operator_console.hpp"

#include <imgui.h>
#include <imgui_freetype.h>
#include <backends/imgui_impl_opengl3.h>

#include <algorithm>
#include <bitset>
#include <cfloat>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <deque>
#include <fstream>
#include <iterator>
#include <map>
#include <system_error>

#include "app/operator_console_text.hpp"
#include "core/error.hpp"
#include "core/local_time.hpp"
#include "renderer/gl.hpp"

namespace exhibit {
namespace {

using console_text::Id;

// Sizes at uiScale 1, in pixels (see the header: 56 px targets are >= 1 cm up to 142 ppi).
constexpr float kFontPx = 22.0f;
constexpr float kTargetPx = 56.0f;
constexpr float kControlWidthPx = 380.0f;

const ImVec4 kAccent{0.16f, 0.47f, 0.85f, 1.0f};
const ImVec4 kAccentHover{0.22f, 0.55f, 0.95f, 1.0f};
const ImVec4 kDanger{0.70f, 0.16f, 0.16f, 1.0f};
const ImVec4 kOk{0.35f, 0.85f, 0.40f, 1.0f};
const ImVec4 kWarn{0.98f, 0.72f, 0.20f, 1.0f};
const ImVec4 kBad{1.0f, 0.36f, 0.32f, 1.0f};
const ImVec4 kMuted{0.62f, 0.66f, 0.72f, 1.0f};
const ImVec4 kHeading{0.55f, 0.78f, 1.0f, 1.0f};

template <typename... Args>
std::string format(const char* pattern, Args... args) {
    char buffer[256];
    std::snprintf(buffer, sizeof buffer, pattern, args...);
    return buffer;
}

// Decodes UTF-8 and calls fn for every code point in the Basic Multilingual Plane (ImGui's 16-bit
// ImWchar); malformed bytes are skipped.
template <typename Fn>
void forEachCodePoint(std::string_view text, Fn&& fn) {
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        int length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (length == 0 || i + static_cast<std::size_t>(length) > text.size()) {
            ++i;
            continue;
        }
        char32_t cp = length == 1 ? c : length == 2 ? (c & 0x1Fu) : length == 3 ? (c & 0x0Fu) : (c & 0x07u);
        bool valid = true;
        for (int k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]);
            if ((next >> 6) != 0x2) valid = false;
            cp = (cp << 6) | (next & 0x3Fu);
        }
        i += valid ? static_cast<std::size_t>(length) : 1;
        if (valid && cp < 0x10000) fn(cp);
    }
}

std::string formatUptime(double seconds, bool english) {
    const auto total = static_cast<long long>(std::max(0.0, seconds));
    const long long days = total / 86400;
    std::string clock = format("%02lld:%02lld:%02lld", (total / 3600) % 24, (total / 60) % 60, total % 60);
    if (days == 0) return clock;
    return format("%lld", days) + std::string(console_text::text(Id::Days, english)) + " " + clock;
}

std::string formatSeconds(double seconds) {
    if (seconds == std::floor(seconds) && std::abs(seconds) < 1e9) return format("%lld", static_cast<long long>(seconds));
    return format("%g", seconds);
}

std::optional<double> parseSeconds(std::string_view text) {
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc{} || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
    return value;
}

const char* modeId(WallMode mode) {
    switch (mode) {
        case WallMode::Show: return "show";
        case WallMode::Standby: return "standby";
        case WallMode::Blackout: return "blackout";
    }
    return "show";
}

Id modeText(WallMode mode) {
    switch (mode) {
        case WallMode::Show: return Id::ModeShow;
        case WallMode::Standby: return Id::ModeStandby;
        case WallMode::Blackout: return Id::ModeBlackout;
    }
    return Id::ModeShow;
}

constexpr WallMode kModes[] = {WallMode::Show, WallMode::Standby, WallMode::Blackout};

// Makes the console's ImGui context current for a scope and restores the previous one.
class ContextScope {
public:
    explicit ContextScope(ImGuiContext* context) : previous_(ImGui::GetCurrentContext()) {
        ImGui::SetCurrentContext(context);
    }
    ~ContextScope() { ImGui::SetCurrentContext(previous_); }
    ContextScope(const ContextScope&) = delete;
    ContextScope& operator=(const ContextScope&) = delete;

private:
    ImGuiContext* previous_;
};

}  // namespace

struct OperatorConsole::Impl {
    enum class Page { Health, Playlist };
    struct PlaylistRow {
        std::string id;
        bool on = false;
    };
    struct ScheduleRow {
        std::string time;
        WallMode mode = WallMode::Show;
    };

    ImGuiContext* context = nullptr;
    bool backendReady = false;
    float scale = 1;
    std::vector<char> fontData;  // the font file, kept for atlas rebuilds (the atlas does not own it)
    int faceIndex = 0;
    std::bitset<0x10000> requested;  // code points asked of the atlas (present in the font or not)
    bool atlasStale = false;
    ImVector<ImWchar> ranges;

    // Input, applied by frame().
    std::deque<PlatformEvent> pending;
    std::optional<std::int64_t> finger;  // the finger acting as the mouse
    bool mouseDown = false;
    glm::vec2 mousePos{-FLT_MAX, -FLT_MAX};
    bool forgetPointer = false;  // a finger lifted: no hover after the frame that sees the release

    // Layout of the last frame.
    std::map<std::string, Rect, std::less<>> rects;
    std::vector<Rect> windows;

    // View state.
    bool english = false;
    Page page = Page::Health;
    bool details = true;
    std::size_t logLines = 0;
    std::string lastLogLine;

    // Playlist & schedule being edited.
    bool dirty = false;
    std::optional<OperatorSettings> seen;  // status.settings the edit was last loaded from
    std::vector<PlaylistRow> playlist;
    std::string rotation;
    std::vector<ScheduleRow> schedule;
    std::string focus;  // "rotation", "schedule:<i>" or ""
    std::string error;

    // Screenshot.
    std::optional<std::future<std::vector<std::uint8_t>>> screenshot;
    std::string screenshotMessage;
    std::filesystem::path screenshotDirectory = ".";

    std::vector<ControlCommand> commands;

    // Constructs the command in place (a moved temporary variant trips GCC 12's maybe-uninitialized).
    template <typename Command, typename... Args>
    void emit(Args&&... args) {
        commands.emplace_back(std::in_place_type<Command>, Command{std::forward<Args>(args)...});
    }

    std::string_view tr(Id id) const { return console_text::text(id, english); }
    std::string label(Id id, std::string_view widgetId) const {
        return std::string(tr(id)) + "###" + std::string(widgetId);
    }

    void note(const std::string& id) {
        const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        rects[id] = Rect{{a.x, a.y}, {b.x, b.y}};
    }
    void noteWindow(const std::string& id) {
        const ImVec2 p = ImGui::GetWindowPos(), s = ImGui::GetWindowSize();
        const Rect r{{p.x, p.y}, {p.x + s.x, p.y + s.y}};
        rects[id] = r;
        windows.push_back(r);
    }

    // ---- Font atlas --------------------------------------------------------------------------

    void request(std::string_view text) {
        forEachCodePoint(text, [&](char32_t cp) {
            if (!requested.test(cp)) {
                requested.set(cp);
                atlasStale = true;
            }
        });
    }

    void requestStatus(const OperatorStatus& s) {
        request(s.showTitle);
        request(s.version);
        request(s.xr);
        for (const auto& scene : s.scenes) {
            request(scene.id);
            request(scene.title);
            request(scene.problem);
        }
        for (const auto& feed : s.feeds) {
            request(feed.name);
            request(feed.state);
            request(feed.lastError);
        }
        for (const auto& line : s.recentLog) request(line);
        for (const auto& id : s.settings.playlist) request(id);
        request(screenshotMessage);
    }

    void buildAtlas() {
        ImGuiIO& io = ImGui::GetIO();
        ImFontGlyphRangesBuilder builder;
        for (char32_t cp = 1; cp < 0x10000; ++cp)
            if (requested.test(cp)) builder.AddChar(static_cast<ImWchar>(cp));
        ranges.clear();
        builder.BuildRanges(&ranges);

        io.Fonts->Clear();
        io.Fonts->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
        io.Fonts->FontBuilderFlags = 0;
        ImFontConfig config;
        config.FontDataOwnedByAtlas = false;
        config.FontNo = faceIndex;
        config.PixelSnapH = true;
        const ImFont* font = io.Fonts->AddFontFromMemoryTTF(fontData.data(), static_cast<int>(fontData.size()),
                                                            std::round(kFontPx * scale), &config, ranges.Data);
        if (!font || !io.Fonts->Build())
            throw StartupError("operator console: FreeType could not build the font atlas from face " +
                               std::to_string(faceIndex) + " of the font file");
        atlasStale = false;
        if (backendReady) {
            ImGui_ImplOpenGL3_DestroyFontsTexture();
            ImGui_ImplOpenGL3_CreateFontsTexture();
        }
    }

    // ---- Input -------------------------------------------------------------------------------

    // Applies queued events up to the second button change (ImGui 1.86 sees one state per frame).
    void applyInput() {
        ImGuiIO& io = ImGui::GetIO();
        if (forgetPointer && !mouseDown) mousePos = {-FLT_MAX, -FLT_MAX};
        forgetPointer = false;
        bool buttonChanged = false;
        while (!pending.empty()) {
            const PlatformEvent e = pending.front();
            using T = PlatformEvent::Type;
            const bool press = (e.type == T::MouseDown && !mouseDown) || (e.type == T::FingerDown && !finger && !mouseDown);
            const bool release = (e.type == T::MouseUp && mouseDown && !finger) || (e.type == T::FingerUp && finger == e.finger);
            if ((press || release) && buttonChanged) break;
            pending.pop_front();
            if (press) {
                mouseDown = true;
                mousePos = e.pos;
                if (e.type == T::FingerDown) finger = e.finger;
                buttonChanged = true;
            } else if (release) {
                mouseDown = false;
                mousePos = e.pos;
                if (finger) forgetPointer = true;
                finger.reset();
                buttonChanged = true;
            } else if (e.type == T::MouseMove && !finger) {
                mousePos = e.pos;
            } else if (e.type == T::FingerMove && finger == e.finger) {
                mousePos = e.pos;
            } else if (e.type == T::FocusLost && mouseDown) {
                mouseDown = false;
                finger.reset();
                forgetPointer = true;
                buttonChanged = true;
            }
        }
        io.MousePos = ImVec2(mousePos.x, mousePos.y);
        io.MouseDown[0] = mouseDown;
    }

    void key(int code) {
        if (focus.empty()) return;
        std::string* field = focusedText();
        if (!field) return;
        const bool time = focus != "rotation";
        if (code >= '0' && code <= '9') {
            if (field->size() < 8) field->push_back(static_cast<char>(code));
        } else if (code == ':' || code == ';' || (code == '.' && time)) {
            if (field->size() < 8) field->push_back(':');
        } else if (code == '.') {
            if (field->size() < 8) field->push_back('.');
        } else if (code == keys::Backspace) {
            if (!field->empty()) field->pop_back();
        } else if (code == keys::Return || code == keys::Escape) {
            focus.clear();
            return;
        } else {
            return;
        }
        dirty = true;
    }

    std::string* focusedText() {
        if (focus == "rotation") return &rotation;
        if (focus.starts_with("schedule:")) {
            std::size_t index = 0;
            const std::string_view digits = std::string_view(focus).substr(9);
            const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), index);
            if (ec == std::errc{} && index < schedule.size()) return &schedule[index].time;
        }
        return nullptr;
    }

    // ---- Playlist & schedule edit ------------------------------------------------------------

    void loadEdit(const OperatorStatus& s) {
        playlist.clear();
        for (const auto& id : s.settings.playlist) playlist.push_back({id, true});
        rotation = formatSeconds(s.settings.rotationSeconds);
        schedule.clear();
        for (const auto& entry : s.settings.schedule) schedule.push_back({formatMinuteOfDay(entry.minuteOfDay), entry.mode});
        focus.clear();
        error.clear();
        dirty = false;
        seen = s.settings;
    }

    void syncEdit(const OperatorStatus& s) {
        if (!dirty && (!seen || *seen != s.settings)) loadEdit(s);
        for (const auto& scene : s.scenes)
            if (std::none_of(playlist.begin(), playlist.end(), [&](const PlaylistRow& r) { return r.id == scene.id; }))
                playlist.push_back({scene.id, false});
    }

    void apply(const OperatorStatus& s) {
        const auto seconds = parseSeconds(rotation);
        if (!seconds || !(*seconds == 0 || (*seconds >= 10 && *seconds <= 3600))) {
            error = std::string(tr(Id::ErrRotation)) + "\"" + rotation + "\"";
            focus = "rotation";
            return;
        }
        OperatorSettings settings = s.settings;
        settings.playlist.clear();
        for (const auto& row : playlist)
            if (row.on) settings.playlist.push_back(row.id);
        settings.rotationSeconds = *seconds;
        settings.schedule.clear();
        for (std::size_t i = 0; i < schedule.size(); ++i) {
            const auto minute = parseMinuteOfDay(schedule[i].time);
            if (!minute) {
                error = std::string(tr(Id::ErrTimeBefore)) + std::to_string(i + 1) + std::string(tr(Id::ErrTimeMiddle)) +
                        schedule[i].time + std::string(tr(Id::ErrTimeAfter));
                focus = "schedule:" + std::to_string(i);
                return;
            }
            settings.schedule.push_back({*minute, schedule[i].mode});
        }
        std::stable_sort(settings.schedule.begin(), settings.schedule.end(),
                         [](const ScheduleEntry& a, const ScheduleEntry& b) { return a.minuteOfDay < b.minuteOfDay; });
        error.clear();
        focus.clear();
        dirty = false;  // reloaded from the status once the main loop has applied it
        emit<ChangeSettings>(std::move(settings));
    }

    // ---- Widgets -----------------------------------------------------------------------------

    float target() const { return std::round(kTargetPx * scale); }

    bool button(const std::string& text, const std::string& id, ImVec2 size, bool selected = false,
                const ImVec4& selectedColor = kAccent) {
        if (selected) {
            ImGui::PushStyleColor(ImGuiCol_Button, selectedColor);
            ImGui::PushStyleColor(ImGuiCol_ButtonHovered, selectedColor);
        }
        const bool pressed = ImGui::Button((text + "###" + id).c_str(), size);
        if (selected) ImGui::PopStyleColor(2);
        note(id);
        return pressed;
    }

    void heading(Id id) {
        ImGui::PushStyleColor(ImGuiCol_Text, kHeading);
        ImGui::TextUnformatted(tr(id).data(), tr(id).data() + tr(id).size());
        ImGui::PopStyleColor();
    }

    void text(std::string_view s) { ImGui::TextUnformatted(s.data(), s.data() + s.size()); }
    void text(std::string_view s, const ImVec4& color) {
        ImGui::PushStyleColor(ImGuiCol_Text, color);
        text(s);
        ImGui::PopStyleColor();
    }

    // Drag to scroll inside the current child window (ImGui 1.86 scrolls by wheel or scrollbar only).
    void touchScroll() {
        const ImGuiIO& io = ImGui::GetIO();
        if (ImGui::IsMouseDragging(ImGuiMouseButton_Left) &&
            ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem))
            ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
    }

    // ---- Panels ------------------------------------------------------------------------------

    void controlPanel(const OperatorStatus& s, float width, float height) {
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(width, height));
        ImGui::Begin("###control", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
        noteWindow("panel:control");
        const float full = ImGui::GetContentRegionAvail().x;
        const float h = target();

        text(s.showTitle.empty() ? tr(Id::Title) : std::string_view(s.showTitle), kHeading);
        std::string current = s.scene;
        for (const auto& scene : s.scenes)
            if (scene.id == s.scene) current = scene.title.empty() ? scene.id : scene.title;
        text(std::string(tr(Id::OnTheWall)) + (english ? ": " : "：") + current + " · " + std::string(tr(modeText(s.mode))), kMuted);
        ImGui::Separator();

        // Everything between the header and the bottom row scrolls when there are many scenes.
        const float bottom = h + ImGui::GetStyle().ItemSpacing.y + 2;
        ImGui::BeginChild("###control-body", ImVec2(0, ImGui::GetContentRegionAvail().y - bottom), false);
        touchScroll();
        const float inner = ImGui::GetContentRegionAvail().x;
        heading(Id::Scenes);
        for (const auto& scene : s.scenes) {
            std::string title = scene.title.empty() ? scene.id : scene.title;
            // A scene whose content failed to load: greyed, the problem under it. Pressing it
            // still asks the wall to load it again (the file may have been fixed).
            if (!scene.available) {
                title += tr(Id::SceneUnavailable);
                ImGui::PushStyleColor(ImGuiCol_Text, kMuted);
            }
            if (button(title, "scene:" + scene.id, ImVec2(inner, h), scene.id == s.scene))
                emit<SwitchScene>(scene.id);
            if (!scene.available) {
                ImGui::PopStyleColor();
                ImGui::PushStyleColor(ImGuiCol_Text, kBad);
                ImGui::PushTextWrapPos(0);
                text(scene.problem);
                ImGui::PopTextWrapPos();
                ImGui::PopStyleColor();
            }
        }
        ImGui::Spacing();
        heading(Id::WallMode);
        const float spacing = ImGui::GetStyle().ItemSpacing.x;
        const float third = std::floor((inner - 2 * spacing) / 3);
        for (WallMode mode : kModes) {
            if (mode != WallMode::Show) ImGui::SameLine();
            if (button(std::string(tr(modeText(mode))), std::string("mode:") + modeId(mode), ImVec2(third, h),
                       s.mode == mode, mode == WallMode::Show ? kAccent : kDanger))
                emit<SetMode>(mode);
        }
        if (button(std::string(tr(s.attract ? Id::AttractOn : Id::AttractOff)), "attract", ImVec2(inner, h), s.attract))
            emit<SetAttract>(!s.attract);
        ImGui::Spacing();
        ImGui::BeginDisabled(screenshot.has_value());
        if (button(std::string(tr(Id::Screenshot)), "screenshot", ImVec2(inner, h))) {
            auto promise = std::make_shared<std::promise<std::vector<std::uint8_t>>>();
            screenshot = promise->get_future();
            screenshotMessage = std::string(tr(Id::ScreenshotWaiting));
            emit<TakeScreenshot>(std::move(promise));
        }
        ImGui::EndDisabled();
        if (!screenshotMessage.empty()) {
            ImGui::PushTextWrapPos(0);
            text(screenshotMessage, kMuted);
            ImGui::PopTextWrapPos();
        }
        ImGui::EndChild();

        const float half = std::floor((full - spacing) / 2);
        if (button(std::string(tr(Id::Language)), "language", ImVec2(half, h))) {
            OperatorSettings settings = s.settings;
            settings.language = english ? "zh" : "en";
            emit<ChangeSettings>(std::move(settings));
        }
        ImGui::SameLine();
        if (button(std::string(tr(details ? Id::HideDetails : Id::ShowDetails)), "details", ImVec2(half, h)))
            details = !details;
        ImGui::End();
    }

    void detailsPanel(const OperatorStatus& s, ImVec2 pos, ImVec2 size) {
        ImGui::SetNextWindowPos(pos);
        ImGui::SetNextWindowSize(size);
        ImGui::Begin("###details", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
        noteWindow(page == Page::Health ? "panel:health" : "panel:playlist");
        const float h = target();
        const float width = std::floor((ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2);
        if (button(std::string(tr(Id::PageHealth)), "page:health", ImVec2(width, h), page == Page::Health))
            page = Page::Health;
        ImGui::SameLine();
        if (button(std::string(tr(Id::PagePlaylist)) + (dirty ? " *" : ""), "page:playlist", ImVec2(width, h),
                   page == Page::Playlist))
            page = Page::Playlist;
        ImGui::Spacing();
        if (page == Page::Health)
            healthPage(s);
        else
            playlistPage(s);
        ImGui::End();
    }

    void keyValue(Id key, const std::string& value) {
        ImGui::TableNextColumn();
        text(tr(key), kMuted);
        ImGui::TableNextColumn();
        text(value);
    }
    void keyValue(Id key, const std::string& value, const ImVec4& color) {
        ImGui::TableNextColumn();
        text(tr(key), kMuted);
        ImGui::TableNextColumn();
        text(value, color);
    }

    // "5840 x 1080 · 3 / 3", the canvas and the ranks in step, then the lost ones.
    std::string wallSummary(const WallHealth& w) const {
        if (w.layout.empty()) return std::string(tr(Id::WallSingle));
        std::string out = format("%d x %d · %d / %d", w.canvasWidth, w.canvasHeight,
                                 w.ranks - static_cast<int>(w.lostRanks.size()), w.ranks);
        if (!w.lostRanks.empty()) {
            out += " · " + std::string(tr(Id::WallLost));
            for (int r : w.lostRanks) out += format(" %d", r);
        }
        return out;
    }

    void healthPage(const OperatorStatus& s) {
        if (ImGui::BeginTable("###vitals", 4, ImGuiTableFlags_SizingStretchProp)) {
            keyValue(Id::FrameRate, format("%.1f fps", s.frames.fps));
            keyValue(Id::FrameTime, format("%.1f / %.1f ms", s.frames.p50Ms, s.frames.p99Ms));
            keyValue(Id::Memory, format("%.0f MiB", static_cast<double>(s.residentBytes) / (1024.0 * 1024.0)));
            keyValue(Id::Uptime, formatUptime(s.uptimeSeconds, english));
            keyValue(Id::Output, format("%d x %d", s.outputWidth, s.outputHeight));
            keyValue(Id::Vr, s.xr);
            if (s.wall.lostRanks.empty())
                keyValue(Id::Wall, wallSummary(s.wall));
            else
                keyValue(Id::Wall, wallSummary(s.wall), kBad);
            keyValue(Id::Version, s.version);
            ImGui::EndTable();
        }
        note("health:vitals");
        ImGui::Spacing();
        heading(Id::Feeds);
        if (s.feeds.empty()) {
            text(tr(Id::NoFeeds), kMuted);
        } else if (ImGui::BeginTable("###feeds", 7, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit |
                                                      ImGuiTableFlags_BordersInnerH)) {
            for (Id column : {Id::FeedName, Id::FeedState, Id::FeedAge, Id::FeedRate, Id::FeedMessages, Id::FeedRejected})
                ImGui::TableSetupColumn(std::string(tr(column)).c_str());
            ImGui::TableSetupColumn(std::string(tr(Id::FeedError)).c_str(), ImGuiTableColumnFlags_WidthStretch);
            ImGui::TableHeadersRow();
            for (const auto& feed : s.feeds) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                text(feed.name);
                ImGui::TableNextColumn();
                const auto [state, color] = feed.state == "ok"      ? std::pair{Id::StateOk, kOk}
                                            : feed.state == "stale" ? std::pair{Id::StateStale, kWarn}
                                            : feed.state == "error" ? std::pair{Id::StateError, kBad}
                                                                    : std::pair{Id::StateConnecting, kMuted};
                text(feed.state == "ok" || feed.state == "stale" || feed.state == "error" || feed.state == "connecting"
                         ? std::string(tr(state))
                         : feed.state,
                     color);
                ImGui::TableNextColumn();
                text(feed.ageSeconds < 0 ? std::string("-") : format("%.1f s", feed.ageSeconds));
                ImGui::TableNextColumn();
                text(format("%.1f", feed.messagesPerSecond));
                ImGui::TableNextColumn();
                text(format("%llu", static_cast<unsigned long long>(feed.messages)));
                ImGui::TableNextColumn();
                text(format("%llu", static_cast<unsigned long long>(feed.rejected)), feed.rejected ? kWarn : kMuted);
                ImGui::TableNextColumn();
                ImGui::PushTextWrapPos(0);
                text(feed.lastError, kBad);
                ImGui::PopTextWrapPos();
            }
            ImGui::EndTable();
        }
        note("health:feeds");
        ImGui::Spacing();
        heading(Id::Touch);
        if (ImGui::BeginTable("###touch", 4, ImGuiTableFlags_SizingStretchProp)) {
            keyValue(Id::TouchContacts, format("%zu", s.touch.activeContacts));
            keyValue(Id::TouchRate, format("%.1f", s.touch.touchesPerSecond));
            keyValue(Id::TouchLatency, format("%.1f / %.1f ms", s.touch.latencyP50Ms, s.touch.latencyP99Ms));
            keyValue(Id::TouchDropped, format("%llu", static_cast<unsigned long long>(s.touch.droppedEvents +
                                                                                     s.touch.droppedMessages)));
            ImGui::EndTable();
        }
        note("health:touch");
        ImGui::Spacing();
        heading(Id::Log);
        ImGui::BeginChild("###log", ImVec2(0, 0), true, ImGuiWindowFlags_HorizontalScrollbar);
        touchScroll();
        const bool atBottom = ImGui::GetScrollY() >= ImGui::GetScrollMaxY() - 1;
        for (const auto& line : s.recentLog) text(line);
        const bool changed = s.recentLog.size() != logLines || (!s.recentLog.empty() && s.recentLog.back() != lastLogLine);
        if (changed && atBottom) ImGui::SetScrollHereY(1.0f);
        logLines = s.recentLog.size();
        lastLogLine = s.recentLog.empty() ? std::string() : s.recentLog.back();
        ImGui::EndChild();
        note("health:log");
    }

    // A text field edited with the keypad: a button showing the text; red when invalid.
    void field(const std::string& value, const std::string& id, const std::string& focusId, float width, bool valid) {
        const bool focused = focus == focusId;
        if (!valid) ImGui::PushStyleColor(ImGuiCol_Text, kBad);
        const std::string shown = value.empty() ? std::string(" ") : value;
        if (button(shown + (focused ? "_" : ""), id, ImVec2(width, target()), focused)) focus = focused ? "" : focusId;
        if (!valid) ImGui::PopStyleColor();
    }

    void playlistPage(const OperatorStatus& s) {
        const ImGuiStyle& style = ImGui::GetStyle();
        const float h = target();
        const float footer = 2 * h + 3 * style.ItemSpacing.y + ImGui::GetTextLineHeightWithSpacing() * 2;
        const float columns = std::floor((ImGui::GetContentRegionAvail().x - style.ItemSpacing.x) / 2);
        const float bodyHeight = std::max(h, ImGui::GetContentRegionAvail().y - footer);

        // Left: playlist and rotation.
        ImGui::BeginChild("###playlist", ImVec2(columns, bodyHeight), false);
        touchScroll();
        heading(Id::Playlist);
        text(tr(Id::PlaylistHint), kMuted);
        for (std::size_t i = 0; i < playlist.size(); ++i) {
            PlaylistRow& row = playlist[i];
            std::string title = row.id;
            bool known = false;
            for (const auto& scene : s.scenes)
                if (scene.id == row.id) {
                    title = scene.title.empty() ? scene.id : scene.title;
                    known = true;
                }
            if (!known) title += std::string(tr(Id::UnknownScene));
            const std::string id = "playlist:" + row.id;
            if (ImGui::ArrowButton(("###" + id + ":up").c_str(), ImGuiDir_Up) && i > 0) {
                std::swap(playlist[i], playlist[i - 1]);
                dirty = true;
            }
            note(id + ":up");
            ImGui::SameLine();
            if (ImGui::ArrowButton(("###" + id + ":down").c_str(), ImGuiDir_Down) && i + 1 < playlist.size()) {
                std::swap(playlist[i], playlist[i + 1]);
                dirty = true;
            }
            note(id + ":down");
            ImGui::SameLine();
            bool on = playlist[i].on;
            if (ImGui::Checkbox((title + "###" + id).c_str(), &on)) {
                playlist[i].on = on;
                dirty = true;
            }
            note(id);
        }
        ImGui::Spacing();
        heading(Id::Rotation);
        const auto seconds = parseSeconds(rotation);
        field(rotation, "rotation", "rotation", std::round(140 * scale),
              seconds && (*seconds == 0 || (*seconds >= 10 && *seconds <= 3600)));
        ImGui::EndChild();

        // Right: the schedule.
        ImGui::SameLine();
        ImGui::BeginChild("###schedule", ImVec2(columns, bodyHeight), false);
        touchScroll();
        heading(Id::Schedule);
        if (schedule.empty()) text(tr(Id::ScheduleEmpty), kMuted);
        std::optional<std::size_t> remove;
        const float modeWidth = std::round(72 * scale);
        for (std::size_t i = 0; i < schedule.size(); ++i) {
            const std::string id = "schedule:" + std::to_string(i);
            field(schedule[i].time, id + ":time", id, std::round(100 * scale),
                  parseMinuteOfDay(schedule[i].time).has_value());
            for (WallMode mode : kModes) {
                ImGui::SameLine();
                if (button(std::string(tr(modeText(mode))), id + ":mode:" + modeId(mode), ImVec2(modeWidth, h),
                           schedule[i].mode == mode, mode == WallMode::Show ? kAccent : kDanger)) {
                    schedule[i].mode = mode;
                    dirty = true;
                }
            }
            ImGui::SameLine();
            if (button(std::string(tr(Id::Remove)), id + ":remove", ImVec2(0, h))) remove = i;
        }
        if (remove) {
            schedule.erase(schedule.begin() + static_cast<std::ptrdiff_t>(*remove));
            focus.clear();
            dirty = true;
        }
        if (button("+ " + std::string(tr(Id::Add)), "schedule:add", ImVec2(0, h))) {
            schedule.push_back({"09:00", WallMode::Show});
            focus = "schedule:" + std::to_string(schedule.size() - 1);
            dirty = true;
        }
        ImGui::EndChild();

        // Footer: keypad, apply / revert, the validation error.
        keypad();
        if (button(std::string(tr(Id::Apply)), "apply", ImVec2(std::round(160 * scale), h), dirty)) apply(s);
        ImGui::SameLine();
        ImGui::BeginDisabled(!dirty);
        if (button(std::string(tr(Id::Revert)), "revert", ImVec2(0, h))) loadEdit(s);
        ImGui::EndDisabled();
        if (dirty && error.empty()) {
            ImGui::SameLine();
            ImGui::AlignTextToFramePadding();
            text(tr(Id::Unsaved), kWarn);
        }
        if (!error.empty()) {
            ImGui::PushTextWrapPos(0);
            text(error, kBad);
            ImGui::PopTextWrapPos();
            note("error");
        }
    }

    void keypad() {
        const float h = target();
        if (focus.empty() || !focusedText()) {
            focus.clear();
            ImGui::AlignTextToFramePadding();
            text(tr(Id::KeypadHint), kMuted);
            return;
        }
        const float keyWidth = target();
        ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(std::round(6 * scale), ImGui::GetStyle().ItemSpacing.y));
        const char* keysOnPad[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "0", ":"};
        for (std::size_t i = 0; i < std::size(keysOnPad); ++i) {
            if (i > 0) ImGui::SameLine();
            if (button(keysOnPad[i], std::string("key:") + keysOnPad[i], ImVec2(keyWidth, h))) key(keysOnPad[i][0]);
        }
        ImGui::SameLine();
        if (button(std::string(tr(Id::KeyBack)), "key:back", ImVec2(0, h))) key(keys::Backspace);
        ImGui::SameLine();
        if (button(std::string(tr(Id::KeyDone)), "key:done", ImVec2(0, h))) focus.clear();
        ImGui::PopStyleVar();
    }

    // ---- Screenshot --------------------------------------------------------------------------

    void pollScreenshot() {
        if (!screenshot || screenshot->wait_for(std::chrono::seconds(0)) != std::future_status::ready) return;
        try {
            const std::vector<std::uint8_t> png = screenshot->get();
            const auto path = screenshotDirectory / ("exhibit-screenshot-" + localTimeText("%Y%m%d-%H%M%S") + ".png");
            std::ofstream out(path, std::ios::binary);
            out.write(reinterpret_cast<const char*>(png.data()), static_cast<std::streamsize>(png.size()));
            out.close();
            if (!out) throw std::runtime_error("cannot write " + path.string());
            screenshotMessage = std::string(tr(Id::ScreenshotSaved)) + " " + path.filename().string() +
                                format(" (%.1f MiB)", static_cast<double>(png.size()) / (1024.0 * 1024.0));
        } catch (const std::exception& e) {
            screenshotMessage = std::string(tr(Id::ScreenshotFailed)) + e.what();
        }
        screenshot.reset();
    }
};

OperatorConsole::OperatorConsole(const std::filesystem::path& fontFile, int fontFaceIndex, float uiScale)
    : impl_(std::make_unique<Impl>()) {
    Impl& m = *impl_;
    m.scale = std::max(uiScale, 0.5f);
    m.faceIndex = fontFaceIndex;
    {
        std::ifstream in(fontFile, std::ios::binary);
        if (!in) throw StartupError("operator console: cannot read the font " + fontFile.string());
        m.fontData.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        if (m.fontData.empty()) throw StartupError("operator console: the font " + fontFile.string() + " is empty");
    }
    m.context = ImGui::CreateContext();
    ContextScope scope(m.context);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;

    ImGui::StyleColorsDark();
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowRounding = 0;
    style.FrameRounding = 6;
    style.WindowBorderSize = 0;
    style.ScaleAllSizes(m.scale);
    const float font = std::round(kFontPx * m.scale);
    const float padY = std::round((kTargetPx * m.scale - font) / 2);
    style.FramePadding = ImVec2(std::round(14 * m.scale), padY);  // frame height = one touch target
    style.ItemSpacing = ImVec2(std::round(10 * m.scale), std::round(10 * m.scale));
    style.ItemInnerSpacing = ImVec2(std::round(10 * m.scale), std::round(8 * m.scale));
    style.CellPadding = ImVec2(std::round(10 * m.scale), std::round(4 * m.scale));
    style.WindowPadding = ImVec2(std::round(16 * m.scale), std::round(14 * m.scale));
    style.ScrollbarSize = std::round(26 * m.scale);
    style.GrabMinSize = std::round(26 * m.scale);
    style.Colors[ImGuiCol_WindowBg] = ImVec4(0.07f, 0.09f, 0.12f, 0.96f);
    style.Colors[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    style.Colors[ImGuiCol_Button] = ImVec4(0.20f, 0.24f, 0.30f, 1.0f);
    style.Colors[ImGuiCol_ButtonHovered] = ImVec4(0.26f, 0.31f, 0.39f, 1.0f);
    style.Colors[ImGuiCol_ButtonActive] = kAccentHover;
    style.Colors[ImGuiCol_FrameBg] = ImVec4(0.20f, 0.24f, 0.30f, 1.0f);

    // Every UI string of both languages, and printable ASCII.
    for (char32_t cp = 0x20; cp < 0x7F; ++cp) m.requested.set(cp);
    for (const auto& entry : console_text::kTable) {
        m.request(entry.zh);
        m.request(entry.en);
    }
    m.request("：·…“”");
    try {
        m.buildAtlas();
    } catch (...) {
        ImGui::DestroyContext(m.context);
        m.context = nullptr;
        throw;
    }
    if (!ImGui_ImplOpenGL3_Init("#version 330 core")) {
        ImGui::DestroyContext(m.context);
        m.context = nullptr;
        throw StartupError("operator console: the ImGui OpenGL 3 backend could not load OpenGL through libGL.so.1");
    }
    m.backendReady = true;
}

OperatorConsole::~OperatorConsole() {
    if (!impl_ || !impl_->context) return;
    {
        ContextScope scope(impl_->context);
        if (impl_->backendReady) ImGui_ImplOpenGL3_Shutdown();
    }
    if (ImGui::GetCurrentContext() == impl_->context) ImGui::SetCurrentContext(nullptr);
    ImGui::DestroyContext(impl_->context);
}

void OperatorConsole::event(const PlatformEvent& e) {
    switch (e.type) {
        case PlatformEvent::Type::KeyDown: impl_->key(e.key); break;
        case PlatformEvent::Type::MouseDown:
        case PlatformEvent::Type::MouseMove:
        case PlatformEvent::Type::MouseUp:
        case PlatformEvent::Type::FingerDown:
        case PlatformEvent::Type::FingerMove:
        case PlatformEvent::Type::FingerUp:
        case PlatformEvent::Type::FocusLost:
            if (impl_->pending.size() < 1024) impl_->pending.push_back(e);
            break;
        default: break;
    }
}

std::vector<ControlCommand> OperatorConsole::frame(const OperatorStatus& status, glm::ivec2 size, double dtSeconds) {
    Impl& m = *impl_;
    ContextScope scope(m.context);
    m.english = status.settings.language == "en";
    m.pollScreenshot();
    m.requestStatus(status);
    if (m.atlasStale) m.buildAtlas();
    m.syncEdit(status);

    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(std::max(size.x, 1)), static_cast<float>(std::max(size.y, 1)));
    io.DeltaTime = static_cast<float>(std::clamp(dtSeconds, 1e-4, 1.0));
    m.applyInput();

    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    m.rects.clear();
    m.windows.clear();
    const float width = io.DisplaySize.x, height = io.DisplaySize.y;
    const float control = std::min(std::round(kControlWidthPx * m.scale), width);
    m.controlPanel(status, control, height);
    if (m.details && width > control) m.detailsPanel(status, ImVec2(control, 0), ImVec2(width - control, height));
    ImGui::Render();

    std::vector<ControlCommand> out;
    out.swap(m.commands);
    return out;
}

void OperatorConsole::render(unsigned framebuffer, glm::ivec2 size, bool clear) {
    ContextScope scope(impl_->context);
    ImDrawData* data = ImGui::GetDrawData();
    GLint drawBinding = 0, readBinding = 0;
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &drawBinding);
    glGetIntegerv(GL_READ_FRAMEBUFFER_BINDING, &readBinding);
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
    if (clear) {
        GLfloat previous[4];
        glGetFloatv(GL_COLOR_CLEAR_VALUE, previous);
        const GLboolean scissor = glIsEnabled(GL_SCISSOR_TEST);
        glDisable(GL_SCISSOR_TEST);
        glClearColor(0.04f, 0.05f, 0.07f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        glClearColor(previous[0], previous[1], previous[2], previous[3]);
        if (scissor) glEnable(GL_SCISSOR_TEST);
    }
    if (data && data->Valid && data->DisplaySize.x > 0 && data->DisplaySize.y > 0) {
        data->FramebufferScale = ImVec2(static_cast<float>(size.x) / data->DisplaySize.x,
                                        static_cast<float>(size.y) / data->DisplaySize.y);
        ImGui_ImplOpenGL3_RenderDrawData(data);
    }
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, static_cast<GLuint>(drawBinding));
    glBindFramebuffer(GL_READ_FRAMEBUFFER, static_cast<GLuint>(readBinding));
}

bool OperatorConsole::wantsInput(glm::vec2 p) const {
    return std::any_of(impl_->windows.begin(), impl_->windows.end(), [&](const Rect& r) {
        return p.x >= r.min.x && p.y >= r.min.y && p.x < r.max.x && p.y < r.max.y;
    });
}

std::optional<OperatorConsole::Rect> OperatorConsole::itemRect(std::string_view id) const {
    const auto it = impl_->rects.find(id);
    if (it == impl_->rects.end()) return std::nullopt;
    return it->second;
}

const std::string& OperatorConsole::editError() const { return impl_->error; }

glm::ivec2 OperatorConsole::atlasSize() const {
    ContextScope scope(impl_->context);
    const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    return {atlas->TexWidth, atlas->TexHeight};
}

int OperatorConsole::glyphCount() const {
    ContextScope scope(impl_->context);
    const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    return atlas->Fonts.empty() ? 0 : atlas->Fonts[0]->Glyphs.Size;
}

void OperatorConsole::setScreenshotDirectory(std::filesystem::path directory) {
    impl_->screenshotDirectory = std::move(directory);
}
const std::filesystem::path& OperatorConsole::screenshotDirectory() const { return impl_->screenshotDirectory; }
const std::string& OperatorConsole::screenshotMessage() const { return impl_->screenshotMessage; }

}  // namespace exhibit
