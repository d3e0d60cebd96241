// What the kiosk knows about the moment of a pledge: a fresh uuid, the UTC time and how far to trust it.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace kiosk::pledge {

struct CaptureFacts {
    std::string uuid;          // random v4
    std::string createdAtUtc;  // "YYYY-MM-DDTHH:MM:SSZ"
    bool clockSynced = false;
    std::string bootId;
    std::int64_t monotonicMs = 0;
};

// Reads the system: randombytes_buf, the real-time clock, ntp_adjtime, boot_id and CLOCK_MONOTONIC.
CaptureFacts captureFacts();

// A random (version 4) uuid, lower-case hex with dashes.
std::string newUuidV4();
// "YYYY-MM-DDTHH:MM:SSZ".
std::string utcTimestamp(std::chrono::system_clock::time_point time);
// Whether NTP has set the clock: systemd-timesyncd's flag file, or the kernel's STA_UNSYNC bit clear.
bool systemClockSynchronised();
// This boot's id from /proc/sys/kernel/random/boot_id, or empty where there is none.
std::string readBootId();
std::int64_t monotonicMillis();

}  // namespace kiosk::pledge
