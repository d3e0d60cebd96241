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

struct SlotState {
    std::string current;   // slot folder name in data_dir/packs, empty: none (the configured pack is shown)
    std::string previous;  // the fallback slot, empty: the configured pack
    std::string signer;    // base64 key that signed current
    std::string previousSigner;  // base64 key that signed previous, so a fallback still names its signer
    bool trial = false;          // current has not yet shown its first screen
    int trialStarts = 0;  // starts of current while on trial; a second start without a shown screen reverts
    std::string note;     // the last fallback, in words for the volunteer menu
};

struct StartChoice {
    std::filesystem::path folder;  // the slot to show; empty: show the configured pack
    std::string signer;
    std::string note;  // what happened (a fallback), for the log and the volunteer menu; may be empty
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
    // The current slot could not be shown: back to the previous one; returns the note saying so.
    std::string revert(const std::string& why);

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

}  // namespace kiosk::update
