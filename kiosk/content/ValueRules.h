// The pack's rules for single values: ids, form keys and kinds, language codes, timeline dates, URLs and
// theme colours.
#pragma once

#include "core/Geometry.h"
#include "pledge/Form.h"

#include <compare>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::content {

// [a-z0-9-]+
bool isValidId(std::string_view id);
// A readable id close to `text`: lower case, other characters turned into "-".
std::string suggestId(std::string_view text);

// [a-z0-9_-]+: ids of form fields and consents, and the stored values of choices. They become keys and
// values in pledge records and CSV columns, so they stay plain; labels are what people see.
bool isValidFormKey(std::string_view key);

// "text", "email", "phone" or "choice".
std::optional<pledge::FieldKind> parseFieldKind(std::string_view text);

// Two or three lower-case letters, optionally followed by "-" subtags: "en", "zh-hans".
bool isValidLanguageCode(std::string_view code);

// "YYYY", "YYYY-MM" or "YYYY-MM-DD"; a missing month or day is 0, so a year sorts before its months.
struct TimelineDate {
    int year = 0;
    int month = 0;
    int day = 0;
    friend auto operator<=>(const TimelineDate&, const TimelineDate&) = default;
};
std::optional<TimelineDate> parseTimelineDate(std::string_view text);

// URLs become QR codes a person scans at 50 cm, so they stay short.
inline constexpr std::size_t kMaxUrlBytes = 300;
// What is wrong with `url` and how to fix it, or nullopt when it is a usable https URL.
std::optional<std::string> urlProblem(std::string_view url);

// Exactly "#rrggbb" (themes are opaque).
std::optional<Color> parseThemeColor(std::string_view text);

}  // namespace kiosk::content
