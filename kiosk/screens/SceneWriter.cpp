// Turning laid-out text, buttons, images and QR codes into scene widgets, and noting what a person would see
// wrong.
#include "screens/SceneWriter.h"

#include "core/Utf8.h"
#include "layout/LineBreaker.h"
#include "layout/Pagination.h"
#include "layout/TextFit.h"
#include "layout/TextLayout.h"

#include <algorithm>
#include <cstdio>

namespace kiosk::screens {

namespace {
std::string codePointList(const std::u32string& missing) {
    std::string out;
    for (std::size_t i = 0; i < missing.size() && i < 8; ++i) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%sU+%04X", i ? " " : "", static_cast<unsigned>(missing[i]));
        out += buf;
    }
    return out;
}

int alignedX(Rect box, int width, Align align) {
    switch (align) {
    case Align::Start:
        return box.x;
    case Align::Center:
        return box.x + (box.w - width) / 2;
    case Align::End:
        return box.right() - width;
    }
    return box.x;
}
}  // namespace

SceneWriter::SceneWriter(Scene& scene, const Metrics& metrics, std::string language,
                         layout::TextMeasurer& text, ImageMeasurer& images, const Palette& palette)
    : scene_(scene), metrics_(metrics), language_(std::move(language)), text_(text), images_(images),
      palette_(palette) {}

void SceneWriter::problem(std::string widgetId, std::string what) {
    scene_.problems.push_back({std::move(widgetId), std::move(what)});
}

void SceneWriter::hintIfLonely(const std::string& id, const layout::TextBlock& block) {
    for (const auto& line : block.lines) {
        if (!line.endsParagraph || line.indexInParagraph == 0 || line.text.empty()) continue;
        if (!layout::findLineBreaks(line.text, block.font.language).empty()) continue;
        scene_.hints.push_back({id, "a paragraph ends on a lonely \"" + line.text + "\": reword it"});
        return;
    }
}

void SceneWriter::checkGlyphs(const std::string& id, std::string_view text, int px, bool bold) {
    const auto missing = text_.missingGlyphs(text, {language_, px, bold});
    if (!missing.empty())
        problem(id, "no glyph for " + codePointList(missing) + " in \"" + std::string(text) + "\"");
}

namespace {
Widget textWidget(std::string id, Rect box, std::string_view text, const layout::TextBlock& block,
                  const TextOptions& options, const std::string& language) {
    Widget w;
    w.id = std::move(id);
    w.kind = WidgetKind::Text;
    w.rect = box;
    w.text = std::string(text);
    w.style = {language, block.font.px, options.bold, options.color};
    int top = box.y;
    if (options.verticalAlign == Align::Center) top += std::max(0, (box.h - block.height) / 2);
    if (options.verticalAlign == Align::End) top += std::max(0, box.h - block.height);
    for (std::size_t i = 0; i < block.lines.size(); ++i) {
        const auto& line = block.lines[i];
        w.lines.push_back(
            {line.text, {alignedX(box, line.width, options.align), top + block.lineTops[i]}, line.width});
    }
    return w;
}
}  // namespace

int SceneWriter::text(std::string id, Rect box, std::string_view text, const TextOptions& options) {
    if (text.empty()) return 0;
    const layout::FontSpec font{language_, options.px, options.bold};
    layout::TextBlock block = options.minPx > 0
                                  ? layout::fitText(text, {box.w, box.h}, font, options.minPx, text_)
                                  : layout::layoutParagraphs(text, {box.w, box.h}, font, text_);
    if (id.empty()) id = "text@" + std::to_string(box.x) + "," + std::to_string(box.y);
    if (block.overflow)
        problem(id, "text overflows its " + std::to_string(box.w) + "x" + std::to_string(box.h) + " box");
    hintIfLonely(id, block);
    checkGlyphs(id, text, block.font.px, options.bold);
    scene_.widgets.push_back(textWidget(id, box, text, block, options, language_));
    return block.height;
}

layout::TextBlock SceneWriter::layoutHeading(std::string_view text, int width, const TextOptions& options,
                                             int maxLines, int maxHeight) {
    const layout::FontSpec font{language_, options.px, options.bold};
    const int minPx = options.minPx > 0 ? options.minPx : options.px;
    const Size lines{width, std::min(maxHeight, text_.lineHeight(font) * maxLines)};
    layout::TextBlock block = layout::fitText(text, lines, font, minPx, text_);
    if (block.overflow) {
        // Still too long for maxLines at the smallest size: wrap on at that size rather than run off.
        block = layout::layoutParagraphs(text, {width, 1 << 20}, {language_, minPx, options.bold}, text_);
    }
    return block;
}

int SceneWriter::headingHeight(std::string_view text, int width, const TextOptions& options, int maxLines,
                               int maxHeight) {
    if (text.empty()) return 0;
    return layoutHeading(text, width, options, maxLines, maxHeight).height;
}

int SceneWriter::heading(std::string id, Rect box, std::string_view text, const TextOptions& options,
                         int maxLines) {
    if (text.empty()) return 0;
    const layout::TextBlock block = layoutHeading(text, box.w, options, maxLines, box.h);
    if (id.empty()) id = "text@" + std::to_string(box.x) + "," + std::to_string(box.y);
    const Rect drawn{box.x, box.y, box.w, block.height};
    if (block.overflow || block.height > box.h)
        problem(id, "heading needs " + std::to_string(box.w) + "x" + std::to_string(block.height) +
                        " but has " + std::to_string(box.w) + "x" + std::to_string(box.h));
    hintIfLonely(id, block);
    checkGlyphs(id, text, block.font.px, options.bold);
    TextOptions aligned = options;
    aligned.verticalAlign = Align::Start;
    scene_.widgets.push_back(textWidget(id, drawn, text, block, aligned, language_));
    return block.height;
}

int SceneWriter::pagedText(std::string id, Rect box, std::string_view text, const TextOptions& options,
                           int page) {
    return pagedText(std::move(id), box, box, text, options, page);
}

int SceneWriter::pageCount(Size firstPage, Size otherPages, std::string_view text,
                           const TextOptions& options) {
    if (text.empty()) return 1;
    const auto pages = layout::paginate(text, firstPage, otherPages, {language_, options.px, options.bold},
                                        text_, options.extraPages);
    return std::max<int>(1, static_cast<int>(pages.size()));
}

SceneWriter::ReadingFit SceneWriter::fitReading(std::string_view text, Size firstPage, Size otherPages) {
    ReadingFit best{metrics_.readingPx(), 1, true};
    if (text.empty()) return best;
    // The sizes in the order they are preferred when they read as well in as many pages: the reading size,
    // smaller ones down to the least this screen allows, then a few larger ones (a line's length changed is
    // sometimes all a page needs to end at a sentence).
    std::vector<int> designs;
    for (int design = metrics_.type.reading; design >= metrics_.minReadingDesignPx(); --design)
        designs.push_back(design);
    for (int design = metrics_.type.reading + 1; design <= metrics_.type.reading + kReadingLargerPx; ++design)
        designs.push_back(design);
    // A page that ends mid-sentence or half empty costs as much as a page more.
    const auto cost = [](const ReadingFit& f) { return f.pages + (f.readsWell ? 0 : 1); };
    std::vector<int> tried;
    for (const int design : designs) {
        const int px = metrics_.px(design);
        if (std::find(tried.begin(), tried.end(), px) != tried.end()) continue;
        tried.push_back(px);  // measured widths are kept, so another size costs little
        const auto pages =
            layout::paginate(text, firstPage, otherPages, {language_, px, false}, text_, kReadingExtraPages);
        const ReadingFit fit{px, static_cast<int>(pages.size()),
                             layout::pagesReadWell(pages, firstPage, otherPages)};
        if (tried.size() == 1 || cost(fit) < cost(best) ||
            (cost(fit) == cost(best) && fit.readsWell && !best.readsWell))
            best = fit;
    }
    return best;
}

int SceneWriter::pagedText(std::string id, Rect firstPage, Rect otherPages, std::string_view text,
                           const TextOptions& options, int page) {
    if (text.empty()) return 1;
    const layout::FontSpec font{language_, options.px, options.bold};
    auto pages = layout::paginate(text, {firstPage.w, firstPage.h}, {otherPages.w, otherPages.h}, font, text_,
                                  options.extraPages);
    if (pages.empty()) return 1;
    // Past the last page wraps to the first (the privacy notice's page button cycles).
    const std::size_t index = static_cast<std::size_t>(std::max(0, page)) % pages.size();
    const auto& block = pages[index];
    const Rect box = index == 0 ? firstPage : otherPages;
    if (block.overflow) problem(id, "text overflows its " + std::to_string(box.w) + " px wide box");
    // docs/design.md "Reading": every page but a text's last is 70% full and ends where a sentence does.
    // Where it cannot, the writers hear of it (a screen that promises it reports a problem of its own).
    if (index + 1 < pages.size() && !block.lines.empty()) {
        const std::string where = "page " + std::to_string(index + 1) + " of " + std::to_string(pages.size());
        if (block.height * 100 < box.h * layout::kMinPageFillPercent)
            scene_.hints.push_back(
                {id, where + " is " + std::to_string(block.height * 100 / std::max(1, box.h)) +
                         "% full: its box, " + std::to_string(box.h) + " px high, holds too few lines of " +
                         std::to_string(options.px) + " px text"});
        if (block.endsMidSentence)
            scene_.hints.push_back({id, where + " ends mid-sentence, after \"" + block.lines.back().text +
                                            "\": a sentence longer than the page's lower part; split it"});
    }
    hintIfLonely(id, block);
    checkGlyphs(id, text, options.px, options.bold);
    Widget w = textWidget(id, box, text, block, options, language_);
    // `expect text` and `dump` see what is on this page, not the whole text.
    std::string shown;
    for (const auto& line : block.lines)
        shown += (shown.empty() ? "" : " ") + line.text;
    w.text = shown;
    scene_.widgets.push_back(std::move(w));
    return static_cast<int>(pages.size());
}

int SceneWriter::measure(std::string_view text, int px, bool bold) {
    return text_.width(text, {language_, px, bold});
}

int SceneWriter::lineHeight(int px, bool bold) {
    return text_.lineHeight({language_, px, bold});
}

std::string SceneWriter::idOf(const Action& action) const {
    return naming_ ? naming_(action) : std::string();
}

void SceneWriter::button(Action action, Rect box, std::string_view label, ButtonStyle style, bool selected,
                         int minWidth, int labelPx) {
    addButton(action, box, label, style, selected, minWidth, labelPx, "");
}

void SceneWriter::iconButton(Action action, Rect box, Icon icon, std::string_view label, ButtonStyle style,
                             bool selected, int minWidth, int labelPx) {
    const std::string file = iconPath(icon);
    if (images_.imageSize(file)) {
        addButton(action, box, label, style, selected, minWidth, labelPx, file);
        return;
    }
    // Without its icon the button still says what it does.
    const std::string standIn = iconStandIn(icon);
    const std::string text = label.empty()     ? standIn
                             : standIn.empty() ? std::string(label)
                                               : standIn + " " + std::string(label);
    addButton(action, box, text, style, selected, minWidth, labelPx, "");
}

namespace {
int iconSide(const Metrics& metrics, int labelPx) {
    return std::max(metrics.px(22), labelPx * 6 / 5);
}
}  // namespace

int SceneWriter::iconButtonWidth(std::string_view label, int labelPx) {
    const int px = labelPx > 0 ? labelPx : metrics_.buttonPx();
    const int textW = label.empty() ? 0 : measure(label, px, true) + metrics_.px(8);
    return std::max(metrics_.touchTarget(), iconSide(metrics_, px) + textW + metrics_.px(24));
}

void SceneWriter::addButton(Action action, Rect box, std::string_view label, ButtonStyle style, bool selected,
                            int minWidth, int labelPx, const std::string& iconFile) {
    Widget w;
    w.id = idOf(action);
    w.action = action;
    w.kind = WidgetKind::Button;
    w.rect = box;
    w.cornerRadius = metrics_.px(10);
    w.tappable = true;
    w.selected = selected;
    // Selected (the current language, the open tab) reads as "you are here": dark, not the yellow of "act".
    const bool filled = style == ButtonStyle::Primary && !selected;
    w.fill = selected                          ? palette_.text
             : filled                          ? palette_.accent
             : style == ButtonStyle::Secondary ? palette_.surface
                                               : Color{0, 0, 0, 0};
    const Color ink = selected ? palette_.surface : filled ? palette_.accentText : palette_.text;
    if (!filled && !selected) w.stroke = palette_.mutedText;
    w.text = std::string(label);
    const int pad = metrics_.px(10);
    const int px = labelPx > 0 ? labelPx : metrics_.buttonPx();
    const bool withIcon = !iconFile.empty();
    const int side = withIcon ? std::min(iconSide(metrics_, px), box.h - pad) : 0;
    const int iconGap = withIcon && !label.empty() ? metrics_.px(8) : 0;
    Rect inner{box.x + pad, box.y, box.w - 2 * pad, box.h};
    const layout::FontSpec font{language_, px, true};
    layout::TextBlock block;
    if (!label.empty()) {
        block =
            layout::fitText(label, {inner.w - side - iconGap, inner.h}, font, metrics_.minBodyPx(), text_);
        if (block.overflow)
            problem(w.id, "button label overflows its " + std::to_string(box.w) + " px wide button");
        checkGlyphs(w.id, label, block.font.px, true);
    }
    int textW = 0;
    for (const auto& line : block.lines)
        textW = std::max(textW, line.width);
    Rect iconRect;
    if (withIcon) {
        // Icon and label centred together as one group.
        const int groupW = side + iconGap + textW;
        const int left = inner.x + std::max(0, (inner.w - groupW) / 2);
        iconRect = {left, box.y + (box.h - side) / 2, side, side};
        inner = {left + side + iconGap, box.y, std::max(0, inner.right() - left - side - iconGap), box.h};
    }
    if (!label.empty()) {
        const Widget laid = textWidget(
            w.id, inner, label, block,
            {block.font.px, 0, true, ink, withIcon ? Align::Start : Align::Center, Align::Center}, language_);
        w.lines = laid.lines;
        w.style = laid.style;
    } else {
        w.style = {language_, px, true, ink};
    }
    if (box.h < metrics_.px(48) || box.w < metrics_.px(minWidth))
        problem(w.id,
                "touch target " + std::to_string(box.w) + "x" + std::to_string(box.h) + " is under 48 px");
    scene_.widgets.push_back(std::move(w));
    if (withIcon) {
        Widget icon;
        icon.kind = WidgetKind::Image;
        icon.rect = iconRect;
        icon.image = iconFile;
        icon.tint = ink;
        scene_.widgets.push_back(std::move(icon));
    }
}

Rect SceneWriter::image(std::string id, Rect box, const std::string& path, Align align) {
    if (path.empty() || box.w <= 0 || box.h <= 0) return {box.x, box.y, 0, 0};
    const auto natural = images_.imageSize(path);
    if (!natural || natural->w <= 0 || natural->h <= 0) {
        problem(id, "image failed to load: " + path);
        return {box.x, box.y, 0, 0};
    }
    const double scale =
        std::min(static_cast<double>(box.w) / natural->w, static_cast<double>(box.h) / natural->h);
    const int w = static_cast<int>(natural->w * scale);
    const int h = static_cast<int>(natural->h * scale);
    Widget widget;
    widget.id = std::move(id);
    widget.kind = WidgetKind::Image;
    widget.rect = {alignedX(box, w, align), box.y + (box.h - h) / 2, w, h};
    widget.image = path;
    scene_.widgets.push_back(widget);
    return widget.rect;
}

void SceneWriter::icon(Rect box, Icon icon, Color ink) {
    const std::string file = iconPath(icon);
    if (!images_.imageSize(file)) return;
    const int side = std::min(box.w, box.h);
    Widget w;
    w.kind = WidgetKind::Image;
    w.rect = {box.x + (box.w - side) / 2, box.y + (box.h - side) / 2, side, side};
    w.image = file;
    w.tint = ink;
    scene_.widgets.push_back(std::move(w));
}

void SceneWriter::qr(std::string id, Rect box, const std::string& payload) {
    const int side = std::min(box.w, box.h);
    Widget w;
    w.id = std::move(id);
    w.kind = WidgetKind::Qr;
    w.rect = {box.x + (box.w - side) / 2, box.y + (box.h - side) / 2, side, side};
    w.qr = payload;
    w.text = payload;
    w.fill = {255, 255, 255, 255};
    scene_.widgets.push_back(std::move(w));
}

void SceneWriter::box(Rect box, Color fill, int cornerRadius) {
    Widget w;
    w.kind = WidgetKind::Box;
    w.rect = box;
    w.fill = fill;
    w.cornerRadius = cornerRadius;
    scene_.widgets.push_back(std::move(w));
}

void SceneWriter::hotspot(Action action, Rect box) {
    Widget w;
    w.id = idOf(action);
    w.action = action;
    w.kind = WidgetKind::Box;
    w.rect = box;
    w.tappable = true;
    scene_.widgets.push_back(std::move(w));
}

}  // namespace kiosk::screens
