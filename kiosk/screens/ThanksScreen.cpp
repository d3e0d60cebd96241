// Thank you: the signer's reference code (to withdraw consent later) and a QR code to share the action.
// Nothing else they typed appears; the screen leaves by itself soon.
#include "screens/Chrome.h"
#include "screens/ScreenBuilders.h"

namespace kiosk::screens {

int buildThanks(SceneWriter& out, const ScreenContext& context, const View& view) {
    const Metrics& m = out.metrics();
    const Palette& palette = out.palette();
    const auto& pack = context.pack;
    const std::string& lang = context.language;
    const auto chrome = addChrome(out, context, {pack.uiText("thanks_title", lang), false, false, false, false, ""});
    if (pack.actions.empty()) return 1;
    const auto& action = pack.actions[static_cast<std::size_t>(view.item)];
    const Rect body = chrome.body;

    const int side = m.portrait() ? std::min(body.w, body.h / 2) : std::min(body.h, body.w * 2 / 5);
    const Rect qr = m.portrait() ? Rect{body.x + (body.w - side) / 2, body.bottom() - side, side, side}
                                 : Rect{body.right() - side, body.y, side, side};
    out.qr("thanks-qr", qr, action.url);
    const Rect words = m.portrait() ? Rect{body.x, body.y, body.w, qr.y - body.y - m.gap()}
                                    : Rect{body.x, body.y, body.w - side - m.gap() * 2, body.h};
    int y = words.y;
    y += out.text("thanks-text", {words.x, y, words.w, words.h / 3}, pack.uiText("thanks_text", lang),
                  {m.headingPx(), m.minBodyPx(), true, palette.text}) + m.gap();
    y += out.text("reference-label", {words.x, y, words.w, out.lineHeight(m.captionPx()) * 2},
                  pack.uiText("reference", lang), {m.captionPx(), m.minBodyPx(), false, palette.mutedText}) + m.px(4);
    const std::string reference = context.extras.thanks ? context.extras.thanks->reference : "";
    out.setLanguage("en");  // the code is Latin letters and digits in every language
    y += out.text("reference", {words.x, y, words.w, out.lineHeight(m.px(40), true)}, reference,
                  {m.px(40), m.headingPx(), true, palette.text}) + m.gap();
    out.setLanguage(lang);
    out.text("share", {words.x, y, words.w, words.bottom() - y - m.touchTarget() - m.gap()}, pack.uiText("share", lang),
             {m.captionPx(), m.minBodyPx(), false, palette.text});
    const std::string done = pack.uiText("done", lang);
    const int doneW = std::max(m.touchTarget() * 2, out.measure(done, m.buttonPx(), true) + m.px(32));
    out.button("done", {words.x, words.bottom() - m.touchTarget(), doneW, m.touchTarget()}, done, ButtonStyle::Primary);
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
    out.hotspot("still-here-veil", {0, 0, W, H});
    out.box({0, 0, W, H}, {0, 0, 0, 160});
    const int panelW = std::min(W - 2 * m.margin(), m.px(520));
    const int panelH = std::min(H - 2 * m.margin(), m.px(260));
    const Rect panel{(W - panelW) / 2, (H - panelH) / 2, panelW, panelH};
    out.box(panel, palette.surface, m.px(12));
    const Rect inner = panel.inset(m.px(20));
    const int used = out.text("still-there", {inner.x, inner.y, inner.w, inner.h / 3}, pack.uiText("still_there", lang),
                              {m.headingPx(), m.minBodyPx(), true, palette.text, Align::Center});
    std::string countdown = pack.uiText("still_there_text", lang);
    if (const auto at = countdown.find("{seconds}"); at != std::string::npos)
        countdown.replace(at, 9, std::to_string(seconds));
    out.text("countdown", {inner.x, inner.y + used + m.gap(), inner.w, inner.h - used - m.touchTarget() - m.gap() * 2},
             countdown, {m.bodyPx(), m.minBodyPx(), false, palette.text, Align::Center});
    const std::string label = pack.uiText("continue", lang);
    const int w = std::max(m.touchTarget() * 3, out.measure(label, m.buttonPx(), true) + m.px(40));
    out.button("still-here", {inner.x + (inner.w - w) / 2, inner.bottom() - m.touchTarget(), w, m.touchTarget()}, label,
               ButtonStyle::Primary);
}

} // namespace kiosk::screens
