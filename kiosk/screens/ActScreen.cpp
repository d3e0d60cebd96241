// Taking action: each action's words and the QR code that carries it home on a phone.
#include "core/QrSize.h"
#include "layout/Pagination.h"
#include "layout/TextFit.h"
#include "screens/Chrome.h"
#include "screens/ScreenBuilders.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::screens {

namespace {
// The open action's title over its words, on the words' first page only: the tabs say which action is open
// on the others, which give the words that room (as a story's heading does, docs/design.md "Reading").
struct ActHeading {
    std::string text;
    TextOptions style;
    int maxLines = 2;
};

// A tab an action, so the actions near this one are one tap away and the pager walks the rest. Tabs sit in a
// row, at least 150 design px each; with more actions than that holds, the tabs
// shown are a window round the open one. A title too long for two lines is cut in its tab and shown whole
// as a heading. Returns the space left under the tabs and a gap (the heading's; the words keep another from
// the tabs); `heading` is the title to show over the words, if any.
// `listed` holds the actions shown today, by pack index; `position` is the open one's place in it.
Rect addActionTabs(SceneWriter& out, const ScreenContext& context, Rect body, const std::vector<int>& listed,
                   int position, ActHeading& heading) {
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
    const int used = rows * (tabH + m.gap());
    if (currentCut) {
        std::string title =
            pack.actions[static_cast<std::size_t>(current)].title.in(lang, pack.defaultLanguage);
        // One line, a little smaller, leaves the words a line more (the tab above says the rest); a title
        // too long for two lines at the smallest size is cut there.
        title = layout::cutToFit(title, {body.w, out.lineHeight(m.minBodyPx(), true) * 2},
                                 {lang, m.minBodyPx(), true}, out.measurer());
        heading = {title, {m.headingPx(), m.minBodyPx(), true, palette.text}, 1};
    }
    return {body.x, body.y + used, body.w, body.h - used};
}

// The words' size: of the sizes from reading (28) down to body (22, what docs/design.md gives action text),
// the one that reads in the fewest pages, then with every page but the last ending at a sentence and 70%
// full, then the largest. The act screen's room is what the code, the tabs and the call leave, so the
// reading size alone would often leave a line's worth of it empty or a short text on three pages.
struct WordsFit {
    int px = 0;
    bool readsWell = false;  // layout::pagesReadWell
};

WordsFit fitWords(SceneWriter& out, std::string_view text, Size firstPage, Size otherPages) {
    const Metrics& m = out.metrics();
    WordsFit best;
    std::size_t bestPages = 0;
    for (int design = 28; design >= 22; --design) {  // measured widths are kept, so a return costs little
        const int px = m.px(design);
        const auto pages =
            layout::paginate(text, firstPage, otherPages, {out.language(), px, false}, out.measurer());
        const bool readsWell = layout::pagesReadWell(pages, firstPage, otherPages);
        if (bestPages == 0 || pages.size() < bestPages ||
            (pages.size() == bestPages && readsWell && !best.readsWell)) {
            best = {px, readsWell};
            bestPages = pages.size();
        }
    }
    return best;
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
    // With more actions than tabs show at once, the header says where this one stands; else, when the
    // words take more than a page, which page this is (as on a case).
    ChromeOptions options{pack.uiText("nav_act", lang), true, true, false, true, ""};
    if (count <= 3)
        options.positionReserve = "0 / 0";
    else if (at != listed.end())
        options.position = positionLabel(position, count);
    const auto chrome = addChrome(out, context, options);
    if (at == listed.end()) return 1;
    const auto& action = pack.actions[static_cast<std::size_t>(view.item)];
    const Rect body = chrome.body;

    // One call to action: signing here, when the action has a form and the kiosk can take pledges, is the
    // big button (under the words, or between the arrows when they have a row of their own: under the thumb);
    // the QR code is the other way, captioned in small type. Without a form, or when this kiosk cannot
    // collect, the code is the call and the note under it says why there is no button.
    const bool signHere = action.form && context.extras.collecting;
    // In portrait the note stands under the code (the words need the height); in landscape between the arrows
    // when they have a row of their own, else under the words.
    const bool noteUnderCode = !signHere && action.form && m.portrait();
    const std::string under =
        noteUnderCode ? pack.uiText("not_collecting", lang) : pack.uiText("scan_to_act", lang);
    const TextOptions underStyle =
        noteUnderCode ? TextOptions{m.bodyPx(), m.captionPx(), true, palette.text, Align::Center}
                      : TextOptions{m.captionPx(), m.px(14), true, palette.mutedText, Align::Center};
    const std::string noteId = "pledge-" + action.id + "-unavailable";  // what the tour and tests look for
    const std::string underId = noteUnderCode ? noteId : "act-qr-caption";

    // The code as large as its room allows, up to qrSide() (45 mm and more on the 7" panels, which the tour
    // checks): at the right across the whole body in landscape, centred at the bottom in portrait.
    Rect column;  // tabs, words and the sign button
    if (m.portrait()) {
        // The modules 250 design px wide (375 px: 45.9 mm on Touch Display 2), the quiet zone round them: a
        // short URL's code has fewer, larger modules but the same four-module margin.
        const int modules = std::max(21, qrModulesFor(action.qrUrl().size()));
        const int side =
            std::min(body.w, (m.px(250) * (modules + 2 * kQrQuietModules) + modules - 1) / modules);
        const int underH = out.headingHeight(under, body.w, underStyle, 2);  // shrinks to stay in two lines
        const Rect qr{body.x + (body.w - side) / 2, body.bottom() - underH - m.px(4) - side, side, side};
        out.qr("act-qr", qr, action.qrUrl());
        out.heading(underId, {body.x, qr.bottom() + m.px(4), body.w, underH}, under, underStyle, 2);
        column = {body.x, body.y, body.w, qr.y - m.gap() - body.y};
    } else {
        const int most = std::min(m.qrSide(), body.w * 2 / 5);
        const int underH = out.headingHeight(under, most, underStyle, 3);
        const int side = std::min(most, body.h - underH - m.px(4));
        const Rect qr{body.right() - side, body.y + (body.h - side - underH - m.px(4)) / 2, side, side};
        out.qr("act-qr", qr, action.qrUrl());
        out.heading(underId, {qr.x, qr.bottom() + m.px(4), side, underH}, under, underStyle, 3);
        column = {body.x, body.y, qr.x - m.gap() * 2 - body.x, body.h};
    }

    ActHeading heading;
    if (count > 1) {
        column = addActionTabs(out, context, column, listed, position, heading);
    } else {
        heading = {action.title.in(lang, fallback), {m.headingPx(), m.minBodyPx(), true, palette.text}};
    }

    // Under the words: the sign button, or why there is none (the code still works).
    int callH = 0;
    if (signHere && chrome.pagerMiddle.w > 0) {
        out.button({ActionKind::Pledge, view.item}, chrome.pagerMiddle, pack.uiText("pledge_sign", lang),
                   ButtonStyle::Primary, false, 48, m.headingPx());
    } else if (signHere) {
        const std::string label = pack.uiText("pledge_sign", lang);
        callH = m.touchTarget() + m.px(12);
        const int w = std::min(
            column.w, std::max(m.touchTarget() * 4, out.measure(label, m.headingPx(), true) + m.px(56)));
        const int x = m.portrait() ? column.x + (column.w - w) / 2 : column.x;
        out.button({ActionKind::Pledge, view.item}, {x, column.bottom() - callH, w, callH}, label,
                   ButtonStyle::Primary, false, 48, m.headingPx());
    } else if (action.form && !noteUnderCode) {
        const std::string note = pack.uiText("not_collecting", lang);
        const TextOptions noteStyle{m.bodyPx(), m.captionPx(), true, palette.text};
        if (chrome.pagerMiddle.w > 0) {
            out.heading(noteId, chrome.pagerMiddle, note,
                        {m.bodyPx(), m.px(14), true, palette.text, Align::Center}, 2);
        } else {
            callH = std::min(column.h / 2, out.headingHeight(note, column.w, noteStyle, 3));
            out.heading(noteId, {column.x, column.bottom() - callH, column.w, callH}, note, noteStyle, 3);
        }
    }
    // The words under the heading on their first page, in the heading's room too on the others; a gap more
    // parts them from the tabs.
    const int tabsGap = count > 1 ? m.gap() : 0;
    const Rect words{column.x, column.y + tabsGap, column.w,
                     column.h - tabsGap - callH - (callH > 0 ? m.gap() : 0)};
    const int headingH =
        heading.text.empty() ? 0 : out.headingHeight(heading.text, column.w, heading.style, heading.maxLines);
    const int firstTop = headingH > 0 ? column.y + headingH + m.gap() : words.y;
    const Rect firstWords{words.x, firstTop, words.w, words.bottom() - firstTop};
    const std::string text = action.text.in(lang, fallback);
    const WordsFit fit = fitWords(out, text, {firstWords.w, firstWords.h}, {words.w, words.h});
    const int pages =
        out.pagedText("act-text", firstWords, words, text, {fit.px, fit.px, false, palette.text}, view.page);
    // The act screen promises its words read well (the tour reports it): a sentence too long for the room
    // left at every size is the pack's to split.
    if (!fit.readsWell && view.page == 0)
        out.problem("act-text", "the words take " + std::to_string(pages) +
                                    " pages and at every size from reading to body some page but the last "
                                    "ends mid-sentence or is under 70% full: split the longest sentence");
    if (headingH > 0 && view.page % pages == 0)
        out.heading("act-heading", {column.x, column.y, column.w, headingH}, heading.text, heading.style,
                    heading.maxLines);
    if (count <= 3 && pages > 1) addPosition(out, chrome, positionLabel(view.page % pages, pages));
    addPager(out, context, chrome, position > 0 || view.page > 0,
             view.page + 1 < pages || position + 1 < count);
    return pages;
}

}  // namespace kiosk::screens
