// Shared readers for pack files: language maps, ids, images, URLs and lists of tables.
// Internal to content/: include it from .cpp files only (it pulls in toml++).
#pragma once

#include "content/Pack.h"
#include "content/TomlReading.h"
#include "content/ValueRules.h"
#include "core/ImageMeasurer.h"

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::content::detail {

// What every pack file is read against: the pack folder and its languages.
struct PackContext {
    std::filesystem::path root;  // absolute and normalised; model paths start here
    ImageMeasurer* images = nullptr;
    std::vector<std::string> languages;  // empty when [pack] languages is unusable
    std::string defaultLanguage;
};

// A language map at `key`; reports unknown languages (error), missing translations (warning; error for the
// default language). `label` names it in messages (defaults to `key`).
// Each translation is held to `limit` (content/ValueRules.h): a warning above its warnAbove, an error above
// its refuseAbove.
std::optional<LocalText> readText(TableReader& in, std::string_view key, Need need, const PackContext& pack,
                                  TextLimit limit, std::string_view label = {});

// A warning or error at `at` when `text` is longer than `limit` allows; `name` names the text.
void checkLength(FileReport& report, Position at, std::string_view text, TextLimit limit,
                 const std::string& name);

// An image path at `key`, checked and made absolute; empty when absent or broken (after reporting).
std::string readImage(TableReader& in, std::string_view key, Need need, const PackContext& pack);

// An https URL at `key`; empty when absent or broken (after reporting).
std::string readUrl(TableReader& in, std::string_view key, Need need);

// An id at `key`: [a-z0-9-]+ and not seen before in `seen` (id -> line of first use).
std::string readId(TableReader& in, std::map<std::string, int>& seen, std::string_view kind);

// Calls `each` for every table in the array of tables `key` ([[key]]); reports anything else. A required
// list must hold at least one table. `header` is how the list's header is written when it is nested
// ("action.form.field"); it defaults to `key`.
template <class Each>
void forEachTable(TableReader& in, std::string_view key, Need need, Each&& each, std::string_view header = {},
                  std::size_t maxCount = 0) {
    const std::string k(key);
    const std::string h(header.empty() ? key : header);
    const toml::node* node = in.node(key, need, "add at least one [[" + h + "]]");
    if (!node) return;
    const toml::array* list = node->as_array();
    if (!list) {
        in.report().error(positionOf(*node),
                          k + " must be a list of tables; write each one as [[" + h + "]]");
        return;
    }
    if (list->empty() && need == Need::Required)
        in.report().error(positionOf(*node), k + " is empty; add at least one [[" + h + "]]");
    if (maxCount > 0 && list->size() > maxCount)
        in.report().error(positionOf((*list)[maxCount]),
                          "this is [[" + h + "]] number " + std::to_string(maxCount + 1) + " of " +
                              std::to_string(list->size()) + "; a pack may have at most " +
                              std::to_string(maxCount) + " (docs/pack-format.md): merge or remove some");
    for (const toml::node& item : *list) {
        if (const toml::table* table = item.as_table()) {
            each(*table);
        } else {
            in.report().error(positionOf(item), "each " + k + " must be a table, not " + describeType(item) +
                                                    "; write [[" + h + "]] followed by its keys");
        }
    }
}

}  // namespace kiosk::content::detail
