// Benchmark: the CPU one admin PIN check costs (crypto_pwhash_str_verify) with the kiosk's Argon2id setting
// and the settings it replaced, interleaved so that load on the machine falls on each alike; figures only.
// docs/hardening.md turns the figure into the time an offline search of every PIN takes.
#include "crypto/Sodium.h"
#include "pledge/AdminPin.h"

#include <cstdio>
#include <ctime>
#include <sodium.h>
#include <string>
#include <vector>

namespace {

double cpuSeconds() {
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

struct Setting {
    const char* name;
    unsigned long long passes;
    std::size_t memoryBytes;
    std::string hash;
    double cpu = 0;
};

}  // namespace

int main() {
    constexpr int kChecks = 20;
    constexpr const char* kPin = "48213307";
    if (!kiosk::crypto::startSodium()) return 1;
    std::vector<Setting> settings{
        {"the kiosk's, pledge/AdminPin.h",
         kiosk::pledge::kPinHashPasses,
         kiosk::pledge::kPinHashMemoryBytes,
         {}},
        {"issue 12's first round", 2, 19ull << 20, {}},
        {"before issue 12", 2, 64ull << 20, {}},
    };
    for (auto& setting : settings) {
        char hash[crypto_pwhash_STRBYTES];
        if (crypto_pwhash_str_alg(hash, kPin, 8, setting.passes, setting.memoryBytes,
                                  crypto_pwhash_ALG_ARGON2ID13) != 0)
            return 1;
        setting.hash = hash;
    }
    for (int round = 0; round < kChecks; ++round) {
        for (auto& setting : settings) {
            const double start = cpuSeconds();
            if (crypto_pwhash_str_verify(setting.hash.c_str(), kPin, 8) != 0) return 1;
            setting.cpu += cpuSeconds() - start;
        }
    }
    for (const auto& setting : settings)
        std::printf("PIN check, Argon2id %zu MiB, %llu passes (%s): %.1f ms of CPU (mean of %d)\n",
                    setting.memoryBytes >> 20, setting.passes, setting.name, setting.cpu * 1000 / kChecks,
                    kChecks);
    return 0;
}
