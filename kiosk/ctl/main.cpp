// kioskctl: the command-line tool for setting up a kiosk and moving its pledges; wiring only.
#include "crypto/Sodium.h"
#include "ctl/Commands.h"

#include <CLI/CLI.hpp>
#include <iostream>

int main(int argc, char** argv) {
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
