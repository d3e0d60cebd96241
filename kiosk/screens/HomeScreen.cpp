// Home: the four ways in (story, timeline, cases, action) as large tiles, each with a picture, its name and a
// one-line teaser from the pack, so a passer-by sees at a glance what lies behind each.
#include "layout/TextFit.h"
#include "screens/Chrome.h"
#include "screens/ScreenBuilders.h"

#include <algorithm>
#include <array>

namespace kiosk::screens {

int buildHome(SceneWriter& out, const ScreenContext& context, const View&) {
    const Metrics& m = out.metrics();
    const Palette& palette = out.palette();
    const auto& pack = context.pack;
    const std::string& lang = context.language;
    const auto chrome =
        addChrome(out, context, {pack.title.in(lang, pack.defaultLanguage), false, false, true, false, ""});
    const Rect body = chrome.body;

    struct Entry {
        ScreenId screen;
        const char* label;
        const char* tile;
    };
    const std::array<Entry, 4> entries = {{
        {ScreenId::Story, "nav_story", "story"},
        {ScreenId::Timeline, "nav_timeline", "timeline"},
        {ScreenId::Cases, "nav_cases", "cases"},
        {ScreenId::Act, "nav_act", "act"},
    }};
    const int columns = m.portrait() ? 1 : 2;
    const int rows = 4 / columns;
    const int gap = m.gap() * 2;
    const int cellW = (body.w - gap * (columns - 1)) / columns;
    const int cellH = (body.h - gap * (rows - 1)) / rows;
    for (int i = 0; i < 4; ++i) {
        const int col = i % columns;
        const int row = i / columns;
        const Rect cell{body.x + col * (cellW + gap), body.y + row * (cellH + gap), cellW, cellH};
        const Entry& entry = entries[static_cast<std::size_t>(i)];
        const Action open{ActionKind::Open, static_cast<int>(entry.screen)};
        const std::string id = out.idOf(open);  // "nav-story": the tile's parts are named after it
        const bool act = i == 3;
        const auto found = pack.home.find(entry.tile);
        const content::HomeTile* tile = found != pack.home.end() ? &found->second : nullptr;
        const std::string label = pack.uiText(entry.label, lang);
        if (!tile) {  // a pack without [home]: the name alone, large
            out.button(open, cell, label, act ? ButtonStyle::Primary : ButtonStyle::Secondary, false, 48,
                       m.px(30));
            continue;
        }
        // The tile is the button (what a tap hits and `expect text` reads), a card with a thin dark outline
        // (3:1 and more against the background, WCAG 1.4.11); picture and words sit on it.
        const int radius = m.px(12);
        const int border = std::max(2, m.px(2));
        out.box(cell, act ? palette.accent : palette.mutedText, radius);
        out.box(cell.inset(border), act ? palette.accent : palette.surface, radius - border);
        out.hotspot(open, cell);
        const int pad = m.px(12);
        const Rect inner = cell.inset(pad);
        int textX = inner.x;
        if (!tile->image.empty()) {
            const int side = std::min(inner.h, inner.w * 2 / 7);
            out.image(id + "-image", {inner.x, inner.y + (inner.h - side) / 2, side, side}, tile->image);
            textX += side + m.gap();
        }
        const Color ink = act ? palette.accentText : palette.text;
        std::string teaser = tile->teaser.in(lang, pack.defaultLanguage);
        const int textW = inner.right() - textX;
        // The name takes what it needs of up to two lines, the teaser the rest; the two as one block, centred
        // in the tile's height.
        const int nameLimit =
            teaser.empty() ? inner.h : std::min(inner.h / 2, out.lineHeight(m.px(28), true) * 2);
        const int nameH =
            layout::fitText(label, {textW, nameLimit}, {lang, m.px(28), true}, m.px(22), out.measurer())
                .height;
        const int teaserH = teaser.empty() ? 0 : inner.h - nameH - m.px(4);
        int teaserUsed = 0;
        if (!teaser.empty()) {
            const auto fitted = layout::fitText(teaser, {textW, teaserH}, {lang, m.px(20), false},
                                                m.minBodyPx(), out.measurer());
            // A teaser too long for its tile even at the smallest size is cut: it is only a taste.
            if (fitted.overflow)
                teaser =
                    layout::cutToFit(teaser, {textW, teaserH}, {lang, m.minBodyPx(), false}, out.measurer());
            teaserUsed = std::min(fitted.height, teaserH);
        }
        const int blockH = nameH + (teaser.empty() ? 0 : m.px(4) + teaserUsed);
        const int top = inner.y + std::max(0, (inner.h - blockH) / 2);
        out.text(id + "-name", {textX, top, textW, std::min(nameLimit, nameH)}, label,
                 {m.px(28), m.px(22), true, ink, Align::Start, Align::Start});
        if (!teaser.empty())
            out.text(id + "-teaser", {textX, top + nameH + m.px(4), textW, teaserH}, teaser,
                     {m.px(20), m.minBodyPx(), false, ink, Align::Start, Align::Start});
    }
    return 1;
}

}  // namespace kiosk::screens
