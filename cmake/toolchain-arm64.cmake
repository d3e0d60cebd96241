# Cross build for the Raspberry Pi (Debian arm64) on an x86-64 Debian 12 machine with crossbuild-essential-arm64
# and the :arm64 -dev packages (scripts/install-deb-deps.sh --arm64). Tests run through qemu-aarch64-static:
# there may be no binfmt_misc, so CMake names the emulator (catch_discover_tests uses it too).
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)
set(CMAKE_CROSSCOMPILING_EMULATOR /usr/bin/qemu-aarch64-static)

# pkg-config sees the arm64 .pc files and the architecture-independent ones, never the machine's own. libunibreak
# for arm64 cannot be installed beside the native one (not Multi-Arch): scripts/arm64-unibreak.sh unpacks it.
get_filename_component(kiosk_unibreak_pc "${CMAKE_CURRENT_LIST_DIR}/../build/arm64-unibreak/usr/lib/pkgconfig"
                       ABSOLUTE)
if(NOT EXISTS "${kiosk_unibreak_pc}/libunibreak.pc")
  message(FATAL_ERROR "libunibreak for arm64 is missing: run scripts/arm64-unibreak.sh (make test-arm64 does)")
endif()
set(ENV{PKG_CONFIG_LIBDIR} "/usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig:${kiosk_unibreak_pc}")
