# What an installed kiosk has beside the programs (their own install() rules are next to
# each target), and the Debian package CPack builds from it: `cpack -G DEB` in a build
# directory, or installer/package.sh for the shipped release build.
set(pkg ${PROJECT_SOURCE_DIR}/installer/package)

install(FILES ${pkg}/kiosk.conf DESTINATION share/custody-kiosk)
install(PROGRAMS ${pkg}/kiosk-session ${pkg}/screen-hours DESTINATION lib/custody-kiosk)
# systemd, udev and modprobe read these from /lib on Debian 12, whatever the prefix.
install(FILES ${pkg}/systemd/custody-kiosk.service ${pkg}/systemd/custody-maintenance.service
              ${pkg}/systemd/custody-maintenance.timer
        DESTINATION /lib/systemd/system)
install(FILES ${pkg}/udev/60-custody-kiosk.rules DESTINATION /lib/udev/rules.d)
install(FILES ${pkg}/custody-kiosk-blacklist.conf DESTINATION /lib/modprobe.d RENAME custody-kiosk.conf)

set(doc share/doc/custody-kiosk)
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${pkg}/copyright DESTINATION ${doc})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs DESTINATION ${doc})  # beside README.md, whose links name docs/
# Debian wants the changelog compressed, reproducibly (no name or time in the gzip header).
set(changelog ${CMAKE_BINARY_DIR}/package/changelog.Debian)
string(TIMESTAMP changelog_date "%a, %d %b %Y %H:%M:%S +0000" UTC)
file(WRITE ${changelog}
"custody-kiosk (${PROJECT_VERSION}) bookworm; urgency=medium

  * Release ${PROJECT_VERSION}: see /usr/share/doc/custody-kiosk/README.md.

 -- custody-kiosk developers <kiosk@custody.invalid>  ${changelog_date}
")
install(CODE "execute_process(COMMAND gzip -9nc \"${changelog}\"
                              OUTPUT_FILE \"${CMAKE_BINARY_DIR}/package/changelog.gz\")")
install(FILES ${CMAKE_BINARY_DIR}/package/changelog.gz DESTINATION ${doc})

# Manual pages, compressed the same way.
file(GLOB man_pages ${pkg}/man/*.1)
foreach(page IN LISTS man_pages)
  get_filename_component(name ${page} NAME)
  install(CODE "execute_process(COMMAND gzip -9nc \"${page}\" OUTPUT_FILE \"${CMAKE_BINARY_DIR}/package/${name}.gz\")")
  install(FILES ${CMAKE_BINARY_DIR}/package/${name}.gz DESTINATION share/man/man1)
endforeach()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME custody-kiosk)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_CONTACT "custody-kiosk developers <kiosk@custody.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "custody kiosk for body-worn camera charging cabinets")
# CPack puts the summary first and indents these lines; an empty line becomes " .".
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "Officers take a charged, checked camera from the cabinet with their badge and
dock it at the end of the shift; the kiosk offloads and verifies the footage
before wiping the camera, and keeps a tamper-evident usage ledger, the
custodians' and finance staff's registers and the PDF custody reports.

The package has the touchscreen program (custody-kiosk), the administration
command (custodyctl), the simulators of the cabinet board, badge reader and
cameras, the kiosk session and nightly upkeep units, and the udev rules for
the badge readers, serial adapters and camera disks.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://custody.invalid/")
# The shared libraries' packages come from dpkg-shlibdeps; these are what the programs
# use without linking: the report font, the disc image writer, the system user's tools.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "adduser, fonts-wqy-zenhei, fonts-noto-cjk, xorriso, systemd, udev")
# The kiosk session: an X server and its tools, a print server. A machine that runs the
# app some other way can do without them.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "xserver-xorg-core, xserver-xorg-input-libinput, xinit, x11-xserver-utils, cups")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA ${pkg}/debian/postinst ${pkg}/debian/prerm ${pkg}/debian/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
set(CPACK_STRIP_FILES TRUE)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
include(CPack)
