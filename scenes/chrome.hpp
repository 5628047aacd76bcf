// The frame every scene of a show shares: the themed backdrop, the header (scene title, subtitle
// and show title) and the footer (data source line and the map-data notice). Scenes call these
// from draw() so a show looks like one piece on the wall.
#pragma once

#include <string>

#include "scenes/layout.hpp"
#include "scenes/scene.hpp"

namespace exhibit {

void drawBackdrop(Canvas& canvas, const Theme& theme, const Layout& layout);
void drawHeader(Canvas& canvas, const SceneServices& services, const Layout& layout, const std::string& title,
                const std::string& subtitle);
void drawFooter(Canvas& canvas, const SceneServices& services, const Layout& layout, const std::string& source,
                const std::string& notice);

// Lays out and draws one block of text with its box's top-left at `topLeft`; returns the layout.
TextLayout drawText(Canvas& canvas, const Font& font, const std::string& text, const TextStyle& style,
                    glm::vec2 topLeft, const TextPaint& paint);

}  // namespace exhibit
