// Reading the moment of capture from the system, for PledgeRecord's clear columns.
#include "pledge/CaptureFacts.h"

#include "core/TimeFormat.h"

#include <array>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sodium.h>
#include <sys/timex.h>

namespace kiosk::pledge {

std::string newUuidV4() {
    std::array<unsigned char, 16> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0F) | 0x40);  // version 4
    bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3F) | 0x80);  // RFC 4122 variant
    static constexpr char hex[] = "0123456789abcdef";
    std::string uuid;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) uuid.push_back('-');
        uuid.push_back(hex[bytes[i] >> 4]);
        uuid.push_back(hex[bytes[i] & 0x0F]);
    }
    return uuid;
}

std::string utcTimestamp(std::chrono::system_clock::time_point time) {
    return formatUtc(std::chrono::system_clock::to_time_t(time), "%Y-%m-%dT%H:%M:%SZ");
}

bool systemClockSynchronised() {
    std::error_code ignored;
    if (std::filesystem::exists("/run/systemd/timesync/synchronized", ignored)) return true;
    timex state{};  // modes 0: read only
    const int clockState = ntp_adjtime(&state);
    return clockState != -1 && clockState != TIME_ERROR && (state.status & STA_UNSYNC) == 0;
}

std::string readBootId() {
    std::ifstream file("/proc/sys/kernel/random/boot_id");
    std::string id;
    std::getline(file, id);
    return id;
}

std::int64_t monotonicMillis() {
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return static_cast<std::int64_t>(now.tv_sec) * 1000 + now.tv_nsec / 1'000'000;
}

CaptureFacts captureFacts() {
    return {newUuidV4(), utcTimestamp(std::chrono::system_clock::now()), systemClockSynchronised(),
            readBootId(), monotonicMillis()};
}

}  // namespace kiosk::pledge
