// Header and footer layout: everything a finger needs is in reach and never under 48 px.
#include "screens/Chrome.h"

#include <algorithm>
#include <vector>

namespace kiosk::screens {

Palette paletteOf(const content::Theme& theme) {
    return {theme.background, theme.surface, theme.text, theme.mutedText, theme.accent, theme.accentText};
}

namespace {
struct LanguageButton {
    std::string language;
    std::string name;
    int width = 0;
};

// The switch names each language in its own script and shapes it with that language's fonts.
std::vector<LanguageButton> languageButtons(SceneWriter& out, const content::Pack& pack) {
    const Metrics& m = out.metrics();
    const std::string current = out.language();
    std::vector<LanguageButton> buttons;
    for (const auto& language : pack.languages) {
        auto found = pack.languageNames.find(language);
        std::string name = found != pack.languageNames.end() ? found->second : language;
        out.setLanguage(language);
        const int width = std::max(m.touchTarget(), out.measure(name, m.buttonPx(), true) + m.px(24));
        buttons.push_back({language, name, width});
    }
    out.setLanguage(current);
    return buttons;
}
}  // namespace

ChromeLayout addChrome(SceneWriter& out, const ScreenContext& context, const ChromeOptions& options) {
    const Metrics& m = out.metrics();
    const Palette& palette = out.palette();
    const auto& pack = context.pack;
    const std::string& lang = context.language;
    const int W = m.screen.w;
    const int H = m.screen.h;
    const int bar = m.barHeight();
    const int target = m.touchTarget();
    const int inset = (bar - target) / 2;

    // Header: back, title, home. The title takes its own row when the row is too narrow for it (portrait).
    const std::string backLabel = "‹ " + pack.uiText("back", lang);
    const std::string homeLabel = pack.uiText("home", lang);
    const std::string creditsLabel = pack.uiText("credits", lang);
    const auto labelWidth = [&](const std::string& label) {
        return std::max(target, out.measure(label, m.buttonPx(), true) + m.px(24));
    };
    int left = m.margin();
    int right = W - m.margin();
    if (options.back) left += labelWidth(backLabel) + m.gap();
    if (options.home) right -= labelWidth(homeLabel) + m.gap();
    if (options.credits) right -= labelWidth(creditsLabel) + m.gap();
    const int positionWidth =
        options.position.empty() ? 0 : out.measure(options.position, m.captionPx()) + m.px(8);
    if (positionWidth > 0) right -= positionWidth + m.gap();
    const bool titleRow = m.portrait() || right - left < W / 3;
    const int titleRowHeight = titleRow ? out.lineHeight(m.headingPx(), true) + m.gap() * 2 : 0;
    const int headerHeight = bar + titleRowHeight;
    out.box({0, 0, W, headerHeight}, palette.surface);

    int x = m.margin();
    if (options.back) {
        out.button("back", {x, inset, labelWidth(backLabel), target}, backLabel, ButtonStyle::Secondary);
    }
    x = W - m.margin();
    if (options.home) {
        x -= labelWidth(homeLabel);
        out.button("home", {x, inset, labelWidth(homeLabel), target}, homeLabel, ButtonStyle::Secondary);
        x -= m.gap();
    }
    if (options.credits) {
        x -= labelWidth(creditsLabel);
        out.button("nav-credits", {x, inset, labelWidth(creditsLabel), target}, creditsLabel,
                   ButtonStyle::Quiet);
        x -= m.gap();
    }
    if (positionWidth > 0) {
        x -= positionWidth;
        out.text("position", {x, 0, positionWidth, bar}, options.position,
                 {m.captionPx(), 0, false, palette.mutedText, Align::End, Align::Center});
    }
    const Rect titleBox = titleRow ? Rect{m.margin(), bar, W - 2 * m.margin(), titleRowHeight}
                                   : Rect{left, 0, std::max(0, right - left), bar};
    out.text("title", titleBox, options.title,
             {m.headingPx(), m.minBodyPx(), true, palette.text, Align::Start, Align::Center});

    // Footer: previous and next at the ends, the language switch between them; two rows if one is too narrow.
    auto languages = languageButtons(out, pack);
    int languagesWidth = 0;
    for (const auto& b : languages)
        languagesWidth += b.width;
    languagesWidth += m.gap() * static_cast<int>(languages.empty() ? 0 : languages.size() - 1);

    const bool pager = options.sequence;
    const std::string previousLabel = "‹ " + pack.uiText("previous", lang);
    const std::string nextLabel = pack.uiText("next", lang) + " ›";
    const int pagerWidth = std::max({target * 2, out.measure(previousLabel, m.buttonPx(), true) + m.px(28),
                                     out.measure(nextLabel, m.buttonPx(), true) + m.px(28)});
    const int oneRowWidth = languagesWidth + (pager ? 2 * (pagerWidth + m.gap()) : 0) + 2 * m.margin();
    const bool twoRows = pager && oneRowWidth > W;
    const int footerHeight = twoRows ? 2 * bar : bar;
    const int footerTop = H - footerHeight;
    out.box({0, footerTop, W, footerHeight}, palette.surface);

    const int languagesTop = H - bar + inset;
    x = twoRows || !pager ? (W - languagesWidth) / 2
                          : m.margin() + pagerWidth + m.gap() +
                                (W - 2 * (m.margin() + pagerWidth + m.gap()) - languagesWidth) / 2;
    for (const auto& b : languages) {
        out.setLanguage(b.language);
        out.button("lang-" + b.language, {x, languagesTop, b.width, target}, b.name, ButtonStyle::Secondary,
                   b.language == lang);
        x += b.width + m.gap();
    }
    out.setLanguage(lang);
    ChromeLayout layout;
    layout.body = {m.margin(), headerHeight + m.gap(), W - 2 * m.margin(),
                   footerTop - headerHeight - 2 * m.gap()};
    if (pager) {
        const int pagerTop = footerTop + inset;
        layout.previousButton = {m.margin(), pagerTop, pagerWidth, target};
        layout.nextButton = {W - m.margin() - pagerWidth, pagerTop, pagerWidth, target};
    }
    return layout;
}

void addPager(SceneWriter& out, const ScreenContext& context, const ChromeLayout& chrome, bool hasPrevious,
              bool hasNext) {
    if (chrome.nextButton.w == 0) return;
    const auto& pack = context.pack;
    if (hasPrevious)
        out.button("previous", chrome.previousButton, "‹ " + pack.uiText("previous", context.language),
                   ButtonStyle::Secondary);
    if (hasNext)
        out.button("next", chrome.nextButton, pack.uiText("next", context.language) + " ›",
                   ButtonStyle::Primary);
}

}  // namespace kiosk::screens
