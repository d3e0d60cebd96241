// kioskctl: the command-line tool for setting up a kiosk and moving its pledges; wiring only.
#include "crypto/Sodium.h"
#include "ctl/Commands.h"

#include <CLI/CLI.hpp>
#include <iostream>

// An exception that escapes is a bug of ours: std::terminate names it and the command fails, as for a broken
// invariant (core/Invariant.h).
int main(int argc, char** argv) {  // NOLINT(bugprone-exception-escape): see above
    CLI::App app{"kioskctl: keys, admin PIN, status and pledge sync for outreach-kiosk"};
    app.require_subcommand(1);
    kiosk::ctl::addPledgeCommands(app);
    kiosk::ctl::addSyncCommands(app);
    kiosk::ctl::addPackCommands(app);
    // Once, before anything seals, signs or draws random numbers (the modules also ask, for other callers).
    if (auto sodium = kiosk::crypto::startSodium(); !sodium) {
        std::cerr << "kioskctl: " << sodium.error().message << "\n";
        return 1;
    }
    CLI11_PARSE(app, argc, argv);
    return 0;
}
