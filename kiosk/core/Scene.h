// What one screen shows, as plain data: widgets with rectangles, wrapped text, images and QR payloads.
// Screens build it, the renderer draws it, hit-testing and `kiosk play` read it.
#pragma once

#include "core/Action.h"
#include "core/Geometry.h"

#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

enum class WidgetKind { Box, Text, Button, Image, Qr };

struct TextStyle {
    std::string language;  // picks the font chain and the shaping script
    int px = 24;
    bool bold = false;
    Color color;
    friend bool operator==(const TextStyle&, const TextStyle&) = default;
};

// One line of already wrapped text, its left edge and baseline-independent top in screen pixels.
struct TextLine {
    std::string text;
    Point origin;
    int width = 0;
    friend bool operator==(const TextLine&, const TextLine&) = default;
};

struct Widget {
    std::string id;  // stable for anything tappable (`kiosk play` taps by id); empty for decoration
    Action action;   // what a tap does (tappable widgets); `id` is its name (screens/ActionIds.h)
    WidgetKind kind = WidgetKind::Box;
    Rect rect;
    Color fill{0, 0, 0, 0};
    Color stroke{0, 0, 0, 0};  // outline, e.g. of a secondary button
    int cornerRadius = 0;
    std::string text;  // the whole text, unwrapped (for `dump` and `expect text`)
    std::vector<TextLine> lines;
    TextStyle style;
    std::string image;       // absolute path, for Image
    Color tint{0, 0, 0, 0};  // Image: when opaque, its white shapes are drawn in this colour (icons)
    std::string qr;          // payload, for Qr
    bool tappable = false;
    bool selected = false;  // e.g. the current language
    bool focused = false;   // keyboard focus, drawn as a ring
    // Every field: the renderer skips drawing a scene equal to the one it drew last.
    friend bool operator==(const Widget&, const Widget&) = default;
};

// Something a person would notice: text that overflows, a missing glyph, an image that did not load.
struct SceneProblem {
    std::string widgetId;
    std::string what;
};

struct Scene {
    Color background;
    std::vector<Widget> widgets;
    int pageCount = 1;  // pages of the current item, known once text is laid out
    std::vector<SceneProblem> problems;
    // Text that fits but reads badly (a paragraph ending on one lonely word or character): for reviewers.
    std::vector<SceneProblem> hints;

    const Widget* find(std::string_view id) const;
    // The topmost tappable widget under a point.
    const Widget* hit(Point p) const;
};

}  // namespace kiosk
