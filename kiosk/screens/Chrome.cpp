// Header and footer layout: everything a finger needs is in reach and never under 48 px.
#include "screens/Chrome.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace kiosk::screens {

Palette paletteOf(const content::Theme& theme) {
    return {theme.background, theme.surface, theme.text, theme.mutedText, theme.accent, theme.accentText};
}

namespace {
struct LanguageButton {
    std::string language;
    int index = 0;  // in the pack's list
    std::string name;
    int width = 0;
};

// The switch names each language in its own script and shapes it with that language's fonts.
std::vector<LanguageButton> languageButtons(SceneWriter& out, const content::Pack& pack) {
    const Metrics& m = out.metrics();
    const std::string current = out.language();
    std::vector<LanguageButton> buttons;
    for (std::size_t i = 0; i < pack.languages.size(); ++i) {
        const std::string& language = pack.languages[i];
        auto found = pack.languageNames.find(language);
        std::string name = found != pack.languageNames.end() ? found->second : language;
        out.setLanguage(language);
        const int width = std::max(m.touchTarget(), out.measure(name, m.buttonPx(), true) + m.px(20));
        buttons.push_back({language, static_cast<int>(i), name, width});
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
    std::string backLabel = pack.uiText("back", lang);
    std::string homeLabel = pack.uiText("home", lang);
    const std::string creditsLabel = pack.uiText("credits", lang);
    const auto labelWidth = [&](const std::string& label) {
        return std::max(target, out.measure(label, m.buttonPx(), true) + m.px(24));
    };
    const auto iconLabelWidth = [&](const std::string& label) { return out.iconButtonWidth(label); };
    const std::string& positionText = options.position.empty() ? options.positionReserve : options.position;
    const int positionWidth = positionText.empty() ? 0 : out.measure(positionText, m.captionPx()) + m.px(8);
    Rect positionBox;
    int left = 0;
    int right = 0;
    const auto titleSpace = [&] {
        left = m.margin();
        right = W - m.margin();
        if (options.back) left += iconLabelWidth(backLabel) + m.gap();
        if (options.home) right -= iconLabelWidth(homeLabel) + m.gap();
        if (options.credits) right -= labelWidth(creditsLabel) + m.gap();
        if (positionWidth > 0) right -= positionWidth + m.gap();
    };
    // A title too long for the bar even at the smallest size also takes a row, where it wraps.
    const TextOptions titleOptions{m.headingPx(), m.minBodyPx(), true,
                                   palette.text,  Align::Start,  Align::Center};
    const auto needsTitleRow = [&] {
        return m.portrait() || right - left < W / 3 ||
               out.measure(options.title, m.minBodyPx(), true) > right - left;
    };
    titleSpace();
    bool titleRow = needsTitleRow();
    if (titleRow && !m.portrait()) {
        // In landscape the body's height is scarce: back and home as icons alone rather than a second row.
        const std::string back = std::exchange(backLabel, "");
        const std::string home = std::exchange(homeLabel, "");
        titleSpace();
        titleRow = needsTitleRow();
        if (titleRow) {
            backLabel = back;
            homeLabel = home;
            titleSpace();
        }
    }
    const int titleRowHeight =
        titleRow ? std::max(out.lineHeight(m.headingPx(), true),
                            out.headingHeight(options.title, W - 2 * m.margin(), titleOptions)) +
                       m.gap() * 2
                 : 0;
    const int headerHeight = bar + titleRowHeight;
    out.box({0, 0, W, headerHeight}, palette.surface);

    int x = m.margin();
    if (options.back) {
        out.iconButton({ActionKind::Back}, {x, inset, iconLabelWidth(backLabel), target}, Icon::Back,
                       backLabel, ButtonStyle::Secondary);
    }
    x = W - m.margin();
    if (options.home) {
        x -= iconLabelWidth(homeLabel);
        out.iconButton({ActionKind::Home}, {x, inset, iconLabelWidth(homeLabel), target}, Icon::Home,
                       homeLabel, ButtonStyle::Secondary);
        x -= m.gap();
    }
    if (options.credits) {
        x -= labelWidth(creditsLabel);
        out.button({ActionKind::Open, static_cast<int>(ScreenId::Credits)},
                   {x, inset, labelWidth(creditsLabel), target}, creditsLabel, ButtonStyle::Quiet);
        x -= m.gap();
    }
    if (positionWidth > 0) {
        x -= positionWidth;
        positionBox = {x, 0, positionWidth, bar};
        if (!options.position.empty())
            out.text("position", positionBox, options.position,
                     {m.captionPx(), 0, false, palette.mutedText, Align::End, Align::Center});
    }
    if (titleRow) {
        const int h = out.headingHeight(options.title, W - 2 * m.margin(), titleOptions);
        out.heading("title", {m.margin(), bar + (titleRowHeight - h) / 2, W - 2 * m.margin(), h},
                    options.title, titleOptions);
    } else {
        out.text("title", {left, 0, std::max(0, right - left), bar}, options.title, titleOptions);
    }

    // Footer: previous and next at the ends, the language switch between them; two rows if one is too narrow.
    auto languages = languageButtons(out, pack);
    int languagesWidth = 0;
    for (const auto& b : languages)
        languagesWidth += b.width;
    languagesWidth += m.px(8) * static_cast<int>(languages.empty() ? 0 : languages.size() - 1);

    const bool pager = options.sequence;
    // Previous and next are arrows, the same in every language; the right-hand slot is as wide as the
    // widest "take action" it shows on a last page in any of the pack's languages. So switching language
    // never moves the footer around, and on the 7" panel it stays one row.
    const int arrowW = target * 3 / 2;
    int actionW = arrowW;
    for (const auto& language : pack.languages) {
        out.setLanguage(language);
        actionW =
            std::max(actionW, out.measure(pack.uiText("nav_act", language), m.buttonPx(), true) + m.px(28));
    }
    out.setLanguage(lang);
    const int oneRowWidth = languagesWidth + (pager ? arrowW + actionW + 2 * m.gap() : 0) + 2 * m.margin();
    const bool twoRows = pager && oneRowWidth > W;
    // A globe before the language names says what they are to someone who reads none of them; where the row
    // has no room for it, the names stand alone rather than the footer taking two rows.
    const int globe = m.px(26);
    const int globeW = oneRowWidth + globe + m.px(8) <= W || twoRows ? globe + m.px(8) : 0;
    languagesWidth += globeW;
    const int footerHeight = twoRows ? 2 * bar : bar;
    const int footerTop = H - footerHeight;
    out.box({0, footerTop, W, footerHeight}, palette.surface);

    const int languagesTop = H - bar + inset;
    const int spaceLeft = twoRows || !pager ? 0 : m.margin() + arrowW + m.gap();
    const int spaceRight = twoRows || !pager ? 0 : m.margin() + actionW + m.gap();
    x = spaceLeft + (W - spaceLeft - spaceRight - languagesWidth) / 2;
    if (globeW > 0) {
        out.icon({x, languagesTop, globe, target}, Icon::Language, palette.mutedText);
        x += globeW;
    }
    for (const auto& b : languages) {
        out.setLanguage(b.language);
        out.button({ActionKind::Language, b.index}, {x, languagesTop, b.width, target}, b.name,
                   ButtonStyle::Secondary, b.language == lang);
        x += b.width + m.px(8);
    }
    out.setLanguage(lang);
    ChromeLayout layout;
    layout.positionBox = positionBox;
    layout.body = {m.margin(), headerHeight + m.gap(), W - 2 * m.margin(),
                   footerTop - headerHeight - 2 * m.gap()};
    if (pager) {
        const int pagerTop = footerTop + inset;
        layout.previousButton = {m.margin(), pagerTop, arrowW, target};
        layout.nextButton = {W - m.margin() - actionW, pagerTop, actionW, target};
        if (twoRows) {
            const int left = layout.previousButton.right() + m.gap();
            layout.pagerMiddle = {left, pagerTop, W - m.margin() - arrowW - m.gap() - left, target};
        }
    }
    return layout;
}

void addPosition(SceneWriter& out, const ChromeLayout& chrome, const std::string& position) {
    if (chrome.positionBox.w == 0 || position.empty()) return;
    const Metrics& m = out.metrics();
    out.text("position", chrome.positionBox, position,
             {m.captionPx(), 0, false, out.palette().mutedText, Align::End, Align::Center});
}

void addPager(SceneWriter& out, const ScreenContext& context, const ChromeLayout& chrome, bool hasPrevious,
              bool hasNext, bool actionAtEnd) {
    if (chrome.nextButton.w == 0) return;
    const auto& pack = context.pack;
    const Metrics& m = out.metrics();
    // Arrows for previous and next, the same in every language; words for the action at the end.
    if (hasPrevious)
        out.iconButton({ActionKind::Previous}, chrome.previousButton, Icon::Previous, "",
                       ButtonStyle::Secondary, false, 48, m.px(32));
    if (hasNext) {
        const Rect slot = chrome.nextButton;
        const int w = chrome.previousButton.w;
        out.iconButton({ActionKind::Next}, {slot.right() - w, slot.y, w, slot.h}, Icon::Next, "",
                       ButtonStyle::Primary, false, 48, m.px(32));
    } else if (actionAtEnd) {  // the end of a story leads to what the reader can do, never to a dead end
        out.button({ActionKind::Open, static_cast<int>(ScreenId::Act)}, chrome.nextButton,
                   pack.uiText("nav_act", context.language), ButtonStyle::Primary);
    }
}

}  // namespace kiosk::screens
