// Reads and atomically rewrites data_dir/sync-status, and dates the newest delivered bundle.
#include "sync/SyncLog.h"

#include "pledge/CaptureFacts.h"
#include "sync/Export.h"
#include "sync/FileIo.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>

namespace kiosk::sync {

namespace {

// Values stay on one line whatever a server or the file system put in an error message.
std::string oneLine(std::string text) {
    std::replace(text.begin(), text.end(), '\n', ' ');
    std::replace(text.begin(), text.end(), '\r', ' ');
    return text;
}

const char* kindName(SyncKind kind) {
    return kind == SyncKind::Export ? "export" : "push";
}

SyncKind kindNamed(const std::string& name) {
    return name == "push" ? SyncKind::Push : SyncKind::Export;
}

Result<void> writeSyncLog(const std::filesystem::path& dataDir, const SyncLog& log) {
    std::string text = "last_success_utc=" + oneLine(log.lastSuccessUtc) +
                       "\nlast_success_kind=" + kindName(log.lastSuccessKind) + "\n";
    if (log.lastSuccessPledges)
        text += "last_success_pledges=" + std::to_string(*log.lastSuccessPledges) + "\n";
    text += "last_error_utc=" + oneLine(log.lastErrorUtc) +
            "\nlast_error_kind=" + kindName(log.lastErrorKind) + "\nlast_error=" + oneLine(log.lastError) +
            "\n";
    return writeFileAtomically(dataDir / kSyncLogFileName, text, 0600);
}

}  // namespace

SyncLog readSyncLog(const std::filesystem::path& dataDir) {
    SyncLog log;
    std::ifstream in(dataDir / kSyncLogFileName);
    std::string line;
    while (std::getline(in, line)) {
        const auto equals = line.find('=');
        if (equals == std::string::npos) continue;
        const std::string key = line.substr(0, equals);
        std::string value = line.substr(equals + 1);
        if (key == "last_success_utc")
            log.lastSuccessUtc = std::move(value);
        else if (key == "last_success_kind")
            log.lastSuccessKind = kindNamed(value);
        else if (key == "last_success_pledges") {
            char* end = nullptr;
            const unsigned long long pledges = std::strtoull(value.c_str(), &end, 10);
            if (!value.empty() && *end == '\0') log.lastSuccessPledges = pledges;
        } else if (key == "last_error_kind")
            log.lastErrorKind = kindNamed(value);
        else if (key == "last_error_utc")
            log.lastErrorUtc = std::move(value);
        else if (key == "last_error")
            log.lastError = std::move(value);
    }
    return log;
}

Result<void> recordSyncSuccess(const std::filesystem::path& dataDir, SyncKind kind, std::uint64_t pledges,
                               const std::string& nowUtc) {
    SyncLog log;
    log.lastSuccessUtc = nowUtc;
    log.lastSuccessKind = kind;
    log.lastSuccessPledges = pledges;
    return writeSyncLog(dataDir, log);
}

Result<void> recordSyncFailure(const std::filesystem::path& dataDir, SyncKind kind, const std::string& why,
                               const std::string& nowUtc) {
    SyncLog log = readSyncLog(dataDir);
    log.lastErrorUtc = nowUtc;
    log.lastErrorKind = kind;
    log.lastError = why;
    return writeSyncLog(dataDir, log);
}

std::string lastDeliveryUtc(const std::filesystem::path& dataDir) {
    std::error_code error;
    std::filesystem::file_time_type newest = std::filesystem::file_time_type::min();
    bool any = false;
    for (const auto& entry : std::filesystem::directory_iterator(sentFolder(dataDir), error)) {
        std::error_code statError;
        const auto written = entry.last_write_time(statError);
        if (statError || !entry.is_regular_file(statError)) continue;
        if (!any || written > newest) newest = written;
        any = true;
    }
    if (!any) return "";
    const auto systemTime = std::chrono::file_clock::to_sys(newest);
    return pledge::utcTimestamp(
        std::chrono::time_point_cast<std::chrono::system_clock::duration>(systemTime));
}

}  // namespace kiosk::sync
