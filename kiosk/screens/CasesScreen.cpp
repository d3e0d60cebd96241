// The people the campaign stands with: a card each, tapped to open the profile. Cards sit in a grid that
// keeps them large enough to read and pages when there are more than fit.
#include "layout/TextFit.h"
#include "screens/Chrome.h"
#include "screens/ScreenBuilders.h"

#include <algorithm>

namespace kiosk::screens {

namespace {
struct CardGrid {
    int columns = 1;
    int rows = 1;
    int perPage() const { return columns * rows; }
};

// As few rows as the count needs at the most columns that keep a card readable (stacked first in portrait),
// then the columns that rows leaves necessary; more cards than one page holds go on further pages.
CardGrid gridFor(int count, Rect body, int gap, int minW, int minH, bool portrait) {
    const int maxColumns = std::max(1, (body.w + gap) / (minW + gap));
    const int maxRows = std::max(1, (body.h + gap) / (minH + gap));
    CardGrid grid;
    if (count >= maxColumns * maxRows) return {maxColumns, maxRows};
    if (portrait) {
        grid.rows = std::min(count, maxRows);
        grid.columns = std::min(maxColumns, (count + grid.rows - 1) / grid.rows);
        grid.rows = (count + grid.columns - 1) / grid.columns;
    } else {
        grid.rows = (count + maxColumns - 1) / maxColumns;
        grid.columns = (count + grid.rows - 1) / grid.rows;
    }
    return grid;
}
}  // namespace

int buildCases(SceneWriter& out, const ScreenContext& context, const View& view) {
    const Metrics& m = out.metrics();
    const Palette& palette = out.palette();
    const auto& pack = context.pack;
    const std::string& lang = context.language;
    const std::string& fallback = pack.defaultLanguage;
    const auto chrome =
        addChrome(out, context, {pack.uiText("nav_cases", lang), true, false, false, true, ""});
    const Rect body = chrome.body;
    const int count = static_cast<int>(pack.cases.size());
    if (count == 0) return 1;

    const int gap = m.gap() * 2;
    const CardGrid grid = gridFor(count, body, gap, m.px(220), m.px(150), m.portrait());
    const int pages = (count + grid.perPage() - 1) / grid.perPage();
    const int page = std::clamp(view.page, 0, pages - 1);
    const int cardW = (body.w - gap * (grid.columns - 1)) / grid.columns;
    const int cardH = (body.h - gap * (grid.rows - 1)) / grid.rows;
    const int first = page * grid.perPage();
    for (int i = first; i < std::min(count, first + grid.perPage()); ++i) {
        const auto& profile = pack.cases[static_cast<std::size_t>(i)];
        const int slot = i - first;
        const Rect card{body.x + (slot % grid.columns) * (cardW + gap),
                        body.y + (slot / grid.columns) * (cardH + gap), cardW, cardH};
        out.hotspot({ActionKind::Case, i}, card);
        out.box(card, palette.surface, m.px(12));
        const Rect inner = card.inset(m.px(12));
        const int imageSide = std::min(inner.h, inner.w) / 3;
        out.image("case-" + profile.id + "-image", {inner.x, inner.y, imageSide, imageSide}, profile.image);
        const int textX = inner.x + imageSide + m.gap();
        const int textW = inner.right() - textX;
        // The card previews: the name in at most two lines, the country in one and the summary in what is
        // left, each cut with "…" when longer (the profile shows them whole).
        const int nameH = std::min(inner.h, out.lineHeight(m.headingPx(), true) * 2);
        const auto nameBlock = layout::fitText(profile.name.in(lang, fallback), {textW, nameH},
                                               {lang, m.headingPx(), true}, m.bodyPx(), out.measurer());
        const layout::FontSpec nameFont{lang, nameBlock.font.px, true};
        const std::string name =
            layout::cutToFit(profile.name.in(lang, fallback), {textW, nameH}, nameFont, out.measurer());
        const int used = out.text("case-" + profile.id + "-name", {textX, inner.y, textW, nameH}, name,
                                  {nameFont.px, 0, true, palette.text, Align::Start, Align::Start});
        const int countryH = out.lineHeight(m.bodyPx());
        int textBottom = inner.y + used;
        if (textBottom + countryH <= inner.bottom()) {
            const std::string country =
                layout::cutToFit(profile.country.in(lang, fallback), {textW, countryH},
                                 {lang, m.bodyPx(), false}, out.measurer());
            out.text("case-" + profile.id + "-country", {textX, textBottom, textW, countryH}, country,
                     {m.bodyPx(), 0, false, palette.mutedText});
            textBottom += countryH;
        }
        const int summaryTop = std::max(inner.y + imageSide, textBottom) + m.gap();
        const Rect summaryBox{inner.x, summaryTop, inner.w, inner.bottom() - summaryTop};
        if (summaryBox.h >= out.lineHeight(m.bodyPx())) {
            const std::string summary =
                layout::cutToFit(profile.summary.in(lang, fallback), {summaryBox.w, summaryBox.h},
                                 {lang, m.bodyPx(), false}, out.measurer());
            out.text("case-" + profile.id + "-summary", summaryBox, summary,
                     {m.bodyPx(), 0, false, palette.text});
        }
    }
    addPager(out, context, chrome, page > 0, page + 1 < pages);
    return pages;
}

}  // namespace kiosk::screens
