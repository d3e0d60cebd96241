// Test helper: installs two signed packs in turn, forever, as a kiosk would (start, show, install), so the
// SIGKILL test can cut it at any point of an update.
#include "reports/VolunteerWords.h"
#include "update/PackSlots.h"

#include <cstdio>
#include <string>

using namespace kiosk::update;

int main(int argc, char** argv) {
    if (argc != 5) {
        std::fprintf(stderr, "usage: update_install_loop DATA_DIR PUBLIC_KEY A.okpack B.okpack\n");
        return 2;
    }
    const auto key = parseContentPublicKey(argv[2]);
    if (!key) return 2;
    const std::vector<ContentPublicKey> trusted{key.value()};
    PackSlots slots(argv[1]);
    for (unsigned long round = 0;; ++round) {
        (void)slots.chooseAtStart();
        (void)slots.confirmShown();
        auto installed = slots.install(argv[3 + round % 2], trusted, "", nullptr);
        if (!installed) {
            std::fprintf(stderr, "%s\n", kiosk::reports::refusalText(installed.error()).c_str());
            return 1;
        }
    }
}
