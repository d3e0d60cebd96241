// The content pack as the kiosk uses it: every text a language map, every path inside the pack.
// Loaded and checked by PackLoader; see docs/pack-format.md for the files it comes from.
#pragma once

#include "core/Calendar.h"
#include "core/Geometry.h"
#include "form/Form.h"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::content {

// A text in every language the pack offers: { en = "...", ms = "...", zh = "...", ta = "..." }.
struct LocalText {
    std::map<std::string, std::string> byLanguage;

    // The text in `language`, else in `fallback`, else empty.
    const std::string& in(const std::string& language, const std::string& fallback) const;
    bool empty() const { return byLanguage.empty(); }
};

// Which font family the theme uses for each writing system.
struct ThemeFonts {
    std::string latin = "Noto Sans";
    std::string han = "Noto Sans CJK SC";
    std::string tamil = "Noto Sans Tamil";
};

// The type scale and spacing, in design pixels: 1 px on the 7" 800x480 panel, scaled with the screen
// (screens/Metrics.h). docs/design.md explains each step; [theme.type] and [theme.space] may change them.
struct TypeScale {
    int title = 40;
    int heading = 28;
    int body = 22;     // labels, fields, tiles' and cards' words
    int reading = 28;  // what a passer-by reads: story, timeline, case and action text
    int minBody = 18;  // the smallest a text may shrink to while fitting its box
    int button = 20;
    int caption = 18;
};

struct Spacing {
    int margin = 16;
    int gap = 12;
    int bar = 60;          // header and footer
    int touchTarget = 52;  // >= 48 px (9 mm) on the 7" panel
};

struct Theme {
    Color background{0xfa, 0xf7, 0xf0, 255};
    Color surface{0xff, 0xff, 0xff, 255};
    Color text{0x1a, 0x1a, 0x1a, 255};
    Color mutedText{0x4a, 0x4a, 0x4a, 255};
    Color accent{0xff, 0xe6, 0x00, 255};      // Amnesty yellow: buttons
    Color accentText{0x1a, 0x1a, 0x1a, 255};  // text on accent
    ThemeFonts fonts;
    TypeScale type;
    Spacing space;
};

// When an item is shown (scheduled content): from `from` to `until`, both days included, by the kiosk's
// local date; unset ends are open. content/Schedule.h says how an unsynced clock is treated.
struct DateWindow {
    std::optional<LocalDate> from;
    std::optional<LocalDate> until;
    bool dated() const { return from || until; }
};

struct Slide {
    std::string id;
    int durationMs = 8000;
    LocalText title;
    LocalText text;
    std::string image;   // absolute path or empty
    std::string source;  // URL or empty
    DateWindow dates{};  // undated: always shown
};

struct StorySection {
    std::string id;
    LocalText title;
    LocalText text;  // paragraphs separated by a blank line
    std::string image;
    std::string source;
    DateWindow dates{};
};

struct TimelineEntry {
    std::string date;  // "YYYY", "YYYY-MM" or "YYYY-MM-DD"
    LocalText title;
    LocalText text;
    std::string image;
    std::string source;  // required
};

struct CaseProfile {
    std::string id;
    LocalText name;
    LocalText country;
    LocalText summary;
    LocalText story;
    LocalText whatYouCanDo;
    std::string image;
    std::string actionUrl;  // shown as a QR code
    std::vector<std::string> sources;
};

struct Action {
    std::string id;
    LocalText title;
    LocalText text;
    std::string url;  // the action's page, campaign-tagged
    std::string
        shortUrl;  // optional: the same page by a shorter link, for a QR code of fewer, larger modules
    // What the QR code carries: the short link when the pack gives one.
    const std::string& qrUrl() const { return shortUrl.empty() ? url : shortUrl; }
    // A pledge form signed on the kiosk. Every text holds every pack language: a missing translation is
    // filled in from the default language, as LocalText::in would show it.
    std::optional<form::Form> form;
    LocalText submitLabel;  // the form's sign button; set when `form` is
    DateWindow dates{};
};

struct Source {
    LocalText label;
    std::string url;
};

struct Credits {
    LocalText title;
    LocalText text;
    std::vector<Source> sources;
};

// One of home's four ways in: a picture and a one-line teaser under its name (both optional).
struct HomeTile {
    std::string image;  // absolute path or empty
    LocalText teaser;
};

// The keys of [home]: one tile each.
inline const std::vector<std::string> kHomeTiles = {"story", "timeline", "cases", "act"};

struct Pack {
    std::filesystem::path root;
    std::string id;
    std::string version;
    LocalText title;
    std::vector<std::string> languages;  // the first is the default
    std::string defaultLanguage;
    std::map<std::string, std::string> languageNames;      // each in its own script: ta = "தமிழ்"
    std::map<std::string, std::string> translationStatus;  // e.g. ms = "awaiting native review"
    std::map<std::string, LocalText> ui;  // chrome strings: kRequiredUiStrings, kPledgeUiStrings
    Theme theme;
    std::vector<Slide> slides;
    std::vector<StorySection> story;
    std::vector<TimelineEntry> timeline;
    std::vector<CaseProfile> cases;
    std::vector<Action> actions;
    Credits credits;
    std::map<std::string, HomeTile> home;  // by kHomeTiles key; absent tiles show their name alone

    // A UI string in `language`, from the pack or else built in (content/BuiltinStrings.h), falling back to
    // the default language, or the key itself.
    std::string uiText(const std::string& key, const std::string& language) const;
};

// The chrome strings every pack must translate.
inline const std::vector<std::string> kRequiredUiStrings = {
    "touch_to_begin", "nav_story",   "nav_timeline", "nav_cases", "nav_act",  "back",
    "home",           "scan_to_act", "credits",      "next",      "previous", "language",
};

// The chrome strings of the pledge screens, required once any action has a form. "still_there_text" holds
// "{seconds}", which the kiosk replaces with the countdown.
inline const std::vector<std::string> kPledgeUiStrings = {
    "pledge_sign", "submit",         "cancel",      "thanks_title",      "thanks_text",
    "reference",   "share",          "done",        "still_there",       "still_there_text",
    "continue",    "already_signed", "save_failed", "save_failed_final", "not_collecting",
};

}  // namespace kiosk::content
