// kioskctl keygen, pin and status: setting up a kiosk's keys and PIN, and seeing what it has collected.
#include "config/Config.h"
#include "core/TimeFormat.h"
#include "ctl/Commands.h"
#include "pledge/AdminPin.h"
#include "pledge/Keys.h"
#include "pledge/PledgeStore.h"
#include "sync/SigningKey.h"
#include "update/ContentKey.h"

#include <ctime>
#include <filesystem>
#include <iostream>
#include <memory>
#include <sodium.h>
#include <string>
#include <termios.h>
#include <unistd.h>

namespace kiosk::ctl {
namespace {

// Ends the command with `message` on stderr and exit status 1 (CLI11 turns this into the exit code).
[[noreturn]] void fail(const std::string& message) {
    std::cerr << "kioskctl: " << message << "\n";
    throw CLI::RuntimeError(1);
}

// Turns terminal echo off while a PIN is typed, and back on however the command ends.
class HiddenInput {
public:
    HiddenInput() {
        if (!::isatty(STDIN_FILENO) || ::tcgetattr(STDIN_FILENO, &saved_) != 0) return;
        termios quiet = saved_;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        active_ = ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet) == 0;
    }
    ~HiddenInput() {
        if (active_) {
            ::tcsetattr(STDIN_FILENO, TCSANOW, &saved_);
            std::cerr << "\n";
        }
    }
    HiddenInput(const HiddenInput&) = delete;
    HiddenInput& operator=(const HiddenInput&) = delete;

private:
    termios saved_{};
    bool active_ = false;
};

void keygen(const std::string& secretFile, const std::string& contentKeyFile) {
    if (secretFile.empty() && contentKeyFile.empty())
        fail("keygen needs SECRET_FILE (the sealing key), --content-key FILE (the content-signing key), or "
             "both");
    if (!contentKeyFile.empty()) {
        auto contentKey = update::writeNewContentKeyFile(contentKeyFile);
        if (!contentKey) fail(contentKey.error().message);
        std::cout << "content-public-key: " << update::contentKeyBase64(contentKey.value()) << "\n";
        std::cerr << "Put the content public key in each kiosk's config under [content_keys], like\n"
                  << "  campaign-2026 = \"" << update::contentKeyBase64(contentKey.value()) << "\"\n"
                  << "Keep " << contentKeyFile
                  << " off the kiosks: whoever holds it decides what every kiosk shows.\n";
    }
    if (secretFile.empty()) return;
    auto publicKey = pledge::writeNewSecretKeyFile(secretFile);
    if (!publicKey) fail(publicKey.error().message);
    std::cout << "public-key: " << pledge::toBase64(publicKey.value().bytes) << "\n";
    std::cerr << "Put the public key in each kiosk's config as coordinator_public_key.\n"
              << "Keep " << secretFile
              << " off the kiosks: it opens every pledge, and lost means unreadable.\n";
}

void pin() {
    std::string line;
    {
        if (::isatty(STDIN_FILENO)) std::cerr << "Admin PIN (4 to 12 digits): " << std::flush;
        const HiddenInput hidden;
        if (!std::getline(std::cin, line)) fail("no PIN on standard input");
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    auto hash = pledge::hashPin(line);
    sodium_memzero(line.data(), line.size());
    if (!hash) fail(hash.error().message);
    std::cout << hash.value() << "\n";
}

std::string localDateToday() {
    return formatLocal(std::time(nullptr), "%Y-%m-%d");
}

// The kiosk's signing public key, for the coordinator's --trusted-kiosks file. Only read, never made here:
// a key made by `sudo kioskctl status` would belong to root and lock the kiosk out of its own key.
std::string kioskKeyLine(const std::filesystem::path& dataDir) {
    std::error_code error;
    const bool present = std::filesystem::exists(dataDir / sync::kSigningKeyFileName, error);
    if (error)
        return "unknown (cannot look into " + dataDir.string() + ": " + error.message() +
               "; run as root or as the kiosk user)";
    if (!present) return "none yet (the kiosk makes its key when it first starts)";
    const auto key = sync::loadSigningKey(dataDir);
    if (!key) return "unreadable (" + key.error().message + "; run as root or as the kiosk user)";
    return sync::publicKeyBase64(key.value());
}

void status(const std::string& configFile) {
    const auto loaded = config::loadConfig(configFile);
    for (const auto& diagnostic : loaded.diagnostics)
        std::cerr << diagnostic.format() << "\n";
    const auto& settings = loaded.config;
    if (settings.dataDir.empty())
        fail(configFile + ": data_dir is not set, so there is no pledge store to read");

    std::cout << "kiosk: " << settings.kioskId << "\n";
    std::cout << "data-dir: " << settings.dataDir.string() << "\n";
    std::cout << "kiosk-key: " << kioskKeyLine(settings.dataDir) << "\n";
    if (settings.coordinatorPublicKey.empty()) {
        std::cout << "collecting: no (not set up to collect: no coordinator_public_key in the config)\n";
    } else if (auto key = pledge::parsePublicKey(settings.coordinatorPublicKey); !key) {
        std::cout << "collecting: no (" << key.error().message << ")\n";
    } else {
        std::cout << "collecting: yes\n";
    }
    if (!std::filesystem::exists(settings.dataDir / pledge::PledgeStore::kDatabaseFile)) {
        std::cout << "total: 0\ntoday: 0\nunsynced: 0\nunexported: 0\n";
        std::cerr << "No pledge database in " << settings.dataDir.string() << " yet: no pledge recorded.\n";
        return;
    }
    auto store = pledge::PledgeStore::openReadOnly(settings.dataDir);
    if (!store) fail(store.error().message);
    const auto counts = store.value().counts(localDateToday());
    if (!counts) fail(counts.error().message);
    std::cout << "total: " << counts.value().total << "\n";
    std::cout << "today: " << counts.value().today << "\n";
    std::cout << "unsynced: " << counts.value().unsynced << "\n";
    std::cout << "unexported: " << counts.value().unexported << "\n";
    for (const auto& [action, count] : counts.value().perAction) {
        std::cout << "action " << action << ": " << count << "\n";
    }
}

}  // namespace

void addPledgeCommands(CLI::App& app) {
    auto secretFile = std::make_shared<std::string>();
    auto contentKeyFile = std::make_shared<std::string>();
    auto* keygenCommand = app.add_subcommand(
        "keygen", "Make the coordinator's sealing key pair and/or a content-signing key pair: writes each "
                  "secret key (mode 0600) and prints the public key");
    keygenCommand->add_option("SECRET_FILE", *secretFile,
                              "where to write the sealing secret key (must not exist)");
    keygenCommand->add_option("--content-key", *contentKeyFile,
                              "where to write a content-signing secret key (must not exist)");
    keygenCommand->callback([secretFile, contentKeyFile] { keygen(*secretFile, *contentKeyFile); });

    app.add_subcommand("pin", "Read an admin PIN (one line on standard input) and print its admin_pin_hash")
        ->callback(pin);

    auto configFile = std::make_shared<std::string>();
    auto* statusCommand = app.add_subcommand(
        "status",
        "Print this kiosk's signing public key and how many pledges it holds: total, unsynced, per action");
    statusCommand->add_option("--config", *configFile, "the kiosk's config file (TOML)")
        ->required()
        ->check(CLI::ExistingFile);
    statusCommand->callback([configFile] { status(*configFile); });
}

}  // namespace kiosk::ctl
