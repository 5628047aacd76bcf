// A video wall's layout: one canvas in pixels, cut into outputs (displays), each driven by one
// process (an MPI rank; all rank 0 on a single machine). The show file's `wall` section or a
// layout file given with `--wall` describes it:
//
//   {"name": "3 x 2 4K panels on 3 PCs",
//    "grid": {"columns": 3, "rows": 2, "panel": [3840, 2160], "bezelMm": [3.5, 3.5],
//             "pixelPitchMm": 0.3, "ranks": 3},
//    "sync": {"timeoutSeconds": 1}}
// or with outputs listed one by one:
//   {"canvas": [5840, 1080],
//    "outputs": [{"name": "left", "rect": [0, 0, 1920, 1080]},
//                {"name": "middle", "rect": [1960, 0, 1920, 1080], "display": 1},
//                {"name": "right", "rect": [3920, 0, 1920, 1080], "display": 2, "rotation": 0}]}
//
// Bezels and mullions are the canvas pixels between output rectangles: content there is hidden
// behind the frames, so a line crossing two panels stays straight. In a grid they are given in
// pixels ("bezel": [x, y], the whole gap between two panels' active areas) or millimetres
// ("bezelMm" with the panels' "pixelPitchMm"). A grid's outputs are named r<row>c<column> from
// r1c1 at the top left; its columns are spread evenly over `ranks` processes, and each process
// numbers its displays from 0 in reading order.
//
// `rotation` is how far the panel is mounted turned clockwise (0, 90, 180, 270); its output's
// framebuffer is then the rectangle's size turned with it, unless "size" gives the output's native
// pixels (content is scaled when it differs; text is crisp only at 1:1).
//
// Validation rejects, naming the file and field: rectangles outside the canvas or overlapping,
// names that are empty, repeated or not [A-Za-z0-9_-], a rank with no outputs, and two outputs of
// one rank on the same display.
// Does not: open windows, render, or talk to other processes (app/wall_outputs, app/wall_sync).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <glm/vec2.hpp>
#include <glm/vec4.hpp>

namespace exhibit {

class JsonNode;

struct WallOutput {
    std::string name;
    int rank = 0;          // the process that drives it
    int display = 0;       // that machine's display index
    glm::ivec4 rect{0};    // canvas px: x, y, w, h
    int rotation = 0;      // degrees the panel is mounted turned clockwise: 0, 90, 180, 270
    glm::ivec2 size{0};    // the output's framebuffer px

    int quarterTurns() const { return rotation / 90; }
};

struct WallSyncSettings {
    double timeoutSeconds = 1.0;         // a rank silent this long in a frame is lost
    double startTimeoutSeconds = 120.0;  // the first frame waits this long (every rank loads the show)
    // After a loss the survivors keep presenting, frame-locked among themselves; this long after it
    // rank 0 ends the job so that a supervisor (deploy/exhibit-wall.sh) starts it again with every
    // node. 0 = never: the survivors run on until someone restarts the wall.
    double restartAfterLossSeconds = 10.0;
};

struct WallLayout {
    std::string name;
    glm::ivec2 canvas{0};
    std::vector<WallOutput> outputs;  // in file order (a grid's: reading order)
    WallSyncSettings sync;

    int ranks() const;  // highest rank + 1
    std::vector<const WallOutput*> outputsOf(int rank) const;
    // One output covering a canvas of `size`: what a plain window or --size gives.
    static WallLayout single(glm::ivec2 size);
};

// `node` is the layout object (the show's `wall` section or a layout file's root).
WallLayout parseWallLayout(const JsonNode& node);
// A layout file; errors name the file by its basename.
WallLayout loadWallLayout(const std::filesystem::path& file);

}  // namespace exhibit
