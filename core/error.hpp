// Error types shared by every module.
//
// ContentError: something in show content (show file, GeoJSON, CSV facts, font, model) is
// wrong. Its message is one line that names the file and the field or line, e.g.
//   show.json: scenes[1].layers[0].color: expected "#RRGGBB", got "red"
// The app prints it and exits 2 at start-up; at run time the item falls back and the show
// keeps running. Programmer errors are asserts, not ContentErrors.
// StartupError: the environment cannot run the show (no GL context, no display, no CJK
// font installed); one clear message and a non-zero exit.
#pragma once

#include <stdexcept>
#include <string>

namespace exhibit {

class ContentError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class StartupError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace exhibit
