// Faces found at build time (fc-match, kiosk/text/fonts/CMakeLists.txt) and written to faces.tsv beside the
// cut-down fonts, so that start-up need not load fontconfig: its configuration and font list were an eighth
// of the instructions to the first frame. A family, weight or file the index lacks is found through
// fontconfig as before.
#pragma once

#include "text/FontLocator.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::text {

inline constexpr const char* kFaceIndexName = "faces.tsv";

class FaceIndex {
public:
    // Reads the first faces.tsv found in `folders`; no file, or lines it cannot read, mean an index that
    // knows fewer faces (never an error: fontconfig answers for them).
    static FaceIndex load(const std::vector<std::filesystem::path>& folders);
    // Parses the lines "family<TAB>regular|bold<TAB>file<TAB>face index<TAB>fontconfig weight".
    static FaceIndex parse(std::string_view text);

    // The face of `family` at that weight, when the index has it and its file is still there.
    std::optional<FontFace> find(std::string_view family, bool bold) const;
    std::size_t size() const { return entries_.size(); }

private:
    struct Entry {
        std::string family;
        bool bold = false;
        FontFace face;
    };
    std::vector<Entry> entries_;
};

}  // namespace kiosk::text
