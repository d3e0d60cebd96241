// kioskctl pack sign and pack verify: turning a pack folder into one signed file, and checking one.
#include "content/PackLoader.h"
#include "core/TimeFormat.h"
#include "ctl/Commands.h"
#include "reports/VolunteerWords.h"
#include "update/PackArchive.h"

#include <ctime>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace kiosk::ctl {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void fail(const std::string& message) {
    std::cerr << "kioskctl: " << message << "\n";
    throw CLI::RuntimeError(1);
}

std::string utcNow() {
    return formatUtc(std::time(nullptr), "%Y-%m-%dT%H:%M:%SZ");
}

void printManifest(const update::Manifest& manifest) {
    std::cout << "pack-id: " << manifest.packId << "\n";
    std::cout << "version: " << manifest.version << "\n";
    std::cout << "pack-format: " << manifest.packFormat << "\n";
    std::cout << "signer: " << manifest.signer << "\n";
    std::cout << "signed-at: " << manifest.signedAt << "\n";
    std::cout << "files: " << manifest.files.size() << " (" << manifest.totalBytes() << " bytes)\n";
}

void sign(const std::string& dir, const std::string& keyFile, const std::string& out) {
    const auto key = update::readContentKeyFile(keyFile);
    if (!key) fail(key.error().message);
    const auto manifest = update::signPackFolder(dir, key.value(), out, utcNow());
    if (!manifest) fail(manifest.error().message);
    std::cout << "signed: " << out << "\n";
    printManifest(manifest.value());
    std::cerr << "Publish it by copying it into the server's packs/ folder or a stick's "
                 "outreach-kiosk-sync/packs/ (see docs/pack-format.md, \"Publishing\").\n";
}

// Checks the signature and every file, then unpacks into a scratch folder and loads the pack as a kiosk
// would, so "ok" means a kiosk trusting these keys would take it.
void verify(const std::string& file, const std::vector<std::string>& trustedKeys, bool listFiles) {
    std::vector<update::ContentPublicKey> trusted;
    for (const auto& text : trustedKeys) {
        const auto key = update::parseContentPublicKey(text);
        if (!key) fail("--trusted: " + key.error().message);
        trusted.push_back(key.value());
    }
    std::string scratch = (fs::temp_directory_path() / "kioskctl-verify-XXXXXX").string();
    if (::mkdtemp(scratch.data()) == nullptr) fail("cannot make a scratch folder in " + scratch);
    const auto cleanup =
        std::unique_ptr<std::string, void (*)(std::string*)>(&scratch, [](std::string* path) {
            std::error_code ignored;
            fs::remove_all(*path, ignored);
        });
    const fs::path unpacked = fs::path(scratch) / "pack";
    const auto manifest = update::readPackArchive(file, trusted, unpacked);
    if (!manifest) {
        // The kiosk's own sentence for the refusal ("forged: ..."), its name put in brackets.
        const std::string_view name = reports::refusalName(manifest.error().reason);
        fail("refused (" + std::string(name) +
             "): " + reports::refusalText(manifest.error()).substr(name.size() + 2));
    }
    const auto loaded = content::loadPack(unpacked, nullptr);
    if (!loaded.pack || loaded.pack->id != manifest.value().packId ||
        loaded.pack->version != manifest.value().version) {
        std::string message = "refused (invalid): " + file + " is signed and whole, but the pack in it";
        if (loaded.pack)
            message += " is " + loaded.pack->id + " " + loaded.pack->version + ", not what its manifest says";
        else
            message += " does not load:";
        for (const auto& diagnostic : loaded.diagnostics)
            if (diagnostic.severity == content::Severity::Error) message += "\n" + diagnostic.format();
        fail(message);
    }
    std::cout << "ok: signed by a trusted key, every file whole, the pack loads\n";
    printManifest(manifest.value());
    if (listFiles)
        for (const auto& entry : manifest.value().files)
            std::cout << "file " << update::sha256Hex(entry.sha256) << " " << entry.size << " " << entry.path
                      << "\n";
}

}  // namespace

void addPackCommands(CLI::App& app) {
    auto* pack = app.add_subcommand("pack", "Sign a content pack into one file, or check a signed pack");
    pack->require_subcommand(1);

    struct SignArgs {
        std::string dir, key, out;
    };
    auto signArgs = std::make_shared<SignArgs>();
    auto* signCommand = pack->add_subcommand("sign", "Sign the pack folder DIR into one .okpack file");
    signCommand->add_option("DIR", signArgs->dir, "the pack folder (it must load without errors)")
        ->required()
        ->check(CLI::ExistingDirectory);
    signCommand
        ->add_option("--key", signArgs->key, "the content-signing secret key (kioskctl keygen --content-key)")
        ->required()
        ->check(CLI::ExistingFile);
    signCommand
        ->add_option("--out", signArgs->out, "the signed file to write, like stop-torture-1.4.0.okpack")
        ->required();
    signCommand->callback([signArgs] { sign(signArgs->dir, signArgs->key, signArgs->out); });

    struct VerifyArgs {
        std::string file;
        std::vector<std::string> trusted;
        bool files = false;
    };
    auto verifyArgs = std::make_shared<VerifyArgs>();
    auto* verifyCommand =
        pack->add_subcommand("verify", "Check a signed pack against trusted keys and print what it holds");
    verifyCommand->add_option("FILE", verifyArgs->file, "the .okpack file")->required();
    verifyCommand->add_option("--trusted", verifyArgs->trusted, "trusted content public keys (base64)")
        ->required();
    verifyCommand->add_flag("--files", verifyArgs->files, "also list every file with its SHA-256 and size");
    verifyCommand->callback(
        [verifyArgs] { verify(verifyArgs->file, verifyArgs->trusted, verifyArgs->files); });
}

}  // namespace kiosk::ctl
