#include "scenes/standby_screen.hpp"

#include <cmath>

#include "scenes/chrome.hpp"
#include "scenes/layout.hpp"

namespace exhibit {

void drawStandby(Canvas& canvas, const SceneServices& services, const std::string& clockText, double seconds) {
    const Theme& theme = services.show.theme;
    const Layout layout(services.show, canvas.size());
    const Rect all = layout.output();
    canvas.rect(all, theme.background);
    // A slow Lissajous drift of at most 2 % of the height: invisible to a passer-by, enough to
    // keep static edges from ageing one row of pixels.
    const float drift = all.h * 0.02f;
    const glm::vec2 offset{drift * static_cast<float>(std::sin(seconds / 97.0)),
                           drift * static_cast<float>(std::sin(seconds / 61.0))};
    const glm::vec2 centre = all.center() + offset;
    const Color muted = theme.textMuted.withAlpha(0.7f);
    const float width = all.w * 0.8f;
    const float left = centre.x - width / 2;
    drawText(canvas, services.regular, clockText, {layout.px(120), TextAlign::Center, width},
             {left, centre.y - layout.px(170)}, {muted});
    drawText(canvas, services.regular, services.text(services.show.title), {layout.px(40), TextAlign::Center, width, 2},
             {left, centre.y + layout.px(10)}, {theme.text.withAlpha(0.6f)});
    drawText(canvas, services.regular, services.text("待机中 · Standby"), {layout.px(24), TextAlign::Center, width},
             {left, centre.y + layout.px(80)}, {muted});
}

}  // namespace exhibit
