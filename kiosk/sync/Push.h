// Sends bundles to the coordinator's server by HTTP PUT (libcurl), with bounded retries and backoff.
#pragma once

#include "sync/SyncResult.h"
#include "sync/Transport.h"

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace kiosk::sync {

struct PushOptions {
    // The server and how to reach it, as every transport takes it: transport.location is the [sync] url, each
    // bundle goes to location + "/" + its file name; transport.attempts counts per bundle, first try
    // included.
    TransportOptions transport;
    std::chrono::milliseconds firstDelay{2'000};
    std::chrono::milliseconds maxDelay{60'000};
    // How to wait between attempts and how to pick jitter in [0, 1): injectable so tests never sleep long.
    std::function<void(std::chrono::milliseconds)> sleep;
    std::function<double()> random;
};

struct PushResult {
    std::filesystem::path bundle;
    bool delivered = false;
    long httpStatus = 0;  // of the last answer; 0 when none came
    int attempts = 0;
    std::string error;  // of the last attempt, when not delivered
};

// Checks the URL against the TLS rule before anything is sent.
Result<void> checkPushUrl(const PushOptions& options);

// The wait before retry number `retry` (1 for the first retry): firstDelay doubled each time, capped at
// maxDelay, then scaled into [half, all] of that by `jitter` in [0, 1) so many kiosks do not retry in step.
std::chrono::milliseconds backoffDelay(const PushOptions& options, int retry, double jitter);

// PUTs one file, retrying network failures, timeouts, 408, 429 and 5xx; other answers end the attempts.
PushResult pushBundle(const PushOptions& options, const std::filesystem::path& bundle);

// Pushes every *.okb in `outbox` (oldest name first). Each delivered bundle is handed to onDelivered (which
// marks its pledges delivered) and then moved to `sentFolder`. Stops early only on a URL policy error.
Result<std::vector<PushResult>>
pushOutbox(const PushOptions& options, const std::filesystem::path& outbox,
           const std::filesystem::path& sentFolder,
           const std::function<Result<void>(const std::string& bundleName)>& onDelivered);

// GETs options.transport.location + "/" + name into `out` (one try, the same TLS rule, timeouts and token as
// a push); more than maxBytes is refused. NotFound when the server has no such file.
Result<void> fetchToFile(const PushOptions& options, const std::string& name, std::FILE* out,
                         std::uintmax_t maxBytes);

}  // namespace kiosk::sync
