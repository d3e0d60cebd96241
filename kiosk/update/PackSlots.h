// The kiosk's installed pack updates: unpacked slots in data_dir/packs, which one is current, which is the
// fallback, and whether the current one has shown its first screen yet. Every change is a complete slot
// renamed into place, then one small state file replaced atomically, so a power cut at any point leaves the
// old pack or the new one, complete.
#pragma once

#include "core/ImageMeasurer.h"
#include "core/Result.h"
#include "update/PackArchive.h"

#include <filesystem>
#include <optional>
#include <span>
#include <string>

namespace kiosk::update {

// Why the kiosk went back to the previous pack by itself (None: it has not, or that pack has since shown).
enum class Fallback {
    None,
    SlotMissing,  // the current slot's folder was gone at start
    NotShown,     // the current slot started once and never showed its first screen
    DidNotLoad,   // the running kiosk could not load the current slot
};

struct SlotState {
    std::string current;   // slot folder name in data_dir/packs, empty: none (the configured pack is shown)
    std::string previous;  // the fallback slot, empty: the configured pack
    std::string signer;    // base64 key that signed current
    std::string previousSigner;  // base64 key that signed previous, so a fallback still names its signer
    bool trial = false;          // current has not yet shown its first screen
    int trialStarts = 0;  // starts of current while on trial; a second start without a shown screen reverts
    Fallback fallback = Fallback::None;  // the last fallback, for the volunteer menu to word
    std::string fallbackFrom;            // the slot it left
};

struct StartChoice {
    std::filesystem::path folder;  // the slot to show; empty: show the configured pack
    std::string signer;
    Fallback fallback =
        Fallback::None;        // a fallback not yet followed by a shown screen (the log and the menu)
    std::string fallbackFrom;  // the slot it left
};

struct Installed {
    Manifest manifest;
    std::filesystem::path folder;
};

class PackSlots {
public:
    explicit PackSlots(std::filesystem::path dataDir);

    std::filesystem::path root() const { return root_; }
    SlotState state() const;

    // At start: clears what a cut-short install left, and if the current slot started once before without
    // showing its first screen, goes back to the previous one and says so.
    StartChoice chooseAtStart();
    // The current slot showed its first screen: it is no longer on trial.
    Result<void> confirmShown();
    // The current slot could not be shown (`why`: NotShown or DidNotLoad): back to the previous one.
    void revert(Fallback why);

    // Checks `file` against `trusted`, refuses it when its version is not newer than `runningVersion`,
    // unpacks it into a new slot, loads it fully (images decoded when `images` is given), and makes it
    // current on trial with the running slot as the fallback.
    Result<Installed, ArchiveError> install(const std::filesystem::path& file,
                                            std::span<const ContentPublicKey> trusted,
                                            const std::string& runningVersion, ImageMeasurer* images);

private:
    Result<void> save(const SlotState& state);
    void removeUnused(const SlotState& state, bool downloadsToo);

    std::filesystem::path root_;
};

// The refusal of `file`, which holds `manifest`, for not being newer than `runningVersion`.
ArchiveError notNewer(const std::string& file, const Manifest& manifest, const std::string& runningVersion);

}  // namespace kiosk::update
