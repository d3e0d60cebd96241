// One person's story with dignity: who they are, what happened, what changed, and what you can do (QR).
#include "screens/Chrome.h"
#include "screens/ScreenBuilders.h"

namespace kiosk::screens {

int buildCase(SceneWriter& out, const ScreenContext& context, const View& view) {
    const Metrics& m = out.metrics();
    const Palette& palette = out.palette();
    const auto& pack = context.pack;
    const std::string& lang = context.language;
    const std::string& fallback = pack.defaultLanguage;
    if (pack.cases.empty()) {
        addChrome(out, context, {pack.uiText("nav_cases", lang), true, true, false, false, ""});
        return 1;
    }
    const auto& profile = pack.cases[static_cast<std::size_t>(view.item)];
    const auto chrome =
        addChrome(out, context, {profile.name.in(lang, fallback), true, true, false, true, ""});
    const Rect body = chrome.body;

    // The QR code and its caption; the portrait illustration beside or above it.
    const int qrSide = m.qrSide();
    const int captionH = out.lineHeight(m.captionPx()) * 3;
    Rect textArea;
    if (m.portrait()) {
        const int rowH = qrSide + captionH;
        out.image("case-image", {body.x, body.y, body.w - qrSide - m.gap() * 2, rowH}, profile.image,
                  Align::Start);
        out.qr("case-qr", {body.right() - qrSide, body.y, qrSide, qrSide}, profile.actionUrl);
        out.text("case-qr-caption",
                 {body.right() - qrSide - m.gap(), body.y + qrSide, qrSide + m.gap(), captionH},
                 pack.uiText("scan_to_act", lang),
                 {m.captionPx(), m.minBodyPx(), false, palette.mutedText, Align::Center});
        textArea = {body.x, body.y + rowH + m.gap(), body.w, body.h - rowH - m.gap()};
    } else {
        // The code and its caption in a column; the portrait beside the country, above the words (a small
        // column left over under the code would shrink it to an icon on the 7" panel).
        const int columnW = qrSide + m.px(8);
        const int qrTop = body.y + std::max(0, (body.h - qrSide - captionH) / 2);
        out.qr("case-qr", {body.x, qrTop, columnW, qrSide}, profile.actionUrl);
        out.text("case-qr-caption", {body.x - m.px(4), qrTop + qrSide, columnW + m.px(8), captionH},
                 pack.uiText("scan_to_act", lang),
                 {m.captionPx(), m.minBodyPx(), false, palette.mutedText, Align::Center});
        textArea = {body.x + columnW + m.gap() * 2, body.y, body.w - columnW - m.gap() * 2, body.h};
    }

    // Landscape: the portrait and the country share the first row of the text column.
    const int portraitSide = m.portrait() ? 0 : m.px(88);
    if (portraitSide > 0)
        out.image("case-image", {textArea.x, textArea.y, portraitSide, portraitSide}, profile.image,
                  Align::Start);
    // The country beside the portrait, centred on it; a long one wraps (its box is the text drawn).
    const int countryX = textArea.x + (portraitSide > 0 ? portraitSide + m.gap() : 0);
    const std::string country = profile.country.in(lang, fallback);
    const TextOptions countryOptions{m.bodyPx(), m.minBodyPx(), true, palette.mutedText};
    const int countryTextH = out.headingHeight(country, textArea.right() - countryX, countryOptions);
    const int countryH = std::max(countryTextH, portraitSide);
    out.heading(
        "case-country",
        {countryX, textArea.y + (countryH - countryTextH) / 2, textArea.right() - countryX, countryTextH},
        country, countryOptions);
    const std::string text = profile.summary.in(lang, fallback) + "\n\n" + profile.story.in(lang, fallback) +
                             "\n\n" + profile.whatYouCanDo.in(lang, fallback);
    const int top = textArea.y + countryH + m.gap();
    const int pages = out.pagedText("case-text", {textArea.x, top, textArea.w, textArea.bottom() - top}, text,
                                    {m.bodyPx(), 0, false, palette.text}, view.page);
    addPager(out, context, chrome, view.page > 0, view.page + 1 < pages, true);
    return pages;
}

}  // namespace kiosk::screens
