// The attract loop: one slide, big and short, readable from two metres, in the language the loop has reached,
// and an invitation to touch in every language of the pack, each in its own script.
#include "layout/TextFit.h"
#include "screens/ScreenBuilders.h"

#include <algorithm>

namespace kiosk::screens {

int buildAttract(SceneWriter& out, const ScreenContext& context, const View& view) {
    const Metrics& m = out.metrics();
    const Palette& palette = out.palette();
    const auto& pack = context.pack;
    const int W = m.screen.w;
    const int H = m.screen.h;

    // A touch anywhere begins; the hotspot goes first so it lies under everything drawn on top.
    out.hotspot({ActionKind::Start}, {0, 0, W, H});
    // With every slide out of its dates (or none), the loop shows the pack's title alone.
    const std::vector<int> shown =
        shownItems(context, ScreenItems::Slides, static_cast<int>(pack.slides.size()));
    content::Slide titleOnly;
    titleOnly.title = pack.title;
    const bool current = !pack.slides.empty() && isShown(context, ScreenItems::Slides, view.item);
    const auto& slide =
        current ? pack.slides[static_cast<std::size_t>(view.item) % pack.slides.size()] : titleOnly;
    const std::string& lang = context.language;
    const std::string& fallback = pack.defaultLanguage;

    // The calls to touch, one per language, each in its own script: a passer-by picks theirs with the first
    // touch. Four across in landscape, two by two in portrait.
    const int languageCount = static_cast<int>(pack.languages.size());
    const int callColumns = m.portrait() ? std::min(2, languageCount) : languageCount;
    const int callRows = (languageCount + callColumns - 1) / std::max(1, callColumns);
    const int callHeight = m.px(64);
    const int callGap = m.gap();
    const int callsHeight = callRows * callHeight + (callRows - 1) * callGap;
    const Rect calls{m.margin(), H - m.margin() - callsHeight, W - 2 * m.margin(), callsHeight};
    const int dot = m.px(10);
    const Rect content{m.margin() * 2, m.margin() * 2, W - m.margin() * 4,
                       calls.y - dot - m.gap() * 2 - m.margin() * 2};
    const std::string& title = slide.title.in(lang, fallback);
    const std::string& text = slide.text.in(lang, fallback);
    // The title takes what it needs of up to 45% (all when alone), the sentence the rest; both shrink only
    // to a floor, and the pair is centred in the space. The picture takes a third of the space beside the
    // words (two fifths above them in portrait), less when the words would not fit beside it even at their
    // floor (a long translation on a 4:3 panel): the words are the slide, the picture only its setting.
    const layout::FontSpec titleFont{lang, m.px(48), true};
    const layout::FontSpec textFont{lang, m.px(28), false};
    const auto textBoxFor = [&](int share) {  // share: the picture's part of the space, in 60ths
        if (slide.image.empty()) return content;
        if (m.portrait()) {
            const int imageHeight = content.h * share / 60;
            return Rect{content.x, content.y + imageHeight + m.gap() * 2, content.w,
                        content.h - imageHeight - m.gap() * 2};
        }
        const int imageWidth = content.w * share / 60;
        return Rect{content.x + imageWidth + m.gap() * 2, content.y, content.w - imageWidth - m.gap() * 2,
                    content.h};
    };
    const auto titleLimitIn = [&](Rect box) { return Size{box.w, text.empty() ? box.h : box.h * 9 / 20}; };
    const auto wordsFit = [&](Rect box) {
        const auto titleBlock =
            layout::fitText(title, titleLimitIn(box), titleFont, m.px(30), out.measurer());
        if (titleBlock.overflow) return false;
        if (text.empty()) return true;
        const int top = box.y + std::min(titleBlock.height, titleLimitIn(box).h) + m.gap() * 2;
        return !layout::fitText(text, {box.w, box.bottom() - top}, textFont, m.minBodyPx(), out.measurer())
                    .overflow;
    };
    const int fullShare = m.portrait() ? 24 : 20;
    int share = fullShare;
    while (share > fullShare / 2 && !wordsFit(textBoxFor(share)))
        share -= fullShare / 8;
    const Rect textBox = textBoxFor(share);
    if (!slide.image.empty()) {
        const Rect imageBox = m.portrait() ? Rect{content.x, content.y, content.w, content.h * share / 60}
                                           : Rect{content.x, content.y, content.w * share / 60, content.h};
        out.image("slide-image", imageBox, slide.image);
    }

    const Size titleLimit = titleLimitIn(textBox);
    const int titleHeight = layout::fitText(title, titleLimit, titleFont, m.px(30), out.measurer()).height;
    if (text.empty()) {
        out.text("slide-title", textBox, title,
                 {m.px(48), m.px(30), true, palette.text, Align::Start, Align::Center});
    } else {
        const Rect titleBox{textBox.x, textBox.y, textBox.w, std::min(titleHeight, titleLimit.h)};
        const int top = titleBox.bottom() + m.gap() * 2;
        const Rect sentenceBox{textBox.x, top, textBox.w, textBox.bottom() - top};
        const int sentenceHeight =
            layout::fitText(text, {sentenceBox.w, sentenceBox.h}, textFont, m.minBodyPx(), out.measurer())
                .height;
        const int shift = std::max(0, (sentenceBox.h - sentenceHeight) / 2);
        out.text("slide-title", {titleBox.x, titleBox.y + shift, titleBox.w, titleBox.h}, title,
                 {m.px(48), m.px(30), true, palette.text, Align::Start, Align::Start});
        out.text("slide-text", {sentenceBox.x, sentenceBox.y + shift, sentenceBox.w, sentenceBox.h - shift},
                 text, {m.px(28), m.minBodyPx(), false, palette.text, Align::Start, Align::Start});
    }

    const int callW = (calls.w - (callColumns - 1) * callGap) / std::max(1, callColumns);
    for (int i = 0; i < languageCount; ++i) {
        const std::string& language = pack.languages[static_cast<std::size_t>(i)];
        const Rect cell{calls.x + (i % callColumns) * (callW + callGap),
                        calls.y + (i / callColumns) * (callHeight + callGap), callW, callHeight};
        out.setLanguage(language);
        out.button({ActionKind::Begin, i}, cell, pack.uiText("touch_to_begin", language),
                   ButtonStyle::Primary, false, 48, m.px(22));
    }
    out.setLanguage(lang);

    // Where in the loop we are: small dots, centred above the calls, one a slide shown today.
    const int count = static_cast<int>(shown.size());
    const int dotsW = count * (dot + m.px(6));
    int x = (W - dotsW) / 2;
    const int dotsY = calls.y - m.gap() - dot;
    for (const int i : shown) {
        out.box({x, dotsY, dot, dot}, i == view.item ? palette.text : palette.mutedText, dot / 2);
        x += dot + m.px(6);
    }
    return 1;
}

}  // namespace kiosk::screens
