// One engagement count as the kiosk keeps it: an hour bucket, a metric from a fixed list, a subject made of
// ids from the pack, and an integer. Nothing else can be counted, so nothing typed and nobody can be.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace kiosk {

// Every metric there is (README, "What the kiosk counts"). Subjects are "" or ids joined by ':'.
namespace metric {
inline constexpr std::string_view kVisit = "visit";               // a touch out of the attract loop
inline constexpr std::string_view kVisitMs = "visit_ms";          // how long visits lasted
inline constexpr std::string_view kVisitRead = "visit_read";      // visits that read something
inline constexpr std::string_view kVisitAct = "visit_act";        // visits that reached an action
inline constexpr std::string_view kVisitPledge = "visit_pledge";  // visits that started a pledge
inline constexpr std::string_view kVisitStored = "visit_stored";  // visits in which a pledge was stored
inline constexpr std::string_view kLanguage = "language";         // visits that used the language (subject)
inline constexpr std::string_view kScreen = "screen";             // views of a screen (subject)
inline constexpr std::string_view kScreenMs = "screen_ms";        // time on it
inline constexpr std::string_view kQr = "qr";       // a QR code shown (subject: where, for what)
inline constexpr std::string_view kQrMs = "qr_ms";  // for how long
inline constexpr std::string_view kPledgeStarted = "pledge_started";      // subject: action
inline constexpr std::string_view kPledgeAbandoned = "pledge_abandoned";  // subject: action:field reached
inline constexpr std::string_view kPledgeStored = "pledge_stored";        // subject: action
inline constexpr std::array<std::string_view, 14> kAll = {
    kVisit,  kVisitMs,  kVisitRead, kVisitAct, kVisitPledge,   kVisitStored,     kLanguage,
    kScreen, kScreenMs, kQr,        kQrMs,     kPledgeStarted, kPledgeAbandoned, kPledgeStored};
}  // namespace metric

struct EngagementCount {
    std::string day;  // local date of the kiosk, "YYYY-MM-DD"
    int hour = 0;     // local hour, 0-23
    std::string metric;
    std::string subject;
    std::int64_t value = 0;
};

// A count as a kiosk keeps and sends it: the batch that carries it to the coordinator ("" while still
// counting; then 32 random hex digits, the same in every bundle that carries it) and the kiosk it is of.
struct StoredCount {
    std::string batch;
    std::string kioskId;
    EngagementCount count;
};

// Where a count falls: the kiosk's local date and hour.
struct HourBucket {
    std::string day;
    int hour = 0;
};

// Whether a count may be kept: a known metric, a subject of ids only ([a-z0-9_-] joined by ':', at most 128
// bytes), a date "YYYY-MM-DD", an hour 0-23 and a value of zero or more. Stores and importers refuse the
// rest, so a bug upstream can never turn a count into a channel for text.
bool isKeepableCount(const EngagementCount& count);
bool isCountSubject(std::string_view subject);

}  // namespace kiosk
