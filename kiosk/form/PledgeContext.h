// What was on screen when the person pressed "sign": the action, the language the form and consents were
// shown in, and the pack; the recorder seals it with the pledge.
#pragma once

#include <string>

namespace kiosk::form {

struct PledgeContext {
    std::string actionId;
    std::string language;  // the language the form and consents were shown in
    std::string packId;
    std::string packVersion;
};

}  // namespace kiosk::form
