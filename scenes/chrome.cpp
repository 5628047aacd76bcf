#include "scenes/chrome.hpp"

namespace exhibit {
namespace {

constexpr Color kNoticeColor = Color::rgba8(0xF2, 0xB7, 0x4A);

}  // namespace

TextLayout drawText(Canvas& canvas, const Font& font, const std::string& text, const TextStyle& style,
                    glm::vec2 topLeft, const TextPaint& paint) {
    TextLayout layout = layoutText(font, text, style);
    canvas.text(font, layout, topLeft, paint);
    return layout;
}

void drawBackdrop(Canvas& canvas, const Theme& theme, const Layout& layout) {
    const Rect all = layout.output();
    canvas.verticalGradient(all, theme.backgroundTop, theme.background);
    // A faint glow behind the centre of the wall gives depth without competing with the data.
    const float r = std::max(all.w, all.h) * 0.45f;
    canvas.glow(all.center(), r, theme.accent.withAlpha(0.06f), theme.accent.withAlpha(0.0f));
}

void drawHeader(Canvas& canvas, const SceneServices& services, const Layout& layout, const std::string& title,
                const std::string& subtitle) {
    const Theme& theme = services.show.theme;
    const Rect header = layout.find("header").value_or(Rect{0, 0, layout.output().w, layout.px(120)});
    const float left = header.x + layout.px(48);
    const float titleSize = layout.px(44);
    const float top = header.y + layout.px(26);

    canvas.roundedRectGradient({left - layout.px(20), top + layout.px(4), layout.px(6), titleSize * 1.05f},
                               layout.px(3), theme.accent, theme.accent.withAlpha(0.2f));
    TextStyle titleStyle;
    titleStyle.sizePx = titleSize;
    titleStyle.maxWidth = header.w * 0.62f;
    titleStyle.maxLines = 1;
    TextPaint titlePaint;
    titlePaint.color = theme.text;
    titlePaint.shadow = Color{0, 0, 0, 0.55f};
    titlePaint.shadowOffset = {0, layout.px(2)};
    titlePaint.shadowBlur = layout.px(4);
    const TextLayout t = drawText(canvas, services.bold, services.text(title), titleStyle, {left, top}, titlePaint);

    if (!subtitle.empty()) {
        TextStyle subStyle;
        subStyle.sizePx = layout.px(20);
        subStyle.maxWidth = header.w * 0.62f;
        subStyle.maxLines = 1;
        TextPaint subPaint;
        subPaint.color = theme.textMuted;
        drawText(canvas, services.regular, services.text(subtitle), subStyle, {left, top + t.height + layout.px(6)}, subPaint);
    }

    TextStyle showStyle;
    showStyle.sizePx = layout.px(22);
    showStyle.align = TextAlign::Right;
    showStyle.maxWidth = header.w * 0.30f;
    showStyle.maxLines = 1;
    TextPaint showPaint;
    showPaint.color = theme.accent;
    drawText(canvas, services.bold, services.text(services.show.title), showStyle,
             {header.x + header.w - layout.px(48) - showStyle.maxWidth, top + layout.px(10)}, showPaint);

    const float lineY = header.y + header.h - layout.px(2);
    canvas.horizontalGradient({header.x, lineY, header.w * 0.5f, layout.px(2)}, theme.accent.withAlpha(0.0f),
                              theme.accent.withAlpha(0.65f));
    canvas.horizontalGradient({header.x + header.w * 0.5f, lineY, header.w * 0.5f, layout.px(2)},
                              theme.accent.withAlpha(0.65f), theme.accent.withAlpha(0.0f));
}

void drawFooter(Canvas& canvas, const SceneServices& services, const Layout& layout, const std::string& source,
                const std::string& notice) {
    const Theme& theme = services.show.theme;
    const Rect all = layout.output();
    const Rect footer = layout.find("footer").value_or(Rect{0, all.h - layout.px(64), all.w, layout.px(64)});
    canvas.rect(footer, theme.panel.withAlpha(theme.panel.a * 0.6f));
    const float left = footer.x + layout.px(48);
    const float width = footer.w - layout.px(96);
    TextStyle style;
    style.sizePx = layout.px(15);
    style.maxWidth = width;
    style.maxLines = 1;
    float y = footer.y + layout.px(10);
    if (!source.empty()) {
        TextPaint paint;
        paint.color = theme.textMuted;
        y += drawText(canvas, services.regular, services.text(source), style, {left, y}, paint).height + layout.px(2);
    }
    if (!notice.empty()) {
        TextPaint paint;
        paint.color = kNoticeColor;
        drawText(canvas, services.regular, services.text(notice), style, {left, y}, paint);
    }
}

}  // namespace exhibit
