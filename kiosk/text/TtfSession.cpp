// Keeps SDL_ttf initialised while it lives; SDL_ttf counts sessions, so several may overlap.
#include "text/TtfSession.h"

#include <SDL_ttf.h>

namespace kiosk::text {

Result<TtfSession> TtfSession::start() {
    if (TTF_Init() != 0) {
        return Failure{std::string("SDL_ttf could not start (") + TTF_GetError() +
                       "); check that libsdl2-ttf-2.0-0 and FreeType are installed"};
    }
    TtfSession session;
    session.active_ = true;
    return session;
}

TtfSession& TtfSession::operator=(TtfSession&& other) noexcept {
    if (this != &other) {
        if (active_) TTF_Quit();
        active_ = std::exchange(other.active_, false);
    }
    return *this;
}

TtfSession::~TtfSession() {
    if (active_) TTF_Quit();
}

}  // namespace kiosk::text
