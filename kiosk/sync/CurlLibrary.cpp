// Opens libcurl with dlopen and looks up each function the kiosk calls; see CurlLibrary.h for why.
#include "sync/CurlLibrary.h"

#include <dlfcn.h>
#include <mutex>
#include <string>

namespace kiosk::sync {

namespace {

struct Loaded {
    CurlLibrary library;
    std::string error;
};

template <typename Function> bool lookUp(void* handle, const char* name, Function& into, std::string& error) {
    void* found = dlsym(handle, name);
    if (!found) {
        error = std::string("libcurl has no ") + name + " (too old?): install Debian 12's libcurl4";
        return false;
    }
    // POSIX guarantees a function's address survives the trip through void*.
    into = reinterpret_cast<Function>(found);  // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast)
    return true;
}

Loaded load() {
    Loaded out;
    void* handle = dlopen(kCurlSoname, RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        const char* why = dlerror();
        out.error = std::string("cannot load ") + kCurlSoname + " (" + (why ? why : "unknown reason") +
                    "): install Debian's libcurl4 (apt-get install libcurl4)";
        return out;
    }
    CurlLibrary& l = out.library;
    std::string& e = out.error;
    const bool all =
        lookUp(handle, "curl_easy_init", l.easyInit, e) &&
        lookUp(handle, "curl_easy_setopt", l.easySetopt, e) &&
        lookUp(handle, "curl_easy_perform", l.easyPerform, e) &&
        lookUp(handle, "curl_easy_getinfo", l.easyGetinfo, e) &&
        lookUp(handle, "curl_easy_cleanup", l.easyCleanup, e) &&
        lookUp(handle, "curl_easy_strerror", l.easyStrerror, e) &&
        lookUp(handle, "curl_slist_append", l.slistAppend, e) &&
        lookUp(handle, "curl_slist_free_all", l.slistFreeAll, e) && lookUp(handle, "curl_url", l.url, e) &&
        lookUp(handle, "curl_url_set", l.urlSet, e) && lookUp(handle, "curl_url_get", l.urlGet, e) &&
        lookUp(handle, "curl_url_cleanup", l.urlCleanup, e) && lookUp(handle, "curl_free", l.free, e);
    if (!all) return out;
    // curl_easy_init would initialise libcurl itself, but not safely while another thread does too.
    decltype(&::curl_global_init) globalInit = nullptr;
    if (!lookUp(handle, "curl_global_init", globalInit, e)) return out;
    if (const CURLcode code = globalInit(CURL_GLOBAL_DEFAULT); code != CURLE_OK)
        e = "libcurl could not initialise (" + std::string(l.easyStrerror(code)) + ")";
    return out;
}

}  // namespace

Result<const CurlLibrary*> curlLibrary() {
    static std::once_flag once;
    static Loaded loaded;
    std::call_once(once, [] { loaded = load(); });
    if (!loaded.error.empty()) return Error{ErrorKind::NotSetUp, loaded.error};
    return &loaded.library;
}

}  // namespace kiosk::sync
