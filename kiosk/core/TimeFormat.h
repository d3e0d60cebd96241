// One way to write a moment as text (strftime over gmtime_r or localtime_r), for every module that stamps or
// shows a time.
#pragma once

#include <ctime>
#include <string>

namespace kiosk {

// `pattern` is strftime's; the result is cut at 63 bytes, more than any stamp here needs.
std::string formatUtc(std::time_t when, const char* pattern);
std::string formatLocal(std::time_t when, const char* pattern);

}  // namespace kiosk
