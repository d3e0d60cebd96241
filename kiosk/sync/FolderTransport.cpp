// A folder as a transport (a USB stick's outreach-kiosk-sync/): bundles copied in, files copied out, each
// through a temporary file, fsync and rename so a stick pulled out mid-copy holds no half file.
#include "sync/Export.h"
#include "sync/Transport.h"

#include <algorithm>

namespace kiosk::sync {

namespace {

class FolderTransport : public Transport {
public:
    explicit FolderTransport(std::filesystem::path folder) : folder_(std::move(folder)) {}

    std::string where() const override { return folder_.string(); }

    Result<void> deliver(const std::filesystem::path& bundle) override {
        auto copied = copyIntoFolder(bundle, folder_);
        if (!copied) return copied.error();
        return {};
    }

    Result<std::filesystem::path> fetch(const std::string& name, const std::filesystem::path& folder,
                                        std::uintmax_t maxBytes) override {
        if (!isSafeFetchName(name))
            return Error{ErrorKind::Invalid, "\"" + name + "\": not a file name to fetch"};
        const std::filesystem::path source = folder_ / name;
        std::error_code ec;
        if (!std::filesystem::is_regular_file(source, ec))
            return Error{ErrorKind::NotFound, source.string() + ": no such file"};
        const auto size = std::filesystem::file_size(source, ec);
        if (ec) return Error{ErrorKind::Io, source.string() + ": cannot read: " + ec.message()};
        if (size > maxBytes)
            return Error{ErrorKind::Invalid,
                         source.string() + ": larger than " + std::to_string(maxBytes) + " bytes: refused"};
        return copyIntoFolder(source, folder);
    }

    Result<std::vector<std::string>> list(const std::string& folder, std::size_t maxEntries) override {
        if (!isSafeFetchName(folder))
            return Error{ErrorKind::Invalid, "\"" + folder + "\": not a folder name to list"};
        const std::filesystem::path source = folder_ / folder;
        std::error_code ec;
        if (!std::filesystem::is_directory(source, ec))
            return Error{ErrorKind::NotFound, source.string() + ": no such folder"};
        std::vector<std::string> names;
        for (std::filesystem::directory_iterator it(source, ec), end; !ec && it != end; it.increment(ec)) {
            const std::string name = it->path().filename().string();
            // Regular files only, not links: the folder's own files, as fetch() copies them.
            if (name.empty() || name.front() == '.' || !it->is_regular_file(ec) || it->is_symlink(ec))
                continue;
            names.push_back(name);
        }
        if (ec) return Error{ErrorKind::Io, source.string() + ": cannot list: " + ec.message()};
        std::sort(names.begin(), names.end());
        if (names.size() > maxEntries) names.resize(maxEntries);
        return names;
    }

private:
    std::filesystem::path folder_;
};

}  // namespace

Result<std::unique_ptr<Transport>> openFolderTransport(const TransportOptions& options) {
    std::string folder = options.location;
    if (folder.rfind("file://", 0) == 0) folder = folder.substr(7);
    if (folder.empty() || folder.front() != '/')
        return Error{ErrorKind::Invalid, "\"" + options.location + "\": a folder must be an absolute path"};
    return std::unique_ptr<Transport>(std::make_unique<FolderTransport>(folder));
}

}  // namespace kiosk::sync
