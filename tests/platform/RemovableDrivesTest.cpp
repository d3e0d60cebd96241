// Finding the USB stick to export to, against a fake /proc/mounts and /sys tree laid out as the kernel does.
#include "platform/RemovableDrives.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <stdexcept>

using kiosk::platform::findRemovableMounts;
namespace fs = std::filesystem;

namespace {

// A fake root: mounts file and sys/ with disks under sys/devices and sys/class/block links to them.
class FakeSystem {
public:
    FakeSystem() {
        fs::create_directories(KIOSK_BINARY_DIR "/tmp");
        std::string pattern = KIOSK_BINARY_DIR "/tmp/drives-XXXXXX";
        if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
        root_ = pattern;
        fs::create_directories(sys() / "class" / "block");
    }
    ~FakeSystem() {
        std::error_code ignored;
        fs::remove_all(root_, ignored);
    }
    FakeSystem(const FakeSystem&) = delete;
    FakeSystem& operator=(const FakeSystem&) = delete;

    fs::path sys() const { return root_ / "sys"; }
    fs::path mounts() const { return root_ / "mounts"; }

    // A disk with its `removable` flag and partitions, as sysfs shows it.
    void disk(const std::string& name, bool isRemovable, std::initializer_list<std::string> partitions) {
        const fs::path device = sys() / "devices" / "bus" / "block" / name;
        fs::create_directories(device);
        std::ofstream(device / "removable") << (isRemovable ? "1\n" : "0\n");
        fs::create_directory_symlink(device, sys() / "class" / "block" / name);
        for (const auto& partition : partitions) {
            fs::create_directories(device / partition);
            std::ofstream(device / partition / "partition") << "1\n";
            fs::create_directory_symlink(device / partition, sys() / "class" / "block" / partition);
        }
    }
    void mountTable(const std::string& text) const { std::ofstream(mounts()) << text; }

private:
    fs::path root_;
};

const char* kPiMounts = "/dev/mmcblk0p2 / ext4 rw,noatime 0 0\n"
                        "devtmpfs /dev devtmpfs rw,nosuid 0 0\n"
                        "proc /proc proc rw,nosuid,nodev,noexec 0 0\n"
                        "tmpfs /run tmpfs rw,nosuid,nodev 0 0\n"
                        "/dev/mmcblk0p1 /boot/firmware vfat rw,relatime 0 0\n";

}  // namespace

TEST_CASE("a mounted USB stick is found, the SD card is not", "[platform][drives]") {
    FakeSystem pi;
    pi.disk("mmcblk0", false, {"mmcblk0p1", "mmcblk0p2"});
    pi.disk("sda", true, {"sda1"});
    pi.mountTable(std::string(kPiMounts) +
                  "/dev/sda1 /run/outreach-kiosk-usb/Booth\\040Stick vfat rw,nosuid,nodev,noexec 0 0\n");
    const auto found = findRemovableMounts(pi.mounts(), pi.sys());
    REQUIRE(found.size() == 1);
    CHECK(found[0].mountPoint == "/run/outreach-kiosk-usb/Booth Stick");
    CHECK(found[0].device == "/dev/sda1");
    CHECK(found[0].filesystem == "vfat");
    CHECK_FALSE(found[0].readOnly);
}

TEST_CASE("no stick mounted, or nothing readable, finds nothing", "[platform][drives]") {
    FakeSystem pi;
    pi.disk("mmcblk0", false, {"mmcblk0p1", "mmcblk0p2"});
    pi.disk("sda", true, {"sda1"});  // plugged in but not mounted
    pi.mountTable(kPiMounts);
    CHECK(findRemovableMounts(pi.mounts(), pi.sys()).empty());
    CHECK(findRemovableMounts(pi.mounts() / "missing", pi.sys()).empty());
    CHECK(findRemovableMounts(pi.mounts(), pi.sys() / "missing").empty());
}

TEST_CASE("a USB disk that is not removable is passed over, a read-only stick is marked",
          "[platform][drives]") {
    FakeSystem pi;
    pi.disk("mmcblk0", false, {"mmcblk0p1", "mmcblk0p2"});
    pi.disk("sda", false, {"sda1"});
    pi.disk("sdb", true, {"sdb1"});
    pi.disk("sdc", true, {});
    pi.mountTable(std::string(kPiMounts) + "/dev/sda1 /mnt/backup ext4 rw 0 0\n" +
                  "/dev/sdb1 /media/locked vfat ro,nosuid 0 0\n" +
                  "/dev/sdc /media/whole-disk exfat rw,nosuid 0 0\n");
    const auto found = findRemovableMounts(pi.mounts(), pi.sys());
    REQUIRE(found.size() == 2);
    CHECK(found[0].mountPoint == "/media/locked");
    CHECK(found[0].readOnly);
    CHECK(found[1].mountPoint ==
          "/media/whole-disk");  // a stick with no partition table counts by its own flag
    CHECK_FALSE(found[1].readOnly);
}

TEST_CASE("a kiosk booted from a USB stick never exports onto its own system disk", "[platform][drives]") {
    FakeSystem pi;
    pi.disk("sda", true, {"sda1", "sda2"});
    pi.disk("sdb", true, {"sdb1"});
    pi.mountTable("/dev/sda2 / ext4 rw 0 0\n/dev/sda1 /boot/firmware vfat rw 0 0\n"
                  "/dev/sdb1 /run/outreach-kiosk-usb/sdb1 vfat rw,nosuid,nodev,noexec 0 0\n");
    const auto found = findRemovableMounts(pi.mounts(), pi.sys());
    REQUIRE(found.size() == 1);
    CHECK(found[0].device == "/dev/sdb1");
}

TEST_CASE("two sticks come in mount-table order", "[platform][drives]") {
    FakeSystem pi;
    pi.disk("mmcblk0", false, {"mmcblk0p1", "mmcblk0p2"});
    pi.disk("sda", true, {"sda1"});
    pi.disk("sdb", true, {"sdb1"});
    pi.mountTable(std::string(kPiMounts) +
                  "/dev/sdb1 /media/second vfat rw 0 0\n/dev/sda1 /media/first vfat rw 0 0\n");
    const auto found = findRemovableMounts(pi.mounts(), pi.sys());
    REQUIRE(found.size() == 2);
    CHECK(found[0].mountPoint == "/media/second");
    CHECK(found[1].mountPoint == "/media/first");
}
