// The table of transports by scheme: the one place a new transport is registered.
#include "sync/Transport.h"

#include <string_view>

namespace kiosk::sync {

// Each defined in its own file: HttpTransport.cpp, FolderTransport.cpp.
Result<std::unique_ptr<Transport>> openHttpTransport(const TransportOptions& options);
Result<std::unique_ptr<Transport>> openFolderTransport(const TransportOptions& options);

namespace {
struct Registered {
    std::string_view scheme;
    Result<std::unique_ptr<Transport>> (*open)(const TransportOptions&);
};

constexpr Registered kTransports[] = {
    {"https", openHttpTransport},
    {"http", openHttpTransport},
    {"file", openFolderTransport},
};
}  // namespace

Result<std::unique_ptr<Transport>> openTransport(const TransportOptions& options) {
    const std::string& location = options.location;
    if (location.empty()) return Error{ErrorKind::NotSetUp, "no place to sync with: the location is empty"};
    const auto colon = location.find("://");
    const std::string_view scheme =
        location.front() == '/'
            ? "file"
            : std::string_view(location).substr(0, colon == std::string::npos ? 0 : colon);
    for (const auto& transport : kTransports)
        if (transport.scheme == scheme) return transport.open(options);
    std::string known;
    for (const auto& transport : kTransports)
        known += (known.empty() ? "" : ", ") + std::string(transport.scheme) + "://";
    return Error{ErrorKind::Invalid, "\"" + location + "\": no transport for this; use " + known +
                                         " or a folder's absolute path"};
}

bool isSafeFetchName(const std::string& name) {
    if (name.empty() || name.front() == '/' || name.find('\\') != std::string::npos ||
        name.find('\0') != std::string::npos)
        return false;
    std::size_t start = 0;
    while (start <= name.size()) {
        const auto end = std::min(name.find('/', start), name.size());
        const std::string_view part = std::string_view(name).substr(start, end - start);
        if (part.empty() || part == "." || part == "..") return false;
        start = end + 1;
    }
    return true;
}

}  // namespace kiosk::sync
