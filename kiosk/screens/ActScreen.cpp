// Taking action: each action's words and the QR code that carries it home on a phone.
#include "layout/TextFit.h"
#include "screens/Chrome.h"
#include "screens/ScreenBuilders.h"

#include <algorithm>

namespace kiosk::screens {

namespace {
// A tab an action, so the actions near this one are one tap away and the pager walks the rest. Tabs sit in a
// row, at least 150 design px each; with more actions than that holds, the tabs
// shown are a window round the open one. A title too long for two lines is cut in its tab and shown whole
// as a heading. Returns the space left under the tabs (and heading).
Rect addActionTabs(SceneWriter& out, const ScreenContext& context, Rect body, int current) {
    const Metrics& m = out.metrics();
    const Palette& palette = out.palette();
    const auto& pack = context.pack;
    const std::string& lang = context.language;
    const int count = static_cast<int>(pack.actions.size());
    const int columns = std::clamp((body.w + m.gap()) / (m.px(150) + m.gap()), 1, count);
    const int rows = 1;  // a second row would leave a portrait screen too little room for the words
    const int shown = std::min(count, columns * rows);
    const int first = std::clamp(current - shown / 2, 0, count - shown);
    const int perRow = (shown + rows - 1) / rows;
    const int tabW = (body.w - m.gap() * (perRow - 1)) / perRow;
    const int labelW = tabW - m.px(20);
    const layout::FontSpec font{lang, m.buttonPx(), true};
    const int oneLine = out.lineHeight(m.buttonPx(), true);
    // Two lines when that shows every title whole; when some title is too long even for two, one line each
    // (cut titles), which leaves the words their room.
    bool anyLong = false;
    bool allFitTwo = true;
    const int twoLineH = std::max(m.touchTarget(), oneLine * 2 + m.px(12));
    for (int i = first; i < first + shown; ++i) {
        const std::string title =
            pack.actions[static_cast<std::size_t>(i)].title.in(lang, pack.defaultLanguage);
        if (out.measure(title, m.buttonPx(), true) <= labelW) continue;
        anyLong = true;
        if (layout::layoutParagraphs(title, {labelW, twoLineH}, font, out.measurer()).overflow)
            allFitTwo = false;
    }
    const bool twoLines = anyLong && allFitTwo;
    const int tabH = twoLines ? twoLineH : m.touchTarget();
    bool currentCut = false;
    for (int i = first; i < first + shown; ++i) {
        const auto& action = pack.actions[static_cast<std::size_t>(i)];
        const int slot = i - first;
        const Rect tab{body.x + (slot % perRow) * (tabW + m.gap()),
                       body.y + (slot / perRow) * (tabH + m.gap()), tabW, tabH};
        const std::string title = action.title.in(lang, pack.defaultLanguage);
        const std::string label = layout::cutToFit(title, {labelW, tabH}, font, out.measurer());
        if (i == current && label != title) currentCut = true;
        out.button({ActionKind::ActionTab, i}, tab, label, ButtonStyle::Secondary, i == current);
    }
    int used = rows * (tabH + m.gap()) + m.gap();
    if (currentCut) {
        const Rect heading{body.x, body.y + used, body.w, body.h - used};
        used +=
            out.heading("act-heading", heading,
                        pack.actions[static_cast<std::size_t>(current)].title.in(lang, pack.defaultLanguage),
                        {m.headingPx(), m.minBodyPx(), true, palette.text}) +
            m.gap();
    }
    return {body.x, body.y + used, body.w, body.h - used};
}
}  // namespace

int buildAct(SceneWriter& out, const ScreenContext& context, const View& view) {
    const Metrics& m = out.metrics();
    const Palette& palette = out.palette();
    const auto& pack = context.pack;
    const std::string& lang = context.language;
    const std::string& fallback = pack.defaultLanguage;
    const int count = static_cast<int>(pack.actions.size());
    // With more actions than tabs show at once, the header says where this one stands.
    const auto chrome = addChrome(out, context,
                                  {pack.uiText("nav_act", lang), true, true, false, true,
                                   count > 3 ? positionLabel(view.item, count) : ""});
    if (count == 0) return 1;
    const auto& action = pack.actions[static_cast<std::size_t>(view.item)];
    const Rect body = chrome.body;

    // One call to action: signing here, when the action has a form and the kiosk can take pledges, is the
    // big button under the words; the QR code is the other way, captioned in small type beside it. Without
    // a form, or when this kiosk cannot collect, the code is the call and a note says why there is no button.
    const bool signHere = action.form && context.extras.collectionProblem.empty();
    const std::string caption = pack.uiText("scan_to_act", lang);
    const TextOptions captionStyle{m.captionPx(), m.px(14), true, palette.mutedText, Align::Center};

    // The code as large as its room allows, up to qrSide() (45 mm and more on the 7" panels, which the tour
    // checks): at the right across the whole body in landscape, centred at the bottom in portrait.
    Rect column;  // tabs, words and the sign button (or the note)
    if (m.portrait()) {
        // 435 px: 45.7 mm for a 49-module code on Touch Display 2, and room left for the words.
        const int side = std::min({m.qrSide(), m.px(290), body.w});
        const int captionH = out.headingHeight(caption, body.w, captionStyle);
        const Rect qr{body.x + (body.w - side) / 2, body.bottom() - captionH - m.px(4) - side, side, side};
        out.qr("act-qr", qr, action.qrUrl());
        out.heading("act-qr-caption", {body.x, qr.bottom() + m.px(4), body.w, captionH}, caption,
                    captionStyle);
        column = {body.x, body.y, body.w, qr.y - m.gap() - body.y};
    } else {
        const int most = std::min(m.qrSide(), body.w * 2 / 5);
        const int captionH = out.headingHeight(caption, most, captionStyle);
        const int side = std::min(most, body.h - captionH - m.px(4));
        const Rect qr{body.right() - side, body.y + (body.h - side - captionH - m.px(4)) / 2, side, side};
        out.qr("act-qr", qr, action.qrUrl());
        out.heading("act-qr-caption", {qr.x, qr.bottom() + m.px(4), side, captionH}, caption, captionStyle);
        column = {body.x, body.y, qr.x - m.gap() * 2 - body.x, body.h};
    }

    if (count > 1) {
        column = addActionTabs(out, context, column, view.item);
    } else {
        const int used = out.heading("act-heading", column, action.title.in(lang, fallback),
                                     {m.headingPx(), m.minBodyPx(), true, palette.text});
        column.y += used + m.gap();
        column.h -= used + m.gap();
    }

    // Under the words: the sign button, or why there is none (the code still works).
    int callH = 0;
    if (signHere) {
        const std::string label = pack.uiText("pledge_sign", lang);
        callH = m.touchTarget() + m.px(12);
        const int w = std::min(
            column.w, std::max(m.touchTarget() * 4, out.measure(label, m.headingPx(), true) + m.px(56)));
        const int x = m.portrait() ? column.x + (column.w - w) / 2 : column.x;
        out.button({ActionKind::Pledge, view.item}, {x, column.bottom() - callH, w, callH}, label,
                   ButtonStyle::Primary, false, 48, m.headingPx());
    } else if (action.form) {
        const std::string note = pack.uiText("not_collecting", lang);
        const TextOptions noteStyle{m.bodyPx(), m.captionPx(), true, palette.text};
        callH = std::min(column.h / 2, out.headingHeight(note, column.w, noteStyle, 3));
        out.heading("pledge-" + action.id + "-unavailable",
                    {column.x, column.bottom() - callH, column.w, callH}, note, noteStyle, 3);
    }
    const Rect words{column.x, column.y, column.w, column.h - callH - (callH > 0 ? m.gap() : 0)};
    const int pages = out.pagedText("act-text", words, action.text.in(lang, fallback),
                                    {m.readingPx(), m.bodyPx(), false, palette.text}, view.page);
    addPager(out, context, chrome, view.item > 0 || view.page > 0,
             view.page + 1 < pages || view.item + 1 < count);
    return pages;
}

}  // namespace kiosk::screens
