// Why a signed pack file (.okpack) was refused, as data: its family (the name the menu, the log and kioskctl
// give it: "refused forged: ..."), the precise kind and the facts that kind needs. update/ fills it;
// reports/VolunteerWords.cpp writes the one sentence for it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace kiosk::reports {

// The family of a refusal.
enum class Refusal {
    Unsigned,    // not a signed pack at all, or its signature is missing
    Forged,      // the signature is not from a trusted key, or the signed manifest was altered
    Damaged,     // a file's bytes or the file's length differ from what the signed manifest says
    Oversized,   // over the documented limits (file size, manifest, file count, pack bytes)
    Older,       // not newer than the pack the kiosk runs (no rollback)
    Invalid,     // signed and whole, but the pack inside does not load (or names another format)
    Unreadable,  // could not be read or unpacked here (I/O, full disk)
};
// "unsigned", "forged", ...
std::string_view refusalName(Refusal reason);

// What in a signed manifest is wrong (PackRefusal::Kind::BadManifest, at `line`).
enum class ManifestProblem {
    NoLineEnd,        // the last line has no line end
    NotManifest,      // the first line is not "okpack-manifest 1"
    NoValue,          // a line has a key and no value
    FormatNotNumber,  // pack-format is not a number
    ShortFileLine,    // a file line lacks its SHA-256, size or path
    BadDigest,        // a file line's SHA-256 is not 64 hex digits
    BadSize,          // a file line's size is not a number
    BadPath,          // `path` is not a plain relative path
    ListedTwice,      // `path` is listed twice
    TooManyFiles,     // more files than a pack may hold (`limit`)
    UnknownKey,       // a key the kiosk does not know: `detail`
    Incomplete,       // pack-id, version, pack-format or signer is missing (`line` 0)
};

struct PackRefusal {
    enum class Kind {
        // Unreadable
        CannotStart,         // libsodium did not start: `detail`
        CannotRead,          // `file` cannot be opened: `detail`
        CannotReadManifest,  // `file`'s manifest cannot be read
        CannotMakeFolder,    // `path` (a folder) cannot be made: `detail`; empty `detail`: it exists already
        CannotWrite,         // `path` cannot be written: `detail`
        CannotSync,          // `path` (a folder) cannot be fsynced
        CannotPlace,         // the new pack cannot be put in place in `path`
        CannotKeepState,     // the slots' state cannot be kept: `detail`
        CannotFetch,         // the source could not hand the file over: `detail` (its own words, naming it)
        // Unsigned
        NotAFile,     // `file` is not a file
        NoHeader,     // `file` has no OKPACK1 header
        NoSignature,  // `file`'s signature is all zeros
        // Forged
        NotTrusted,  // no trusted key (`count` of them) made the signature, or the manifest was altered
        // Damaged
        CutShort,          // `file` ends before its signature
        WrongLength,       // `file` is `bytes` long; its manifest says `limit`
        FileCutShort,      // `file` ends inside `path`
        FileDiffers,       // `path` in `file` has SHA-256 `digest`, not the signed `signedDigest`
        ChangedWhileRead,  // `file` changed between its check and its unpacking
        // Oversized
        FileTooBig,      // `file` is `bytes` long, over the `limit`
        ManifestTooBig,  // `file`'s manifest is `bytes` long, over the `limit`
        PackTooBig,      // `file` holds `bytes` of files, over the `limit`
        FetchTooBig,     // the source refused to hand over more than the limit: `detail`
        // Older
        NotNewer,  // `file` holds `packId` `version`, not newer than the `running` one
        // Invalid
        BadManifest,     // `manifest` at `line` of `file`'s manifest
        SignerMismatch,  // `file`'s manifest names another signer than the key that signed it
        NewerFormat,     // `file` is written for pack format `count`; the kiosk reads `limit`
        BadVersion,      // `file`'s `version` is not like 1.4.0
        NotAsSigned,     // `file`'s pack is `packId` `version`, not what it was signed as
        DoesNotLoad,     // `file`'s pack does not load: the first error at `path`:`line`:`column`, `detail`
    };
    Refusal reason = Refusal::Unreadable;
    Kind kind = Kind::CannotRead;
    // Default initialisers: {reason, kind} plus the facts its kind names is complete.
    std::string file{};     // the pack file refused, as the kiosk or the source names it
    std::string path{};     // a file inside the pack, or a file or folder on the kiosk
    std::string packId{};   // NotNewer, NotAsSigned
    std::string version{};  // NotNewer, NotAsSigned, BadVersion
    std::string running{};  // NotNewer: the version the kiosk runs
    std::uint64_t bytes = 0;
    std::uint64_t limit = 0;  // a limit, or what the manifest says
    std::uint64_t count = 0;  // NotTrusted: keys trusted; NewerFormat: the pack's format
    int line = 0;             // BadManifest, DoesNotLoad
    int column = 0;           // DoesNotLoad
    ManifestProblem manifest = ManifestProblem::NotManifest;
    std::string digest{};        // FileDiffers: the SHA-256 found, hex
    std::string signedDigest{};  // FileDiffers: the SHA-256 signed, hex
    std::string detail{};        // the system's, the source's or the pack checker's own words
};

}  // namespace kiosk::reports
