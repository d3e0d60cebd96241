// Finds font files by family name and weight through fontconfig, as the system's font settings see them.
#pragma once

#include "core/Result.h"
#include "text/WritingSystem.h"

#include <memory>
#include <string>
#include <string_view>

struct _FcConfig;

namespace kiosk::text {

struct FontFace {
    std::string file;    // absolute path of the .ttf, .otf or .ttc
    int index = 0;       // face inside a collection: Noto Sans CJK SC is not the first face of its .ttc
    std::string family;  // the family fontconfig matched, e.g. "Noto Sans CJK SC"
    bool bold = false;   // the face itself is bold (otherwise bold must be synthesised)
};

class FontLocator {
public:
    // Loads the system's fontconfig configuration and font list.
    static Result<FontLocator> create();

    // The face of `family` closest to regular or bold. Fails, naming the family and the Debian package
    // to install, when fontconfig would only offer a different family; `system` words that message.
    Result<FontFace> find(std::string_view family, bool bold, WritingSystem system) const;

private:
    struct ConfigDeleter {
        void operator()(_FcConfig* config) const;
    };
    explicit FontLocator(_FcConfig* config) : config_(config) {}
    std::unique_ptr<_FcConfig, ConfigDeleter> config_;
};

}  // namespace kiosk::text
