// Reads the mount table and sysfs to pick out mounted removable drives (USB sticks, card readers).
#include "platform/RemovableDrives.h"

#include <fstream>
#include <optional>
#include <sstream>

namespace kiosk::platform {

namespace {

namespace fs = std::filesystem;

// /proc/mounts writes space, tab, newline and backslash in paths as octal escapes (\040 and so on).
std::string unescapeMountField(const std::string& field) {
    std::string out;
    for (std::size_t i = 0; i < field.size(); ++i) {
        const auto isOctal = [&](std::size_t at) {
            return at < field.size() && field[at] >= '0' && field[at] <= '7';
        };
        if (field[i] == '\\' && isOctal(i + 1) && isOctal(i + 2) && isOctal(i + 3)) {
            out += static_cast<char>((field[i + 1] - '0') * 64 + (field[i + 2] - '0') * 8 +
                                     (field[i + 3] - '0'));
            i += 3;
        } else {
            out += field[i];
        }
    }
    return out;
}

struct MountLine {
    std::string device;
    fs::path mountPoint;
    std::string filesystem;
    std::string options;
};

std::vector<MountLine> readMounts(const fs::path& mountsFile) {
    std::vector<MountLine> mounts;
    std::ifstream in(mountsFile);
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        MountLine mount;
        std::string device, mountPoint;
        if (!(fields >> device >> mountPoint >> mount.filesystem >> mount.options)) continue;
        mount.device = unescapeMountField(device);
        mount.mountPoint = unescapeMountField(mountPoint);
        mounts.push_back(std::move(mount));
    }
    return mounts;
}

bool hasOption(const std::string& options, const std::string& wanted) {
    std::istringstream list(options);
    std::string option;
    while (std::getline(list, option, ','))
        if (option == wanted) return true;
    return false;
}

// The whole disk a /dev node belongs to ("sda" for /dev/sda1 and for /dev/sda), found through
// /sys/class/block, where a partition's entry sits inside its disk's; nullopt when sysfs does not know it.
std::optional<std::string> diskOf(const std::string& device, const fs::path& sysRoot) {
    if (device.rfind("/dev/", 0) != 0) return std::nullopt;
    const fs::path entry = sysRoot / "class" / "block" / fs::path(device).filename();
    std::error_code error;
    if (!fs::exists(entry, error)) return std::nullopt;
    if (!fs::exists(entry / "partition", error)) return fs::path(device).filename().string();
    const fs::path parent = fs::canonical(entry / "..", error);
    if (error) return std::nullopt;
    return parent.filename().string();
}

bool removable(const std::string& disk, const fs::path& sysRoot) {
    std::ifstream in(sysRoot / "class" / "block" / disk / "removable");
    std::string flag;
    return in >> flag && flag == "1";
}

}  // namespace

std::vector<RemovableMount> findRemovableMounts(const fs::path& mountsFile, const fs::path& sysRoot) {
    const std::vector<MountLine> mounts = readMounts(mountsFile);
    std::optional<std::string> systemDisk;
    for (const auto& mount : mounts)
        if (mount.mountPoint == "/") systemDisk = diskOf(mount.device, sysRoot);

    std::vector<RemovableMount> found;
    for (const auto& mount : mounts) {
        const auto disk = diskOf(mount.device, sysRoot);
        if (!disk || disk == systemDisk || mount.mountPoint == "/") continue;
        if (!removable(*disk, sysRoot)) continue;
        found.push_back({mount.mountPoint, mount.device, mount.filesystem, hasOption(mount.options, "ro")});
    }
    return found;
}

}  // namespace kiosk::platform
