#include "scenes/credits_scene.hpp"

#include <algorithm>
#include <cmath>

#include "renderer/platform/platform.hpp"
#include "scenes/chrome.hpp"

namespace exhibit {
namespace {

constexpr float kColumnWidth = 520;  // design px: about 30 Chinese characters or 60 Latin letters at 16 px
constexpr float kColumnGap = 44;
constexpr float kPagerHeight = 34;
constexpr double kFadeSeconds = 0.5;
constexpr Color kWarning = Color::rgba8(0xF2, 0xB7, 0x4A);
constexpr Color kLicence = Color::rgba8(0x5F, 0xE0, 0xB8);

struct Line {
    const Font* font;
    std::string text;
    float size;  // design px
    Color color;
    float gapAfter;  // design px
    float indent = 0;
};

TextStyle wrapped(const Layout& layout, float size, float width) {
    TextStyle style;
    style.sizePx = layout.px(size);
    style.maxWidth = width;
    style.lineSpacing = 1.3f;
    return style;
}

}  // namespace

CreditsScene::CreditsScene(const SceneSpec& spec, const SceneServices& services)
    : Scene(spec), spec_(spec), credits_(*spec.credits), services_(services),
      content_(loadCreditsContent(*spec.credits, services.show)) {}

void CreditsScene::update(const FrameTime& time, const Snapshot&) {
    onPage_ += std::max(0.0, time.dt);
    if (pageCount() > 1 && onPage_ >= credits_.pageSeconds) showPage(page_ + 1);
}

void CreditsScene::showPage(int page) {
    const int n = pageCount();
    page_ = ((page % n) + n) % n;
    onPage_ = 0;
}

void CreditsScene::keyDown(int key) {
    if (key == keys::Right) showPage(page_ + 1);
    if (key == keys::Left) showPage(page_ - 1);
}

std::string CreditsScene::hitTarget(glm::vec2) const { return "credits"; }

bool CreditsScene::gesture(const Gesture& g) {
    if (g.kind != GestureKind::Tap) return false;
    showPage(page_ + 1);
    return true;
}

bool CreditsScene::attractStep(int step) {
    if (step >= pageCount()) return false;
    showPage(step);
    return true;
}

void CreditsScene::reset() { showPage(0); }

CreditsScene::Frame CreditsScene::frameFor(const Layout& layout) const {
    const Rect all = layout.output();
    const Rect header = layout.find("header").value_or(Rect{0, 0, all.w, layout.px(120)});
    const Rect footer = layout.find("footer").value_or(Rect{0, all.h - layout.px(64), all.w, layout.px(64)});
    Frame f;
    const float top = header.y + header.h + layout.px(40);
    const float bottom = footer.y - layout.px(14) - layout.px(kPagerHeight);
    f.area = {layout.px(48), top, all.w - layout.px(96), std::max(layout.px(100), bottom - top)};
    f.gap = layout.px(kColumnGap);
    f.columns = std::max(1, static_cast<int>((f.area.w + f.gap) / (layout.px(kColumnWidth) + f.gap)));
    f.columnWidth = (f.area.w - f.gap * static_cast<float>(f.columns - 1)) / static_cast<float>(f.columns);
    return f;
}

namespace {

// The lines of a block, translated now (the wall may have switched language since the last frame).
std::vector<Line> linesOf(const CreditBlock& block, const SceneServices& services) {
    const Theme& theme = services.show.theme;
    const Translator& text = services.text;
    std::vector<Line> lines;
    switch (block.kind) {
        case CreditBlockKind::Heading: lines.push_back({&services.bold, text(block.text), 26, theme.accent, 12}); break;
        case CreditBlockKind::Note: lines.push_back({&services.regular, text(block.text), 16, kWarning, 16, 16}); break;
        case CreditBlockKind::Empty: lines.push_back({&services.regular, text(block.text), 16, theme.textMuted, 14, 16}); break;
        case CreditBlockKind::Source: {
            const SourceEntry& s = block.source;
            lines.push_back({&services.bold, s.id, 15, theme.accent, 2});
            lines.push_back({&services.regular, s.title, 16, theme.text, 2});  // a proper name: as written
            lines.push_back({&services.regular, s.url.empty() ? std::string(text.pick("（未记录网址）", "(address not recorded)")) : s.url,
                             13, theme.textMuted, 14});
            break;
        }
        case CreditBlockKind::Item: {
            const CreditItem& item = block.item;
            lines.push_back({&services.bold, text(item.name), 18, theme.text, 3});
            if (!item.by.empty())
                lines.push_back({&services.regular, std::string(text.pick("作者 / 权利人：", "By ")) + text(item.by), 15,
                                 theme.textMuted, 2});
            if (!item.detail.empty()) lines.push_back({&services.regular, text(item.detail), 15, theme.textMuted, 2});
            if (!item.licence.empty())
                lines.push_back({&services.regular, std::string(text.pick("许可：", "Licence: ")) + text(item.licence), 15,
                                 kLicence, 2});
            if (!item.url.empty()) lines.push_back({&services.regular, item.url, 13, theme.textMuted, 2});
            lines.back().gapAfter = 14;
            break;
        }
    }
    return lines;
}

}  // namespace

float CreditsScene::blockHeight(const Layout& layout, const CreditBlock& block, float width, bool first) const {
    float h = block.kind == CreditBlockKind::Heading && !first ? layout.px(20) : 0;
    for (const Line& line : linesOf(block, services_))
        h += layoutText(*line.font, line.text, wrapped(layout, line.size, width - layout.px(line.indent))).height +
             layout.px(line.gapAfter);
    return h;
}

std::vector<CreditsPage> CreditsScene::paginateFor(glm::ivec2 output) const {
    const Layout layout(services_.show, output);
    const Frame f = frameFor(layout);
    std::vector<float> heights;
    // Measured as if not first in a column (a heading's space above included): a column never
    // overflows, at worst it ends a little early.
    for (const CreditBlock& b : content_.blocks) heights.push_back(blockHeight(layout, b, f.columnWidth, false));
    return paginate(content_.blocks, heights, f.area.h, f.columns);
}

float CreditsScene::drawBlock(Canvas& canvas, const Layout& layout, const CreditBlock& block, glm::vec2 at, float width,
                              bool first, float maxHeight, float alpha) const {
    float y = at.y;
    if (block.kind == CreditBlockKind::Heading && !first) y += layout.px(20);
    const float top = y;
    const float bottom = at.y + maxHeight;
    for (const Line& line : linesOf(block, services_)) {
        TextStyle style = wrapped(layout, line.size, width - layout.px(line.indent));
        const float lineH = style.sizePx * style.lineSpacing;
        if (y + lineH > bottom) break;  // a block taller than a column: cut with a visible "…"
        style.maxLines = std::max(1, static_cast<int>((bottom - y) / lineH));
        TextPaint paint;
        paint.color = line.color.withAlpha(line.color.a * alpha);
        const TextLayout t = drawText(canvas, *line.font, line.text, style, {at.x + layout.px(line.indent), y}, paint);
        y += t.height + layout.px(line.gapAfter);
    }
    const Theme& theme = services_.show.theme;
    if (block.kind == CreditBlockKind::Heading)
        canvas.rect({at.x, y - layout.px(7), std::min(width, layout.px(64)), layout.px(3)}, theme.accent.withAlpha(alpha));
    if (block.kind == CreditBlockKind::Note || block.kind == CreditBlockKind::Empty) {
        const Color bar = block.kind == CreditBlockKind::Note ? kWarning : theme.textMuted;
        canvas.roundedRect({at.x, top + layout.px(2), layout.px(4), std::max(0.0f, y - top - layout.px(18))}, layout.px(2),
                           bar.withAlpha(0.8f * alpha));
    }
    return y - at.y;
}

void CreditsScene::drawPager(Canvas& canvas, const Layout& layout, const Rect& area) const {
    const int n = pageCount();
    if (n <= 1) return;
    const Theme& theme = services_.show.theme;
    const float y = area.y + area.h + layout.px(8);
    const float right = area.x + area.w;
    TextStyle style;
    style.sizePx = layout.px(17);
    style.maxWidth = layout.px(400);
    style.maxLines = 1;
    style.align = TextAlign::Right;
    TextPaint paint;
    paint.color = theme.textMuted;
    const std::string label = services_.text.english()
        ? "Page " + std::to_string(page_ + 1) + " of " + std::to_string(n)
        : "第 " + std::to_string(page_ + 1) + " / " + std::to_string(n) + " 页";
    const TextLayout t = drawText(canvas, services_.regular, label, style, {right - style.maxWidth, y}, paint);
    // Dots, and a bar that fills until the page turns.
    const float dot = layout.px(5);
    float x = right - t.contentWidth - layout.px(20) - static_cast<float>(n) * dot * 3;
    for (int i = 0; i < n; ++i, x += dot * 3)
        canvas.circle({x + dot, y + t.firstBaseline - style.sizePx * 0.35f}, dot, i == page_ ? theme.accent : theme.text.withAlpha(0.25f));
    const float barW = layout.px(220);
    const float barX = x - layout.px(16) - barW;
    const float barY = y + t.firstBaseline - style.sizePx * 0.35f - layout.px(1.5f);
    canvas.roundedRect({barX, barY, barW, layout.px(3)}, layout.px(1.5f), theme.text.withAlpha(0.12f));
    const float progress = static_cast<float>(std::clamp(onPage_ / credits_.pageSeconds, 0.0, 1.0));
    canvas.roundedRect({barX, barY, barW * progress, layout.px(3)}, layout.px(1.5f), theme.accent.withAlpha(0.8f));
}

void CreditsScene::draw(Canvas& canvas) {
    const Layout layout(services_.show, canvas.size());
    if (canvas.size() != pagedFor_ || services_.text.english() != pagedEnglish_ || pages_.empty()) {
        pages_ = paginateFor(canvas.size());
        pagedFor_ = canvas.size();
        pagedEnglish_ = services_.text.english();
        if (page_ >= pageCount()) showPage(0);
    }
    drawBackdrop(canvas, services_.show.theme, layout);
    const Frame f = frameFor(layout);
    const float alpha = static_cast<float>(std::clamp(onPage_ / kFadeSeconds, 0.0, 1.0));
    if (!pages_.empty()) {
        const CreditsPage& page = pages_[static_cast<std::size_t>(page_)];
        for (std::size_t c = 0; c < page.size(); ++c) {
            const float x = f.area.x + static_cast<float>(c) * (f.columnWidth + f.gap);
            float y = f.area.y;
            const CreditBlock& first = content_.blocks[page[c].front()];
            if (first.kind != CreditBlockKind::Heading) {  // a section going on from the column before
                TextStyle style;
                style.sizePx = layout.px(14);
                style.maxWidth = f.columnWidth;
                style.maxLines = 1;
                TextPaint paint;
                paint.color = services_.show.theme.textMuted.withAlpha(0.8f * alpha);
                drawText(canvas, services_.regular,
                         services_.text(credits_.sections[first.section].title) +
                             std::string(services_.text.pick("（续）", " (continued)")),
                         style, {x, y - layout.px(24)}, paint);
            }
            for (std::size_t k = 0; k < page[c].size(); ++k)
                y += drawBlock(canvas, layout, content_.blocks[page[c][k]], {x, y}, f.columnWidth, k == 0,
                               f.area.y + f.area.h - y, alpha);
        }
    }
    drawPager(canvas, layout, f.area);
    drawHeader(canvas, services_, layout, spec_.title, spec_.subtitle);
    drawFooter(canvas, services_, layout, spec_.source, {});
}

}  // namespace exhibit
