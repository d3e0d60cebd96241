// Home: the four ways in (story, timeline, cases, action) as large tiles, each with a picture, its name and a
// one-line teaser from the pack, so a passer-by sees at a glance what lies behind each.
#include "layout/TextFit.h"
#include "screens/Chrome.h"
#include "screens/ScreenBuilders.h"

#include <algorithm>
#include <array>
#include <utility>

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
        const Color ink = act ? palette.accentText : palette.text;
        std::string teaser = tile->teaser.in(lang, pack.defaultLanguage);
        // The name takes what it needs of up to two lines (at most half the tile while it fits there), the
        // teaser the rest; the two as one block, centred in the tile's height. The name is the tile's point:
        // where it would not fit beside the picture at the body size (a long translation on a short, narrow
        // 4:3 tile), the picture gives way first, down to half its side, then the name takes more than half
        // the tile (the teaser keeps a line), then it shrinks to the smallest body size.
        const int twoLines = out.lineHeight(m.px(28), true) * 2;
        const int halfTile = teaser.empty() ? inner.h : std::min(inner.h / 2, twoLines);
        const int mostOfTile =
            teaser.empty()
                ? inner.h
                : std::max(halfTile, std::min(twoLines, inner.h - m.px(4) - out.lineHeight(m.minBodyPx())));
        const layout::FontSpec nameFont{lang, m.px(28), true};
        const int fullSide = tile->image.empty() ? 0 : std::min(inner.h, inner.w * 2 / 7);
        const auto textWidthBeside = [&](int side) { return inner.w - (side > 0 ? side + m.gap() : 0); };
        const auto nameFits = [&](int side, int limit, int minPx) {
            return !layout::fitText(label, {textWidthBeside(side), limit}, nameFont, minPx, out.measurer())
                        .overflow;
        };
        int side = fullSide;
        int nameLimit = halfTile;
        int nameMinPx = m.px(22);
        const std::array<std::pair<int, int>, 3> tries = {
            {{halfTile, m.px(22)}, {mostOfTile, m.px(22)}, {mostOfTile, m.minBodyPx()}}};
        for (const auto& [limit, minPx] : tries) {
            side = fullSide;
            while (side > fullSide / 2 && !nameFits(side, limit, minPx))
                side -= std::max(1, fullSide / 8);
            side = std::max(side, fullSide / 2);
            nameLimit = limit;
            nameMinPx = minPx;
            if (nameFits(side, limit, minPx)) break;
        }
        int textX = inner.x;
        if (side > 0) {
            out.image(id + "-image", {inner.x, inner.y + (inner.h - side) / 2, side, side}, tile->image);
            textX += side + m.gap();
        }
        const int textW = inner.right() - textX;
        const int nameH =
            layout::fitText(label, {textW, nameLimit}, nameFont, nameMinPx, out.measurer()).height;
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
                 {m.px(28), nameMinPx, true, ink, Align::Start, Align::Start});
        if (!teaser.empty())
            out.text(id + "-teaser", {textX, top + nameH + m.px(4), textW, teaserH}, teaser,
                     {m.px(20), m.minBodyPx(), false, ink, Align::Start, Align::Start});
    }
    return 1;
}

}  // namespace kiosk::screens
