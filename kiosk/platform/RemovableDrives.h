// Finding a mounted USB stick: mounted filesystems whose disk the kernel calls removable, read from
// /proc/mounts and /sys so that tests can hand in a fake tree.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace kiosk::platform {

struct RemovableMount {
    std::filesystem::path mountPoint;  // where to write, e.g. /run/outreach-kiosk-usb/sda1
    std::string device;                // as /proc/mounts names it, e.g. /dev/sda1
    std::string filesystem;            // vfat, exfat, ext4 ...
    bool readOnly = false;             // mounted "ro": a lock switch, or mounted before the kiosk's sandbox
};

// Mounts of removable block devices (sysfs `removable` = 1 on the disk, or on the partition's parent
// disk), in the order of `mountsFile`. Never the disk that holds "/": a kiosk booted from a USB stick must
// not export onto its own system disk. Unreadable files give an empty list.
std::vector<RemovableMount> findRemovableMounts(const std::filesystem::path& mountsFile = "/proc/mounts",
                                                const std::filesystem::path& sysRoot = "/sys");

}  // namespace kiosk::platform
