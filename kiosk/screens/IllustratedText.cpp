// A heading, an optional illustration and paged paragraphs: the body of the story and timeline screens.
#include "screens/IllustratedText.h"

namespace kiosk::screens {

int buildIllustratedText(SceneWriter& out, Rect body, const std::string& idPrefix, const std::string& heading,
                         const std::string& text, const std::string& image, int page) {
    const Metrics& m = out.metrics();
    const Palette& palette = out.palette();
    Rect textArea = body;
    if (!image.empty()) {
        if (m.portrait()) {
            const int h = body.h / 4;
            out.image(idPrefix + "-image", {body.x, body.y, body.w, h}, image);
            textArea = {body.x, body.y + h + m.gap(), body.w, body.h - h - m.gap()};
        } else {
            const int w = body.w * 3 / 10;
            out.image(idPrefix + "-image", {body.right() - w, body.y, w, body.h}, image);
            textArea = {body.x, body.y, body.w - w - m.gap() * 2, body.h};
        }
    }
    // The heading wraps (shrinking a little first); what is left, at least three lines, holds the text.
    const int leave = out.lineHeight(m.bodyPx()) * 3;
    const int used =
        out.heading(idPrefix + "-heading", {textArea.x, textArea.y, textArea.w, textArea.h - leave}, heading,
                    {m.headingPx(), m.minBodyPx(), true, palette.text});
    const int top = textArea.y + used + m.gap();
    return out.pagedText(idPrefix + "-text", {textArea.x, top, textArea.w, textArea.bottom() - top}, text,
                         {m.bodyPx(), 0, false, palette.text, Align::Start, Align::Start}, page);
}

}  // namespace kiosk::screens
