// The attract loop's timing: slide durations from the pack, a language a slide, cross-fades.
#include "controller/AttractLoop.h"

#include <algorithm>

namespace kiosk {

void AttractLoop::restart(Millis now) {
    round_ = 0;
    slideStart_ = now;
    fadeStart_.reset();
}

std::string AttractLoop::slideLanguage(const View& view, const std::string& defaultLanguage,
                                       int roundsAhead) const {
    const auto& languages = pack_.languages;
    if (languages.empty()) return defaultLanguage;
    const auto first = std::find(languages.begin(), languages.end(), defaultLanguage);
    const auto start = first == languages.end() ? 0 : first - languages.begin();
    const auto turn = start + view.item + round_ + roundsAhead;
    return languages[static_cast<std::size_t>(turn) % languages.size()];
}

bool AttractLoop::tick(Millis now, Navigator& nav, const std::function<const Scene&()>& current) {
    if (nav.view().screen != ScreenId::Attract || pack_.slides.empty()) return false;
    const auto& slide = pack_.slides[static_cast<std::size_t>(nav.view().item) % pack_.slides.size()];
    if (now - slideStart_ < Millis(slide.durationMs)) return false;
    fadingFrom_ = current();
    if (nav.nextSlide()) ++round_;
    fadeStart_ = now;
    slideStart_ = now;
    return true;
}

bool AttractLoop::endFade(Millis now) {
    if (!fadeStart_ || now - *fadeStart_ < crossfade_) return false;
    fadeStart_.reset();
    return true;
}

std::optional<std::pair<const Scene*, float>> AttractLoop::fade(Millis now) const {
    if (!fadeStart_) return std::nullopt;
    const float progress = std::clamp(
        static_cast<float>((now - *fadeStart_).count()) / static_cast<float>(crossfade_.count()), 0.0f, 1.0f);
    return std::make_pair(&fadingFrom_, progress);
}

std::optional<Millis> AttractLoop::nextDeadline(Millis now, const View& view) const {
    std::optional<Millis> next;
    if (fadeStart_) next = now + frameInterval_;
    if (view.screen == ScreenId::Attract && !pack_.slides.empty()) {
        const auto& slide = pack_.slides[static_cast<std::size_t>(view.item) % pack_.slides.size()];
        const Millis end = slideStart_ + Millis(slide.durationMs);
        next = next ? std::min(*next, end) : end;
    }
    return next;
}

}  // namespace kiosk
