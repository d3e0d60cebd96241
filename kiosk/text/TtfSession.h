// Keeps SDL_ttf initialised while it lives; SDL_ttf counts sessions, so several may overlap.
#pragma once

#include "core/Result.h"

namespace kiosk::text {

class TtfSession {
public:
    // TTF_Init; no SDL video or window is needed.
    static Result<TtfSession> start();

    TtfSession(TtfSession&& other) noexcept : active_(std::exchange(other.active_, false)) {}
    TtfSession& operator=(TtfSession&& other) noexcept;
    TtfSession(const TtfSession&) = delete;
    TtfSession& operator=(const TtfSession&) = delete;
    ~TtfSession();

private:
    TtfSession() = default;
    bool active_ = false;
};

}  // namespace kiosk::text
