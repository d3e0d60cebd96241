// Taking action: each action's words and the QR code that carries it home on a phone.
#include "screens/Chrome.h"
#include "screens/ScreenBuilders.h"

namespace kiosk::screens {

namespace {
// A tab an action, so any action is one tap away; the open tab doubles as the heading. Side by side in
// landscape, one a row in portrait; a tab grows to two lines rather than shrinking its words.
Rect addActionTabs(SceneWriter& out, const ScreenContext& context, Rect body, int current) {
    const Metrics& m = out.metrics();
    const auto& pack = context.pack;
    const int count = static_cast<int>(pack.actions.size());
    const bool stacked = m.portrait();
    const int tabW = stacked ? body.w : (body.w - m.gap() * (count - 1)) / count;
    int tabH = m.touchTarget();
    for (const auto& action : pack.actions)
        if (out.measure(action.title.in(context.language, pack.defaultLanguage), m.buttonPx(), true) >
            tabW - m.px(20))
            tabH = std::max(tabH, out.lineHeight(m.buttonPx(), true) * 2 + m.px(12));
    for (int i = 0; i < count; ++i) {
        const auto& action = pack.actions[static_cast<std::size_t>(i)];
        const Rect tab{stacked ? body.x : body.x + i * (tabW + m.gap()),
                       stacked ? body.y + i * (tabH + m.gap()) : body.y, tabW, tabH};
        out.button("action-" + action.id, tab, action.title.in(context.language, pack.defaultLanguage),
                   ButtonStyle::Secondary, i == current);
    }
    const int used = (stacked ? count * (tabH + m.gap()) : tabH + m.gap()) + m.gap();
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
    const auto chrome = addChrome(out, context, {pack.uiText("nav_act", lang), true, true, false, true, ""});
    if (count == 0) return 1;
    const auto& action = pack.actions[static_cast<std::size_t>(view.item)];
    Rect body = chrome.body;
    if (count > 1) {
        body = addActionTabs(out, context, body, view.item);
    } else {
        const int headingH = out.lineHeight(m.headingPx(), true) * 2;
        const int used =
            out.text("act-heading", {body.x, body.y, body.w, headingH}, action.title.in(lang, fallback),
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
        const int rowH = std::max(m.touchTarget() + m.px(8), out.lineHeight(m.captionPx(), true) * 3);
        beside = {body.x, body.bottom() - rowH, textW, rowH};
        textArea = {body.x, body.y, textW, body.h - rowH - m.gap()};
    }

    // Signing on the kiosk, when the action has a form: a big button; or, when this kiosk cannot collect,
    // a plain note saying so (the QR code still works).
    int captionX = beside.x;
    if (action.form) {
        const Rect slot{beside.x, beside.y, beside.w, m.touchTarget() + m.px(8)};
        if (context.extras.collectionProblem.empty()) {
            const std::string label = pack.uiText("pledge_sign", lang);
            const int w = std::min(
                slot.w, std::max(m.touchTarget() * 3, out.measure(label, m.buttonPx(), true) + m.px(40)));
            out.button("pledge-" + action.id, {slot.x, slot.y, w, slot.h}, label, ButtonStyle::Primary);
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
    addPager(out, context, chrome, view.item > 0 || view.page > 0,
             view.page + 1 < pages || view.item + 1 < count);
    return pages;
}

}  // namespace kiosk::screens
