// The one way a broken invariant ends the program.
#include "core/Invariant.h"

#include <cstdio>
#include <cstdlib>

namespace kiosk {

void invariantBroken(const char* condition, const char* why, const char* file, int line) {
    std::fprintf(stderr, "invariant broken at %s:%d: %s (%s)\n", file, line, condition, why);
    std::fflush(stderr);
    std::abort();
}

}  // namespace kiosk
