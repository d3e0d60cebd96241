// One person's story with dignity: who they are, what happened, what changed, and what you can do (QR).
#include "layout/Pagination.h"
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
    ChromeOptions options{profile.name.in(lang, fallback), true, true, false, true, ""};
    options.positionReserve = "00 / 00";
    const auto chrome = addChrome(out, context, options);
    const Rect body = chrome.body;

    // The first page: the QR code and its caption, the portrait and the country, then the words; the other
    // pages give the words the whole body (the last one ends on "take action").
    const int qrSide = m.qrSide();
    const int captionH = out.lineHeight(m.captionPx()) * 3;
    Rect textArea;
    Rect portraitBox;
    Rect qrBox;
    Rect captionBox;
    if (m.portrait()) {
        const int rowH = qrSide + captionH;
        portraitBox = {body.x, body.y, body.w - qrSide - m.gap() * 2, rowH};
        qrBox = {body.right() - qrSide, body.y, qrSide, qrSide};
        captionBox = {body.right() - qrSide - m.gap(), body.y + qrSide, qrSide + m.gap(), captionH};
        textArea = {body.x, body.y + rowH + m.gap(), body.w, body.h - rowH - m.gap()};
    } else {
        // The code and its caption in a column; the portrait beside the country, above the words (a small
        // column left over under the code would shrink it to an icon on the 7" panel).
        const int columnW = qrSide + m.px(8);
        const int qrTop = body.y + std::max(0, (body.h - qrSide - captionH) / 2);
        qrBox = {body.x, qrTop, columnW, qrSide};
        captionBox = {body.x - m.px(4), qrTop + qrSide, columnW + m.px(8), captionH};
        textArea = {body.x + columnW + m.gap() * 2, body.y, body.w - columnW - m.gap() * 2, body.h};
        // Landscape: the portrait and the country share the first row of the text column.
        portraitBox = {textArea.x, textArea.y, m.px(88), m.px(88)};
    }
    const int portraitSide = m.portrait() ? 0 : portraitBox.w;
    // The country beside the portrait, centred on it; a long one wraps (its box is the text drawn).
    const int countryX = textArea.x + (portraitSide > 0 ? portraitSide + m.gap() : 0);
    const std::string country = profile.country.in(lang, fallback);
    const TextOptions countryOptions{m.bodyPx(), m.minBodyPx(), true, palette.mutedText};
    const int countryTextH = out.headingHeight(country, textArea.right() - countryX, countryOptions);
    const int countryH = std::max(countryTextH, portraitSide);
    const int top = textArea.y + countryH + m.gap();
    const std::string summary = profile.summary.in(lang, fallback);
    const std::string story = profile.story.in(lang, fallback);
    const std::string whatYouCanDo = profile.whatYouCanDo.in(lang, fallback);

    // The whole text when it fits kMaxReadingPages; else a short version (the summary and what you can do)
    // with "read more" under its last page, which opens the story on pages of its own.
    Rect firstText{textArea.x, top, textArea.w, textArea.bottom() - top};
    Rect otherText = body;
    std::string text = summary + "\n\n" + story + "\n\n" + whatYouCanDo;
    // Each text at its own size (SceneWriter::fitReading: the fewest pages, then pages that read well).
    const auto fitIn = [&](const std::string& words, Rect first, Rect others) {
        return out.fitReading(words, {first.w, first.h}, {others.w, others.h});
    };
    SceneWriter::ReadingFit shortFit = fitIn(text, firstText, otherText);
    SceneWriter::ReadingFit storyFit;
    int storyPages = 0;
    bool moreBelow = false;  // "read more" under every page's box, not inside the last one's
    const int moreRow = m.touchTarget() + m.gap();
    if (shortFit.pages > kMaxReadingPages && !story.empty()) {
        text = summary + "\n\n" + whatYouCanDo;
        shortFit = fitIn(text, firstText, otherText);
        const layout::FontSpec font{lang, shortFit.px, false};
        const auto shortVersion =
            layout::paginate(text, {firstText.w, firstText.h}, {otherText.w, otherText.h}, font,
                             out.measurer(), SceneWriter::kReadingExtraPages);
        const int lastBoxH = shortVersion.size() == 1 ? firstText.h : otherText.h;
        if (shortVersion.back().height + moreRow > lastBoxH) {
            // No room under the last page's words: every page leaves room for it.
            firstText.h -= moreRow;
            otherText.h -= moreRow;
            moreBelow = true;
            shortFit = fitIn(text, firstText, otherText);
        }
        storyFit = fitIn(story, body, body);
        storyPages = storyFit.pages;
    }
    const int shortPages = shortFit.pages;
    const int pages = shortPages + storyPages;
    const int page = view.page % pages;

    if (page < shortPages) {
        if (page == 0) {
            out.image("case-image", portraitBox, profile.image, Align::Start);
            out.qr("case-qr", qrBox, profile.actionUrl);
            out.text("case-qr-caption", captionBox, pack.uiText("scan_to_act", lang),
                     {m.captionPx(), m.minBodyPx(), false, palette.mutedText, Align::Center});
            out.heading("case-country",
                        {countryX, textArea.y + (countryH - countryTextH) / 2, textArea.right() - countryX,
                         countryTextH},
                        country, countryOptions);
        }
        out.pagedText("case-text", firstText, otherText, text, out.readingOptions(shortFit), page);
        if (storyPages > 0 && page + 1 == shortPages) {
            // "Read more" turns the page, as "next" does, onto the story's first page.
            const Rect under = page == 0 ? firstText : otherText;
            const std::string label = pack.uiText("read_more", lang);
            const int w = std::min(under.w, out.measure(label, m.buttonPx(), true) + m.px(48));
            const int y = moreBelow ? under.bottom() + m.gap() : under.bottom() - m.touchTarget();
            out.button({ActionKind::Next}, {under.x, y, w, m.touchTarget()}, label, ButtonStyle::Secondary);
        }
        if (shortPages > 1) addPosition(out, chrome, positionLabel(page, shortPages));
        addPager(out, context, chrome, page > 0, page + 1 < shortPages, true);
    } else {
        const int storyPage = page - shortPages;
        out.pagedText("case-story", body, body, story, out.readingOptions(storyFit), storyPage);
        if (storyPages > 1) addPosition(out, chrome, positionLabel(storyPage, storyPages));
        addPager(out, context, chrome, true, storyPage + 1 < storyPages, true);
    }
    return pages;
}

}  // namespace kiosk::screens
