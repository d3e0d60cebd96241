// Atomic file replacement and folder fsync for bundles and keys.
#include "sync/FileIo.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace kiosk::sync {

Error ioError(const std::filesystem::path& path, std::string_view what) {
    // A full disk is its own kind: export then writes the bundle straight to the stick.
    const ErrorKind kind = errno == ENOSPC || errno == EDQUOT ? ErrorKind::StorageFull : ErrorKind::Io;
    return Error{kind, path.string() + ": " + std::string(what) + ": " + std::strerror(errno)};
}

Result<void> fsyncFolder(const std::filesystem::path& folder) {
    int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return ioError(folder, "cannot open folder");
    int rc = ::fsync(fd);
    ::close(fd);
    if (rc != 0) return ioError(folder, "cannot fsync folder");
    return {};
}

Result<void> writeFileAtomically(const std::filesystem::path& target, std::string_view bytes, unsigned mode) {
    std::filesystem::path folder = target.parent_path().empty() ? "." : target.parent_path();
    std::string pattern = (folder / ("." + target.filename().string() + ".XXXXXX")).string();
    int fd = ::mkstemp(pattern.data());
    if (fd < 0) return ioError(folder, "cannot create a temporary file");
    auto fail = [&](std::string_view what) {
        Error error = ioError(pattern, what);
        ::close(fd);
        ::unlink(pattern.c_str());
        return error;
    };
    if (::fchmod(fd, mode) != 0) return fail("cannot set permissions");
    std::size_t done = 0;
    while (done < bytes.size()) {
        ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return fail("cannot write");
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0) return fail("cannot fsync");
    if (::close(fd) != 0) {
        ::unlink(pattern.c_str());
        return ioError(pattern, "cannot close");
    }
    if (::rename(pattern.c_str(), target.c_str()) != 0) {
        Error error = ioError(target, "cannot rename into place");
        ::unlink(pattern.c_str());
        return error;
    }
    return fsyncFolder(folder);
}

}  // namespace kiosk::sync
