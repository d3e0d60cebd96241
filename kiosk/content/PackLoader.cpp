// pack.toml (metadata, languages, file list, theme, UI strings), then each content file it names.
#include "content/PackLoader.h"

#include "content/BuiltinStrings.h"
#include "content/PackPaths.h"
#include "content/PackReading.h"
#include "content/PackSections.h"
#include "content/ValueRules.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <exception>
#include <initializer_list>
#include <set>

namespace kiosk::content {

namespace fs = std::filesystem;
using namespace detail;

namespace {

// A pack's TOML files are a few tens of kilobytes; this only stops a wrong file from eating memory.
constexpr std::uintmax_t kMaxTomlBytes = 4 * 1024 * 1024;
constexpr double kMinContrast = 4.5;

using SectionReader = void (*)(const toml::table&, FileReport&, const std::string&, const PackContext&,
                               Pack&);

struct ContentFile {
    std::string_view key;  // in [files]
    SectionReader read;
};

constexpr ContentFile kContentFiles[] = {
    {"attract", readAttract}, {"story", readStory},     {"timeline", readTimeline},
    {"cases", readCases},     {"actions", readActions}, {"credits", readCredits},
};

// A content file named in [files] that exists inside the pack.
struct NamedFile {
    SectionReader read;
    std::string relative;
    fs::path path;
};

std::string clip(std::string_view text) {
    return std::string(text.substr(0, 60)) + (text.size() > 60 ? "..." : "");
}

bool listed(const std::vector<std::string>& list, std::string_view item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

void readLanguages(TableReader& in, PackContext& context, Pack& pack) {
    const toml::array* list =
        in.array("languages", Need::Required, "add languages = [\"en\"] (the first is the default)");
    if (!list) return;
    std::vector<std::string> codes;
    bool allGood = true;
    for (const toml::node& item : *list) {
        const auto* code = item.as_string();
        if (!code) {
            in.report().error(positionOf(item),
                              "each language must be a code like \"en\", not " + describeType(item));
            allGood = false;
        } else if (!isValidLanguageCode(code->get())) {
            in.report().error(positionOf(item), "\"" + clip(code->get()) +
                                                    "\" is not a language code; use a two- or three-letter "
                                                    "ISO 639 code like \"en\", \"ms\", \"zh\" or \"ta\"");
            allGood = false;
        } else if (listed(codes, code->get())) {
            in.report().error(positionOf(item),
                              "language \"" + code->get() + "\" is listed twice; list each language once");
        } else {
            codes.push_back(code->get());
        }
    }
    if (codes.empty()) {
        if (allGood)
            in.report().error(
                in.positionOf("languages"),
                "languages is empty; list at least one, the default first: languages = [\"en\"]");
        return;
    }
    context.languages = codes;
    context.defaultLanguage = codes.front();
    pack.languages = codes;
    pack.defaultLanguage = codes.front();
}

void readPackTable(TableReader& top, PackContext& context, Pack& pack) {
    const toml::table* table = top.table("pack", Need::Required);
    if (!table) return;
    TableReader in(*table, top.report(), "[pack]",
                   {"id", "version", "title", "languages", "translation_status"});
    // Languages first: every language map is checked against them.
    readLanguages(in, context, pack);
    if (const auto id = in.string("id", Need::Required)) {
        if (!isValidId(*id))
            in.report().error(in.positionOf("id"), "id \"" + clip(*id) +
                                                       "\" may only use a-z, 0-9 and \"-\"; try \"" +
                                                       clip(suggestId(*id)) + "\"");
        pack.id = *id;
    }
    if (const auto version = in.string("version", Need::Required)) {
        if (version->empty())
            in.report().error(in.positionOf("version"), "version is empty; write version = \"1.0.0\"");
        pack.version = *version;
    }
    pack.title = readText(in, "title", Need::Required, context, kTitleLimit).value_or(LocalText{});
    if (const toml::table* status = in.table("translation_status", Need::Optional)) {
        for (auto&& [code, value] : *status) {
            const std::string c(code.str());
            if (!context.languages.empty() && !listed(context.languages, c)) {
                in.report().error(positionOf(code.source()),
                                  "language \"" + clip(c) +
                                      "\" in translation_status is not in [pack] languages; "
                                      "add it there or remove this line");
            } else if (const auto* text = value.as_string()) {
                pack.translationStatus[c] = text->get();
            } else {
                in.report().error(positionOf(value), "translation_status." + clip(c) +
                                                         " must be a string, not " + describeType(value) +
                                                         "; write " + clip(c) +
                                                         " = \"awaiting native review\"");
            }
        }
    }
}

void readLanguageNames(TableReader& top, const PackContext& context, Pack& pack) {
    const toml::table* table = top.table("language_names", Need::Required);
    if (!table) return;
    for (auto&& [code, value] : *table) {
        const std::string c(code.str());
        if (!context.languages.empty() && !listed(context.languages, c)) {
            top.report().error(positionOf(code.source()),
                               "language \"" + clip(c) +
                                   "\" in [language_names] is not in [pack] languages; add it "
                                   "there or remove this line");
        } else if (const auto* name = value.as_string(); name && !name->get().empty()) {
            pack.languageNames[c] = name->get();
        } else {
            top.report().error(positionOf(value), "the name of \"" + clip(c) +
                                                      "\" must be a non-empty string; write " + clip(c) +
                                                      " = \"...\" in that language's own script");
        }
    }
    for (const auto& code : context.languages) {
        if (!table->contains(code))
            top.report().error(positionOf(*table), "missing key \"" + code + "\" in [language_names]; add " +
                                                       code +
                                                       " = \"...\" written in that language's own script");
    }
}

std::vector<NamedFile> readFileList(TableReader& top, const PackContext& context) {
    std::vector<NamedFile> files;
    const toml::table* table = top.table("files", Need::Required);
    if (!table) return files;
    std::vector<std::string_view> keys;
    for (const auto& file : kContentFiles)
        keys.push_back(file.key);
    TableReader in(*table, top.report(), "[files]", keys);
    for (const auto& file : kContentFiles) {
        const auto relative = in.string(file.key, Need::Required);
        if (!relative) continue;
        const ResolvedPath resolved = resolveInsidePack(context.root, *relative, "file");
        if (!resolved.ok()) {
            in.report().error(in.positionOf(file.key), resolved.problem);
            continue;
        }
        files.push_back({file.read, *relative, resolved.path});
    }
    return files;
}

std::string hex(Color c) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "#%02x%02x%02x", c.r, c.g, c.b);
    return buffer;
}

// One size of [theme.type] or [theme.space] (design pixels at 800x480), kept when it is a whole number in
// [least, most]; otherwise the default stays and the line says why (a mistake costs its own line only).
struct DesignSize {
    std::string_view key;
    int* value;
    int least;
    int most;
    std::string_view why;  // what the lower bound protects
};

void readDesignSizes(TableReader& in, std::initializer_list<DesignSize> sizes) {
    for (const DesignSize& size : sizes) {
        const auto value = in.integer(size.key, Need::Optional);
        if (!value) continue;
        if (*value < size.least || *value > size.most) {
            in.report().warning(in.positionOf(size.key),
                                std::string(size.key) + " = " + std::to_string(*value) + " is outside " +
                                    std::to_string(size.least) + "-" + std::to_string(size.most) + " (" +
                                    std::string(size.why) + "); the default " + std::to_string(*size.value) +
                                    " is used");
            continue;
        }
        *size.value = static_cast<int>(*value);
    }
}

void readScale(TableReader& in, Theme& theme) {
    if (const toml::table* type = in.table("type", Need::Optional)) {
        TableReader t(*type, in.report(), "[theme.type]",
                      {"title", "heading", "body", "reading", "min_body", "button", "caption"});
        TypeScale& s = theme.type;
        constexpr std::string_view legible = "text smaller than 16 px is hard to read standing at the booth";
        readDesignSizes(t, {{"title", &s.title, 24, 96, legible},
                            {"heading", &s.heading, 18, 72, legible},
                            {"body", &s.body, 16, 48, legible},
                            {"reading", &s.reading, 28, 48,
                             "docs/design.md: reading text at least 28 px on the 7\" panel"},
                            {"min_body", &s.minBody, 16, 48, legible},
                            {"button", &s.button, 16, 48, legible},
                            {"caption", &s.caption, 16, 48, legible}});
    }
    if (const toml::table* space = in.table("space", Need::Optional)) {
        TableReader t(*space, in.report(), "[theme.space]", {"margin", "gap", "bar", "touch_target"});
        Spacing& s = theme.space;
        readDesignSizes(t,
                        {{"margin", &s.margin, 4, 64, "a text on the screen's edge is hard to read"},
                         {"gap", &s.gap, 4, 64, "things that touch read as one"},
                         {"bar", &s.bar, 48, 120, "the header and footer hold touch targets"},
                         {"touch_target", &s.touchTarget, 48, 120, "a target under 48 px (9 mm) is missed"}});
    }
}

void readTheme(TableReader& top, Pack& pack) {
    const toml::table* table = top.table("theme", Need::Optional);
    if (!table) return;  // the defaults in Pack.h pass every contrast check
    TableReader in(
        *table, top.report(), "[theme]",
        {"background", "surface", "text", "muted_text", "accent", "accent_text", "fonts", "type", "space"});
    Theme& theme = pack.theme;
    const std::pair<std::string_view, Color Theme::*> colours[] = {
        {"background", &Theme::background}, {"surface", &Theme::surface}, {"text", &Theme::text},
        {"muted_text", &Theme::mutedText},  {"accent", &Theme::accent},   {"accent_text", &Theme::accentText},
    };
    std::set<std::string_view> broken;
    for (const auto& [key, member] : colours) {
        const auto text = in.string(key, Need::Optional);
        if (!text) {
            if (in.raw().contains(key)) broken.insert(key);
            continue;
        }
        if (const auto colour = parseThemeColor(*text)) {
            theme.*member = *colour;
        } else {
            in.report().error(in.positionOf(key), std::string(key) + " \"" + clip(*text) +
                                                      "\" is not a colour; write # and six hex digits, like "
                                                      "\"#1a1a1a\"");
            broken.insert(key);
        }
    }

    struct Pair {
        std::string_view fg;
        Color Theme::*fgColour;
        std::string_view bg;
        Color Theme::*bgColour;
    };
    const Pair pairs[] = {
        {"text", &Theme::text, "background", &Theme::background},
        {"muted_text", &Theme::mutedText, "background", &Theme::background},
        {"text", &Theme::text, "surface", &Theme::surface},
        {"accent_text", &Theme::accentText, "accent", &Theme::accent},
    };
    for (const auto& pair : pairs) {
        if (broken.count(pair.fg) || broken.count(pair.bg)) continue;  // already reported
        const Color fg = theme.*pair.fgColour;
        const Color bg = theme.*pair.bgColour;
        const double ratio = contrastRatio(fg, bg);
        if (ratio >= kMinContrast) continue;
        char shown[16];
        std::snprintf(shown, sizeof shown, "%.2f", std::floor(ratio * 100.0) / 100.0);
        const std::string_view at = in.raw().contains(pair.fg) ? pair.fg : pair.bg;
        in.report().error(in.positionOf(at),
                          "contrast of " + std::string(pair.fg) + " " + hex(fg) + " on " +
                              std::string(pair.bg) + " " + hex(bg) + " is " + shown +
                              ":1, below the 4.5:1 WCAG AA needs; make one of them darker or "
                              "lighter");
    }

    if (const toml::table* fonts = in.table("fonts", Need::Optional)) {
        TableReader f(*fonts, top.report(), "[theme.fonts]", {"latin", "han", "tamil"});
        const std::pair<std::string_view, std::string ThemeFonts::*> families[] = {
            {"latin", &ThemeFonts::latin}, {"han", &ThemeFonts::han}, {"tamil", &ThemeFonts::tamil}};
        for (const auto& [key, member] : families) {
            const auto family = f.string(key, Need::Optional);
            if (!family) continue;
            if (family->empty())
                f.report().error(f.positionOf(key),
                                 std::string(key) + " is empty; name a fontconfig family like \"Noto Sans\"");
            else
                theme.fonts.*member = *family;
        }
    }
    readScale(in, theme);
}

// Words on buttons and tabs are short; the rest are sentences (the keyboard's mode keys are shorter still).
TextLimit uiLimit(const std::string& key) {
    static const std::set<std::string> buttons = {
        "touch_to_begin", "nav_story", "nav_timeline", "nav_cases", "nav_act",  "back",
        "home",           "credits",   "next",         "previous",  "language", "pledge_sign",
        "submit",         "cancel",    "thanks_title", "done",      "continue", "read_more"};
    if (key.rfind("key_", 0) == 0) return kKeyLimit;
    return buttons.count(key) ? kButtonLimit : kSentenceLimit;
}

// A [ui] text the kiosk also has built in: a language it lacks falls back to the kiosk's own text, so only
// unknown languages and wrong types are reported here (the languages nobody has are checked later).
std::optional<LocalText> readBuiltinOverride(TableReader& in, const std::string& key,
                                             const PackContext& context) {
    const toml::node* value = in.node(key, Need::Optional, "");
    if (!value) return std::nullopt;
    const toml::table* map = value->as_table();
    if (!map) {
        in.typeError(*value, key, "a language map", "{ " + context.defaultLanguage + " = \"...\" }");
        return std::nullopt;
    }
    LocalText text;
    for (auto&& [code, translation] : *map) {
        const std::string c(code.str());
        if (!context.languages.empty() && !listed(context.languages, c)) {
            in.report().error(positionOf(translation),
                              "language \"" + clip(c) + "\" in ui." + key +
                                  " is not in [pack] languages; add it there or remove "
                                  "this translation");
        } else if (const auto* string = translation.as_string()) {
            checkLength(in.report(), positionOf(translation), string->get(), uiLimit(key),
                        "ui." + key + "." + c);
            text.byLanguage[c] = string->get();
        } else {
            in.report().error(positionOf(translation),
                              "ui." + key + "." + clip(c) + " must be a string, not " +
                                  describeType(translation) + "; write " + clip(c) + " = \"...\"");
        }
    }
    return text;
}

// A home tile's teaser: a line under the tile's name, wrapped and shrunk to the tile (make-stress-pack.py
// tests the longest).
constexpr TextLimit kTeaserLimit{80, 120};

// [home]: a picture and a teaser for each of home's ways in.
void readHome(TableReader& top, const PackContext& context, Pack& pack) {
    const toml::table* table = top.table("home", Need::Optional);
    if (!table) return;
    TableReader in(*table, top.report(), "[home]",
                   std::vector<std::string_view>(kHomeTiles.begin(), kHomeTiles.end()));
    for (const auto& key : kHomeTiles) {
        const toml::table* tile = in.table(key, Need::Optional);
        if (!tile) continue;
        TableReader t(*tile, top.report(), "[home." + key + "]", {"image", "teaser"});
        HomeTile& home = pack.home[key];
        home.image = readImage(t, "image", Need::Optional, context);
        if (auto teaser =
                readText(t, "teaser", Need::Optional, context, kTeaserLimit, "home." + key + ".teaser"))
            home.teaser = std::move(*teaser);
    }
}

// Reads [ui] and returns it, so the pledge strings can be checked once the actions are known.
const toml::table* readUi(TableReader& top, const PackContext& context, Pack& pack) {
    const toml::table* table = top.table("ui", Need::Required);
    if (!table) return nullptr;
    std::vector<std::string_view> keys(kRequiredUiStrings.begin(), kRequiredUiStrings.end());
    keys.insert(keys.end(), kPledgeUiStrings.begin(), kPledgeUiStrings.end());
    keys.insert(keys.end(), builtinUiKeys().begin(), builtinUiKeys().end());
    TableReader in(*table, top.report(), "[ui]", keys);
    for (const auto& key : kRequiredUiStrings) {
        if (auto text = readText(in, key, Need::Required, context, uiLimit(key), "ui." + key))
            pack.ui[key] = std::move(*text);
    }
    for (const auto& key : kPledgeUiStrings) {
        if (auto text = readText(in, key, Need::Optional, context, uiLimit(key), "ui." + key))
            pack.ui[key] = std::move(*text);
    }
    for (const auto& key : builtinUiKeys()) {
        if (auto text = readBuiltinOverride(in, key, context)) pack.ui[key] = std::move(*text);
    }
    return table;
}

// The pledge screens' strings are needed only when there is a form to sign.
void checkPledgeUi(const toml::table& ui, FileReport& manifest, const Pack& pack) {
    const bool anyForm = std::any_of(pack.actions.begin(), pack.actions.end(),
                                     [](const Action& action) { return action.form.has_value(); });
    if (!anyForm) return;
    const std::string language = pack.defaultLanguage.empty() ? "en" : pack.defaultLanguage;
    for (const auto& key : kPledgeUiStrings) {
        if (ui.contains(key)) continue;  // present but broken: already reported
        manifest.error(positionOf(ui),
                       "missing key \"" + key +
                           "\" in [ui]; an action has a pledge form, whose screens need it: add " + key +
                           " = { " + language + " = \"...\" }");
    }
    // The form's problems and keys: built in for the languages we ship; any other language brings its own.
    for (const auto& key : builtinUiKeys()) {
        const auto own = pack.ui.find(key);
        for (const auto& code : pack.languages) {
            if (builtinUiText(key, code)) continue;
            if (own != pack.ui.end() && own->second.byLanguage.count(code)) continue;
            const toml::node* value = ui.get(key);
            const bool defaultHasIt =
                builtinUiText(key, pack.defaultLanguage) ||
                (own != pack.ui.end() && own->second.byLanguage.count(pack.defaultLanguage));
            const std::string fallback = defaultHasIt ? pack.defaultLanguage : "en";
            manifest.warning(positionOf(value ? *value : static_cast<const toml::node&>(ui)),
                             "no \"" + code + "\" text for ui." + key +
                                 ", and the kiosk has none built in for that language; signers reading " +
                                 code + " see the " + fallback + " text until you add " + key + " = { " +
                                 code + " = \"...\" } to [ui]");
        }
    }
}

// Strings longer than kMaxStringBytes anywhere in `node`, each reported where it is. Checked before a file is
// read into the pack, so a megabyte paragraph costs a parse, not a layout.
bool tooLongStrings(const toml::node& node, FileReport& report) {
    bool tooLong = false;
    if (const auto* text = node.as_string()) {
        if (text->get().size() <= kMaxStringBytes) return false;
        report.error(positionOf(node), "this text is " + std::to_string(text->get().size()) +
                                           " bytes; at most " + std::to_string(kMaxStringBytes) +
                                           " fit a kiosk screen's pages: shorten or split it");
        return true;
    }
    if (const auto* table = node.as_table()) {
        for (auto&& [key, value] : *table)
            tooLong = tooLongStrings(value, report) || tooLong;
    } else if (const auto* list = node.as_array()) {
        for (const auto& item : *list)
            tooLong = tooLongStrings(item, report) || tooLong;
    }
    return tooLong;
}

// Lists longer than kMaxEntriesPerList, each reported at its first entry; such a file is not read further.
bool tooManyEntries(const toml::table& doc, FileReport& report) {
    bool tooMany = false;
    for (auto&& [key, value] : doc) {
        const toml::array* list = value.as_array();
        if (!list || list->size() <= kMaxEntriesPerList) continue;
        report.error(positionOf(*list->begin()), "[[" + std::string(key.str()) + "]] is listed " +
                                                     std::to_string(list->size()) + " times; at most " +
                                                     std::to_string(kMaxEntriesPerList) +
                                                     " fit one file: split or shorten it");
        tooMany = true;
    }
    return tooMany;
}

void load(const fs::path& dir, ImageMeasurer* images, LoadResult& result) {
    FileReport manifest(result.diagnostics, (dir / "pack.toml").string());
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        manifest.error({}, "pack folder \"" + clip(dir.string()) +
                               "\" does not exist or is not a folder; give the folder that holds pack.toml");
        return;
    }
    if (const auto problem = packFolderProblem(dir)) {
        manifest.error({}, *problem);
        return;
    }
    if (fs::is_symlink(fs::symlink_status(dir / "pack.toml", ec))) {
        manifest.error({}, "pack.toml is a symlink, and links are not followed; put the file itself here");
        return;
    }
    const auto text = readTextFile(dir / "pack.toml", manifest, kMaxTomlBytes);
    if (!text) return;
    if (isBlank(*text)) {
        manifest.error({}, "file is empty; fill it in as docs/pack-format.md describes");
        return;
    }
    const auto doc = parseToml(*text, manifest);
    if (!doc) return;
    if (tooLongStrings(*doc, manifest)) return;

    PackContext context;
    context.root = fs::absolute(dir, ec).lexically_normal();
    if (ec) {
        manifest.error({}, "cannot resolve the pack folder: " + ec.message());
        return;
    }
    context.images = images;
    Pack pack;
    pack.root = context.root;

    TableReader top(*doc, manifest, "pack.toml", {"pack", "language_names", "files", "theme", "ui", "home"});
    readPackTable(top, context, pack);
    readLanguageNames(top, context, pack);
    const auto files = readFileList(top, context);
    readTheme(top, pack);
    readHome(top, context, pack);
    const toml::table* ui = readUi(top, context, pack);

    for (const auto& file : files) {
        FileReport report(result.diagnostics, (dir / file.relative).string());
        const auto content = readTextFile(file.path, report, kMaxTomlBytes);
        if (!content) continue;
        if (isBlank(*content)) {
            report.error({}, "file is empty; fill it in as docs/pack-format.md describes");
            continue;
        }
        const auto parsed = parseToml(*content, report);
        if (!parsed) continue;
        if (tooManyEntries(*parsed, report) || tooLongStrings(*parsed, report)) continue;
        file.read(*parsed, report, file.relative, context, pack);
    }
    if (ui) checkPledgeUi(*ui, manifest, pack);
    result.pack = std::move(pack);
}

}  // namespace

LoadResult loadPack(const fs::path& dir, ImageMeasurer* images) {
    LoadResult result;
    // Exceptions end at this boundary: a broken pack is reported, never thrown at the kiosk.
    try {
        load(dir, images, result);
    } catch (const std::exception& e) {
        result.diagnostics.push_back({(dir / "pack.toml").string(), 1, 1, Severity::Error,
                                      std::string("the pack could not be read (") + e.what() +
                                          "); please report this with the pack attached"});
    } catch (...) {
        result.diagnostics.push_back(
            {(dir / "pack.toml").string(), 1, 1, Severity::Error,
             "the pack could not be read; please report this with the pack attached"});
    }
    sortByPosition(result.diagnostics);
    if (result.hasErrors()) result.pack.reset();
    return result;
}

}  // namespace kiosk::content
