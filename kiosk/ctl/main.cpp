// kioskctl: the command-line tool for setting up a kiosk and moving its pledges; wiring only.
#include "ctl/Commands.h"

#include <CLI/CLI.hpp>

int main(int argc, char** argv) {
    CLI::App app{"kioskctl: keys, admin PIN, status and pledge sync for outreach-kiosk"};
    app.require_subcommand(1);
    kiosk::ctl::addPledgeCommands(app);
    kiosk::ctl::addSyncCommands(app);
    kiosk::ctl::addPackCommands(app);
    CLI11_PARSE(app, argc, argv);
    return 0;
}
