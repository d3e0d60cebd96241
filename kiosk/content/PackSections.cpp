// The content files: one array of tables each (credits adds a title and text), read into the model. An
// action's pledge form is read by PackForm.
#include "content/PackSections.h"

#include "content/PackForm.h"
#include "content/ValueRules.h"

#include <algorithm>
#include <cstdio>

namespace kiosk::content::detail {

namespace {
constexpr int kMinSlideSeconds = 2;
constexpr int kMaxSlideSeconds = 60;

std::string clip(std::string_view text) {
    return std::string(text.substr(0, 60)) + (text.size() > 60 ? "..." : "");
}

// A timeline date as text, from a string or an unquoted TOML date; empty after reporting a problem.
std::string readDate(TableReader& in) {
    const toml::node* value = in.node("date", Need::Required, "add date = \"YYYY-MM-DD\"");
    if (!value) return {};
    std::string text;
    if (const auto* s = value->as_string()) {
        text = s->get();
    } else if (const auto* d = value->as_date()) {
        const toml::date& date = d->get();
        char buffer[16];
        std::snprintf(buffer, sizeof buffer, "%04u-%02u-%02u", static_cast<unsigned>(date.year),
                      static_cast<unsigned>(date.month), static_cast<unsigned>(date.day));
        text = buffer;
    } else {
        in.typeError(*value, "date", "a date", "\"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\"");
        return {};
    }
    if (!parseTimelineDate(text)) {
        in.report().error(positionOf(*value), "date \"" + clip(text) +
                                                  "\" is not a valid date; write \"YYYY\", \"YYYY-MM\" or "
                                                  "\"YYYY-MM-DD\" with a real month and day");
        return {};
    }
    return text;
}

// One end of a scheduled item's dates: a whole day, as a string or an unquoted TOML date.
std::optional<LocalDate> readDay(TableReader& in, std::string_view key) {
    const toml::node* value = in.node(key, Need::Optional, "");
    if (!value) return std::nullopt;
    const std::string k(key);
    std::string text;
    if (const auto* s = value->as_string()) {
        text = s->get();
    } else if (const auto* d = value->as_date()) {
        const toml::date& date = d->get();
        return LocalDate{date.year, date.month, date.day};
    } else {
        in.typeError(*value, key, "a date", "\"2026-06-26\"");
        return std::nullopt;
    }
    const auto date = parseTimelineDate(text);
    if (!date || text.size() != 10) {
        in.report().error(positionOf(*value), k + " \"" + clip(text) +
                                                  "\" is not a day; write \"YYYY-MM-DD\" with a real month "
                                                  "and day, e.g. " +
                                                  k + " = \"2026-06-26\"");
        return std::nullopt;
    }
    return LocalDate{date->year, date->month, date->day};
}

// A slide's, section's or action's `from` and `until` (docs/pack-format.md, "Scheduled content").
DateWindow readDates(TableReader& in) {
    DateWindow dates{readDay(in, "from"), readDay(in, "until")};
    if (dates.from && dates.until && *dates.until < *dates.from) {
        const auto text = [](const LocalDate& d) {
            char buffer[16];
            std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", d.year, d.month, d.day);
            return std::string(buffer);
        };
        in.report().error(in.positionOf("until"), "until " + text(*dates.until) + " is before from " +
                                                      text(*dates.from) +
                                                      ", so this is never shown; swap them or fix the day");
        return {};
    }
    return dates;
}
}  // namespace

void readAttract(const toml::table& doc, FileReport& report, const std::string& name,
                 const PackContext& context, Pack& pack) {
    TableReader top(doc, report, name, {"slide"});
    std::map<std::string, int> ids;
    forEachTable(
        top, "slide", Need::Required,
        [&](const toml::table& table) {
            TableReader in(table, report, "[[slide]]",
                           {"id", "duration_s", "title", "text", "image", "source", "from", "until"});
            Slide slide;
            slide.id = readId(in, ids, "slide");
            slide.dates = readDates(in);
            if (const auto seconds = in.integer("duration_s", Need::Required)) {
                if (*seconds < kMinSlideSeconds || *seconds > kMaxSlideSeconds)
                    report.error(in.positionOf("duration_s"),
                                 "duration_s is " + std::to_string(*seconds) + "; use " +
                                     std::to_string(kMinSlideSeconds) + " to " +
                                     std::to_string(kMaxSlideSeconds) + " seconds");
                else
                    slide.durationMs = static_cast<int>(*seconds) * 1000;
            }
            slide.title = readText(in, "title", Need::Required, context, kTitleLimit).value_or(LocalText{});
            slide.text = readText(in, "text", Need::Optional, context, kSentenceLimit).value_or(LocalText{});
            slide.image = readImage(in, "image", Need::Optional, context);
            slide.source = readUrl(in, "source", Need::Optional);
            pack.slides.push_back(std::move(slide));
        },
        {}, kMaxSlides);
    // A loop of dated slides only is empty on some days, and while the clock is not set from the network
    // (when only undated slides and those with no `until` show): the kiosk then shows the pack's title alone.
    const bool allDated = !pack.slides.empty() && std::all_of(pack.slides.begin(), pack.slides.end(),
                                                              [](const Slide& s) { return s.dates.dated(); });
    if (allDated)
        report.warning(
            top.positionOf("slide"),
            "every slide has from/until dates, so on some days (and while the kiosk's clock is not "
            "set from the network) the attract loop has no slide and shows the pack's title alone; "
            "add a slide without dates");
}

void readStory(const toml::table& doc, FileReport& report, const std::string& name,
               const PackContext& context, Pack& pack) {
    TableReader top(doc, report, name, {"section"});
    std::map<std::string, int> ids;
    forEachTable(
        top, "section", Need::Required,
        [&](const toml::table& table) {
            TableReader in(table, report, "[[section]]",
                           {"id", "title", "text", "image", "source", "from", "until"});
            StorySection section;
            section.id = readId(in, ids, "section");
            section.dates = readDates(in);
            section.title = readText(in, "title", Need::Required, context, kTitleLimit).value_or(LocalText{});
            section.text = readText(in, "text", Need::Required, context, kPagedLimit).value_or(LocalText{});
            section.image = readImage(in, "image", Need::Optional, context);
            section.source = readUrl(in, "source", Need::Optional);
            pack.story.push_back(std::move(section));
        },
        {}, kMaxSections);
}

void readTimeline(const toml::table& doc, FileReport& report, const std::string& name,
                  const PackContext& context, Pack& pack) {
    TableReader top(doc, report, name, {"entry"});
    std::optional<TimelineDate> previous;
    std::string previousText;
    forEachTable(
        top, "entry", Need::Required,
        [&](const toml::table& table) {
            TableReader in(table, report, "[[entry]]", {"date", "title", "text", "image", "source"});
            TimelineEntry entry;
            entry.date = readDate(in);
            if (const auto date = parseTimelineDate(entry.date)) {
                if (previous && *date < *previous)
                    report.warning(in.positionOf("date"),
                                   "date \"" + entry.date + "\" comes before the previous entry's \"" +
                                       previousText +
                                       "\"; the timeline shows entries in file order, so sort them by date");
                previous = date;
                previousText = entry.date;
            }
            entry.title = readText(in, "title", Need::Required, context, kTitleLimit).value_or(LocalText{});
            entry.text = readText(in, "text", Need::Required, context, kPagedLimit).value_or(LocalText{});
            entry.image = readImage(in, "image", Need::Optional, context);
            entry.source = readUrl(in, "source", Need::Required);
            pack.timeline.push_back(std::move(entry));
        },
        {}, kMaxTimelineEntries);
}

void readCases(const toml::table& doc, FileReport& report, const std::string& name,
               const PackContext& context, Pack& pack) {
    TableReader top(doc, report, name, {"case"});
    std::map<std::string, int> ids;
    forEachTable(
        top, "case", Need::Required,
        [&](const toml::table& table) {
            TableReader in(table, report, "[[case]]",
                           {"id", "name", "country", "summary", "story", "what_you_can_do", "image",
                            "action_url", "sources"});
            CaseProfile profile;
            profile.id = readId(in, ids, "case");
            profile.name = readText(in, "name", Need::Required, context, kNameLimit).value_or(LocalText{});
            profile.country =
                readText(in, "country", Need::Required, context, kNameLimit).value_or(LocalText{});
            profile.summary =
                readText(in, "summary", Need::Required, context, kSentenceLimit).value_or(LocalText{});
            profile.story = readText(in, "story", Need::Required, context, kPagedLimit).value_or(LocalText{});
            profile.whatYouCanDo =
                readText(in, "what_you_can_do", Need::Required, context, kPagedLimit).value_or(LocalText{});
            profile.image = readImage(in, "image", Need::Required, context);
            profile.actionUrl = readUrl(in, "action_url", Need::Required);
            if (const toml::array* sources =
                    in.array("sources", Need::Required,
                             "add sources = [\"https://...\"] (where the facts come from)")) {
                if (sources->empty())
                    report.error(
                        in.positionOf("sources"),
                        "sources is empty; add at least one https:// link where the facts come from");
                for (const toml::node& item : *sources) {
                    const auto* url = item.as_string();
                    if (!url) {
                        report.error(positionOf(item), "each source must be a string \"https://...\", not " +
                                                           describeType(item));
                    } else if (const auto problem = urlProblem(url->get())) {
                        report.error(positionOf(item), *problem);
                    } else {
                        profile.sources.push_back(url->get());
                    }
                }
            }
            pack.cases.push_back(std::move(profile));
        },
        {}, kMaxCases);
}

void readActions(const toml::table& doc, FileReport& report, const std::string& name,
                 const PackContext& context, Pack& pack) {
    TableReader top(doc, report, name, {"action"});
    std::map<std::string, int> ids;
    forEachTable(
        top, "action", Need::Required,
        [&](const toml::table& table) {
            TableReader in(table, report, "[[action]]",
                           {"id", "title", "text", "url", "short_url", "form", "from", "until"});
            Action action;
            action.id = readId(in, ids, "action");
            action.dates = readDates(in);
            action.title = readText(in, "title", Need::Required, context, kTitleLimit).value_or(LocalText{});
            action.text = readText(in, "text", Need::Required, context, kPagedLimit).value_or(LocalText{});
            action.url = readUrl(in, "url", Need::Required);
            action.shortUrl = readUrl(in, "short_url", Need::Optional);
            action.form = readForm(in, context, action.submitLabel);
            pack.actions.push_back(std::move(action));
        },
        {}, kMaxActions);
}

void readCredits(const toml::table& doc, FileReport& report, const std::string& name,
                 const PackContext& context, Pack& pack) {
    TableReader top(doc, report, name, {"title", "text", "source"});
    pack.credits.title = readText(top, "title", Need::Required, context, kTitleLimit).value_or(LocalText{});
    pack.credits.text = readText(top, "text", Need::Required, context, kPagedLimit).value_or(LocalText{});
    forEachTable(top, "source", Need::Optional, [&](const toml::table& table) {
        TableReader in(table, report, "[[source]]", {"label", "url"});
        Source source;
        source.label = readText(in, "label", Need::Required, context, kSentenceLimit).value_or(LocalText{});
        source.url = readUrl(in, "url", Need::Required);
        pack.credits.sources.push_back(std::move(source));
    });
}

}  // namespace kiosk::content::detail
