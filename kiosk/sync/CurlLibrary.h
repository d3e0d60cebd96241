// libcurl, opened the first time the kiosk talks to a server rather than linked. Linked, libcurl and the
// libraries it needs (two TLS stacks, Kerberos, LDAP, SSH, RTMP: 28 of the kiosk's 101) were bound at every
// start, about 29 million instructions, an eighth of the first frame, for a network many booths never have.
#pragma once

#include "sync/SyncResult.h"

#include <curl/curl.h>

namespace kiosk::sync {

// The libcurl functions the kiosk calls, with libcurl's own signatures.
struct CurlLibrary {
    decltype(&::curl_easy_init) easyInit = nullptr;
    decltype(&::curl_easy_setopt) easySetopt = nullptr;
    decltype(&::curl_easy_perform) easyPerform = nullptr;
    decltype(&::curl_easy_getinfo) easyGetinfo = nullptr;
    decltype(&::curl_easy_cleanup) easyCleanup = nullptr;
    decltype(&::curl_easy_strerror) easyStrerror = nullptr;
    decltype(&::curl_slist_append) slistAppend = nullptr;
    decltype(&::curl_slist_free_all) slistFreeAll = nullptr;
    decltype(&::curl_url) url = nullptr;
    decltype(&::curl_url_set) urlSet = nullptr;
    decltype(&::curl_url_get) urlGet = nullptr;
    decltype(&::curl_url_cleanup) urlCleanup = nullptr;
    decltype(&::curl_free) free = nullptr;
};

// The file the kiosk opens: libcurl's soname, from Debian's libcurl4.
inline constexpr const char* kCurlSoname = "libcurl.so.4";

// libcurl, loaded and initialised once a process (thread-safe); or, when it cannot be, why and what to do.
// The library stays loaded until the process ends.
Result<const CurlLibrary*> curlLibrary();

}  // namespace kiosk::sync
