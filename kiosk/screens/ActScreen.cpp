// Taking action: each action's words and the QR code that carries it home on a phone.
#include "layout/TextFit.h"
#include "screens/Chrome.h"
#include "screens/ScreenBuilders.h"

#include <algorithm>
#include <vector>

namespace kiosk::screens {

namespace {
// A tab an action, so the actions near this one are one tap away and the pager walks the rest. Tabs sit in a
// row, at least 150 design px each; with more actions than that holds, the tabs
// shown are a window round the open one. A title too long for two lines is cut in its tab and shown whole
// as a heading. Returns the space left under the tabs (and heading).
// `listed` holds the actions shown today, by pack index; `position` is the open one's place in it.
Rect addActionTabs(SceneWriter& out, const ScreenContext& context, Rect body, const std::vector<int>& listed,
                   int position) {
    const Metrics& m = out.metrics();
    const Palette& palette = out.palette();
    const auto& pack = context.pack;
    const std::string& lang = context.language;
    const int count = static_cast<int>(listed.size());
    const int current = listed[static_cast<std::size_t>(position)];
    const int columns = std::clamp((body.w + m.gap()) / (m.px(150) + m.gap()), 1, count);
    const int rows = 1;  // a second row would leave a portrait screen too little room for the words
    const int shown = std::min(count, columns * rows);
    const int first = std::clamp(position - shown / 2, 0, count - shown);
    const auto actionAt = [&](int slot) -> const content::Action& {
        return pack.actions[static_cast<std::size_t>(listed[static_cast<std::size_t>(slot)])];
    };
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
        const std::string title = actionAt(i).title.in(lang, pack.defaultLanguage);
        if (out.measure(title, m.buttonPx(), true) <= labelW) continue;
        anyLong = true;
        if (layout::layoutParagraphs(title, {labelW, twoLineH}, font, out.measurer()).overflow)
            allFitTwo = false;
    }
    const bool twoLines = anyLong && allFitTwo;
    const int tabH = twoLines ? twoLineH : m.touchTarget();
    bool currentCut = false;
    for (int i = first; i < first + shown; ++i) {
        const auto& action = actionAt(i);
        const int index = listed[static_cast<std::size_t>(i)];
        const int slot = i - first;
        const Rect tab{body.x + (slot % perRow) * (tabW + m.gap()),
                       body.y + (slot / perRow) * (tabH + m.gap()), tabW, tabH};
        const std::string title = action.title.in(lang, pack.defaultLanguage);
        const std::string label = layout::cutToFit(title, {labelW, tabH}, font, out.measurer());
        if (index == current && label != title) currentCut = true;
        out.button({ActionKind::ActionTab, index}, tab, label, ButtonStyle::Secondary, index == current);
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
    // Only the actions shown today have tabs and count; with none, the screen is its chrome.
    const std::vector<int> listed =
        shownItems(context, ScreenItems::Actions, static_cast<int>(pack.actions.size()));
    const int count = static_cast<int>(listed.size());
    const auto at = std::find(listed.begin(), listed.end(), view.item);
    const int position = static_cast<int>(at - listed.begin());
    // With more actions than tabs show at once, the header says where this one stands.
    const auto chrome = addChrome(out, context,
                                  {pack.uiText("nav_act", lang), true, true, false, true,
                                   count > 3 && at != listed.end() ? positionLabel(position, count) : ""});
    if (at == listed.end()) return 1;
    const auto& action = pack.actions[static_cast<std::size_t>(view.item)];
    Rect body = chrome.body;
    if (count > 1) {
        body = addActionTabs(out, context, body, listed, position);
    } else {
        const int used = out.heading("act-heading", body, action.title.in(lang, fallback),
                                     {m.headingPx(), m.minBodyPx(), true, palette.text});
        body.y += used + m.gap();
        body.h -= used + m.gap();
    }

    // The QR code as large as the space allows (at least 44 mm on the 7" panel when it fits). Beside it (in
    // portrait, under the words) the sign button and the caption; the words take the rest.
    Rect textArea;
    Rect beside;  // where the sign button and the caption go
    if (m.portrait()) {
        // The code at the bottom right with its caption beside it; the sign button across above them.
        const int side = std::min(m.qrSide(), body.w * 11 / 20);
        out.qr("act-qr", {body.right() - side, body.bottom() - side, side, side}, action.url);
        const int buttonRow = action.form ? m.touchTarget() + m.px(8) + m.gap() * 2 : 0;
        beside = {body.x, body.bottom() - side - buttonRow, body.w, buttonRow};
        out.text("act-qr-caption", {body.x, body.bottom() - side, body.w - side - m.gap() * 2, side},
                 pack.uiText("scan_to_act", lang),
                 {m.captionPx(), m.minBodyPx(), true, palette.mutedText, Align::End, Align::Center});
        textArea = {body.x, body.y, body.w, body.h - side - buttonRow - m.gap() * 2};
    } else {
        // The code at the top right; under the words, the sign button and the caption pointing at the code.
        const int side = std::min(body.h, body.w * 2 / 5);
        out.qr("act-qr", {body.right() - side, body.y, side, side}, action.url);
        const int textW = body.w - side - m.gap() * 2;
        // The row is as tall as the button, or the caption beside it when that wraps to more.
        const int buttonW =
            action.form
                ? std::max(m.touchTarget() * 3,
                           out.measure(pack.uiText("pledge_sign", lang), m.buttonPx(), true) + m.px(40)) +
                      m.gap()
                : 0;
        const int captionH = layout::layoutParagraphs(pack.uiText("scan_to_act", lang),
                                                      {std::max(1, textW - buttonW), 1 << 20},
                                                      {lang, m.captionPx(), true}, out.measurer())
                                 .height;
        const int rowH = std::max(m.touchTarget() + m.px(8), captionH);
        beside = {body.x, body.bottom() - rowH, textW, rowH};
        textArea = {body.x, body.y, textW, body.h - rowH - m.gap()};
    }

    // Signing on the kiosk, when the action has a form: a big button; or, when this kiosk cannot collect,
    // a plain note saying so (the QR code still works).
    int captionX = beside.x;
    if (action.form) {
        const Rect slot{beside.x, beside.y, beside.w, m.touchTarget() + m.px(8)};
        if (context.extras.collecting) {
            const std::string label = pack.uiText("pledge_sign", lang);
            const int w = std::min(
                slot.w, std::max(m.touchTarget() * 3, out.measure(label, m.buttonPx(), true) + m.px(40)));
            out.button({ActionKind::Pledge, view.item}, {slot.x, slot.y, w, slot.h}, label,
                       ButtonStyle::Primary);
            captionX = slot.x + w + m.gap();
        } else {
            const Rect note{slot.x, slot.y, m.portrait() ? slot.w : slot.w / 2, slot.h};
            out.text("pledge-" + action.id + "-unavailable", note, pack.uiText("not_collecting", lang),
                     {m.captionPx(), m.minBodyPx(), true, palette.mutedText, Align::Start, Align::Center});
            captionX = note.right() + m.gap();
        }
    }
    if (!m.portrait())
        out.text("act-qr-caption", {captionX, beside.y, beside.right() - captionX, beside.h},
                 pack.uiText("scan_to_act", lang),
                 {m.captionPx(), m.minBodyPx(), true, palette.mutedText, Align::End, Align::Center});
    const int pages = out.pagedText("act-text", textArea, action.text.in(lang, fallback),
                                    {m.bodyPx(), 0, false, palette.text}, view.page);
    addPager(out, context, chrome, position > 0 || view.page > 0,
             view.page + 1 < pages || position + 1 < count);
    return pages;
}

}  // namespace kiosk::screens
