// The kioskctl subcommand groups; each group registers itself on the shared CLI11 app.
#pragma once

#include <CLI/CLI.hpp>

namespace kiosk::ctl {

// keygen, pin, status (pledge/)
void addPledgeCommands(CLI::App& app);
// export, push, import, csv, report (sync/)
void addSyncCommands(CLI::App& app);
// pack sign, pack verify (update/)
void addPackCommands(CLI::App& app);

}  // namespace kiosk::ctl
