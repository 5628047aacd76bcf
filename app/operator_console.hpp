// The operator console (中控台): a Dear ImGui UI, sized for touch on a tablet, that shows an
// OperatorStatus and turns the operator's taps into ControlCommands. It never touches scenes: the
// main loop applies the commands like those of the control API.
//
// Use (on the thread that owns the GL context, with the context current):
//   OperatorConsole console(font.file(), font.faceIndex(), uiScale);   // Font::find("Noto Sans CJK SC", true)
//   each frame:
//     for (auto& e : events) if (e.window == 1) console.event(e);       // console pixels
//     for (auto& c : console.frame(*statusBoard.latest(), size, dt)) commands.push(std::move(c));
//     console.render(framebuffer, size);                                // after the wall, before present
//   overlay on the wall: skip visitor touches where console.wantsInput(e.pos).
//
// Panels: a control column (scenes, show / standby / blackout, attract, screenshot, language, details
// on/off; a scene whose content failed to load is greyed with its problem under it, and a tap on it
// still asks the wall to load it again) and a details area with two pages: health (frames, memory, uptime, feeds, touch, VR, recent
// log) and playlist & schedule (edited on a copy, validated, sent as one ChangeSettings on Apply).
// Text fields (rotation seconds, schedule times) are edited with the on-screen keypad or the keyboard
// (digits, ':' also typed as ';' or '.', Backspace). Language: Chinese unless
// status.settings.language == "en"; the language button sends ChangeSettings with the other one.
//
// Touch sizing: at uiScale 1 the font is 22 px and every button, checkbox and keypad key is at least
// 56 px tall, which is 1 cm or more on screens up to 142 pixels per inch; pass
// uiScale = pixelsPerInch / 142 (at least 1) for denser screens.
//
// Font: only the glyphs the console can show are rasterised (every UI string of both languages,
// ASCII, and the characters of the status' strings: scene titles, feed names, errors, log lines).
// When a status brings characters the atlas lacks, frame() rebuilds the atlas before drawing
// (see atlasSize()). Measured with Noto Sans CJK SC: the console's own set is about 250 glyphs on a
// 512 x 128 atlas at uiScale 1, where GetGlyphRangesChineseSimplifiedCommon would be 3220 glyphs on
// 1024 x 1024 (2048 x 2048 at uiScale 2, 0.7 s to build) and still miss rarer characters.
//
// Input: ImGui 1.86 takes the mouse as a state per frame, so event() queues and frame() applies at
// most one button change per frame (a press and release between two frames become a click over two
// frames, never lost). The first finger down acts as the mouse; other fingers are ignored.
//
// Screenshots: the screenshot button sends TakeScreenshot; when the main loop fulfils the promise the
// console writes the PNG as exhibit-screenshot-<YYYYmmdd-HHMMSS>.png into screenshotDirectory()
// (default: the working directory) and shows the file name and size, or the error.
//
// Does not: persist anything (ImGui's ini file is off), apply commands, include SDL (no
// imgui_impl_sdl: events come as PlatformEvents), or clear the framebuffer unless asked.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <glm/vec2.hpp>

#include "app/operator_types.hpp"
#include "renderer/platform/platform.hpp"

namespace exhibit {

class OperatorConsole {
public:
    // Needs a current GL 3.3 core context. StartupError naming what failed: the font file, the font
    // atlas or the ImGui OpenGL backend.
    OperatorConsole(const std::filesystem::path& fontFile, int fontFaceIndex, float uiScale);
    ~OperatorConsole();
    OperatorConsole(const OperatorConsole&) = delete;
    OperatorConsole& operator=(const OperatorConsole&) = delete;

    // One input event, positions in the console's own pixels (those of frame()'s size).
    void event(const PlatformEvent& e);

    // Builds this frame's UI from the status and returns the commands the operator gave.
    std::vector<ControlCommand> frame(const OperatorStatus& status, glm::ivec2 size, double dtSeconds);

    // Draws the last frame()'s UI into `framebuffer` (drawn over what is there unless `clear`),
    // restoring the GL state it changes, the framebuffer binding included.
    void render(unsigned framebuffer, glm::ivec2 size, bool clear = false);

    // True when p (console pixels) lies on a console window as laid out by the last frame().
    bool wantsInput(glm::vec2 p) const;

    // Where the last frame() put a control, for tests and scripted input. Ids: "scene:<id>",
    // "mode:show|standby|blackout", "attract", "language", "screenshot", "details",
    // "page:health|playlist", "playlist:<id>" (checkbox), "playlist:<id>:up|down",
    // "rotation", "schedule:<i>:time", "schedule:<i>:mode:<mode>", "schedule:<i>:remove",
    // "schedule:add", "key:0".."key:9", "key::", "key:back", "apply", "revert",
    // "error" (the validation message), "panel:health|playlist|control" (whole windows).
    struct Rect {
        glm::vec2 min{0, 0}, max{0, 0};
        glm::vec2 center() const { return (min + max) * 0.5f; }
    };
    std::optional<Rect> itemRect(std::string_view id) const;

    // The validation error shown under the playlist & schedule page ("" = none).
    const std::string& editError() const;
    glm::ivec2 atlasSize() const;  // font atlas texture size now
    int glyphCount() const;        // glyphs in the atlas now

    void setScreenshotDirectory(std::filesystem::path directory);
    const std::filesystem::path& screenshotDirectory() const;
    // What the console says about the last screenshot ("" before the first).
    const std::string& screenshotMessage() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace exhibit
