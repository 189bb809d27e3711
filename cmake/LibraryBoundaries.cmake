# The domain core must stay free of UI, device and storage libraries: it is plain C++
# that talks to the world through ports. This check runs at configure time and fails
# the build if a non-UI library target links one of them, or if a core source includes
# one of their headers (crypto included: sealing entries is the store's business).
set(CUSTODY_FORBIDDEN_IN_CORE_LINKS "wx|nfc|modbus|udev|hpdf|cups|sqlite|sodium|OpenSSL|crypto|avformat|avcodec|avutil|exif|systemd")
set(CUSTODY_FORBIDDEN_IN_CORE_HEADERS "wx/|nfc/|modbus|libudev|linux/input|hpdf|cups/|sqlite3|sodium|openssl/|libav|libexif|systemd/")

function(custody_check_library_boundaries)
  get_target_property(core_links custody_core LINK_LIBRARIES)
  if(core_links)
    foreach(lib IN LISTS core_links)
      if(lib MATCHES "${CUSTODY_FORBIDDEN_IN_CORE_LINKS}")
        message(FATAL_ERROR "kiosk/core must not link ${lib}: keep library code in an adapter")
      endif()
    endforeach()
  endif()
  # The kiosk's presenters are held to the same rule: they are tested without X.
  file(GLOB core_sources "${PROJECT_SOURCE_DIR}/kiosk/core/*.h" "${PROJECT_SOURCE_DIR}/kiosk/core/*.cpp"
       "${PROJECT_SOURCE_DIR}/kiosk/core/*.def" "${PROJECT_SOURCE_DIR}/kiosk/terminal/*.h"
       "${PROJECT_SOURCE_DIR}/kiosk/terminal/*.cpp")
  foreach(src IN LISTS core_sources)
    file(STRINGS "${src}" includes REGEX "^#include")
    foreach(line IN LISTS includes)
      if(line MATCHES "${CUSTODY_FORBIDDEN_IN_CORE_HEADERS}")
        message(FATAL_ERROR "${src} includes a library header (${line}); kiosk/core and kiosk/terminal stay library-free")
      endif()
    endforeach()
  endforeach()
  # Only the UI may link wxWidgets.
  foreach(target IN ITEMS custody_core custody_db custody_terminal custody_kiosk_rig)
    get_target_property(links ${target} LINK_LIBRARIES)
    if(links MATCHES "wx")
      message(FATAL_ERROR "${target} must not link wxWidgets")
    endif()
  endforeach()
endfunction()
