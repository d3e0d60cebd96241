# Fails when PROGRAM lists a library matching FORBIDDEN among the libraries the loader binds at start
# (readelf -d's NEEDED entries). Used to keep libcurl out of the kiosk's start-up (sync/CurlLibrary.h).
execute_process(COMMAND "${READELF}" -d "${PROGRAM}" OUTPUT_VARIABLE dynamic RESULT_VARIABLE failed
                ERROR_VARIABLE why)
if(failed OR NOT dynamic MATCHES "NEEDED")
  message(FATAL_ERROR "cannot read the libraries ${PROGRAM} needs with '${READELF} -d': ${why}")
endif()
if(dynamic MATCHES "NEEDED[^\n]*${FORBIDDEN}")
  message(FATAL_ERROR "${PROGRAM} needs ${FORBIDDEN} at start: open it when first used instead, "
                      "as sync/CurlLibrary.h does")
endif()
