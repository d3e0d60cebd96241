// Reads the pledge scene as a signer would: which boxes can be ticked, and which words are on screen.
#include "screens/AgreementCheck.h"

#include <algorithm>
#include <cctype>

namespace kiosk::screens {

namespace {
// Wrapping only ever drops white space at line ends: compare texts without it.
std::string withoutSpaces(std::string_view text) {
    std::string out;
    for (const char c : text)
        if (!std::isspace(static_cast<unsigned char>(c))) out += c;
    return out;
}
}  // namespace

std::vector<SceneProblem> agreementProblems(const Scene& scene, const form::Form& form,
                                            const std::string& language, Size screen) {
    std::vector<SceneProblem> problems;
    const Rect whole{0, 0, screen.w, screen.h};
    bool anyConsent = false;
    for (const auto& consent : form.consents) {
        const std::string boxId = "consent-" + consent.id;
        const Widget* box = scene.find(boxId);
        if (!box || !box->tappable) continue;
        anyConsent = true;
        if (!whole.containsRect(box->rect)) problems.push_back({boxId, "the tick box is off the screen"});
        const std::string textId = boxId + "-text";
        const Widget* words = scene.find(textId);
        if (!words) {
            problems.push_back({boxId, "the box can be ticked but its words are not shown"});
            continue;
        }
        std::string shown;
        for (const auto& line : words->lines) {
            shown += line.text;
            if (!whole.contains(line.origin) || line.origin.x + line.width > screen.w ||
                line.origin.y >= words->rect.bottom())
                problems.push_back(
                    {textId, "the line \"" + line.text + "\" is outside the screen or its box"});
        }
        if (!whole.containsRect(words->rect)) problems.push_back({textId, "the words run off the screen"});
        const std::string expected = withoutSpaces(form::textIn(consent.text, language));
        if (withoutSpaces(shown).find(expected) == std::string::npos)
            problems.push_back(
                {textId, "the box can be ticked but its words are not all shown: \"" + shown + "\""});
        for (const auto& problem : scene.problems)
            if (problem.widgetId == textId)
                problems.push_back({textId, "the words do not fit: " + problem.what});
    }
    const bool keyboard = std::any_of(scene.widgets.begin(), scene.widgets.end(), [](const Widget& w) {
        return w.tappable && (w.id.starts_with("key-") || w.id.starts_with("option-"));
    });
    if (anyConsent && !keyboard && !scene.find("privacy-notice") && !scene.find("privacy-more"))
        problems.push_back({"privacy-notice", "consents are offered without the privacy notice in view"});
    return problems;
}

}  // namespace kiosk::screens
