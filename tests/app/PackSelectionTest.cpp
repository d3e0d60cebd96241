// Which pack the kiosk shows, and what it reports when the configured one does not load or cannot be kept:
// the report is data (paths, the pack's id and version, the loader's diagnostics); the words come from
// reports::problemText, the same for the log and the volunteer menu.
#include "app/PackSelection.h"

#include "reports/VolunteerWords.h"
#include "update/UpdateTestSupport.h"

#include <catch2/catch.hpp>

using namespace kiosk;
using Kind = reports::KioskProblem::Kind;

namespace {
std::vector<Kind> kindsOf(const app::PackSelection& selection) {
    std::vector<Kind> kinds;
    for (const auto& problem : selection.problems)
        kinds.push_back(problem.kind);
    return kinds;
}
}  // namespace

TEST_CASE("a pack that loads is shown and kept, and a broken edit then shows the kept copy and says why",
          "[app][packs]") {
    update::test::Scratch scratch;
    const auto configured = scratch.path() / "content";
    const auto dataDir = scratch.path() / "data";
    update::test::makePack(configured, "1.4.0");

    const auto good = app::selectPack(configured, dataDir, nullptr);
    REQUIRE(good.pack);
    CHECK(good.origin == app::PackOrigin::Configured);
    CHECK(good.problems.empty());
    CHECK(std::filesystem::exists(app::lastGoodPackDir(dataDir) / "pack.toml"));

    update::test::writeBytes(configured / "pack.toml", "[pack\n");
    const auto broken = app::selectPack(configured, dataDir, nullptr);
    REQUIRE(broken.pack);
    CHECK(broken.origin == app::PackOrigin::LastGood);
    const auto kinds = kindsOf(broken);
    REQUIRE(kinds.size() >= 3);
    CHECK(kinds.front() == Kind::PackDidNotLoad);
    CHECK(kinds[1] == Kind::Diagnostic);
    CHECK(kinds.back() == Kind::ShowingLastGoodPack);
    CHECK(broken.problems.front().folder == configured.string());
    CHECK_THAT(broken.problems[1].detail, Catch::Contains("pack.toml:"));  // FILE:LINE:COLUMN, as it is
    CHECK(broken.problems.back().packId == "minimal");
    CHECK(broken.problems.back().version == "1.4.0");
    // The log's words, which the tests of `kiosk` match (tests/app/CMakeLists.txt).
    CHECK(reports::problemText(broken.problems.front()) ==
          "the content pack " + configured.string() + " did not load:");
    CHECK(reports::problemText(broken.problems.back()) ==
          "showing the last pack that loaded (minimal 1.4.0)");
}

TEST_CASE(
    "a pack that cannot be kept is still shown, and the problem names the folder and the system's words",
    "[app][packs]") {
    update::test::Scratch scratch;
    const auto configured = scratch.path() / "content";
    update::test::makePack(configured, "1.0.0");
    update::test::writeBytes(scratch.path() / "a-file", "not a folder");
    const auto dataDir = scratch.path() / "a-file" / "data";

    const auto selection = app::selectPack(configured, dataDir, nullptr);
    REQUIRE(selection.pack);
    CHECK(selection.origin == app::PackOrigin::Configured);
    REQUIRE(selection.problems.size() == 1);
    const auto& problem = selection.problems.front();
    CHECK(problem.kind == Kind::PackNotKept);
    CHECK(problem.copy == reports::KioskProblem::CopyFailure::System);
    CHECK(problem.folder == app::lastGoodPackDir(dataDir).string());
    CHECK_FALSE(problem.detail.empty());
    CHECK_THAT(reports::problemText(problem),
               Catch::StartsWith("could not keep a copy of the pack in " + problem.folder + ": ") &&
                   Catch::EndsWith(problem.detail));
}

TEST_CASE("nothing loads and nothing was kept: no pack, and the reasons for the maintenance screen",
          "[app][packs]") {
    update::test::Scratch scratch;
    const auto configured = scratch.path() / "content";
    std::filesystem::create_directories(configured);
    const auto selection = app::selectPack(configured, scratch.path() / "data", nullptr);
    CHECK_FALSE(selection.pack);
    CHECK(selection.origin == app::PackOrigin::None);
    REQUIRE_FALSE(selection.problems.empty());
    CHECK(selection.problems.front().kind == Kind::PackDidNotLoad);
    CHECK(kindsOf(selection).back() != Kind::ShowingLastGoodPack);
}
