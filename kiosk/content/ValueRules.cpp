// Checks for single values; each problem message ends with what to do.
#include "content/ValueRules.h"

#include "core/Utf8.h"
#include "qr/QrCode.h"

#include <algorithm>

namespace kiosk::content {

namespace {
bool isLower(char c) {
    return c >= 'a' && c <= 'z';
}
bool isDigit(char c) {
    return c >= '0' && c <= '9';
}
bool isAlnum(char c) {
    return isLower(c) || isDigit(c) || (c >= 'A' && c <= 'Z');
}

std::optional<int> digits(std::string_view text) {
    if (text.empty()) return std::nullopt;
    int value = 0;
    for (const char c : text) {
        if (!isDigit(c)) return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

int daysInMonth(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[month - 1];
}
}  // namespace

bool isValidId(std::string_view id) {
    return !id.empty() &&
           std::all_of(id.begin(), id.end(), [](char c) { return isLower(c) || isDigit(c) || c == '-'; });
}

std::string suggestId(std::string_view text) {
    std::string out;
    for (const char c : text) {
        const char lower = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
        if (isLower(lower) || isDigit(lower))
            out += lower;
        else if (!out.empty() && out.back() != '-')
            out += '-';
    }
    while (!out.empty() && out.back() == '-')
        out.pop_back();
    return out.empty() ? "my-id" : out;
}

bool isValidFormKey(std::string_view key) {
    return !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
        return isLower(c) || isDigit(c) || c == '-' || c == '_';
    });
}

bool isValidLanguageCode(std::string_view code) {
    const auto dash = code.find('-');
    const auto primary = code.substr(0, dash);
    if (primary.size() < 2 || primary.size() > 3 || !std::all_of(primary.begin(), primary.end(), isLower))
        return false;
    if (dash == std::string_view::npos) return true;
    std::string_view rest = code.substr(dash + 1);
    while (true) {
        const auto next = rest.find('-');
        const auto subtag = rest.substr(0, next);
        if (subtag.size() < 2 || subtag.size() > 8 || !std::all_of(subtag.begin(), subtag.end(), isAlnum))
            return false;
        if (next == std::string_view::npos) return true;
        rest = rest.substr(next + 1);
    }
}

std::optional<TimelineDate> parseTimelineDate(std::string_view text) {
    if (text.size() != 4 && text.size() != 7 && text.size() != 10) return std::nullopt;
    TimelineDate date;
    const auto year = digits(text.substr(0, 4));
    if (!year) return std::nullopt;
    date.year = *year;
    if (text.size() >= 7) {
        const auto month = digits(text.substr(5, 2));
        if (text[4] != '-' || !month || *month < 1 || *month > 12) return std::nullopt;
        date.month = *month;
    }
    if (text.size() == 10) {
        const auto day = digits(text.substr(8, 2));
        if (text[7] != '-' || !day || *day < 1 || *day > daysInMonth(date.year, date.month))
            return std::nullopt;
        date.day = *day;
    }
    return date;
}

std::optional<std::string> urlProblem(std::string_view url) {
    constexpr std::string_view kScheme = "https://";
    const auto quoted = [&] {
        // Long URLs are cut in messages so the line stays readable.
        return "\"" + std::string(url.substr(0, 60)) + (url.size() > 60 ? "...\"" : "\"");
    };
    if (url.substr(0, 7) == "http://")
        return "URL " + quoted() + " is not secure; use https://" + std::string(url.substr(7, 60));
    if (url.substr(0, kScheme.size()) != kScheme)
        return "URL " + quoted() + " must start with https://; use https://...";
    if (url.size() > kMaxUrlBytes)
        return "URL " + quoted() + " is " + std::to_string(url.size()) + " bytes; use a URL of at most " +
               std::to_string(kMaxUrlBytes) + " bytes (a shorter link) so its QR code stays scannable";
    if (std::any_of(url.begin(), url.end(), [](char c) { return static_cast<unsigned char>(c) <= 0x20; }))
        return "URL " + quoted() + " contains a space or control character; write spaces as %20";
    const auto host = url.substr(kScheme.size());
    if (host.empty() || host.front() == '/') return "URL " + quoted() + " has no host; use https://host/path";
    // Checked by length rather than by encoding it (a QR code a URL was most of a pack's loading time).
    static_assert(kMaxUrlBytes <= qr::kMaxBytesLevelM, "every URL short enough to show must fit a QR code");
    return std::nullopt;
}

std::size_t displayLength(std::string_view utf8) {
    std::size_t length = 0;
    for (std::size_t pos = 0; pos < utf8.size();) {
        const char32_t c = nextCodePoint(utf8, pos);
        const bool wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
                          (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
                          (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
                          (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
        length += wide ? 2 : 1;
    }
    return length;
}

std::optional<Color> parseThemeColor(std::string_view text) {
    if (text.size() != 7) return std::nullopt;
    return parseHexColor(text);
}

}  // namespace kiosk::content
