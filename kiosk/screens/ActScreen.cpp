// Taking action: each action's words and the QR code that carries it home on a phone.
#include "screens/Chrome.h"
#include "screens/ScreenBuilders.h"

namespace kiosk::screens {

int buildAct(SceneWriter& out, const ScreenContext& context, const View& view) {
    const Metrics& m = out.metrics();
    const Palette& palette = out.palette();
    const auto& pack = context.pack;
    const std::string& lang = context.language;
    const std::string& fallback = pack.defaultLanguage;
    const int count = static_cast<int>(pack.actions.size());
    const auto chrome = addChrome(out, context, {pack.uiText("nav_act", lang), true, true, false, true, ""});
    if (count == 0) return 1;
    Rect body = chrome.body;

    // A tab an action, so any action is one tap away.
    if (count > 1) {
        const int tabW = (body.w - m.gap() * (count - 1)) / count;
        for (int i = 0; i < count; ++i) {
            const auto& action = pack.actions[static_cast<std::size_t>(i)];
            out.button("action-" + action.id, {body.x + i * (tabW + m.gap()), body.y, tabW, m.touchTarget()},
                       action.title.in(lang, fallback), ButtonStyle::Secondary, i == view.item);
        }
        body.y += m.touchTarget() + m.gap() * 2;
        body.h -= m.touchTarget() + m.gap() * 2;
    }

    const auto& action = pack.actions[static_cast<std::size_t>(view.item)];
    const int qrSide = std::max(m.qrSide(), std::min(body.w, body.h) * 2 / 3 - out.lineHeight(m.captionPx()) * 2);
    const int captionH = out.lineHeight(m.captionPx()) * 2;
    Rect textArea;
    if (m.portrait()) {
        const int blockH = std::min(qrSide, body.h / 2);
        out.qr("act-qr", {body.x, body.bottom() - captionH - blockH, body.w, blockH}, action.url);
        out.text("act-qr-caption", {body.x, body.bottom() - captionH, body.w, captionH},
                 pack.uiText("scan_to_act", lang), {m.captionPx(), 0, false, palette.mutedText, Align::Center});
        textArea = {body.x, body.y, body.w, body.h - blockH - captionH - m.gap()};
    } else {
        const int side = std::min(qrSide, body.h - captionH);
        out.qr("act-qr", {body.right() - side, body.y, side, side}, action.url);
        out.text("act-qr-caption", {body.right() - side - m.gap(), body.y + side, side + m.gap(), captionH},
                 pack.uiText("scan_to_act", lang), {m.captionPx(), 0, false, palette.mutedText, Align::Center});
        textArea = {body.x, body.y, body.w - side - m.gap() * 3, body.h};
    }
    const int headingH = out.lineHeight(m.headingPx(), true) * 2;
    const int used = out.text("act-heading", {textArea.x, textArea.y, textArea.w, headingH}, action.title.in(lang, fallback),
                              {m.headingPx(), m.minBodyPx(), true, palette.text});
    const int top = textArea.y + used + m.gap();
    const int pages = out.pagedText("act-text", {textArea.x, top, textArea.w, textArea.bottom() - top},
                                    action.text.in(lang, fallback), {m.bodyPx(), 0, false, palette.text}, view.page);
    addPager(out, context, chrome, view.item > 0 || view.page > 0, view.page + 1 < pages || view.item + 1 < count);
    return pages;
}

} // namespace kiosk::screens
