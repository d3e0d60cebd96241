// The pack's rules for single values: ids, form keys, language codes, timeline dates, URLs and
// theme colours.
#pragma once

#include "core/Geometry.h"

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

// How long a text may be, in characters, a Chinese, Japanese or Korean character counting two (it is
// drawn twice as wide). Above `warnAbove` the validator warns (some sizes wrap it onto more lines, or cut
// it in a preview); above `refuseAbove` it refuses, because the layouts are only tested up to there.
// docs/pack-format.md lists them.
struct TextLimit {
    std::size_t warnAbove = 0;
    std::size_t refuseAbove = 0;
};
inline constexpr TextLimit kTitleLimit{60, 120};  // titles: pack, slides, sections, entries, actions, credits
inline constexpr TextLimit kNameLimit{40, 60};    // a case's name (the profile's header) and country
inline constexpr TextLimit kLabelLimit{40, 80};   // form field and option labels, the sign button
inline constexpr TextLimit kButtonLimit{24, 40};  // [ui] words on buttons and tabs
inline constexpr TextLimit kSentenceLimit{250, 500};  // slide texts, case summaries, consents, [ui] sentences
inline constexpr TextLimit kPagedLimit{8000, 20000};  // texts that turn pages: stories, notices, credits
inline constexpr TextLimit kKeyLimit{4, 6};           // the keyboard's mode keys ("123")

// The length `TextLimit` counts.
std::size_t displayLength(std::string_view utf8);

// How many of each list a pack may hold: the screens page or scroll through any number up to these, and
// the tests run at them.
inline constexpr std::size_t kMaxSlides = 30;
inline constexpr std::size_t kMaxSections = 30;
inline constexpr std::size_t kMaxTimelineEntries = 100;
inline constexpr std::size_t kMaxCases = 40;
inline constexpr std::size_t kMaxActions = 20;
inline constexpr std::size_t kMaxFields = 10;
inline constexpr std::size_t kMaxConsents = 5;
inline constexpr std::size_t kMaxOptions = 20;

// Exactly "#rrggbb" (themes are opaque).
std::optional<Color> parseThemeColor(std::string_view text);

}  // namespace kiosk::content
