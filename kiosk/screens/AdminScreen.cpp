// The volunteers' screens: a PIN pad behind the hidden gesture, then counts, sync and clock state, and the
// way out of the kiosk. In English: volunteers set kiosks up from the English guide.
#include "layout/TextFit.h"
#include "reports/VolunteerWords.h"
#include "screens/Chrome.h"
#include "screens/ScreenBuilders.h"

#include <algorithm>
#include <sstream>

namespace kiosk::screens {

const Palette& adminPalette() {
    // Dark, so a passer-by sees at once this is not the campaign.
    static const Palette palette{{0x1a, 0x1a, 0x1a, 255}, {0x2b, 0x2b, 0x2b, 255}, {0xff, 0xff, 0xff, 255},
                                 {0xcc, 0xcc, 0xcc, 255}, {0xff, 0xe6, 0x00, 255}, {0x1a, 0x1a, 0x1a, 255}};
    return palette;
}

namespace {
// A long key in groups of four, so a volunteer reading it aloud or comparing it keeps their place.
std::string inGroups(const std::string& key) {
    if (key.find(' ') != std::string::npos) return key;  // a sentence (why there is no key), not a key
    std::string grouped;
    for (std::size_t i = 0; i < key.size(); i += 4)
        grouped += (i ? " " : "") + key.substr(i, 4);
    return grouped;
}

// What the PIN pad says under the dots.
std::string pinNoticeText(const AdminView& admin) {
    const std::string seconds = std::to_string(admin.lockedSeconds) + " s.";
    switch (admin.pinNotice) {
    case PinNotice::None:
        return "";
    case PinNotice::Locked:
        return "Locked: try again in " + seconds;
    case PinNotice::Wrong:
        return "Wrong PIN.";
    case PinNotice::WrongNowLocked:
        return "Wrong PIN. Too many wrong PINs: locked for " + seconds;
    case PinNotice::LockedOut:
        return "Too many wrong PINs: locked for " + seconds;
    case PinNotice::NotConfigured:
        return "No admin PIN is set. Add admin_pin_hash to outreach-kiosk.toml on the SD card's boot "
               "partition (make one with: kioskctl pin).";
    }
    return "";
}

// What the last slow button did, in words; empty when there is nothing to show.
std::string resultText(const AdminResult& result) {
    if (const auto* sync = std::get_if<reports::SyncOutcome>(&result)) return reports::syncOutcomeText(*sync);
    if (const auto* update = std::get_if<reports::UpdateOutcome>(&result))
        return reports::updateOutcomeText(*update);
    return "";
}

// "12.3 GB free", or why it is not known.
std::string freeSpaceText(const AdminStatus& status) {
    if (status.noDataDir) return "no data_dir";
    if (!status.freeBytes) return "unknown (" + status.freeBytesError + ")";
    std::ostringstream out;
    out.precision(1);
    out << std::fixed << static_cast<double>(*status.freeBytes) / 1e9 << " GB free";
    return out.str();
}

// "2026-11-26 10:00 (Asia/Kuala_Lumpur, +08) (set from the internet)": with its zone, so a volunteer does
// not "correct" a right clock.
std::string clockText(const AdminStatus& status) {
    std::string zone = status.clockZone;
    if (!status.clockZoneAbbreviation.empty())
        zone += (zone.empty() ? "" : ", ") + status.clockZoneAbbreviation;
    return status.clock + (zone.empty() ? "" : " (" + zone + ")") +
           (status.clockSynced ? " (set from the internet)" : " (NOT set from the internet: set it below)");
}

// The kiosk's signing key in groups a volunteer can read out, or why there is none; empty: nothing to say.
std::string kioskKeyText(const AdminStatus& status) {
    if (!status.kioskKey.empty()) return inGroups(status.kioskKey);
    if (status.noDataDir) return "none (no data_dir in the config)";
    if (!status.kioskKeyProblem.empty()) return "none (" + status.kioskKeyProblem + ")";
    return "";
}

void adminHeader(SceneWriter& out, const std::string& title) {
    const Metrics& m = out.metrics();
    const int bar = m.barHeight();
    const int target = m.touchTarget();
    out.box({0, 0, m.screen.w, bar}, out.palette().surface);
    const std::string back = "Back";
    const int backW = out.iconButtonWidth(back);
    out.iconButton({ActionKind::Back}, {m.margin(), (bar - target) / 2, backW, target}, Icon::Back, back,
                   ButtonStyle::Secondary);
    out.text("title", {m.margin() * 2 + backW, 0, m.screen.w - backW - m.margin() * 3, bar}, title,
             {m.headingPx(), m.minBodyPx(), true, out.palette().text, Align::Start, Align::Center});
}
}  // namespace

int buildAdminPin(SceneWriter& out, const ScreenContext& context, const View&) {
    const Metrics& m = out.metrics();
    out.setLanguage("en");
    adminHeader(out, "Volunteer menu");
    const AdminView empty;
    const AdminView& admin = context.extras.admin ? *context.extras.admin : empty;
    const int bar = m.barHeight();
    const Rect body{m.margin(), bar + m.gap(), m.screen.w - 2 * m.margin(),
                    m.screen.h - bar - m.gap() - m.margin()};

    // The pad: 3 x 4 keys, each at least a touch target, centred.
    const int gap = m.px(6);
    const int keyH = std::max(m.touchTarget(), (body.h - m.px(90) - gap * 3) / 4);
    const int keyW = std::max(m.touchTarget(), std::min(keyH * 2, (body.w - gap * 2) / 3));
    const int padW = keyW * 3 + gap * 2;
    const int padX = m.portrait() ? body.x + (body.w - padW) / 2 : body.right() - padW;
    const int padY = body.bottom() - (keyH * 4 + gap * 3);
    const char* labels[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "", "0", "OK"};
    const Action actions[12] = {
        {ActionKind::PinDigit, 1}, {ActionKind::PinDigit, 2}, {ActionKind::PinDigit, 3},
        {ActionKind::PinDigit, 4}, {ActionKind::PinDigit, 5}, {ActionKind::PinDigit, 6},
        {ActionKind::PinDigit, 7}, {ActionKind::PinDigit, 8}, {ActionKind::PinDigit, 9},
        {ActionKind::PinBack},     {ActionKind::PinDigit, 0}, {ActionKind::PinOk}};
    for (int i = 0; i < 12; ++i) {
        const Rect key{padX + (i % 3) * (keyW + gap), padY + (i / 3) * (keyH + gap), keyW, keyH};
        if (i == 9)
            out.iconButton(actions[i], key, Icon::Backspace, "", ButtonStyle::Secondary);
        else
            out.button(actions[i], key, labels[i], i == 11 ? ButtonStyle::Primary : ButtonStyle::Secondary);
    }

    const Rect words = m.portrait() ? Rect{body.x, body.y, body.w, padY - body.y - m.gap()}
                                    : Rect{body.x, body.y, padX - body.x - m.gap() * 2, body.h};
    int y = words.y;
    y += out.text("pin-prompt", {words.x, y, words.w, out.lineHeight(m.headingPx(), true) * 2},
                  "Enter the admin PIN", {m.headingPx(), m.minBodyPx(), true, out.palette().text}) +
         m.gap();
    const std::string dots(static_cast<std::size_t>(admin.pinDigits) * 2, ' ');
    std::string shown;
    for (int i = 0; i < admin.pinDigits; ++i)
        shown += "• ";
    y += out.text("pin-dots", {words.x, y, words.w, out.lineHeight(m.px(36), true)},
                  shown.empty() ? " " : shown, {m.px(36), m.headingPx(), true, out.palette().accent}) +
         m.gap();
    out.text("pin-message", {words.x, y, words.w, words.bottom() - y}, pinNoticeText(admin),
             {m.bodyPx(), m.minBodyPx(), false, out.palette().text});
    return 1;
}

int buildAdmin(SceneWriter& out, const ScreenContext& context, const View&) {
    const Metrics& m = out.metrics();
    out.setLanguage("en");
    adminHeader(out, "Volunteer menu");
    const AdminView empty;
    const AdminView& admin = context.extras.admin ? *context.extras.admin : empty;
    const AdminStatus& s = admin.status;
    const int bar = m.barHeight();
    const Rect body{m.margin(), bar + m.gap(), m.screen.w - 2 * m.margin(),
                    m.screen.h - bar - m.gap() - m.margin()};
    const int target = m.touchTarget();

    // Along the bottom: export, sync and the update check on the left, leaving the kiosk on the right, apart
    // from them; on a narrow screen they take the rows above.
    int buttonsY = body.bottom() - target;
    const auto widthOf = [&](const std::string& label) {
        return out.measure(label, m.buttonPx(), true) + m.px(32);
    };
    const std::string exitLabel = "Leave kiosk";
    const std::string exportLabel = "Export to USB";
    const std::string syncLabel = "Sync now";
    const std::string checkLabel = "Check for update";
    const int exitW = widthOf(exitLabel);
    // Leaving is the quiet way out, not the bright one, and asks first.
    if (admin.confirmingExit) {
        const std::string yes = "Yes, leave";
        const std::string no = "Stay";
        const int yesW = widthOf(yes), noW = widthOf(no);
        out.button({ActionKind::AdminExitConfirm}, {body.right() - yesW, buttonsY, yesW, target}, yes,
                   ButtonStyle::Primary);
        out.button({ActionKind::AdminExitCancel},
                   {body.right() - yesW - m.gap() - noW, buttonsY, noW, target}, no, ButtonStyle::Secondary);
        const int questionH = out.lineHeight(m.captionPx(), true) * 2;
        out.text("admin-exit-question",
                 {body.right() - yesW - noW - m.gap(), buttonsY - questionH - m.px(4), yesW + noW + m.gap(),
                  questionH},
                 "Leave the kiosk? The campaign stops until it restarts.",
                 {m.captionPx(), m.px(13), true, out.palette().accent, Align::End, Align::End});
    } else {
        out.button({ActionKind::AdminExit}, {body.right() - exitW, buttonsY, exitW, target}, exitLabel,
                   ButtonStyle::Quiet);
    }
    // Export, sync and the update check from the left; a button that does not fit goes up a row.
    const std::pair<Action, std::string> tasks[] = {{{ActionKind::ExportUsb}, exportLabel},
                                                    {{ActionKind::SyncNow}, syncLabel},
                                                    {{ActionKind::CheckUpdate}, checkLabel}};
    int rowRight = body.right() - exitW - m.gap() * 2;
    int x = body.x;
    for (const auto& [task, label] : tasks) {
        const int w = widthOf(label);
        if (x + w > rowRight && (x > body.x || rowRight < body.right())) {
            buttonsY -= target + m.gap();
            x = body.x;
            rowRight = body.right();
        }
        out.button(task, {x, buttonsY, w, target}, label, ButtonStyle::Secondary);
        x += w + m.gap();
    }
    // The clock, on a row of its own, only when it needs setting by hand.
    if (!s.clockSynced) {
        buttonsY -= target + m.gap();
        const int w = std::max(target, (body.w - m.gap() * 5) / 6);
        int x = body.x;
        for (std::size_t step = 0; step < kClockSteps.size(); ++step) {
            out.button({ActionKind::Clock, static_cast<int>(step)}, {x, buttonsY, w, target},
                       kClockSteps[step].label, ButtonStyle::Secondary);
            x += w + m.gap();
        }
    }

    // Figures on the left, the pledges-per-hour chart on the right (below in portrait). What the last button
    // did is seen first, in the accent colour: in the chart's place in landscape (the chart is back the next
    // time the menu opens), above the figures in portrait, where there is height to spare.
    // In landscape the figures take two thirds beside the chart (with the pack block and the clock they run
    // to a dozen lines, and 24 bars still read in the rest), and a little over half beside an outcome, which
    // needs the room more.
    const int chartH = m.portrait() ? body.h / 4 : 0;
    std::string result = resultText(admin.result);
    const bool outcomeShown =
        !result.empty() || (admin.working != AdminWork::None && admin.working != AdminWork::Counting);
    const int landscapeW = outcomeShown ? body.w * 11 / 20 : body.w * 2 / 3;
    Rect figures{body.x, body.y, m.portrait() ? body.w : landscapeW, buttonsY - body.y - m.gap() - chartH};
    Rect chart = m.portrait()
                     ? Rect{body.x, figures.bottom() + m.gap(), body.w, chartH - m.gap()}
                     : Rect{figures.right() + m.gap() * 2, body.y,
                            body.right() - figures.right() - m.gap() * 2, buttonsY - body.y - m.gap()};
    const TextOptions resultStyle{m.captionPx(), m.px(13), true, out.palette().accent};
    const char* underWay = admin.working == AdminWork::Exporting ? "Exporting pledges to the USB stick"
                           : admin.working == AdminWork::Syncing
                               ? "Sending pledges to the coordinator's server"
                           : admin.working == AdminWork::CheckingUpdate ? "Checking for a new content pack"
                                                                        : nullptr;
    if (underWay)
        result = std::string(underWay) + "… " + std::to_string(admin.workingSeconds) +
                 " s. You can leave this menu meanwhile.";
    if (!result.empty() && m.portrait()) {
        const int used =
            out.text("admin-result", {figures.x, figures.y, figures.w, figures.h / 3}, result, resultStyle);
        figures.y += used + m.gap();
        figures.h -= used + m.gap();
    }
    // In the words a volunteer uses: signed, waiting to be sent, sent.
    std::string text =
        "Signed today: " + std::to_string(s.today) + "   in total: " + std::to_string(s.total) +
        "\nWaiting to be sent: " + std::to_string(s.pending) + "   sent: " + std::to_string(s.delivered) +
        "   on a USB stick or ready to go: " + std::to_string(s.exported) +
        "\nLast sent: " + reports::lastSyncText(s.lastSync);
    if (!s.lastSyncError.when.empty())
        text += "\nSending failed: " + reports::syncFailureText(s.lastSyncError);
    if (s.syncRoute == SyncRoute::UsbOnly)
        text += "\nSends to: USB stick only (no [sync] url in the settings)";
    if (s.syncRoute == SyncRoute::Server)
        text += "\nSends to: " + s.syncServer + " (every " + std::to_string(s.pushEvery.count()) +
                " minutes, or Sync now)";
    text += "\nTaking pledges: " + reports::collectionText(s.collecting);
    // The pack block: what is shown, who signed it, and what the last look for a newer one found.
    if (s.packId.empty()) {
        text += "\nContent: " + s.pack;
    } else {
        text += "\nContent: " + s.packId + " version " + s.packVersion + ", " +
                reports::packSignerText(s.packSigner);
        if (const auto fallback = reports::packFallbackText(s.packFallback); !fallback.empty())
            text += "\nContent update: " + fallback;
        text +=
            "\nLast update check: " +
            (s.updateChecked.empty() ? std::string("not yet")
                                     : s.updateChecked + ": " + reports::updateFindingsText(s.lastUpdate));
    }
    text += "\nSD card: " + freeSpaceText(s) + "\nClock: " + clockText(s);
    if (const auto key = kioskKeyText(s); !key.empty()) text += "\nKiosk key: " + key;
    // A clock problem heads the list of problems, as the clock row is where it was met.
    if (const auto clock = reports::clockSettingText(admin.clockSetting); !clock.empty())
        text += "\nClock: " + clock;
    for (const auto& problem : s.lastProblems)
        text += "\n" + reports::problemText(problem);
    // Shrinks rather than hiding lines: a volunteer needs every figure, and an overflow is reported.
    const TextOptions statusStyle{m.captionPx(), m.px(13), false, out.palette().text};
    if (m.portrait()) {
        // The chart starts under the figures' last line and takes the height they leave, rather than a
        // quarter of the screen under a gap.
        const int used =
            layout::fitText(text, {figures.w, figures.h}, {out.language(), statusStyle.px, false},
                            statusStyle.minPx, out.measurer())
                .height;
        figures.h = std::min(figures.h, used);
        chart = {body.x, figures.bottom() + m.gap() * 2, body.w, buttonsY - figures.bottom() - m.gap() * 3};
    }
    out.text("admin-status", figures, text, statusStyle);

    if (!result.empty() && !m.portrait()) {
        out.text("admin-result", chart, result, resultStyle);
        return 1;
    }
    out.text("chart-title", {chart.x, chart.y, chart.w, out.lineHeight(m.captionPx())},
             "Pledges per hour today", {m.captionPx(), m.px(13), false, out.palette().mutedText});
    const int top = chart.y + out.lineHeight(m.captionPx()) + m.px(4);
    const int baseline = chart.bottom() - out.lineHeight(m.captionPx());
    const long long most = std::max<long long>(1, *std::max_element(s.perHour.begin(), s.perHour.end()));
    const int slot = chart.w / 24;
    for (int hour = 0; hour < 24; ++hour) {
        const int h = static_cast<int>((baseline - top) * s.perHour[static_cast<std::size_t>(hour)] / most);
        out.box({chart.x + hour * slot, baseline - h, std::max(1, slot - 2), h}, out.palette().accent);
    }
    for (int hour = 0; hour < 24; hour += 6)
        out.text("chart-hour-" + std::to_string(hour),
                 {chart.x + hour * slot, baseline, slot * 6, out.lineHeight(m.captionPx())},
                 std::to_string(hour) + "h", {m.captionPx(), 0, false, out.palette().mutedText});
    return 1;
}

}  // namespace kiosk::screens
