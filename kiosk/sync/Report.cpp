// Builds the HTML report from the central database; every value from the data is HTML-escaped.
#include "sync/Report.h"

#include "core/TextEscape.h"
#include "sync/CountsReport.h"

#include <algorithm>
#include <map>
#include <set>
#include <vector>

namespace kiosk::sync {

namespace {

constexpr const char* kStyle = R"css(
body { font-family: "Noto Sans", "DejaVu Sans", sans-serif; margin: 2rem; color: #1b1b1b; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 2px solid #ffe600; }
table { border-collapse: collapse; margin: 0.5rem 0; } th, td { padding: 0.25rem 0.75rem; text-align: left; }
th { background: #f2f2f2; } tr:nth-child(even) td { background: #fafafa; } td.n { text-align: right; }
.note { color: #555; } .warn { color: #a00; } .legend span { display: inline-block; margin-right: 1rem; }
.swatch { display: inline-block; width: 0.8rem; height: 0.8rem; margin-right: 0.3rem; vertical-align: middle; }
svg text { font-size: 11px; fill: #333; }
.counts svg { display: block; margin: 0.5rem 0 1rem; } .counts svg text { fill: #000; }
h3 { font-size: 1.05rem; margin-top: 1.5rem; break-after: avoid; }
)css";

constexpr const char* kPalette[] = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
                                    "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};
constexpr std::size_t kMaxGapsShown = 100;

using Rows = std::vector<std::vector<std::string>>;

Result<Rows> rows(const CentralDb& db, const std::string& sql) {
    Rows out;
    auto ran = db.query(sql, [&](const std::vector<std::string>& row) { out.push_back(row); });
    if (!ran) return ran.error();
    return out;
}

void table(std::string& html, const std::vector<std::string>& headings, const Rows& data,
           const std::set<std::size_t>& numeric) {
    html += "<table><tr>";
    for (const auto& h : headings)
        html += "<th>" + htmlEscape(h) + "</th>";
    html += "</tr>\n";
    for (const auto& row : data) {
        html += "<tr>";
        for (std::size_t i = 0; i < row.size(); ++i)
            html += (numeric.count(i) ? "<td class=\"n\">" : "<td>") + htmlEscape(row[i]) + "</td>";
        html += "</tr>\n";
    }
    html += "</table>\n";
}

// Grouped bars: one group a day, one bar a kiosk in that group, a tooltip title on each bar.
void chart(std::string& html, const Rows& perDayKiosk) {
    std::vector<std::string> days, kiosks;
    std::map<std::pair<std::string, std::string>, long> counts;
    long most = 0;
    for (const auto& row : perDayKiosk) {
        long n = std::stol(row[2]);
        counts[{row[0], row[1]}] = n;
        most = std::max(most, n);
        if (std::find(days.begin(), days.end(), row[0]) == days.end()) days.push_back(row[0]);
        if (std::find(kiosks.begin(), kiosks.end(), row[1]) == kiosks.end()) kiosks.push_back(row[1]);
    }
    std::sort(days.begin(), days.end());
    std::sort(kiosks.begin(), kiosks.end());
    if (days.empty()) {
        html += "<p class=\"note\">No pledges yet.</p>\n";
        return;
    }
    const int bar = kiosks.size() > 4 ? 6 : 12, gap = 12, left = 48, top = 12, plot = 220, bottom = 80;
    const int groupWidth = static_cast<int>(kiosks.size()) * bar + gap;
    const int width = left + static_cast<int>(days.size()) * groupWidth + 16;
    const int height = top + plot + bottom;
    html += "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"" + std::to_string(width) +
            "\" height=\"" + std::to_string(height) + "\" viewBox=\"0 0 " + std::to_string(width) + " " +
            std::to_string(height) + "\">\n<title>Pledges per day per kiosk</title>\n";
    for (int tick = 0; tick <= 4; ++tick) {
        long value = most * tick / 4;
        int y = top + plot - static_cast<int>(static_cast<long long>(plot) * value / std::max(1L, most));
        html += "<line x1=\"" + std::to_string(left) + "\" x2=\"" + std::to_string(width - 8) + "\" y1=\"" +
                std::to_string(y) + "\" y2=\"" + std::to_string(y) + "\" stroke=\"#ddd\"/>";
        html += "<text x=\"" + std::to_string(left - 6) + "\" y=\"" + std::to_string(y + 4) +
                "\" text-anchor=\"end\">" + std::to_string(value) + "</text>\n";
    }
    std::size_t labelEvery = std::max<std::size_t>(1, days.size() / 40);
    for (std::size_t d = 0; d < days.size(); ++d) {
        int x0 = left + static_cast<int>(d) * groupWidth + gap / 2;
        for (std::size_t k = 0; k < kiosks.size(); ++k) {
            auto found = counts.find({days[d], kiosks[k]});
            if (found == counts.end()) continue;
            int h = static_cast<int>(static_cast<long long>(plot) * found->second / std::max(1L, most));
            html += "<rect x=\"" + std::to_string(x0 + static_cast<int>(k) * bar) + "\" y=\"" +
                    std::to_string(top + plot - h) + "\" width=\"" + std::to_string(bar - 1) +
                    "\" height=\"" + std::to_string(h) + "\" fill=\"" + kPalette[k % std::size(kPalette)] +
                    "\"><title>" + htmlEscape(kiosks[k]) + ", " + htmlEscape(days[d]) + ": " +
                    std::to_string(found->second) + "</title></rect>";
        }
        if (d % labelEvery == 0) {
            int x = x0 + static_cast<int>(kiosks.size()) * bar / 2;
            int y = top + plot + 12;
            html += "<text x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y) +
                    "\" text-anchor=\"end\" transform=\"rotate(-60 " + std::to_string(x) + " " +
                    std::to_string(y) + ")\">" + htmlEscape(days[d]) + "</text>";
        }
        html += "\n";
    }
    html += "<line x1=\"" + std::to_string(left) + "\" x2=\"" + std::to_string(width - 8) + "\" y1=\"" +
            std::to_string(top + plot) + "\" y2=\"" + std::to_string(top + plot) +
            "\" stroke=\"#333\"/>\n</svg>\n";
    html += "<p class=\"legend\">";
    for (std::size_t k = 0; k < kiosks.size(); ++k)
        html +=
            std::string("<span><svg class=\"swatch\" viewBox=\"0 0 10 10\"><rect width=\"10\" height=\"10\" "
                        "fill=\"") +
            kPalette[k % std::size(kPalette)] + "\"/></svg>" + htmlEscape(kiosks[k]) + "</span>";
    html += "</p>\n";
}

// Each kiosk's chained bundles: numbers never imported (a stick still in a bag) and forks (two bundles in one
// place, or one naming a predecessor that is not the bundle imported there: a restored card or a stolen key).
void bundleChain(std::string& html, const Rows& chain) {
    if (chain.empty()) {
        html += "<p class=\"note\">No chained bundles yet (kiosks older than this version do not number "
                "them).</p>\n";
        return;
    }
    std::map<std::string, std::map<long long, std::vector<std::pair<std::string, std::string>>>> byKiosk;
    for (const auto& row : chain)
        byKiosk[row[0]][std::stoll(row[1])].push_back({row[2], row[3]});
    Rows out;
    for (const auto& [kiosk, numbers] : byKiosk) {
        std::size_t bundles = 0;
        std::string missing, forks;
        long long expected = 1;
        for (const auto& [number, entries] : numbers) {
            bundles += entries.size();
            if (number > expected)
                missing +=
                    (missing.empty() ? "" : ", ") +
                    (number - 1 == expected ? std::to_string(expected)
                                            : std::to_string(expected) + "–" + std::to_string(number - 1));
            expected = number + 1;
            bool fork = entries.size() > 1;
            auto before = numbers.find(number - 1);
            if (!fork && before != numbers.end() && before->second.size() == 1)
                fork = entries[0].second != before->second[0].first;
            if (fork) forks += (forks.empty() ? "" : ", ") + std::to_string(number);
        }
        out.push_back({kiosk, std::to_string(bundles), std::to_string(numbers.rbegin()->first),
                       missing.empty() ? "none" : missing, forks.empty() ? "none" : forks});
    }
    html +=
        "<p class=\"note\">Each kiosk numbers its bundles and each names the one before. Missing numbers are "
        "bundles not imported yet; a fork is two bundles claiming one place (a restored SD card, or a stolen "
        "kiosk key: check that kiosk's bundles).</p>\n";
    table(html, {"Kiosk", "Bundles", "Last number", "Missing", "Forks"}, out, {1, 2});
}

}  // namespace

Result<std::string> buildReport(const CentralDb& db, const std::string& generatedAtUtc) {
    auto total = rows(db, "SELECT count(*) FROM pledges");
    auto perKiosk = rows(db, "SELECT kiosk_id, count(*), min(substr(created_at_utc, 1, 10)), "
                             "max(substr(created_at_utc, 1, 10)), min(sequence) || '–' || max(sequence), "
                             "sum(clock_synced = 0) FROM pledges GROUP BY kiosk_id ORDER BY kiosk_id");
    // Each pledge names the pack it was collected under (inside the kiosk's signed bundle).
    auto packs =
        rows(db, "SELECT kiosk_id, pack_id, pack_version, count(*), min(substr(created_at_utc, 1, 10)), "
                 "max(substr(created_at_utc, 1, 10)) FROM pledges GROUP BY kiosk_id, pack_id, "
                 "pack_version ORDER BY kiosk_id, max(created_at_utc), pack_id, pack_version");
    auto perAction = rows(db, "SELECT action_id, count(*) FROM pledges GROUP BY action_id "
                              "ORDER BY count(*) DESC, action_id");
    // Each form's consents by their own ids, whatever they are: ticked, and how many pledges showed the box.
    auto consents =
        rows(db, "SELECT action_id, j.key, sum(j.type = 'true'), count(*) FROM pledges, "
                 "json_each(pledges.consents) AS j GROUP BY action_id, j.key ORDER BY action_id, j.key");
    auto perDay = rows(db, "SELECT substr(created_at_utc, 1, 10) AS day, count(*) FROM pledges GROUP BY day "
                           "ORDER BY day");
    auto perDayKiosk =
        rows(db, "SELECT substr(created_at_utc, 1, 10) AS day, kiosk_id, count(*) FROM pledges "
                 "GROUP BY day, kiosk_id ORDER BY day, kiosk_id");
    auto unsynced =
        rows(db, "SELECT kiosk_id, count(*) FROM pledges WHERE clock_synced = 0 GROUP BY kiosk_id "
                 "ORDER BY kiosk_id");
    auto gaps =
        rows(db, "SELECT kiosk_id, previous + 1, sequence - 1 FROM (SELECT kiosk_id, sequence, "
                 "lag(sequence) OVER (PARTITION BY kiosk_id ORDER BY sequence) AS previous FROM pledges) "
                 "WHERE previous IS NOT NULL AND sequence > previous + 1 ORDER BY kiosk_id, sequence");
    auto chain = rows(db, "SELECT kiosk_id, number, sha256, previous_sha256 FROM bundles "
                          "ORDER BY kiosk_id, number, sha256");
    auto conflicts = rows(db, "SELECT kiosk_id, count(*) FROM conflicts GROUP BY kiosk_id ORDER BY kiosk_id");
    for (const auto* result : {&chain, &conflicts})
        if (!*result) return result->error();
    for (const auto* result :
         {&total, &perKiosk, &packs, &perAction, &consents, &perDay, &perDayKiosk, &unsynced, &gaps})
        if (!*result) return result->error();

    std::string html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                       "<title>Pledge report</title>\n<style>" +
                       std::string(kStyle) + "</style>\n</head>\n<body>\n<h1>Pledge report</h1>\n";
    html += "<p>" + htmlEscape(total.value()[0][0]) + " pledges in total. Generated " +
            htmlEscape(generatedAtUtc) + ". Days are UTC dates as each kiosk's clock gave them.</p>\n";

    html += "<h2>Per kiosk</h2>\n";
    table(html, {"Kiosk", "Pledges", "First day", "Last day", "Sequences", "Clock not synchronised"},
          perKiosk.value(), {1, 5});
    html += "<h2>Packs each kiosk ran</h2>\n<p class=\"note\">The content pack and version each pledge was "
            "collected under, as the kiosk's signed bundle names it; a kiosk's last row is what it ran most "
            "recently.</p>\n";
    table(html, {"Kiosk", "Pack", "Version", "Pledges", "First day", "Last day"}, packs.value(), {3});
    html += "<h2>Per action</h2>\n";
    table(html, {"Action", "Pledges"}, perAction.value(), {1});
    html +=
        "<h2>Consents per action</h2>\n<p class=\"note\">Each consent of each action's form by its id: how "
        "many ticked it, of the pledges whose form showed it. Only a ticked box is agreement (for example, "
        "only those who ticked an updates box may be sent news).</p>\n";
    table(html, {"Action", "Consent", "Ticked", "Shown"}, consents.value(), {2, 3});
    html += "<h2>Per day</h2>\n";
    table(html, {"Day (UTC)", "Pledges"}, perDay.value(), {1});
    html += "<h2>Pledges per day per kiosk</h2>\n";
    chart(html, perDayKiosk.value());

    html += "<h2>Kiosks whose clocks were not synchronised</h2>\n";
    if (unsynced.value().empty()) {
        html += "<p class=\"note\">Every pledge was made while its kiosk's clock was synchronised.</p>\n";
    } else {
        html += "<p class=\"note\">These pledges' dates come from a clock that NTP had not set: they may be "
                "wrong (the kiosk's boot id and monotonic time allow a later correction).</p>\n";
        table(html, {"Kiosk", "Pledges with unsynchronised clock"}, unsynced.value(), {1});
    }

    html += "<h2>Gaps in sequence numbers</h2>\n";
    if (gaps.value().empty()) {
        html +=
            "<p class=\"note\">No gaps: every kiosk's pledges are complete between its first and last.</p>\n";
    } else {
        html +=
            "<p class=\"note\">Missing numbers mean pledges not (yet) imported: a bundle not delivered, or "
            "rejected.</p>\n<table><tr><th>Kiosk</th><th>Missing sequences</th><th>Count</th></tr>\n";
        std::map<std::string, std::size_t> shown;
        std::map<std::string, std::size_t> hidden;
        for (const auto& gap : gaps.value()) {
            if (shown[gap[0]]++ >= kMaxGapsShown) {
                ++hidden[gap[0]];
                continue;
            }
            long first = std::stol(gap[1]), last = std::stol(gap[2]);
            std::string range = first == last ? gap[1] : gap[1] + "–" + gap[2];
            html += "<tr><td>" + htmlEscape(gap[0]) + "</td><td>" + htmlEscape(range) +
                    "</td><td class=\"n\">" + std::to_string(last - first + 1) + "</td></tr>\n";
        }
        html += "</table>\n";
        for (const auto& [kiosk, count] : hidden)
            html += "<p class=\"warn\">" + htmlEscape(kiosk) + ": " + std::to_string(count) +
                    " more gaps not listed.</p>\n";
    }
    html += "<h2>Bundle chain per kiosk</h2>\n";
    bundleChain(html, chain.value());
    html += "<h2>Pledges kept aside</h2>\n";
    if (conflicts.value().empty()) {
        html += "<p class=\"note\">None: no pledge arrived that clashed with one already imported.</p>\n";
    } else {
        html +=
            "<p class=\"warn\">These arrived with a uuid or sealed box already imported from another key "
            "or with other contents: one of each pair is forged. They are kept whole in the database's "
            "conflicts table, not counted above. Import again with --trusted-kiosks to settle them.</p>\n";
        table(html, {"Kiosk", "Pledges kept aside"}, conflicts.value(), {1});
    }
    if (auto counts = appendCountsReport(html, db); !counts) return counts.error();
    html += "</body>\n</html>\n";
    return html;
}

}  // namespace kiosk::sync
