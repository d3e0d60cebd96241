// Errors as values for the pledge back end: a kind a caller can branch on and a message a person can act on.
#pragma once

#include "core/Result.h"

#include <string>

namespace kiosk::pledge {

enum class ErrorKind {
    Invalid,        // the form's values or a file's contents are not acceptable
    NotSetUp,       // the kiosk lacks configuration needed to collect pledges
    AlreadySigned,  // this e-mail already signed this action on this kiosk
    StorageFull,    // the disk (or the database's page limit) is full
    WriteFailed,    // any other storage failure
    BadKey,         // a key is missing, malformed or does not open the box
    Io,             // a file could not be read or written
    NotFound,       // a file asked for is not there (a transport's fetch)
    Unreachable,    // the other end could not be reached (no route, no answer): an offline booth, not a fault
};

struct Error {
    ErrorKind kind = ErrorKind::Invalid;
    std::string message;
};

// Either a value or an Error; check ok() before value().
template <class T> using Result = kiosk::Result<T, Error>;

}  // namespace kiosk::pledge
