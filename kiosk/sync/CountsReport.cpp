// Engagement counts into the report's charts and into CSV; every value from the data is escaped.
#include "sync/CountsReport.h"

#include "core/EngagementCount.h"
#include "core/TextEscape.h"
#include "sync/Csv.h"

#include <algorithm>
#include <array>
#include <map>
#include <utility>
#include <vector>

namespace kiosk::sync {

namespace {

// One kiosk's day: every metric by subject, and visits by hour.
struct Day {
    std::map<std::string, std::map<std::string, std::int64_t>> bySubject;  // metric -> subject -> value
    std::array<std::int64_t, 24> visitsByHour{};
    std::int64_t total(std::string_view metric) const {
        const auto found = bySubject.find(std::string(metric));
        if (found == bySubject.end()) return 0;
        std::int64_t sum = 0;
        for (const auto& [subject, value] : found->second)
            sum += value;
        return sum;
    }
    const std::map<std::string, std::int64_t>& of(std::string_view metric) const {
        static const std::map<std::string, std::int64_t> none;
        const auto found = bySubject.find(std::string(metric));
        return found == bySubject.end() ? none : found->second;
    }
};

std::string minutes(std::int64_t ms) {
    const std::int64_t tenths = (ms + 3000) / 6000;
    return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " min";
}

// Horizontal bars, a label and the figure beside each: readable printed in black and white.
void barChart(std::string& html, const std::string& title,
              const std::vector<std::pair<std::string, std::string>>& rows,
              const std::vector<std::int64_t>& values) {
    if (rows.empty()) {
        html += "<p class=\"note\">" + htmlEscape(title) + ": none.</p>\n";
        return;
    }
    const std::int64_t most = std::max<std::int64_t>(1, *std::max_element(values.begin(), values.end()));
    const int labelW = 210, barW = 300, rowH = 20, top = 22;
    const int width = labelW + barW + 110;
    const int height = top + static_cast<int>(rows.size()) * rowH + 6;
    html += "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"" + std::to_string(width) +
            "\" height=\"" + std::to_string(height) + "\" viewBox=\"0 0 " + std::to_string(width) + " " +
            std::to_string(height) + "\">\n<title>" + htmlEscape(title) +
            "</title>\n<text x=\"0\" y=\"14\" " + "font-weight=\"bold\">" + htmlEscape(title) + "</text>\n";
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const int y = top + static_cast<int>(i) * rowH;
        const int w = static_cast<int>(static_cast<long long>(barW) * values[i] / most);
        html += "<text x=\"" + std::to_string(labelW - 6) + "\" y=\"" + std::to_string(y + 14) +
                "\" text-anchor=\"end\">" + htmlEscape(rows[i].first) + "</text>";
        html += "<rect x=\"" + std::to_string(labelW) + "\" y=\"" + std::to_string(y + 3) + "\" width=\"" +
                std::to_string(std::max(w, values[i] > 0 ? 1 : 0)) +
                "\" height=\"14\" fill=\"#555\" stroke=\"#000\" stroke-width=\"0.5\"/>";
        html += "<text x=\"" + std::to_string(labelW + w + 6) + "\" y=\"" + std::to_string(y + 14) + "\">" +
                htmlEscape(rows[i].second) + "</text>\n";
    }
    html += "</svg>\n";
}

// 24 columns, one an hour of the kiosk's day, with the figure over each that has any.
void hourChart(std::string& html, const std::array<std::int64_t, 24>& visits) {
    const std::int64_t most = std::max<std::int64_t>(1, *std::max_element(visits.begin(), visits.end()));
    const int left = 8, colW = 22, plot = 120, top = 34, bottom = 20;
    const int width = left + 24 * colW + 8, height = top + plot + bottom;
    html += "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"" + std::to_string(width) +
            "\" height=\"" + std::to_string(height) + "\" viewBox=\"0 0 " + std::to_string(width) + " " +
            std::to_string(height) +
            "\">\n<title>Visits by hour</title>\n<text x=\"0\" y=\"14\" font-weight=\"bold\">Visits by hour "
            "(the kiosk's local time)</text>\n";
    for (int hour = 0; hour < 24; ++hour) {
        const std::int64_t n = visits[static_cast<std::size_t>(hour)];
        const int h = static_cast<int>(static_cast<long long>(plot) * n / most);
        const int x = left + hour * colW;
        if (n > 0) {
            html += "<rect x=\"" + std::to_string(x + 2) + "\" y=\"" + std::to_string(top + plot - h) +
                    "\" width=\"" + std::to_string(colW - 4) + "\" height=\"" + std::to_string(h) +
                    "\" fill=\"#555\" stroke=\"#000\" stroke-width=\"0.5\"><title>" + std::to_string(hour) +
                    ":00: " + std::to_string(n) + "</title></rect>";
            html += "<text x=\"" + std::to_string(x + colW / 2) + "\" y=\"" +
                    std::to_string(top + plot - h - 3) + "\" text-anchor=\"middle\">" + std::to_string(n) +
                    "</text>";
        }
        html += "<text x=\"" + std::to_string(x + colW / 2) + "\" y=\"" + std::to_string(top + plot + 14) +
                "\" text-anchor=\"middle\">" + std::to_string(hour) + "</text>\n";
    }
    html += "<line x1=\"" + std::to_string(left) + "\" x2=\"" + std::to_string(width - 8) + "\" y1=\"" +
            std::to_string(top + plot) + "\" y2=\"" + std::to_string(top + plot) +
            "\" stroke=\"#000\"/>\n</svg>\n";
}

void daySection(std::string& html, const std::string& kiosk, const std::string& day, const Day& d) {
    html += "<h3>" + htmlEscape(kiosk) + ", " + htmlEscape(day) + "</h3>\n<div class=\"counts\">\n";
    const std::int64_t visits = d.total(metric::kVisit);
    std::vector<std::pair<std::string, std::string>> rows;
    std::vector<std::int64_t> values;
    const std::pair<const char*, std::string_view> funnel[] = {{"Visits", metric::kVisit},
                                                               {"Read something", metric::kVisitRead},
                                                               {"Act screen", metric::kVisitAct},
                                                               {"Pledge started", metric::kVisitPledge},
                                                               {"Pledge stored", metric::kVisitStored}};
    for (const auto& [label, name] : funnel) {
        const std::int64_t n = d.total(name);
        const std::string share =
            visits > 0 ? " (" + std::to_string((n * 100 + visits / 2) / visits) + "%)" : "";
        rows.push_back({label, std::to_string(n) + share});
        values.push_back(n);
    }
    barChart(html, "Funnel: visits that got this far", rows, values);

    rows.clear();
    values.clear();
    for (const auto& [language, n] : d.of(metric::kLanguage)) {
        rows.push_back({language, std::to_string(n)});
        values.push_back(n);
    }
    barChart(html, "Languages (visits that used each)", rows, values);

    // The most read screens: by time on them, with how many times each was opened.
    std::vector<std::pair<std::int64_t, std::string>> byTime;
    for (const auto& [screen, ms] : d.of(metric::kScreenMs))
        byTime.push_back({ms, screen});
    std::sort(byTime.begin(), byTime.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    if (byTime.size() > 10) byTime.resize(10);
    rows.clear();
    values.clear();
    const auto& views = d.of(metric::kScreen);
    for (const auto& [ms, screen] : byTime) {
        const auto opened = views.find(screen);
        rows.push_back({screen, minutes(ms) + ", " +
                                    std::to_string(opened == views.end() ? 0 : opened->second) + " views"});
        values.push_back(ms);
    }
    barChart(html, "Most read screens (time on each)", rows, values);
    hourChart(html, d.visitsByHour);

    rows.clear();
    values.clear();
    const auto& qrTime = d.of(metric::kQrMs);
    for (const auto& [where, n] : d.of(metric::kQr)) {
        const auto time = qrTime.find(where);
        rows.push_back(
            {where, std::to_string(n) + " times, " + minutes(time == qrTime.end() ? 0 : time->second)});
        values.push_back(n);
    }
    barChart(html, "QR codes shown (screen:action or case)", rows, values);

    rows.clear();
    values.clear();
    for (const auto& [where, n] : d.of(metric::kPledgeAbandoned)) {
        rows.push_back({where, std::to_string(n)});
        values.push_back(n);
    }
    barChart(html, "Pledges left unsigned (action:furthest field reached)", rows, values);
    html += "<p class=\"note\">Pledges started " + std::to_string(d.total(metric::kPledgeStarted)) +
            ", stored " + std::to_string(d.total(metric::kPledgeStored)) + ", left " +
            std::to_string(d.total(metric::kPledgeAbandoned)) + "; time in visits " +
            minutes(d.total(metric::kVisitMs)) + ".</p>\n</div>\n";
}

}  // namespace

Result<void> appendCountsReport(std::string& html, const CentralDb& db) {
    std::map<std::pair<std::string, std::string>, Day> days;
    auto read = db.query("SELECT kiosk_id, day, hour, metric, subject, sum(value) FROM counts "
                         "GROUP BY kiosk_id, day, hour, metric, subject",
                         [&](const std::vector<std::string>& row) {
                             Day& d = days[{row[0], row[1]}];
                             const std::int64_t value = std::stoll(row[5]);
                             d.bySubject[row[3]][row[4]] += value;
                             const int hour = std::stoi(row[2]);
                             if (row[3] == metric::kVisit && hour >= 0 && hour < 24)
                                 d.visitsByHour[static_cast<std::size_t>(hour)] += value;
                         });
    if (!read) return read.error();
    html += "<h2>Engagement per kiosk and day</h2>\n";
    if (days.empty()) {
        html +=
            "<p class=\"note\">No engagement counts yet (kiosks older than this version do not count).</p>\n";
        return {};
    }
    html +=
        "<p class=\"note\">What each kiosk counted, with no personal data: a visit is a touch out of the "
        "attract loop until it returns to it; days and hours are the kiosk's local time. \"Read "
        "something\" is a visit that stayed 5 seconds or more on a story section, timeline entry or case. "
        "Each funnel step counts visits that did it, so a visit that went straight to an action counts "
        "there without having read.</p>\n";
    for (const auto& [where, d] : days)
        daySection(html, where.first, where.second, d);
    return {};
}

Result<std::uint64_t> writeCountsCsv(const CentralDb& db, std::ostream& out) {
    out << kCountsCsvColumns << "\r\n";
    std::uint64_t rows = 0;
    auto read = db.query("SELECT kiosk_id, day, hour, metric, subject, sum(value) FROM counts "
                         "GROUP BY kiosk_id, day, hour, metric, subject "
                         "ORDER BY kiosk_id, day, hour, metric, subject",
                         [&](const std::vector<std::string>& row) {
                             for (std::size_t i = 0; i < row.size(); ++i)
                                 out << (i ? "," : "") << csvCell(row[i]);
                             out << "\r\n";
                             ++rows;
                         });
    if (!read) return read.error();
    return rows;
}

}  // namespace kiosk::sync
