// strftime with the buffer and the broken-down time kept in one place.
#include "core/TimeFormat.h"

namespace kiosk {

namespace {
std::string format(const std::tm& parts, const char* pattern) {
    char text[64];
    const std::size_t length = std::strftime(text, sizeof text, pattern, &parts);
    return std::string(text, length);
}
}  // namespace

std::string formatUtc(std::time_t when, const char* pattern) {
    std::tm parts{};
    gmtime_r(&when, &parts);
    return format(parts, pattern);
}

std::string formatLocal(std::time_t when, const char* pattern) {
    std::tm parts{};
    localtime_r(&when, &parts);
    return format(parts, pattern);
}

}  // namespace kiosk
