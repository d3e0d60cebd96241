// kioskctl export, push, import, csv and report: command-line wiring of sync/ to the config and pledge store.
#include "config/Config.h"
#include "ctl/Commands.h"
#include "pledge/CaptureFacts.h"
#include "pledge/Keys.h"
#include "pledge/PledgeStore.h"
#include "pledge/ReferenceCode.h"
#include "pledge/Sealing.h"
#include "sync/BundleReader.h"
#include "sync/CountsReport.h"
#include "sync/Csv.h"
#include "sync/Export.h"
#include "sync/FileIo.h"
#include "sync/Import.h"
#include "sync/Push.h"
#include "sync/Report.h"
#include "sync/TrustedKiosks.h"

#include <chrono>
#include <fstream>
#include <iostream>
#include <memory>
#include <set>
#include <sstream>

namespace kiosk::ctl {

namespace {

using sync::Error;
using sync::Result;

std::string nowUtc() {
    return pledge::utcTimestamp(std::chrono::system_clock::now());
}

[[noreturn]] void fail(const std::string& message, int code = 1) {
    std::cerr << "kioskctl: " << message << "\n";
    throw CLI::RuntimeError(code);
}

// Loads the kiosk config; errors are shown but only a missing data_dir stops the command, since the rest
// falls back to defaults by design.
config::KioskConfig loadKioskConfig(const std::string& path) {
    config::ConfigResult loaded = config::loadConfig(path);
    for (const auto& diagnostic : loaded.diagnostics)
        std::cerr << diagnostic.format() << "\n";
    if (loaded.config.dataDir.empty()) fail(path + ": no data_dir set: the kiosk's pledges live there");
    return loaded.config;
}

pledge::PledgeStore openStore(const config::KioskConfig& config) {
    auto store = pledge::PledgeStore::open(config.dataDir);
    if (!store) fail(store.error().message);
    if (!store.value().openNotice().empty()) std::cerr << store.value().openNotice() << "\n";
    return std::move(store.value());
}

void purge(pledge::PledgeStore& store, const config::KioskConfig& config) {
    auto purged = sync::purgeDelivered(store, config.dataDir, config.sync.keepDaysAfterDelivery, nowUtc());
    if (!purged) fail(purged.error().message);
    if (purged.value() > 0)
        std::cout << "deleted " << purged.value() << " pledges delivered more than "
                  << config.sync.keepDaysAfterDelivery << " days ago\n";
}

std::vector<sync::ExportedBundle> exportToOutbox(pledge::PledgeStore& store,
                                                 const config::KioskConfig& config) {
    auto key = sync::loadOrCreateSigningKey(config.dataDir);
    if (!key) fail(key.error().message);
    auto exported = sync::exportPending(store, key.value(), sync::outboxFolder(config.dataDir), nowUtc());
    if (!exported) fail(exported.error().message);
    return exported.value();
}

struct ExportArgs {
    std::string folder;
    std::string config;
    bool again = false;
};

void runExport(const ExportArgs& args) {
    config::KioskConfig config = loadKioskConfig(args.config);
    pledge::PledgeStore store = openStore(config);
    purge(store, config);
    std::vector<std::filesystem::path> written;
    std::uint64_t total = 0;
    for (const auto& bundle : exportToOutbox(store, config)) {
        auto copied = sync::copyIntoFolder(bundle.path, args.folder);
        if (!copied)
            fail(copied.error().message + " (the pledges stay in the kiosk's outbox; run export again)");
        std::cout << "exported "
                  << (bundle.count > 0 ? std::to_string(bundle.count) + " pledges" : "counts only") << " to "
                  << copied.value().string() << "\n";
        written.push_back(copied.value());
        total += bundle.count;
    }
    if (total == 0) std::cout << "exported 0 pledges: nothing new to export\n";
    // Bundles exported earlier but not confirmed delivered (a push that failed, a lost stick) go too: the
    // same bytes again, harmless to import twice. (--again is kept for scripts; it is now always so.)
    for (const auto& bundle : sync::undeliveredBundles(config.dataDir)) {
        if (std::find_if(written.begin(), written.end(),
                         [&](const auto& w) { return w.filename() == bundle.filename(); }) != written.end())
            continue;
        auto header = sync::readBundleHeader(bundle);
        if (!header) fail(bundle.string() + ": " + header.error().message);
        auto copied = sync::copyIntoFolder(bundle, args.folder);
        if (!copied) fail(copied.error().message);
        std::cout << "exported " << header.value().count << " pledges to " << copied.value().string()
                  << " (again: not yet confirmed delivered)\n";
    }
}

struct PushArgs {
    std::string config;
    bool allowInsecureLoopback = false;
    int attempts = 5;
    double connectTimeoutS = 10;
    double timeoutS = 300;
};

void runPush(const PushArgs& args) {
    config::KioskConfig config = loadKioskConfig(args.config);
    sync::PushOptions options;
    options.transport.location = config.sync.url;
    options.transport.token = config.sync.token;
    options.transport.caFile = config.sync.caFile.string();
    options.transport.allowInsecureLoopback = args.allowInsecureLoopback;
    options.transport.attempts = args.attempts;
    options.transport.connectTimeout =
        std::chrono::milliseconds(static_cast<long long>(args.connectTimeoutS * 1000));
    options.transport.totalTimeout = std::chrono::milliseconds(static_cast<long long>(args.timeoutS * 1000));
    if (auto allowed = sync::checkPushUrl(options); !allowed) fail(allowed.error().message);

    pledge::PledgeStore store = openStore(config);
    purge(store, config);
    for (const auto& bundle : exportToOutbox(store, config))
        std::cout << "exported "
                  << (bundle.count > 0 ? std::to_string(bundle.count) + " pledges" : "counts only") << " to "
                  << bundle.path.string() << "\n";
    auto results =
        sync::pushOutbox(options, sync::outboxFolder(config.dataDir), sync::sentFolder(config.dataDir),
                         [&](const std::string& name) -> Result<void> {
                             auto marked = store.markDelivered(name, nowUtc());
                             if (!marked) return marked.error();
                             return {};
                         });
    if (!results) fail(results.error().message);
    std::size_t delivered = 0;
    for (const auto& r : results.value()) {
        std::string name = r.bundle.filename().string();
        if (r.delivered && r.error.empty()) {
            ++delivered;
            std::cout << "delivered " << name << " (HTTP " << r.httpStatus << ", attempt " << r.attempts
                      << ")\n";
        } else {
            std::cout << "not delivered " << name << " after " << r.attempts << " attempt(s): " << r.error
                      << "\n";
        }
    }
    std::cout << "pushed " << delivered << " of " << results.value().size() << " bundles to "
              << options.transport.location << "\n";
    if (delivered != results.value().size()) throw CLI::RuntimeError(1);
    purge(store, config);
}

// A path, kiosk id or message as one line: control characters (a newline in a file name, an escape in a kiosk
// id read from a bundle) are shown escaped, so no name can print a line of its own, such as a fake summary.
std::string printable(std::string_view text) {
    std::string out;
    for (unsigned char c : text) {
        if (c == '\\') {
            out += "\\\\";
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c < 0x20 || c == 0x7f) {
            const char* hex = "0123456789abcdef";
            out += "\\x";
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 15]);
        } else {
            out.push_back(static_cast<char>(c));
        }
    }
    return out;
}

struct ImportArgs {
    std::string key;
    std::string db;
    std::string trusted;
    std::vector<std::string> paths;
};

void runImport(const ImportArgs& args) {
    auto secret = pledge::readSecretKeyFile(args.key);
    if (!secret) fail(secret.error().message);
    sync::ImportOptions options;
    const pledge::KeyPair key = pledge::keyPairOf(secret.value());
    options.open = [key](std::span<const unsigned char> sealed) {
        return pledge::openSealedPledge(sealed, key);
    };
    options.reference = [](const std::string& uuid) { return pledge::referenceCode(uuid); };
    options.importedAtUtc = nowUtc();
    if (!args.trusted.empty()) {
        auto trusted = sync::loadTrustedKiosks(args.trusted);
        if (!trusted) fail(trusted.error().message);
        options.trustedKiosks = trusted.value();
    }
    auto db = sync::CentralDb::open(args.db);
    if (!db) fail(db.error().message);
    if (!db.value().notice().empty()) std::cerr << db.value().notice() << "\n";
    std::vector<std::filesystem::path> inputs(args.paths.begin(), args.paths.end());
    sync::ImportSummary summary = sync::importBundles(db.value(), inputs, options);
    for (const auto& bundle : summary.bundles) {
        const std::string path = printable(bundle.path.string());
        if (!bundle.bundleError.empty()) {
            std::cout << "rejected " << path << ": " << printable(bundle.bundleError) << "\n";
            continue;
        }
        std::cout << path << ": " << bundle.added << " new, " << bundle.duplicates
                  << " duplicate, from kiosk " << printable(bundle.kioskId) << " signed by "
                  << bundle.signerKey;
        if (bundle.chainNumber > 0) std::cout << ", bundle " << bundle.chainNumber << " of that kiosk";
        if (bundle.countsAdded + bundle.countsDuplicate > 0)
            std::cout << "; counts: " << bundle.countsAdded << " new, " << bundle.countsDuplicate
                      << " already in";
        if (bundle.displaced > 0)
            std::cout << "; " << bundle.displaced << " of them displaced rows an untrusted key had signed";
        std::cout << "\n";
        for (const auto& problem : bundle.recordErrors)
            std::cout << "rejected " << path << ": " << printable(problem) << "\n";
    }
    std::cout << summary.line() << "\n";
    if (summary.rejected > 0 || std::any_of(summary.bundles.begin(), summary.bundles.end(),
                                            [](const auto& b) { return !b.bundleError.empty(); }))
        throw CLI::RuntimeError(2);
}

sync::CentralDb openCentral(const std::string& path) {
    if (!std::filesystem::exists(path)) fail(path + ": no such database; `kioskctl import` creates it");
    auto db = sync::CentralDb::open(path);
    if (!db) fail(db.error().message);
    if (!db.value().notice().empty()) std::cerr << db.value().notice() << "\n";
    return std::move(db.value());
}

void writeOutput(const std::string& out, const std::string& bytes) {
    auto written = sync::writeFileAtomically(out, bytes, 0600);
    if (!written) fail(written.error().message);
}

struct CsvArgs {
    std::string db;
    std::string out;
    std::string outDir;
    std::string action;
    bool counts = false;
};

// One file a action (each form has its own columns): --out-dir writes them all; --out or standard output take
// one action, named by --action unless the database holds only one.
void runCsv(const CsvArgs& args) {
    sync::CentralDb db = openCentral(args.db);
    if (args.counts) {
        std::ostringstream text;
        auto rows = sync::writeCountsCsv(db, text);
        if (!rows) fail(rows.error().message);
        if (args.out.empty()) {
            std::cout << text.str();
            return;
        }
        writeOutput(args.out, text.str());
        std::cerr << "wrote " << rows.value() << " rows of engagement counts to " << args.out << "\n";
        return;
    }
    auto actions = sync::csvActions(db);
    if (!actions) fail(actions.error().message);
    if (!args.outDir.empty()) {
        std::error_code ec;
        std::filesystem::create_directories(args.outDir, ec);
        if (ec) fail(args.outDir + ": cannot make the folder: " + ec.message());
        std::set<std::string> names;
        for (const auto& action : actions.value()) {
            std::string name = sync::csvFileName(action);
            while (!names.insert(name).second)
                name.insert(name.size() - 4, "_");
            std::ostringstream text;
            auto rows = sync::writeCsv(db, text, action);
            if (!rows) fail(rows.error().message);
            const std::string path = (std::filesystem::path(args.outDir) / name).string();
            writeOutput(path, text.str());
            std::cerr << "wrote " << rows.value() << " pledges of action " << action << " to " << path
                      << "\n";
        }
        if (actions.value().empty()) std::cerr << "no pledges imported yet: no file written\n";
        return;
    }
    std::string action = args.action;
    if (action.empty()) {
        if (actions.value().size() > 1) {
            std::string list;
            for (const auto& a : actions.value())
                list += (list.empty() ? "" : ", ") + a;
            fail(args.db + " holds pledges for " + std::to_string(actions.value().size()) + " actions (" +
                 list +
                 "), each with its own form and columns: use --out-dir DIR for one file a action, or "
                 "--action ID");
        }
        if (!actions.value().empty()) action = actions.value().front();
    } else if (std::find(actions.value().begin(), actions.value().end(), action) == actions.value().end()) {
        fail(args.db + ": no pledges for action \"" + action + "\"");
    }
    std::ostringstream text;
    auto rows = sync::writeCsv(db, text, action);
    if (!rows) fail(rows.error().message);
    if (args.out.empty()) {
        std::cout << text.str();
        return;
    }
    writeOutput(args.out, text.str());
    std::cerr << "wrote " << rows.value() << " pledges to " << args.out << "\n";
}

void runReport(const std::string& dbPath, const std::string& out) {
    sync::CentralDb db = openCentral(dbPath);
    auto html = sync::buildReport(db, nowUtc());
    if (!html) fail(html.error().message);
    writeOutput(out, html.value());
    std::cout << "wrote report to " << out << "\n";
}

}  // namespace

void addSyncCommands(CLI::App& app) {
    auto exportArgs = std::make_shared<ExportArgs>();
    CLI::App* exportCmd =
        app.add_subcommand("export", "Write pledges not yet exported into a signed bundle in DIR");
    exportCmd->add_option("DIR", exportArgs->folder, "Folder to write the bundle to (a USB stick)")
        ->required();
    exportCmd->add_option("--config", exportArgs->config, "The kiosk's config file")->required();
    exportCmd->add_flag("--again", exportArgs->again,
                        "Kept for scripts: every bundle not yet confirmed delivered is written anyway");
    exportCmd->callback([exportArgs] { runExport(*exportArgs); });

    auto pushArgs = std::make_shared<PushArgs>();
    CLI::App* pushCmd = app.add_subcommand("push", "Send pending bundles to [sync] url by HTTPS PUT");
    pushCmd->add_option("--config", pushArgs->config, "The kiosk's config file")->required();
    pushCmd->add_flag("--allow-insecure-loopback", pushArgs->allowInsecureLoopback,
                      "Allow plain http to 127.0.0.1 or localhost only (a local relay or a test server)");
    pushCmd->add_option("--attempts", pushArgs->attempts, "Tries per bundle")->check(CLI::Range(1, 20));
    pushCmd->add_option("--connect-timeout", pushArgs->connectTimeoutS, "Seconds to connect")
        ->check(CLI::Range(0.1, 600.0));
    pushCmd->add_option("--timeout", pushArgs->timeoutS, "Seconds for one whole upload")
        ->check(CLI::Range(0.1, 3600.0));
    pushCmd->callback([pushArgs] { runPush(*pushArgs); });

    auto importArgs = std::make_shared<ImportArgs>();
    CLI::App* importCmd = app.add_subcommand(
        "import",
        "Merge kiosk bundles into the coordinator's database (exit status 2 if anything was rejected)");
    importCmd->add_option("--key", importArgs->key, "The coordinator's secret key file")->required();
    importCmd->add_option("--db", importArgs->db, "The coordinator's database (created if missing)")
        ->required();
    importCmd->add_option(
        "--trusted-kiosks", importArgs->trusted,
        "File of kiosk keys, one a line, each followed by the kiosk id(s) it may sign for; any other bundle "
        "is rejected");
    importCmd->add_option("PATH", importArgs->paths, "Bundle files or folders holding them")->required();
    importCmd->callback([importArgs] { runImport(*importArgs); });

    auto csvArgs = std::make_shared<CsvArgs>();
    CLI::App* csvCmd = app.add_subcommand(
        "csv",
        "Write imported pledges as CSV, one file a action (a column per field and consent of its form)");
    csvCmd->add_option("--db", csvArgs->db, "The coordinator's database")->required();
    csvCmd->add_option("--out-dir", csvArgs->outDir, "Folder for one file a action, named <action-id>.csv");
    csvCmd->add_option("--action", csvArgs->action,
                       "The action to write to --out or standard output (needed when there are several)");
    csvCmd->add_option("--out", csvArgs->out, "Output file for one action (default: standard output)")
        ->excludes("--out-dir");
    csvCmd
        ->add_flag("--counts", csvArgs->counts,
                   "Write the engagement counts instead (kiosk_id,day,hour,metric,subject,value) to --out or "
                   "standard output")
        ->excludes("--out-dir")
        ->excludes("--action");
    csvCmd->callback([csvArgs] { runCsv(*csvArgs); });

    auto reportArgs = std::make_shared<std::pair<std::string, std::string>>();
    CLI::App* reportCmd =
        app.add_subcommand("report", "Write a self-contained HTML report of imported pledges");
    reportCmd->add_option("--db", reportArgs->first, "The coordinator's database")->required();
    reportCmd->add_option("--out", reportArgs->second, "Output HTML file")->required();
    reportCmd->callback([reportArgs] { runReport(reportArgs->first, reportArgs->second); });
}

}  // namespace kiosk::ctl
