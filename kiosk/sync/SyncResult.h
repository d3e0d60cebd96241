// sync/ reports failures with the pledge module's Result and Error, so the whole back end speaks one way.
#pragma once

#include "pledge/Result.h"

namespace kiosk::sync {

using pledge::Error;
using pledge::ErrorKind;
using pledge::Result;

}  // namespace kiosk::sync
