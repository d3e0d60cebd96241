// Small file helpers shared by the bundle writer and the signing key: atomic replace and folder fsync.
#pragma once

#include "sync/SyncResult.h"

#include <filesystem>
#include <string_view>

namespace kiosk::sync {

// Flushes a folder's entries to disk so a rename inside it survives a power cut.
Result<void> fsyncFolder(const std::filesystem::path& folder);

// Writes bytes to a temporary file beside `target`, fsyncs it, renames it over `target`, fsyncs the folder.
Result<void> writeFileAtomically(const std::filesystem::path& target, std::string_view bytes, unsigned mode);

// "strerror(errno)" with the path in front: what a person needs to find the problem. ENOSPC and EDQUOT
// give ErrorKind::StorageFull, anything else ErrorKind::Io.
Error ioError(const std::filesystem::path& path, std::string_view what);

}  // namespace kiosk::sync
