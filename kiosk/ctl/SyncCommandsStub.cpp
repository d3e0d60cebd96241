// Stands in for SyncCommands.cpp until the sync commands exist, so kioskctl always links.
#include "ctl/Commands.h"

namespace kiosk::ctl {

void addSyncCommands(CLI::App&) {}

}  // namespace kiosk::ctl
