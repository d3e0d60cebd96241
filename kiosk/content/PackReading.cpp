// Readers for the value kinds every pack file shares.
#include "content/PackReading.h"

#include "content/PackPaths.h"
#include "content/SvgReferences.h"
#include "content/ValueRules.h"

#include <algorithm>
#include <fstream>
#include <iterator>

namespace kiosk::content::detail {

namespace {
bool listed(const std::vector<std::string>& languages, std::string_view code) {
    return std::find(languages.begin(), languages.end(), code) != languages.end();
}

std::string clip(std::string_view text) {
    return std::string(text.substr(0, 60)) + (text.size() > 60 ? "..." : "");
}
}  // namespace

void checkLength(FileReport& report, Position at, std::string_view text, TextLimit limit,
                 const std::string& name) {
    const std::size_t length = displayLength(text);
    if (length <= limit.warnAbove) return;
    const std::string said =
        name + " is " + std::to_string(length) + " characters long (a Chinese character counts two)";
    if (length > limit.refuseAbove)
        report.error(at, said + ", more than the " + std::to_string(limit.refuseAbove) +
                             " the screens can hold; shorten it (docs/pack-format.md lists the limits)");
    else
        report.warning(
            at, said + "; above " + std::to_string(limit.warnAbove) +
                    " it wraps onto more lines or is cut in previews: consider shortening it (at most " +
                    std::to_string(limit.refuseAbove) + ")");
}

std::optional<LocalText> readText(TableReader& in, std::string_view key, Need need, const PackContext& pack,
                                  TextLimit limit, std::string_view label) {
    const std::string name(label.empty() ? key : label);
    const std::string lang = pack.defaultLanguage.empty() ? "en" : pack.defaultLanguage;
    const std::string example = "{ " + lang + " = \"...\" }";
    const toml::node* value = in.node(key, need, "add " + std::string(key) + " = " + example);
    if (!value) return std::nullopt;
    const toml::table* map = value->as_table();
    if (!map) {
        in.typeError(*value, key, "a language map", example);
        return std::nullopt;
    }

    LocalText text;
    for (auto&& [code, translation] : *map) {
        const std::string c(code.str());
        const Position at = code.source().begin.line ? positionOf(code.source()) : positionOf(translation);
        if (!pack.languages.empty() && !listed(pack.languages, c)) {
            in.report().error(at, "language \"" + clip(c) + "\" in " + name +
                                      " is not in [pack] languages; add it there or remove this translation");
            continue;
        }
        const auto* string = translation.as_string();
        if (!string) {
            in.report().error(positionOf(translation), name + "." + clip(c) + " must be a string, not " +
                                                           describeType(translation) + "; write " + clip(c) +
                                                           " = \"...\"");
            continue;
        }
        checkLength(in.report(), positionOf(translation), string->get(), limit, name + "." + c);
        text.byLanguage[c] = string->get();
    }
    for (const auto& code : pack.languages) {
        if (text.byLanguage.count(code)) continue;
        if (code == pack.defaultLanguage) {
            in.report().error(positionOf(*value), "missing translation \"" + code + "\" for " + name +
                                                      "; the default language is required: add " + code +
                                                      " = \"...\"");
        } else {
            in.report().warning(positionOf(*value), "missing translation \"" + code + "\" for " + name +
                                                        "; the kiosk shows " + pack.defaultLanguage +
                                                        " until you add " + code + " = \"...\"");
        }
    }
    return text;
}

std::string readImage(TableReader& in, std::string_view key, Need need, const PackContext& pack) {
    const auto relative = in.string(key, need);
    if (!relative) return {};
    const Position at = in.positionOf(key);
    const ResolvedPath resolved = resolveInsidePack(pack.root, *relative, "image");
    if (!resolved.ok()) {
        in.report().error(at, resolved.problem);
        return {};
    }
    if (const auto problem = imageProblem(resolved.path, *relative, pack.images)) {
        in.report().error(at, *problem);
        return {};
    }
    if (resolved.path.extension() == ".svg" || resolved.path.extension() == ".SVG") {
        // imageProblem has already held the file to 2 MiB.
        std::ifstream file(resolved.path, std::ios::binary);
        const std::string svg{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
        if (const auto reference = svgExternalReference(svg)) {
            in.report().error(at, "image \"" + clip(*relative) + "\" at " + *reference +
                                      ", a file or address outside the image, which the kiosk never loads; "
                                      "put what it shows inside the SVG (or embed it as data:)");
            return {};
        }
    }
    return resolved.path.string();
}

std::string readUrl(TableReader& in, std::string_view key, Need need) {
    const auto url = in.string(key, need);
    if (!url) return {};
    if (const auto problem = urlProblem(*url)) {
        in.report().error(in.positionOf(key), *problem);
        return {};
    }
    return *url;
}

std::string readId(TableReader& in, std::map<std::string, int>& seen, std::string_view kind) {
    const auto id = in.string("id", Need::Required);
    if (!id) return {};
    const Position at = in.positionOf("id");
    if (!isValidId(*id)) {
        in.report().error(at, "id \"" + clip(*id) + "\" may only use a-z, 0-9 and \"-\"; try \"" +
                                  clip(suggestId(*id)) + "\"");
        return *id;
    }
    const auto [first, inserted] = seen.emplace(*id, at.line);
    if (!inserted) {
        in.report().error(at, "id \"" + *id + "\" is already used by the " + std::string(kind) + " at line " +
                                  std::to_string(first->second) + "; give each " + std::string(kind) +
                                  " its own id");
    }
    return *id;
}

}  // namespace kiosk::content::detail
