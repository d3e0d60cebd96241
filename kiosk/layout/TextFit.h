// Shrinking text until it fits its box, so a longer translation still shows whole.
#pragma once

#include "layout/TextLayout.h"

namespace kiosk::layout {

// Sizes tried below the preferred one, in pixels per step.
inline constexpr int kFitStepPx = 2;

// The layout at the largest size from preferred.px down to minPx (in kFitStepPx steps, minPx always tried)
// that fits the box; if none does, the minPx layout with overflow set.
TextBlock fitText(std::string_view utf8, Size box, FontSpec preferred, int minPx, TextMeasurer& measurer);

} // namespace kiosk::layout
