# Cross build for the Raspberry Pi (Debian arm64) on an x86-64 Debian 12 machine with crossbuild-essential-arm64
# and the :arm64 -dev packages (scripts/install-deb-deps.sh --arm64). Tests run through qemu-aarch64-static:
# there may be no binfmt_misc, so CMake names the emulator (catch_discover_tests uses it too).
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)
set(CMAKE_CROSSCOMPILING_EMULATOR /usr/bin/qemu-aarch64-static)

# pkg-config must see the arm64 .pc files only (and the architecture-independent ones).
set(ENV{PKG_CONFIG_LIBDIR} /usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig)
set(ENV{PKG_CONFIG_PATH} "")
