// Appends widgets to a scene: laid-out text (with overflow and missing-glyph checks), buttons, images, QR
// codes.
#pragma once

#include "core/ImageMeasurer.h"
#include "core/Scene.h"
#include "layout/TextLayout.h"
#include "layout/TextMeasurer.h"
#include "screens/Icons.h"
#include "screens/Metrics.h"

#include <functional>
#include <limits>
#include <string>
#include <string_view>

namespace kiosk::screens {

// The theme's colours, resolved for drawing.
struct Palette {
    Color background;
    Color surface;
    Color text;
    Color mutedText;
    Color accent;
    Color accentText;
};

enum class Align { Start, Center, End };

struct TextOptions {
    int px = 22;
    int minPx = 0;  // > 0: shrink down to this size before reporting overflow
    bool bold = false;
    Color color;
    Align align = Align::Start;
    Align verticalAlign = Align::Start;
    // pagedText and pageCount: pages that read well may take this many more than the fewest
    // (layout::paginate); fitReading's sizes use 1.
    int extraPages = 0;
};

enum class ButtonStyle { Primary, Secondary, Quiet };

class SceneWriter {
public:
    SceneWriter(Scene& scene, const Metrics& metrics, std::string language, layout::TextMeasurer& text,
                ImageMeasurer& images, const Palette& palette);

    // Wraps `text` into `box`; returns the height used. Overflow and tofu become scene problems.
    int text(std::string id, Rect box, std::string_view text, const TextOptions& options);
    // A heading or title wrapped to box.w: shrunk from options.px toward options.minPx to stay within
    // `maxLines` lines, then wrapped at minPx over as many lines as it needs. The widget's box is the text
    // drawn (so what is reported is what is seen); more than box.h is a problem. Returns the height drawn.
    int heading(std::string id, Rect box, std::string_view text, const TextOptions& options,
                int maxLines = 2);
    // How tall heading() would draw `text` at `width` (in a box `maxHeight` high).
    int headingHeight(std::string_view text, int width, const TextOptions& options, int maxLines = 2,
                      int maxHeight = std::numeric_limits<int>::max());
    // One page of paragraphs in `box` (a page past the last wraps round); returns how many pages the text
    // needs.
    int pagedText(std::string id, Rect box, std::string_view text, const TextOptions& options, int page);
    // The same with a first page of its own box (beside an illustration) and the others in `otherPages`.
    int pagedText(std::string id, Rect firstPage, Rect otherPages, std::string_view text,
                  const TextOptions& options, int page);
    // How many pages pagedText would give, drawing nothing.
    int pageCount(Size firstPage, Size otherPages, std::string_view text, const TextOptions& options);
    // The size reading text takes in these boxes (docs/design.md "Reading"): of the sizes from the reading
    // size down to Metrics::minReadingDesignPx, the one that reads in the fewest pages, then with every page
    // but the last ending where a sentence does and 70% full, then the largest.
    struct ReadingFit {
        int px = 0;
        int pages = 1;
        bool readsWell = true;  // layout::pagesReadWell
    };
    ReadingFit fitReading(std::string_view text, Size firstPage, Size otherPages);
    // The options to draw a text at fitReading's size.
    TextOptions readingOptions(const ReadingFit& fit) const {
        TextOptions options{fit.px, 0, false, palette_.text, Align::Start, Align::Start};
        options.extraPages = kReadingExtraPages;
        return options;
    }
    // Reading text may take a page more when its pages then read well.
    static constexpr int kReadingExtraPages = 1;
    // fitReading tries sizes up to this many design px over the reading size too.
    static constexpr int kReadingLargerPx = 4;
    // A tappable button with a centred label; at least one touch target high.
    // `minWidth` below 48 design px is for keyboard keys only (see Keyboard.h).
    void button(Action action, Rect box, std::string_view label, ButtonStyle style, bool selected = false,
                int minWidth = 48, int labelPx = 0);
    // The same with an icon before the label (or alone, centred, when the label is empty), drawn in the
    // label's ink. `label` is still the button's text for `dump`, `expect text` and screen readers.
    void iconButton(Action action, Rect box, Icon icon, std::string_view label, ButtonStyle style,
                    bool selected = false, int minWidth = 48, int labelPx = 0);
    // Width a button needs for an icon and a one-line label at the button size.
    int iconButtonWidth(std::string_view label, int labelPx = 0);
    // An image fitted inside `box` keeping its aspect ratio; a failed load is a scene problem.
    Rect image(std::string id, Rect box, const std::string& path, Align align = Align::Center);
    // A decorative icon in `ink`, centred in `box`; nothing when its file is missing.
    void icon(Rect box, Icon icon, Color ink);
    // A QR code, square, inside box; the renderer adds the quiet zone inside the square.
    void qr(std::string id, Rect box, const std::string& payload);
    void box(Rect box, Color fill, int cornerRadius = 0);
    // Invisible tappable area (e.g. "touch anywhere").
    void hotspot(Action action, Rect box);
    // A widget laid out by the caller (e.g. an input box showing the end of its value).
    void add(Widget widget) { scene_.widgets.push_back(std::move(widget)); }

    // Natural width of a one-line label at a size.
    int measure(std::string_view text, int px, bool bold = false);
    int lineHeight(int px, bool bold = false);

    const Metrics& metrics() const { return metrics_; }
    const Palette& palette() const { return palette_; }
    const std::string& language() const { return language_; }
    // Text in another language (e.g. a language's own name on the switch) is shaped with that language's
    // fonts.
    void setLanguage(std::string language) { language_ = std::move(language); }
    layout::TextMeasurer& measurer() { return text_; }
    void problem(std::string widgetId, std::string what);
    // How a tappable widget's action is named for `kiosk play` and the tests (screens/ActionIds.h).
    void nameActions(std::function<std::string(const Action&)> naming) { naming_ = std::move(naming); }
    std::string idOf(const Action& action) const;

private:
    // maxHeight: the box the heading must fit, so shrinking stops at the box and not only at maxLines.
    layout::TextBlock layoutHeading(std::string_view text, int width, const TextOptions& options,
                                    int maxLines, int maxHeight = std::numeric_limits<int>::max());
    void addButton(Action action, Rect box, std::string_view label, ButtonStyle style, bool selected,
                   int minWidth, int labelPx, const std::string& iconFile);
    void hintIfLonely(const std::string& id, const layout::TextBlock& block);
    void checkGlyphs(const std::string& id, std::string_view text, int px, bool bold);

    Scene& scene_;
    const Metrics& metrics_;
    std::string language_;
    layout::TextMeasurer& text_;
    ImageMeasurer& images_;
    const Palette& palette_;
    std::function<std::string(const Action&)> naming_;
};

}  // namespace kiosk::screens
