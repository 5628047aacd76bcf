// The command line contract of `exhibit` (other tools and tests rely on these names):
//   exhibit [--show PATH] [--scene ID] [--headless] [--size WxH] [--frames N | --seconds S]
//           [--fixed-dt MS] [--screenshot PATH] [--list-scenes] [--fullscreen] [--display N]
//           [--lang zh|en] [--wall LAYOUT] [--xr] [--help] [--version]
// and for data: [--feed URL]... [--seed N] [--replay-speed X] [--record PATH]
// and for touch: [--tuio PORT]
// and for the operator: [--control [ADDR:]PORT] [--state-dir DIR] [--operator-window] [--console]
// parseOptions() never exits the process: it returns what to do, and the exit code for usage
// errors is 2 with one line on stderr.
#pragma once

#include <filesystem>
#include <optional>
#include <cstdint>
#include <string>
#include <vector>

#include <glm/vec2.hpp>

namespace exhibit {

struct Options {
    std::filesystem::path show;        // empty = the bundled show
    std::string scene;                 // empty = the show's start scene
    std::string language;              // --lang zh|en; empty = the operator's saved choice (Chinese at first)
    bool headless = false;
    glm::ivec2 size{1920, 1080};
    bool sizeGiven = false;
    std::optional<long> frames;
    std::optional<double> seconds;
    std::optional<double> fixedDtMs;
    std::filesystem::path screenshot;
    std::filesystem::path wall;        // --wall: a video wall layout file; empty = the show's, if any
    bool listScenes = false;
    bool fullscreen = false;
    int display = 0;
    bool vsync = true;
#ifdef NDEBUG
    bool debugGl = false;
#else
    bool debugGl = true;  // debug builds get GL debug output by default
#endif
    std::string logLevel = "info";
    std::vector<std::string> feeds;       // --feed URL (repeatable): replaces the show's feeds
    std::optional<std::uint64_t> seed;    // --seed: simulator seed
    std::optional<double> replaySpeed;    // --replay-speed: file: sources
    std::filesystem::path record;         // --record PATH: append every accepted message (NDJSON)
    int tuioPort = 3333;                  // --tuio PORT: TUIO 1.1 over UDP; 0 = off
    bool tuioPortGiven = false;           // a busy port given explicitly stops start-up; the default only warns
    std::optional<int> controlPort;       // --control [ADDR:]PORT: the remote control API; unset = off
    std::string controlHost = "127.0.0.1";
    std::filesystem::path stateDir;       // --state-dir: operator settings and the API token; empty = default
    bool operatorWindow = false;          // --operator-window: the console in its own window
    bool console = false;                 // --console: the console over the wall from the start (F1 toggles)
    bool tour = false;                    // --tour: start on the show's tour scene (the VR tour on screen)
    bool xr = false;                      // --xr: VR mode on the OpenXR runtime (app/xr_mode.hpp)
};

struct ControlAddress {
    std::string host;
    int port = 0;
};
// "8080" -> 127.0.0.1:8080; "0.0.0.0:8080"; "[::1]:8080". nullopt for anything else.
std::optional<ControlAddress> parseControlAddress(const std::string& text);

struct ParseOutcome {
    std::optional<Options> options;  // set when the program should run
    int exitCode = 0;                // otherwise exit with this code
    std::string out;                 // text for stdout (help, version)
    std::string err;                 // one line for stderr (usage errors)
};

ParseOutcome parseOptions(int argc, const char* const* argv);

// "1920x1080" -> {1920, 1080}; nullopt unless both are whole numbers in 16..16384.
std::optional<glm::ivec2> parseSize(const std::string& text);

}  // namespace exhibit
