// Readers for the pack's content files (attract, story, timeline, cases, actions, credits).
// Internal to content/: include it from .cpp files only (it pulls in toml++).
#pragma once

#include "content/PackReading.h"

#include <string>

namespace kiosk::content::detail {

// Each reads one parsed file into `pack`, reporting problems; `name` is the file's name in messages.
void readAttract(const toml::table& doc, FileReport& report, const std::string& name,
                 const PackContext& context, Pack& pack);
void readStory(const toml::table& doc, FileReport& report, const std::string& name,
               const PackContext& context, Pack& pack);
void readTimeline(const toml::table& doc, FileReport& report, const std::string& name,
                  const PackContext& context, Pack& pack);
void readCases(const toml::table& doc, FileReport& report, const std::string& name,
               const PackContext& context, Pack& pack);
void readActions(const toml::table& doc, FileReport& report, const std::string& name,
                 const PackContext& context, Pack& pack);
void readCredits(const toml::table& doc, FileReport& report, const std::string& name,
                 const PackContext& context, Pack& pack);

}  // namespace kiosk::content::detail
