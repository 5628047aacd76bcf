#include "app/options.hpp"

#include <CLI/CLI.hpp>

#include <charconv>

#include "app/version.hpp"

namespace exhibit {

std::optional<glm::ivec2> parseSize(const std::string& text) {
    const auto x = text.find('x');
    if (x == std::string::npos) return std::nullopt;
    auto number = [](std::string_view s) -> std::optional<int> {
        int value = 0;
        auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
        if (ec != std::errc{} || end != s.data() + s.size() || value < 16 || value > 16384) return std::nullopt;
        return value;
    };
    auto w = number(std::string_view(text).substr(0, x));
    auto h = number(std::string_view(text).substr(x + 1));
    if (!w || !h) return std::nullopt;
    return glm::ivec2{*w, *h};
}

std::optional<ControlAddress> parseControlAddress(const std::string& text) {
    ControlAddress address{"127.0.0.1", 0};
    std::string_view port = text;
    const auto colon = text.rfind(':');
    if (colon != std::string::npos) {
        std::string host = text.substr(0, colon);
        if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
        const bool hostOk = !host.empty() && host.size() <= 253 &&
                            host.find_first_not_of("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:") ==
                                std::string::npos;
        if (!hostOk) return std::nullopt;
        address.host = host;
        port = std::string_view(text).substr(colon + 1);
    }
    auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), address.port);
    if (port.empty() || ec != std::errc{} || end != port.data() + port.size() || address.port < 0 || address.port > 65535)
        return std::nullopt;
    return address;
}

ParseOutcome parseOptions(int argc, const char* const* argv) {
    Options o;
    std::string size, show, screenshot;
    long frames = 0;
    double seconds = 0, fixedDt = 0;
    bool version = false;

    CLI::App app{"exhibit: native engine for big-screen data walls and VR exhibits", "exhibit"};
    app.get_formatter()->column_width(30);
    app.add_option("--show", show, "Show file (default: the bundled Guizhou show)");
    auto* sceneOpt = app.add_option("--scene", o.scene, "Scene id to open (see --list-scenes)");
    app.add_flag("--tour", o.tour,
                 "Desktop tour: the VR tour on screen (guided camera; keys: arrows = stops, space = free visit), "
                 "also headless")
        ->excludes(sceneOpt);
    app.add_flag("--headless", o.headless, "Render offscreen without a window (EGL), write screenshots");
    app.add_option("--size", size, "Output size WxH in pixels (default 1920x1080; windowed: initial size)");
    auto* framesOpt = app.add_option("--frames", frames, "Stop after N frames")->check(CLI::Range(1L, 100000000L));
    auto* secondsOpt = app.add_option("--seconds", seconds, "Stop after S seconds of show time")
                           ->check(CLI::Range(0.001, 1.0e7));
    framesOpt->excludes(secondsOpt);
    auto* fixedOpt = app.add_option("--fixed-dt", fixedDt, "Advance time by MS milliseconds per frame (deterministic)")
                         ->check(CLI::Range(0.01, 10000.0));
    app.add_option("--screenshot", screenshot,
                   "Write the last frame to this PNG file (a wall: one per output, NAME-OUTPUT.png)");
    std::string wall;
    app.add_option("--wall", wall,
                   "Video wall layout file (outputs, bezels, ranks; replaces the show's \"wall\"). Several "
                   "machines: mpirun -np N exhibit --wall FILE");
    app.add_option("--lang", o.language, "Language of the wall and the console: zh (Chinese, default) or en")
        ->check(CLI::IsMember({"zh", "en"}));
    app.add_flag("--list-scenes", o.listScenes, "Print the show's scenes (id, then title) and exit");
    app.add_flag("--fullscreen", o.fullscreen, "Borderless full screen at the display's native resolution");
    app.add_option("--display", o.display, "Display index for the window (0 = primary)")->check(CLI::Range(0, 63));
    app.add_flag("!--no-vsync", o.vsync, "Do not wait for vertical sync");
    app.add_flag("--debug-gl,!--no-debug-gl", o.debugGl,
                 "Create a debug GL context and log GL debug messages (default in debug builds)");
    app.add_option("--log-level", o.logLevel, "Log level")
        ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "off"}));
    std::uint64_t seed = 1;
    double replaySpeed = 1;
    std::string record;
    app.add_option("--feed", o.feeds,
                   "Data source, repeatable; replaces the show's feeds: simulator, file:PATH, http(s)://..., mqtt(s)://...");
    auto* seedOpt = app.add_option("--seed", seed, "Simulator seed (same seed, same data)");
    auto* speedOpt = app.add_option("--replay-speed", replaySpeed, "Speed factor for file: feeds and the simulator")
                         ->check(CLI::Range(0.01, 1000.0));
    app.add_option("--record", record, "Append every accepted feed message to this NDJSON file (replay with --feed file:PATH)");
    auto* tuioOpt = app.add_option("--tuio", o.tuioPort, "UDP port for TUIO 1.1 touch frames and trackers (0 = off)")
                        ->capture_default_str()
                        ->check(CLI::Range(0, 65535));
    std::string control, stateDir;
    app.add_option("--control", control,
                   "Remote control API and web remote on [ADDR:]PORT (default address 127.0.0.1; 0 = any free port)");
    app.add_option("--state-dir", stateDir,
                   "Folder for operator settings and the API token (default $STATE_DIRECTORY, "
                   "$XDG_STATE_HOME/exhibit or ~/.local/state/exhibit)");
    app.add_flag("--operator-window", o.operatorWindow, "Open the operator console in a second window");
    app.add_flag("--console", o.console, "Show the operator console over the wall from the start (F1 toggles it)");
    app.add_flag("--xr", o.xr,
                 "VR mode: the tour in a headset through the OpenXR runtime (--frames N stops after N frames); "
                 "exit 2 when there is no runtime or headset");
    app.add_flag("--version", version, "Print the version and exit");

    ParseOutcome outcome;
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp&) {
        outcome.out = app.help();
        return outcome;
    } catch (const CLI::ParseError& e) {
        outcome.exitCode = 2;
        outcome.err = std::string("exhibit: ") + e.what() + " (see --help)";
        return outcome;
    }
    if (version) {
        outcome.out = std::string("exhibit ") + versionString() + "\n";
        return outcome;
    }
    if (!size.empty()) {
        auto parsed = parseSize(size);
        if (!parsed) {
            outcome.exitCode = 2;
            outcome.err = "exhibit: --size: expected WxH with W and H in 16..16384, got \"" + size + "\"";
            return outcome;
        }
        o.size = *parsed;
        o.sizeGiven = true;
    }
    o.show = show;
    o.screenshot = screenshot;
    o.wall = wall;
    if (framesOpt->count() > 0) o.frames = frames;
    if (secondsOpt->count() > 0) o.seconds = seconds;
    if (fixedOpt->count() > 0) o.fixedDtMs = fixedDt;
    if (seedOpt->count() > 0) o.seed = seed;
    if (speedOpt->count() > 0) o.replaySpeed = replaySpeed;
    o.record = record;
    o.tuioPortGiven = tuioOpt->count() > 0;
    if (!control.empty()) {
        const auto address = parseControlAddress(control);
        if (!address) {
            outcome.exitCode = 2;
            outcome.err = "exhibit: --control: expected PORT or ADDR:PORT (port 0..65535), got \"" + control + "\"";
            return outcome;
        }
        o.controlHost = address->host;
        o.controlPort = address->port;
    }
    o.stateDir = stateDir;
    outcome.options = o;
    return outcome;
}

}  // namespace exhibit
