// What a headset eye sees over the site during motion: the comfort vignette (the edge of the view
// darkens, narrowing the field of view while the visitor is moved, which eases motion sickness) and
// the fade to black between stops, waypoints and teleports. One full-screen triangle, blended over
// whatever the bound framebuffer holds.
//
//   ComfortOverlay overlay;                       // compiles its program: needs a current context
//   overlay.draw(fade, vignette);                 // fade 0..1 (1 black), vignette 0..1 (1: closed to a tunnel)
//
// GL state it changes is restored. Does not: know why it fades (TourDirector decides) or draw when
// both are 0 (it returns at once).
#pragma once

#include "renderer/gl_object.hpp"

namespace exhibit {

class ComfortOverlay {
public:
    ComfortOverlay();
    void draw(float fade, float vignette) const;

private:
    gl::Program program_;
    gl::VertexArray empty_;
    GLint fade_, vignette_;
};

}  // namespace exhibit
