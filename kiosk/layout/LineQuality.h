// Typographic hints for reviewers of translations: lines a careful typesetter would avoid.
#pragma once

#include "layout/TextLayout.h"

namespace kiosk::layout {

// True when a paragraph of 2+ lines ends on a line holding one word (Latin, Tamil) or one character
// (Chinese), i.e. a line with no break opportunity inside it, in the block's language.
bool hasLonelyLastLine(const TextBlock& block);

}  // namespace kiosk::layout
