// The people the campaign stands with: a card each, tapped to open the profile.
#include "screens/Chrome.h"
#include "screens/ScreenBuilders.h"

namespace kiosk::screens {

int buildCases(SceneWriter& out, const ScreenContext& context) {
    const Metrics& m = out.metrics();
    const Palette& palette = out.palette();
    const auto& pack = context.pack;
    const std::string& lang = context.language;
    const std::string& fallback = pack.defaultLanguage;
    const auto chrome =
        addChrome(out, context, {pack.uiText("nav_cases", lang), true, false, false, false, ""});
    const Rect body = chrome.body;
    const int count = static_cast<int>(pack.cases.size());
    if (count == 0) return 1;

    // Side by side in landscape, stacked in portrait.
    const bool stacked = m.portrait();
    const int gap = m.gap() * 2;
    const int cardW = stacked ? body.w : (body.w - gap * (count - 1)) / count;
    const int cardH = stacked ? (body.h - gap * (count - 1)) / count : body.h;
    for (int i = 0; i < count; ++i) {
        const auto& profile = pack.cases[static_cast<std::size_t>(i)];
        const Rect card{stacked ? body.x : body.x + i * (cardW + gap),
                        stacked ? body.y + i * (cardH + gap) : body.y, cardW, cardH};
        out.hotspot("case-" + profile.id, card);
        out.box(card, palette.surface, m.px(12));
        const Rect inner = card.inset(m.px(12));
        const int imageSide = std::min(inner.h, inner.w) / 3;
        out.image("case-" + profile.id + "-image", {inner.x, inner.y, imageSide, imageSide}, profile.image);
        const int textX = inner.x + imageSide + m.gap();
        const int textW = inner.right() - textX;
        const int nameH = out.lineHeight(m.headingPx(), true) * 2;
        const int used = out.text(
            "case-" + profile.id + "-name", {textX, inner.y, textW, nameH}, profile.name.in(lang, fallback),
            {m.headingPx(), m.minBodyPx(), true, palette.text, Align::Start, Align::Start});
        out.text("case-" + profile.id + "-country",
                 {textX, inner.y + used, textW, out.lineHeight(m.bodyPx())},
                 profile.country.in(lang, fallback), {m.bodyPx(), m.minBodyPx(), false, palette.mutedText});
        const int summaryTop =
            std::max(inner.y + imageSide, inner.y + used + out.lineHeight(m.bodyPx())) + m.gap();
        out.text("case-" + profile.id + "-summary",
                 {inner.x, summaryTop, inner.w, inner.bottom() - summaryTop},
                 profile.summary.in(lang, fallback), {m.bodyPx(), m.minBodyPx(), false, palette.text});
    }
    return 1;
}

}  // namespace kiosk::screens
