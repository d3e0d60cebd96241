// faces.tsv: the build machine's fc-match answers for the kiosk's font families.
#include "text/FaceIndex.h"

#include <charconv>
#include <fstream>
#include <sstream>

namespace kiosk::text {
namespace {

constexpr int kDemiBold = 180;  // FC_WEIGHT_DEMIBOLD: the face itself is bold from here up

std::vector<std::string_view> splitTabs(std::string_view line) {
    std::vector<std::string_view> fields;
    std::size_t start = 0;
    while (true) {
        const std::size_t tab = line.find('\t', start);
        fields.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
        if (tab == std::string_view::npos) return fields;
        start = tab + 1;
    }
}

std::optional<int> number(std::string_view text) {
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

}  // namespace

FaceIndex FaceIndex::parse(std::string_view text) {
    FaceIndex index;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        const auto fields = splitTabs(text.substr(start, end - start));
        start = end + 1;
        if (fields.size() != 5 || fields[0].empty() || fields[2].empty()) continue;
        if (fields[1] != "regular" && fields[1] != "bold") continue;
        const auto faceIndex = number(fields[3]);
        const auto weight = number(fields[4]);
        if (!faceIndex || !weight || *faceIndex < 0) continue;
        Entry entry;
        entry.family = fields[0];
        entry.bold = fields[1] == "bold";
        entry.face.file = fields[2];
        entry.face.index = *faceIndex;
        entry.face.family = fields[0];
        entry.face.bold = *weight >= kDemiBold;
        index.entries_.push_back(std::move(entry));
    }
    return index;
}

FaceIndex FaceIndex::load(const std::vector<std::filesystem::path>& folders) {
    for (const auto& folder : folders) {
        std::ifstream file(folder / kFaceIndexName, std::ios::binary);
        if (!file) continue;
        std::ostringstream text;
        text << file.rdbuf();
        return parse(text.str());
    }
    return {};
}

std::optional<FontFace> FaceIndex::find(std::string_view family, bool bold) const {
    for (const Entry& entry : entries_) {
        if (entry.family != family || entry.bold != bold) continue;
        std::error_code error;
        if (!std::filesystem::is_regular_file(entry.face.file, error)) return std::nullopt;  // fonts changed
        return entry.face;
    }
    return std::nullopt;
}

}  // namespace kiosk::text
