// One way to reach the coordinator: deliver bundles to it and fetch files from it. A server by HTTP(S) and
// a folder (a stick's outreach-kiosk-sync/) today; a new way is one file and a line in Transport.cpp.
#pragma once

#include "sync/SyncResult.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace kiosk::sync {

struct TransportOptions {
    // Where: a url ("https://host/path", the [sync] url), a folder ("/media/stick/outreach-kiosk-sync"),
    // or "file:///media/stick/outreach-kiosk-sync".
    std::string location;
    std::string token;   // http(s): a bearer token, or "user:password" for basic auth
    std::string caFile;  // http(s): an extra CA bundle; verification is never switched off
    // Plain http is refused except to 127.0.0.1, ::1 or localhost when this is set (tests, a local relay).
    bool allowInsecureLoopback = false;
    std::chrono::milliseconds connectTimeout{10'000};
    std::chrono::milliseconds totalTimeout{300'000};
    int attempts = 5;  // per delivery, first try included (retries back off); a fetch tries once
};

class Transport {
public:
    virtual ~Transport() = default;
    // Where it goes, fit for the log and the admin screen: never a password or token.
    virtual std::string where() const = 0;
    // Puts `bundle` at the destination under its own file name, whole or not at all.
    virtual Result<void> deliver(const std::filesystem::path& bundle) = 0;
    // Copies `name` (relative, "/"-separated, e.g. "packs/index.toml") from the source into `folder` under
    // its last part, whole or not at all (temporary file, fsync, rename); refuses a file over maxBytes.
    // Returns the file written; ErrorKind::NotFound when the source has no such file.
    virtual Result<std::filesystem::path> fetch(const std::string& name, const std::filesystem::path& folder,
                                                std::uintmax_t maxBytes) = 0;
    // The regular files directly in `folder` (a name as fetch() takes), sorted, at most `maxEntries`:
    // NotFound when there is no such folder, NotSetUp when this transport cannot list (a web server has
    // an index file instead: update/PackSources.h).
    virtual Result<std::vector<std::string>> list(const std::string& folder, std::size_t maxEntries) {
        (void)folder;
        (void)maxEntries;
        return Error{ErrorKind::NotSetUp, where() + " lists no folders"};
    }
};

// The transport serving options.location's scheme (a leading '/' is a folder). NotSetUp when location is
// empty; Invalid for a scheme no transport serves, or a url the TLS rule refuses.
Result<std::unique_ptr<Transport>> openTransport(const TransportOptions& options);

// A name fetch() accepts: relative, "/"-separated, no empty, "." or ".." part, no backslash or NUL.
bool isSafeFetchName(const std::string& name);

}  // namespace kiosk::sync
