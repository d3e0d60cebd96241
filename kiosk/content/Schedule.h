// Scheduled content: which dated slides, story sections and actions are shown by the kiosk's clock.
// docs/pack-format.md "Scheduled content" is the rule in words.
#pragma once

#include "content/Pack.h"
#include "core/Calendar.h"
#include "core/Navigator.h"

namespace kiosk::content {

// Whether an item with `dates` is shown now. Undated items always are. With a clock set from the network,
// a dated item shows from its `from` day to its `until` day, both included. With a clock not (yet) set from
// the network, which on a Pi without a battery clock starts at the last time it knew or earlier and so lags,
// never leads: an item shows only when it is current however far behind the clock is, that is when it has
// no `until` and its `from` is today or past. An unreadable clock shows undated items only.
bool showsNow(const DateWindow& dates, const ClockReading& clock);

// The slides, sections and actions out of their dates now, for the navigator and the screens.
HiddenItems outOfDate(const Pack& pack, const ClockReading& clock);

}  // namespace kiosk::content
