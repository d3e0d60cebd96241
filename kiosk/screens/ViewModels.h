// What the pledge, thanks and admin screens show beyond the content: the form being filled in, the
// keyboard's mode, messages, and the admin's figures. The controller owns the state; screens only read it.
#pragma once

#include "form/Form.h"
#include "form/FormState.h"
#include "reports/VolunteerReports.h"

#include <array>
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace kiosk::screens {

enum class KeyboardMode { Letters, Shifted, Symbols, PhonePad };

struct PledgeView {
    const form::Form* form = nullptr;
    const form::FormState* values = nullptr;
    const std::map<std::string, bool>* ticked = nullptr;
    std::string focusedField;  // empty: no keyboard, the privacy notice shows instead
    KeyboardMode keyboard = KeyboardMode::Letters;
    std::map<std::string, std::string> errors;  // field or consent id -> message in the current language
    std::string banner;                         // a polite failure or "already signed"
    int noticePage = 0;                         // the privacy notice's page, when it needs more than one
    bool stillThere = false;                    // the idle question with its countdown
    int countdownSeconds = 0;
};

struct ThanksView {
    std::string reference;  // the signer's reference code, the only thing of theirs ever shown
};

// Where pledges leave this kiosk for the coordinator.
enum class SyncRoute { Unknown, UsbOnly, Server };

struct AdminStatus {
    long long today = 0;
    long long total = 0;
    long long unsynced = 0;
    std::array<long long, 24> perHour{};
    std::string pack;                         // "stop-torture 1.0.0"
    std::optional<std::uintmax_t> freeBytes;  // room left on the SD card for pledges
    bool noDataDir = false;                   // no data_dir in the config: nowhere to measure
    std::string freeBytesError;               // why measuring failed (the system's message)
    bool clockSynced = false;
    std::string clock;                                // local date and time now
    reports::Collection collecting;                   // ready, or why pledges cannot be collected
    std::vector<reports::KioskProblem> lastProblems;  // newest first
    std::string kioskKey;                             // the kiosk's signing public key, base64; empty: none
    std::string kioskKeyProblem;  // why there is none (the system's words); with noDataDir: there is nowhere
                                  // to keep one
    SyncRoute syncRoute = SyncRoute::Unknown;
    std::string syncServer;            // Server: the [sync] url's scheme and host, never a password
    std::chrono::minutes pushEvery{};  // Server: how often the push timer sends by itself
    // Added with default initialisers so that positional initialisers elsewhere stay complete.
    long long exported{};                  // pledges held that have gone into a bundle
    long long delivered{};                 // of those, confirmed delivered to the coordinator's server
    long long pending{};                   // not yet confirmed delivered (exported or not)
    reports::LastSync lastSync{};          // the last successful export or delivery
    reports::SyncFailure lastSyncError{};  // a failure since then; its `when` is empty when there was none
    // The pack on screen and its updates; packId empty: the services know nothing of packs (tests, play).
    std::string packId{};
    std::string packVersion{};
    reports::PackSigner packSigner{};      // who signed the pack on screen
    reports::PackFallback packFallback{};  // a fallback to the previous pack by the kiosk itself
    std::string updateChecked{};           // local time of the last update check; empty: none yet
    reports::UpdateOutcome lastUpdate{};   // what it found (or why updates are off, whether checked or not)
    // The zone `clock` is in, so a volunteer does not "correct" a right clock; both empty: not known.
    std::string clockZone{};  // the configured time_zone, "Asia/Kuala_Lumpur"; empty: the system's
    std::string clockZoneAbbreviation{};  // "+08", "MYT"
};

// The volunteer menu's buttons that set the clock by hand, in the order shown (ActionKind::Clock's index).
struct ClockStep {
    const char* id;     // for `kiosk play` and the tests
    const char* label;  // what the button shows
    std::chrono::seconds delta;
};
inline constexpr std::array<ClockStep, 6> kClockSteps = {{
    {"clock-minus-day", "-1d", std::chrono::hours(-24)},
    {"clock-plus-day", "+1d", std::chrono::hours(24)},
    {"clock-minus-hour", "-1h", std::chrono::hours(-1)},
    {"clock-plus-hour", "+1h", std::chrono::hours(1)},
    {"clock-minus-minute", "-1m", std::chrono::minutes(-1)},
    {"clock-plus-minute", "+1m", std::chrono::minutes(1)},
}};

// What the last of the menu's slow buttons did (monostate: nothing to show).
using AdminResult = std::variant<std::monostate, reports::SyncOutcome, reports::UpdateOutcome>;

// Slow work the volunteer menu started and is waiting for (Counting: only its figures).
enum class AdminWork { None, Counting, Exporting, Syncing, CheckingUpdate };

// What the PIN pad says under the dots.
enum class PinNotice { None, Locked, Wrong, WrongNowLocked, LockedOut, NotConfigured };

struct AdminView {
    bool unlocked = false;
    int pinDigits = 0;  // typed so far; shown as dots
    PinNotice pinNotice = PinNotice::None;
    int lockedSeconds = 0;               // Locked, WrongNowLocked, LockedOut: for how long
    reports::ClockSetting clockSetting;  // what setting the clock by hand did last (Set: nothing to say)
    AdminStatus status;
    AdminResult result;                   // what the last export, sync or update button did, shown first
    AdminWork working = AdminWork::None;  // an export or sync under way: said in the result's place
    int workingSeconds = 0;               // for how long, so the volunteer sees it is not stuck
    bool confirmingExit = false;          // "leave kiosk" was tapped once: ask before the campaign stops
};

// Extra state for the screens that have it; null when not on those screens.
struct ScreenExtras {
    const PledgeView* pledge = nullptr;
    const ThanksView* thanks = nullptr;
    const AdminView* admin = nullptr;
    bool collecting = true;       // false: the pledge buttons say the kiosk is not set up to collect
    bool developmentKey = false;  // mark the screen: pledges go to a development key
};

}  // namespace kiosk::screens
