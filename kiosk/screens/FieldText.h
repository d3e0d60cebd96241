// What part of a typed value an input box shows, with the caret always in view, and where a tap in the box
// puts the caret: one place for both, so the picture and a tap cannot disagree.
#pragma once

#include "core/Scene.h"
#include "layout/TextMeasurer.h"

#include <cstddef>
#include <optional>
#include <string>

namespace kiosk::screens {

// The part shown: value's bytes [begin, end), with "…" before it when begin > 0 and after it when end is
// short of the value's end.
struct FieldWindow {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::string shown;  // the text drawn, ellipses included
};

inline constexpr const char* kFieldEllipsis = "…";

// The longest part of `value` that fits `width` with `caret` (a byte offset) in it: the value's tail when the
// caret is there, else from the caret on.
FieldWindow fieldWindow(const std::string& value, std::size_t caret, int width, const layout::FontSpec& font,
                        layout::TextMeasurer& measurer);

// The x of the caret at byte `caret` of the value, from the shown text's left edge.
int caretX(const std::string& value, const FieldWindow& window, std::size_t caret,
           const layout::FontSpec& font, layout::TextMeasurer& measurer);

// Where a tap at `x` (screen pixels) in a drawn input box puts the caret: the character boundary nearest
// to it, as a byte offset into the value. Nothing when the widget shows no typed text.
std::optional<std::size_t> caretOffsetAt(const Widget& field, int x, layout::TextMeasurer& measurer);

}  // namespace kiosk::screens
