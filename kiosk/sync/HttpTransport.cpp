// The coordinator's server by HTTP(S): bundles PUT (WebDAV), files fetched by GET (TLS rule: Push.h).
#include "sync/FileIo.h"
#include "sync/Push.h"
#include "sync/Transport.h"

#include <cstdio>
#include <memory>
#include <unistd.h>

namespace kiosk::sync {

namespace {

struct FileCloser {
    void operator()(std::FILE* file) const { std::fclose(file); }
};

// "https://host" of a url: where it goes, without a password, path or query.
std::string hostOf(const std::string& url) {
    const auto scheme = url.find("://");
    std::string host = scheme == std::string::npos ? url : url.substr(scheme + 3);
    host = host.substr(0, host.find('/'));
    if (const auto at = host.rfind('@'); at != std::string::npos) host = host.substr(at + 1);
    return (scheme == std::string::npos ? "" : url.substr(0, scheme + 3)) + host;
}

class HttpTransport : public Transport {
public:
    explicit HttpTransport(PushOptions options) : options_(std::move(options)) {}

    std::string where() const override { return hostOf(options_.transport.location); }

    Result<void> deliver(const std::filesystem::path& bundle) override {
        const PushResult pushed = pushBundle(options_, bundle);
        if (pushed.delivered) return {};
        return Error{ErrorKind::Io, pushed.error};
    }

    Result<std::filesystem::path> fetch(const std::string& name, const std::filesystem::path& folder,
                                        std::uintmax_t maxBytes) override {
        if (!isSafeFetchName(name))
            return Error{ErrorKind::Invalid, "\"" + name + "\": not a file name to fetch"};
        std::error_code ec;
        std::filesystem::create_directories(folder, ec);
        if (ec) return Error{ErrorKind::Io, folder.string() + ": cannot create folder: " + ec.message()};
        const std::filesystem::path target = folder / std::filesystem::path(name).filename();
        std::string temporary = (folder / ("." + target.filename().string() + ".XXXXXX")).string();
        const int fd = ::mkstemp(temporary.data());
        if (fd < 0) return ioError(folder, "cannot create a temporary file");
        std::unique_ptr<std::FILE, FileCloser> out(::fdopen(fd, "wb"));
        const auto fail = [&](Error error) {
            out.reset();
            ::unlink(temporary.c_str());
            return error;
        };
        if (!out) {
            ::close(fd);
            return fail(ioError(temporary, "cannot open"));
        }
        if (auto fetched = fetchToFile(options_, name, out.get(), maxBytes); !fetched)
            return fail(fetched.error());
        if (std::fflush(out.get()) != 0 || ::fsync(::fileno(out.get())) != 0)
            return fail(ioError(temporary, "cannot flush to disk"));
        if (std::fclose(out.release()) != 0) return fail(ioError(temporary, "cannot close"));
        if (::rename(temporary.c_str(), target.c_str()) != 0)
            return fail(ioError(target, "cannot rename into place"));
        if (auto synced = fsyncFolder(folder); !synced) return synced.error();
        return target;
    }

private:
    PushOptions options_;
};

}  // namespace

Result<std::unique_ptr<Transport>> openHttpTransport(const TransportOptions& options) {
    PushOptions push;
    push.transport = options;
    if (auto allowed = checkPushUrl(push); !allowed) return allowed.error();
    return std::unique_ptr<Transport>(std::make_unique<HttpTransport>(std::move(push)));
}

}  // namespace kiosk::sync
