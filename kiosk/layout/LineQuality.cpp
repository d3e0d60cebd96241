// Typographic hints for reviewers of translations: lines a careful typesetter would avoid.
#include "layout/LineQuality.h"

#include "layout/LineBreaker.h"

namespace kiosk::layout {

bool hasLonelyLastLine(const TextBlock& block) {
    for (const WrappedLine& line : block.lines) {
        if (!line.endsParagraph || line.indexInParagraph == 0 || line.text.empty()) continue;
        // No opportunity inside means one unbreakable unit: a word, or a Chinese character with its
        // punctuation.
        if (findLineBreaks(line.text, block.font.language).empty()) return true;
    }
    return false;
}

}  // namespace kiosk::layout
