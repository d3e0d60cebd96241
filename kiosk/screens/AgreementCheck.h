// What a signer could agree to unseen: a consent box that can be ticked while its words are not all on
// screen, or a consent offered with neither the privacy notice nor the button that turns to it in view.
#pragma once

#include "core/Scene.h"
#include "form/Form.h"

#include <string>
#include <vector>

namespace kiosk::screens {

// Empty when every tickable consent shows its whole text inside the screen, uncut and unshrunk past
// reading, and the privacy notice (or its page button) is on screen whenever the keyboard is not.
std::vector<SceneProblem> agreementProblems(const Scene& scene, const form::Form& form,
                                            const std::string& language, Size screen);

}  // namespace kiosk::screens
