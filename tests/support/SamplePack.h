// A small pack built in code, in four languages, for behaviour tests that should not depend on the loader.
#pragma once

#include "content/Pack.h"

namespace kiosk::testing {

content::Pack samplePack();
// The form of the sample's `ratify-uncat` action: name (max 20), email, phone, state; consents sign, updates.
form::Form sampleForm();

}  // namespace kiosk::testing
