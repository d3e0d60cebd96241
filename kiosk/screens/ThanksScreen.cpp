// Thank you: the signer's reference code (to withdraw consent later) and a QR code that carries it away with
// the campaign's page, to keep and to share. Nothing else they typed appears; the screen stays until "done"
// or a minute without a touch.
#include "layout/TextFit.h"
#include "screens/Chrome.h"
#include "screens/ScreenBuilders.h"

namespace kiosk::screens {

namespace {
// The action's page with the reference as a query parameter: the signer keeps the code by scanning it.
std::string referenceUrl(const std::string& url, const std::string& reference) {
    if (reference.empty()) return url;
    const auto fragment = url.find('#');
    const std::string base = url.substr(0, fragment);
    const std::string tail = fragment == std::string::npos ? "" : url.substr(fragment);
    return base + (base.find('?') == std::string::npos ? "?" : "&") + "ref=" + reference + tail;
}
}  // namespace

int buildThanks(SceneWriter& out, const ScreenContext& context, const View& view) {
    const Metrics& m = out.metrics();
    const Palette& palette = out.palette();
    const auto& pack = context.pack;
    const std::string& lang = context.language;
    const auto chrome =
        addChrome(out, context, {pack.uiText("thanks_title", lang), false, false, false, false, ""});
    if (pack.actions.empty()) return 1;
    const auto& action = pack.actions[static_cast<std::size_t>(view.item)];
    const Rect body = chrome.body;

    // Landscape: the code at the right, the words and "done" beside it. Portrait: the words above, then the
    // code, and "done" under the code (the last thing on the way out).
    const std::string done = pack.uiText("done", lang);
    const int doneH = m.touchTarget();
    const int doneW =
        std::max(m.touchTarget() * (m.portrait() ? 4 : 2), out.measure(done, m.buttonPx(), true) + m.px(32));
    const std::string thanksText = pack.uiText("thanks_text", lang);
    const std::string referenceLabel = pack.uiText("reference", lang);
    const std::string share = pack.uiText("share", lang);
    const int codeH = out.lineHeight(m.px(34), true);
    const auto heightOf = [&](const std::string& text, Size box, int px, bool bold, int minPx) {
        return layout::fitText(text, box, {lang, px, bold}, minPx, out.measurer()).height;
    };
    // What a stack of the words (the thanks, the code and what it is for, the invitation to share) leaves
    // the thanks in a column of this size.
    const auto thanksRoom = [&](Size column) {
        return std::max(0, column.h - heightOf(share, column, m.captionPx(), false, m.minBodyPx()) -
                               heightOf(referenceLabel, column, m.captionPx(), false, m.minBodyPx()) - codeH -
                               m.gap() * 4);
    };
    // In landscape the code takes up to two fifths of the width, less (down to three tenths) when the thanks
    // would not fit beside it even at the smallest body size (a long translation on a 4:3 panel).
    int side = m.portrait() ? std::min(body.w, m.qrSide()) : std::min(body.h, body.w * 2 / 5);
    if (!m.portrait()) {
        const int narrowest = std::min(body.h, body.w * 3 / 10);
        const auto thanksFits = [&](int qrSide) {
            const Size column{body.w - qrSide - m.gap() * 2, body.h - doneH - m.gap()};
            return !layout::fitText(thanksText, {column.w, thanksRoom(column)}, {lang, m.px(24), true},
                                    m.minBodyPx(), out.measurer())
                        .overflow;
        };
        const int step = std::max(1, m.px(8));
        while (side - step >= narrowest && !thanksFits(side))
            side -= step;
    }
    const Rect qr =
        m.portrait() ? Rect{body.x + (body.w - side) / 2, body.bottom() - doneH - m.gap() - side, side, side}
                     : Rect{body.right() - side, body.y, side, side};
    const std::string reference = context.extras.thanks ? context.extras.thanks->reference : "";
    out.qr("thanks-qr", qr, referenceUrl(action.qrUrl(), reference));
    const Rect words = m.portrait() ? Rect{body.x, body.y, body.w, qr.y - body.y - m.gap()}
                                    : Rect{body.x, body.y, body.w - side - m.gap() * 2, body.h};
    const Rect doneBox = m.portrait()
                             ? Rect{body.x + (body.w - doneW) / 2, body.bottom() - doneH, doneW, doneH}
                             : Rect{words.x, words.bottom() - doneH, doneW, doneH};
    // The stack from the top of the words' column; "done" under it in landscape.
    const Rect stack{words.x, words.y, words.w, m.portrait() ? words.h : words.h - doneH - m.gap()};
    const int labelH = heightOf(referenceLabel, {stack.w, stack.h}, m.captionPx(), false, m.minBodyPx());
    const int thanksH = thanksRoom({stack.w, stack.h});
    int y = stack.y;
    y += out.text("thanks-text", {stack.x, y, stack.w, thanksH}, thanksText,
                  {m.px(24), m.minBodyPx(), true, palette.text}) +
         m.gap();
    y += out.text("reference-label", {stack.x, y, stack.w, labelH}, referenceLabel,
                  {m.captionPx(), m.minBodyPx(), false, palette.mutedText}) +
         m.px(4);
    out.setLanguage("en");  // the code is Latin letters and digits in every language
    // The code on a white ticket with a dark outline, so it reads as something to keep (or photograph).
    const int ticketW = std::min(stack.w, out.measure(reference, m.px(34), true) + m.px(32));
    const Widget ticketBorder = [&] {
        Widget w;
        w.kind = WidgetKind::Box;
        w.rect = {stack.x, y, ticketW, codeH + m.px(12)};
        w.fill = palette.surface;
        w.stroke = palette.text;
        w.cornerRadius = m.px(8);
        return w;
    }();
    if (!reference.empty()) out.add(ticketBorder);
    y += out.text("reference", {stack.x + m.px(16), y + m.px(6), ticketW - m.px(32), codeH}, reference,
                  {m.px(34), m.headingPx(), true, palette.text}) +
         m.px(12) + m.gap();
    out.setLanguage(lang);
    out.text("share", {stack.x, y, stack.w, stack.bottom() - y}, share,
             {m.captionPx(), m.minBodyPx(), false, palette.text});
    out.button({ActionKind::Done}, doneBox, done, ButtonStyle::Primary);
    return 1;
}

void addStillThere(SceneWriter& out, const ScreenContext& context, int seconds) {
    const Metrics& m = out.metrics();
    const Palette& palette = out.palette();
    const auto& pack = context.pack;
    const std::string& lang = context.language;
    const int W = m.screen.w;
    const int H = m.screen.h;
    // A veil over the form (it stays out of reach of stray taps), and the question in the middle.
    out.hotspot({ActionKind::StillHereVeil}, {0, 0, W, H});
    out.box({0, 0, W, H}, {0, 0, 0, 160});
    const int panelW = std::min(W - 2 * m.margin(), m.px(520));
    const int panelH = std::min(H - 2 * m.margin(), m.px(260));
    const Rect panel{(W - panelW) / 2, (H - panelH) / 2, panelW, panelH};
    out.box(panel, palette.surface, m.px(12));
    const Rect inner = panel.inset(m.px(20));
    const int used =
        out.text("still-there", {inner.x, inner.y, inner.w, inner.h / 3}, pack.uiText("still_there", lang),
                 {m.headingPx(), m.minBodyPx(), true, palette.text, Align::Center});
    std::string countdown = pack.uiText("still_there_text", lang);
    if (const auto at = countdown.find("{seconds}"); at != std::string::npos)
        countdown.replace(at, 9, std::to_string(seconds));
    out.text("countdown",
             {inner.x, inner.y + used + m.gap(), inner.w, inner.h - used - m.touchTarget() - m.gap() * 2},
             countdown, {m.bodyPx(), m.minBodyPx(), false, palette.text, Align::Center});
    const std::string label = pack.uiText("continue", lang);
    const int w = std::max(m.touchTarget() * 3, out.measure(label, m.buttonPx(), true) + m.px(40));
    out.button({ActionKind::StillHere},
               {inner.x + (inner.w - w) / 2, inner.bottom() - m.touchTarget(), w, m.touchTarget()}, label,
               ButtonStyle::Primary);
}

}  // namespace kiosk::screens
