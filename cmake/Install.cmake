# Where `cmake --install` (and so the Debian package) puts the programs, the Stop Torture pack, the settings
# example and the systemd, udev and sysusers files.
#
# The system folders are cache variables because Debian 12's debhelper looks for units and udev rules under
# /lib (debian/rules passes the absolute paths); the defaults below are relative to CMAKE_INSTALL_PREFIX.
# The units name /usr/bin/kiosk, /usr/bin/kioskctl and /usr/libexec/outreach-kiosk: install with prefix /usr.

# The docs folder is named after the package, not after the CMake project (outreach_kiosk).
set(CMAKE_INSTALL_DOCDIR "share/doc/outreach-kiosk" CACHE PATH "Documentation (DATAROOTDIR/doc/outreach-kiosk)")
include(GNUInstallDirs)

set(KIOSK_SYSTEMD_UNIT_DIR "lib/systemd/system" CACHE PATH "systemd system units")
set(KIOSK_UDEV_RULES_DIR "lib/udev/rules.d" CACHE PATH "udev rules")
set(KIOSK_SYSUSERS_DIR "lib/sysusers.d" CACHE PATH "systemd-sysusers entries")

set(kiosk_share ${CMAKE_INSTALL_DATADIR}/outreach-kiosk)
set(kiosk_systemd ${PROJECT_SOURCE_DIR}/systemd)

install(TARGETS kiosk kioskctl RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# Content packs live side by side under packs/, one folder each; the settings' `content` names one.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/content-pack/stop-torture DESTINATION ${kiosk_share}/packs)

# Data, not documentation: an image copies it onto the boot partition, and /usr/share/doc may be left out.
install(FILES ${kiosk_systemd}/outreach-kiosk.toml.example DESTINATION ${kiosk_share})

install(PROGRAMS ${kiosk_systemd}/outreach-kiosk-usb-export
        DESTINATION ${CMAKE_INSTALL_LIBEXECDIR}/outreach-kiosk RENAME usb-export)

install(FILES
        ${kiosk_systemd}/outreach-kiosk.service
        ${kiosk_systemd}/outreach-kiosk-push.service
        ${kiosk_systemd}/outreach-kiosk-push.timer
        ${kiosk_systemd}/outreach-kiosk-usb-export@.service
        DESTINATION ${KIOSK_SYSTEMD_UNIT_DIR})
install(FILES ${kiosk_systemd}/70-outreach-kiosk-backlight.rules ${kiosk_systemd}/70-outreach-kiosk-drm.rules
        ${kiosk_systemd}/99-outreach-kiosk-usb.rules
        DESTINATION ${KIOSK_UDEV_RULES_DIR})
install(FILES ${kiosk_systemd}/outreach-kiosk.sysusers.conf
        DESTINATION ${KIOSK_SYSUSERS_DIR} RENAME outreach-kiosk.conf)

# The units' Documentation= points here.
install(FILES ${PROJECT_SOURCE_DIR}/docs/deployment.md DESTINATION ${CMAKE_INSTALL_DOCDIR})

# The kiosk's own icons (the screens find them here when the source tree is not there).
install(DIRECTORY ${PROJECT_SOURCE_DIR}/assets/icons DESTINATION ${kiosk_share}/assets)
