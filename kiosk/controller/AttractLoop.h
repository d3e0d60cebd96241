// The attract loop: which slide shows and for how long, the language each slide speaks, and the cross-fade
// from one slide to the next. The top controller asks it when a slide is due and draws the fade it holds.
#pragma once

#include "content/Pack.h"
#include "core/Navigator.h"
#include "core/Scene.h"
#include "core/Time.h"

#include <functional>
#include <optional>
#include <string>

namespace kiosk {

class AttractLoop {
public:
    AttractLoop(const content::Pack& pack, Millis crossfade, Millis frameInterval)
        : pack_(pack), crossfade_(crossfade), frameInterval_(frameInterval) {}

    // The loop starts over at its first slide (the kiosk was left alone, or it starts).
    void restart(Millis now);
    // The language slide `view.item` speaks: each language in turn from `defaultLanguage`, one more each
    // round, so every slide meets every language. `roundsAhead` 1: in the round after this one.
    std::string slideLanguage(const View& view, const std::string& defaultLanguage,
                              int roundsAhead = 0) const;
    // Turns to the next slide when the current one's time is up; `current` is what is on screen, kept to fade
    // from. True when the slide changed.
    bool tick(Millis now, Navigator& nav, const std::function<const Scene&()>& current);
    // Ends a fade that has run its time; true when it did (one more frame at full opacity is due).
    bool endFade(Millis now);
    void stopFade() { fadeStart_.reset(); }
    bool fading() const { return fadeStart_.has_value(); }
    // The scene faded from, and how far the fade is, while one runs.
    std::optional<std::pair<const Scene*, float>> fade(Millis now) const;
    // The next slide change, or the next frame of a fade.
    std::optional<Millis> nextDeadline(Millis now, const View& view) const;

private:
    const content::Pack& pack_;
    Millis crossfade_;
    Millis frameInterval_;
    Millis slideStart_{0};
    int round_ = 0;  // completed rounds of the loop
    Scene fadingFrom_;
    std::optional<Millis> fadeStart_;
};

}  // namespace kiosk
