// A small pack built in code, in four languages, for behaviour tests that should not depend on the loader.
#pragma once

#include "content/Pack.h"

namespace kiosk::testing {

content::Pack samplePack();

} // namespace kiosk::testing
