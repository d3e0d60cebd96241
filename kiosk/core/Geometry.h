// Points, sizes, rectangles and colours in screen pixels: the vocabulary every other module speaks.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace kiosk {

struct Point {
    int x = 0;
    int y = 0;
    friend bool operator==(const Point&, const Point&) = default;
};

struct Size {
    int w = 0;
    int h = 0;
    friend bool operator==(const Size&, const Size&) = default;
};

struct Rect {
    int x = 0;
    int y = 0;
    int w = 0;
    int h = 0;

    int right() const { return x + w; }
    int bottom() const { return y + h; }
    Point center() const { return {x + w / 2, y + h / 2}; }
    bool contains(Point p) const { return p.x >= x && p.x < right() && p.y >= y && p.y < bottom(); }
    bool containsRect(const Rect& r) const {
        return r.x >= x && r.y >= y && r.right() <= right() && r.bottom() <= bottom();
    }
    Rect inset(int d) const { return {x + d, y + d, w - 2 * d, h - 2 * d}; }
    friend bool operator==(const Rect&, const Rect&) = default;
};

struct Color {
    std::uint8_t r = 0;
    std::uint8_t g = 0;
    std::uint8_t b = 0;
    std::uint8_t a = 255;
    friend bool operator==(const Color&, const Color&) = default;
};

// "#rrggbb" or "#rrggbbaa"; nullopt for anything else.
std::optional<Color> parseHexColor(std::string_view text);

// WCAG 2.x contrast ratio between two opaque colours, 1.0 to 21.0.
double contrastRatio(Color a, Color b);

}  // namespace kiosk
