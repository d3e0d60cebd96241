// Slots on disk: data_dir/packs/state names the current and the fallback slot; everything else there is
// either one of those or a leftover to remove.
#include "update/PackSlots.h"

#include "content/PackLoader.h"
#include "sync/FileIo.h"
#include "update/PackVersion.h"

#include <fstream>
#include <random>
#include <sstream>

namespace kiosk::update {

namespace fs = std::filesystem;

namespace {

constexpr const char* kStateFile = "state";

std::string randomSuffix() {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::random_device random;
    std::string suffix;
    for (int i = 0; i < 8; ++i)
        suffix += kDigits[random() % 16];
    return suffix;
}

bool isSlotName(const std::string& name) {
    return name.rfind("slot-", 0) == 0 && name.find('/') == std::string::npos && name != "slot-";
}

// How the state file names a fallback.
const char* fallbackName(Fallback fallback) {
    switch (fallback) {
    case Fallback::None:
        return "none";
    case Fallback::SlotMissing:
        return "slot-missing";
    case Fallback::NotShown:
        return "not-shown";
    case Fallback::DidNotLoad:
        return "did-not-load";
    }
    return "none";
}

}  // namespace

PackSlots::PackSlots(fs::path dataDir) : root_(std::move(dataDir) / "packs") {}

SlotState PackSlots::state() const {
    SlotState state;
    std::ifstream file(root_ / kStateFile);
    std::string line;
    while (std::getline(file, line)) {
        const auto space = line.find(' ');
        const std::string key = line.substr(0, space);
        const std::string value = space == std::string::npos ? "" : line.substr(space + 1);
        if (key == "current" && isSlotName(value)) state.current = value;
        if (key == "previous" && isSlotName(value)) state.previous = value;
        if (key == "signer") state.signer = value;
        if (key == "previous-signer") state.previousSigner = value;
        if (key == "trial") state.trial = value == "1";
        if (key == "trial-starts")
            state.trialStarts = value.empty() || value.size() > 3 ? 0 : std::atoi(value.c_str());
        if (key == "fallback") {
            // "fallback KIND FROM"; a state written before kinds ("note TEXT") has no fallback to show.
            const auto gap = value.find(' ');
            const std::string kind = value.substr(0, gap);
            for (const Fallback known : {Fallback::SlotMissing, Fallback::NotShown, Fallback::DidNotLoad})
                if (kind == fallbackName(known)) state.fallback = known;
            const std::string from = gap == std::string::npos ? "" : value.substr(gap + 1);
            if (state.fallback != Fallback::None && isSlotName(from)) state.fallbackFrom = from;
        }
    }
    return state;
}

Result<void> PackSlots::save(const SlotState& state) {
    std::ostringstream text;
    text << "current " << state.current << "\nprevious " << state.previous << "\nsigner " << state.signer
         << "\nprevious-signer " << state.previousSigner << "\ntrial " << (state.trial ? 1 : 0)
         << "\ntrial-starts " << state.trialStarts << "\nfallback " << fallbackName(state.fallback) << " "
         << state.fallbackFrom << "\n";
    auto written = sync::writeFileAtomically(root_ / kStateFile, text.str(), 0644);
    if (!written) return Failure{written.error().message};
    return {};
}

void PackSlots::removeUnused(const SlotState& state, bool downloadsToo) {
    std::error_code error;
    for (fs::directory_iterator it(root_, error), end; !error && it != end; it.increment(error)) {
        const std::string name = it->path().filename().string();
        if (name == kStateFile || name == state.current || name == state.previous) continue;
        if (!downloadsToo && name.rfind("download-", 0) == 0) continue;
        std::error_code ignored;
        fs::remove_all(it->path(), ignored);
    }
}

StartChoice PackSlots::chooseAtStart() {
    std::error_code error;
    if (!fs::is_directory(root_, error)) return {};
    SlotState current = state();
    StartChoice choice;
    if (!current.current.empty() && !fs::is_directory(root_ / current.current, error)) {
        current.fallback = Fallback::SlotMissing;
        current.fallbackFrom = current.current;
        current.current = current.previous;
        current.previous.clear();
        current.signer = current.previousSigner;
        current.previousSigner.clear();
        current.trial = false;
        (void)save(current);
    } else if (current.trial && current.trialStarts >= 1) {
        // It started before and never showed its first screen (a crash or a hang while drawing it).
        revert(Fallback::NotShown);
        current = state();
    } else if (current.trial) {
        current.trialStarts += 1;
        (void)save(current);
    }
    removeUnused(current, true);
    if (!current.current.empty()) choice.folder = root_ / current.current;
    choice.signer = current.signer;
    choice.fallback = current.fallback;
    choice.fallbackFrom = current.fallbackFrom;
    return choice;
}

Result<void> PackSlots::confirmShown() {
    SlotState current = state();
    if (!current.trial) return {};
    current.trial = false;
    current.trialStarts = 0;
    current.fallback = Fallback::None;
    current.fallbackFrom.clear();
    return save(current);
}

void PackSlots::revert(Fallback why) {
    SlotState current = state();
    current.fallback = why;
    current.fallbackFrom = current.current;
    current.current = current.previous;
    current.previous.clear();
    current.trial = false;
    current.trialStarts = 0;
    // The fallback slot names its own signer (none when the fallback is the configured pack folder).
    current.signer = current.current.empty() ? std::string() : current.previousSigner;
    current.previousSigner.clear();
    (void)save(current);
    removeUnused(current, false);
}

ArchiveError notNewer(const std::string& file, const Manifest& manifest, const std::string& runningVersion) {
    ArchiveError older{Refusal::Older, ArchiveError::Kind::NotNewer};
    older.file = file;
    older.packId = manifest.packId;
    older.version = manifest.version;
    older.running = runningVersion;
    return older;
}

Result<Installed, ArchiveError> PackSlots::install(const fs::path& file,
                                                   std::span<const ContentPublicKey> trusted,
                                                   const std::string& runningVersion, ImageMeasurer* images) {
    // Trouble on this kiosk's side with `file`: `path` is where, `detail` the system's words.
    const auto local = [&file](ArchiveError::Kind kind, std::string path, std::string detail) {
        ArchiveError error{Refusal::Unreadable, kind};
        error.file = file.string();
        error.path = std::move(path);
        error.detail = std::move(detail);
        return error;
    };
    std::error_code error;
    fs::create_directories(root_, error);
    if (error) return local(ArchiveError::Kind::CannotMakeFolder, root_.string(), error.message());
    SlotState current = state();
    removeUnused(current, false);

    const auto checked = readPackArchive(file, trusted);
    if (!checked) return checked.error();
    const Manifest& manifest = checked.value();
    if (!runningVersion.empty() && comparePackVersions(manifest.version, runningVersion) <= 0)
        return notNewer(file.string(), manifest, runningVersion);

    const std::string slotName = "slot-" + manifest.packId + "-" + manifest.version + "-" + randomSuffix();
    const fs::path incoming = root_ / ("incoming-" + randomSuffix());
    auto unpacked = readPackArchive(file, trusted, incoming);
    const auto discard = [&] {
        std::error_code ignored;
        fs::remove_all(incoming, ignored);
    };
    if (!unpacked) {
        discard();
        return unpacked.error();
    }
    // The file may have changed between the two reads: what counts is what was unpacked.
    if (unpacked.value().version != manifest.version || unpacked.value().packId != manifest.packId) {
        discard();
        ArchiveError changed{Refusal::Damaged, ArchiveError::Kind::ChangedWhileRead};
        changed.file = file.string();
        return changed;
    }
    const auto loaded = content::loadPack(incoming, images);
    if (!loaded.pack || loaded.pack->id != manifest.packId || loaded.pack->version != manifest.version) {
        ArchiveError invalid{Refusal::Invalid, ArchiveError::Kind::NotAsSigned};
        invalid.file = file.string();
        if (loaded.pack) {
            invalid.packId = loaded.pack->id;
            invalid.version = loaded.pack->version;
        } else {
            invalid.kind = ArchiveError::Kind::DoesNotLoad;
            for (const auto& diagnostic : loaded.diagnostics)
                if (diagnostic.severity == content::Severity::Error) {
                    invalid.path = diagnostic.file;
                    invalid.line = diagnostic.line;
                    invalid.column = diagnostic.column;
                    invalid.detail = diagnostic.message;
                    break;
                }
        }
        discard();
        return invalid;
    }
    fs::rename(incoming, root_ / slotName, error);
    if (error || !sync::fsyncFolder(root_)) {
        discard();
        return local(ArchiveError::Kind::CannotPlace, root_.string(), {});
    }
    SlotState next;
    next.current = slotName;
    next.previous = current.current;
    next.signer = unpacked.value().signer;
    next.previousSigner = current.current.empty() ? std::string() : current.signer;
    next.trial = true;
    if (auto saved = save(next); !saved) {
        std::error_code ignored;
        fs::remove_all(root_ / slotName, ignored);
        return local(ArchiveError::Kind::CannotKeepState, {}, saved.error().message);
    }
    removeUnused(next, false);
    return Installed{unpacked.value(), root_ / slotName};
}

}  // namespace kiosk::update
