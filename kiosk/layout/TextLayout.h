// Wrapping text into lines that fit a width, and stacking paragraphs into a block.
#pragma once

#include "core/Geometry.h"
#include "layout/TextMeasurer.h"

#include <string>
#include <string_view>
#include <vector>

namespace kiosk::layout {

struct WrappedLine {
    std::string text;  // without the trailing spaces and newline it was broken at
    int width = 0;     // measured width of `text`
    // Where the line sits in its paragraph (a newline also ends one), for widow and lonely-line checks.
    int indexInParagraph = 0;
    bool endsParagraph = true;
    // Ends inside a word because that word alone is wider than the box (the wrap overflowed here).
    bool cutInsideWord = false;
};

// Lines of one paragraph, filled greedily at UAX #14 break opportunities; newlines force a break. A run
// that cannot fit even alone (a long word or URL) is cut between character clusters and sets *overflow.
std::vector<WrappedLine> wrapText(std::string_view utf8, int maxWidth, const FontSpec& font,
                                  TextMeasurer& measurer, bool* overflow = nullptr);

struct TextBlock {
    std::vector<WrappedLine> lines;
    std::vector<int> lineTops;  // y of each line's top, from the block's top
    int height = 0;             // from the first line's top to the last line's bottom
    FontSpec font;
    bool overflow = false;  // some text is wider or the block taller than its box
    // paginate: the page ends inside a sentence (cut between lines, the sentence being longer than the
    // page's lower part), not where a sentence, a paragraph or the text ends.
    bool endsMidSentence = false;
};

// Paragraphs are separated by blank lines; a single newline breaks a line within a paragraph.
std::vector<std::string_view> splitParagraphs(std::string_view utf8);

// Space between paragraphs: about half a line.
int paragraphGap(int lineHeight);

// Every paragraph wrapped to box.w and stacked with paragraph gaps; overflow when wider or taller than box.
TextBlock layoutParagraphs(std::string_view utf8, Size box, FontSpec font, TextMeasurer& measurer);

}  // namespace kiosk::layout
