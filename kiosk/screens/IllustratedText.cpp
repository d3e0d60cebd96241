// A heading, an optional illustration and paged paragraphs: the body of the story and timeline screens.
#include "screens/IllustratedText.h"

namespace kiosk::screens {

namespace {
TextOptions headingOptions(SceneWriter& out) {
    const Metrics& m = out.metrics();
    return {m.headingPx(), m.minBodyPx(), true, out.palette().text};
}

// The heading wraps (shrinking a little first); what is left, at least three lines, holds the text.
int headingRoom(SceneWriter& out, Rect textArea) {
    return textArea.h - out.lineHeight(out.metrics().readingPx()) * 3;
}

struct IllustratedLayout {
    Rect image;                   // empty without an illustration
    Rect textArea;                // the first page's column: the heading, then the text
    int headingH = 0;             // as heading() draws it
    Rect firstText;               // the text's first page, under the heading
    SceneWriter::ReadingFit fit;  // the text's size and pages (SceneWriter::fitReading)
};

// The illustration takes `share` percent of the body's width beside the text (landscape) or of its height
// above it (portrait).
IllustratedLayout layOutWith(SceneWriter& out, Rect body, const std::string& heading,
                             const std::string& image, int share) {
    const Metrics& m = out.metrics();
    IllustratedLayout l;
    l.textArea = body;
    if (!image.empty()) {
        if (m.portrait()) {
            const int h = body.h * share / 100;
            l.image = {body.x, body.y, body.w, h};
            l.textArea = {body.x, body.y + h + m.gap(), body.w, body.h - h - m.gap()};
        } else {
            const int w = body.w * share / 100;
            l.image = {body.right() - w, body.y, w, body.h};
            l.textArea = {body.x, body.y, body.w - w - m.gap() * 2, body.h};
        }
    }
    l.headingH =
        out.headingHeight(heading, l.textArea.w, headingOptions(out), 2, headingRoom(out, l.textArea));
    const int top = l.textArea.y + l.headingH + m.gap();
    l.firstText = {l.textArea.x, top, l.textArea.w, l.textArea.bottom() - top};
    return l;
}

// The text's size for a layout: the fewest pages, then pages that read well, then the largest size.
IllustratedLayout fitted(SceneWriter& out, IllustratedLayout l, Rect body, const std::string& text) {
    l.fit = out.fitReading(text, {l.firstText.w, l.firstText.h}, {body.w, body.h});
    return l;
}

// The illustration gives way before the text takes another page or reads less well: it stands at the largest
// of a few sizes that reads in as few pages as the smallest, as well (a short timeline entry stays on one
// page beside its picture).
IllustratedLayout layOut(SceneWriter& out, Rect body, const std::string& heading, const std::string& text,
                         const std::string& image) {
    const bool portrait = out.metrics().portrait();
    const int shares[] = {portrait ? 25 : 30, portrait ? 20 : 24, portrait ? 15 : 18};
    const IllustratedLayout smallest =
        fitted(out, layOutWith(out, body, heading, image, shares[2]), body, text);
    if (image.empty()) return smallest;
    for (const int share : {shares[0], shares[1]}) {
        IllustratedLayout l = fitted(out, layOutWith(out, body, heading, image, share), body, text);
        if (l.fit.pages <= smallest.fit.pages && (l.fit.readsWell || !smallest.fit.readsWell)) return l;
    }
    return smallest;
}
}  // namespace

int illustratedTextPages(SceneWriter& out, Rect body, const std::string& heading, const std::string& text,
                         const std::string& image) {
    return layOut(out, body, heading, text, image).fit.pages;
}

int buildIllustratedText(SceneWriter& out, Rect body, const std::string& idPrefix, const std::string& heading,
                         const std::string& text, const std::string& image, int page) {
    const IllustratedLayout l = layOut(out, body, heading, text, image);
    const int pages = l.fit.pages;
    if (page % pages == 0) {
        if (!image.empty()) out.image(idPrefix + "-image", l.image, image);
        out.heading(idPrefix + "-heading",
                    {l.textArea.x, l.textArea.y, l.textArea.w, headingRoom(out, l.textArea)}, heading,
                    headingOptions(out));
    }
    return out.pagedText(idPrefix + "-text", l.firstText, body, text, out.readingOptions(l.fit), page);
}

}  // namespace kiosk::screens
