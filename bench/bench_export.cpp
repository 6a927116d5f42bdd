// Export benchmark (issue 15): a county of N households (default 50,000) with their members (4 each),
// income sheets and measures (demo::makeCaseHousehold, spread over the demo county's villages), seeded
// straight into the store; then, in a fresh process so that its peak RSS is the export's own, the
// households and members sheets as XLSX through writeNationalSheet (the code behind
// GET /api/v1/exports/…, constant-memory libxlsxwriter into a temporary file), printing rows, seconds,
// rows/s, file size and peak RSS. With --compare-walk the export process also walks every household
// record through CentralStore's default recordsOfKind (a rescan of the change log per page) and through
// the store's own, to show what the store's override buys.
//
//   bench_export [--households N] [--database URL] [--compare-walk]
//   URL: sqlite:DIR (default: a temporary directory) or postgresql://… (an empty database)
#include "exports/area_directory.h"
#include "exports/national_export.h"
#include "exports/record_walk.h"
#include "exports/xlsx_sink.h"
#include "storage/open_central_store.h"

#include <ruhu/demo/case_household.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace ruhu;
using namespace ruhu::server;
using SteadyClock = std::chrono::steady_clock;

namespace {

constexpr const char *kVillages[] = {"429005103201", "429005103202", "429005103203"};

double secondsSince(SteadyClock::time_point start) {
    return std::chrono::duration<double>(SteadyClock::now() - start).count();
}

long peakRssMb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

[[noreturn]] void fail(const std::string &what, const Error &error) {
    std::fprintf(stderr, "bench_export: %s: %s %s\n", what.c_str(), error.code.c_str(),
                 error.message.c_str());
    std::exit(1);
}

void seed(CentralStore &store, int households) {
    const auto start = SteadyClock::now();
    constexpr int kPerTransaction = 1000;
    size_t records = 0;
    for (int first = 0; first < households; first += kPerTransaction) {
        auto tx = store.beginWrite();
        if (!tx)
            fail("begin", tx.error());
        if (first == 0) {
            for (const protocol::Area &area :
                 {protocol::Area{"429005", "潜江市", "county", ""},
                  protocol::Area{"429005103", "熊口镇", "township", "429005"},
                  protocol::Area{kVillages[0], "马家村", "village", "429005103"},
                  protocol::Area{kVillages[1], "赵脑村", "village", "429005103"},
                  protocol::Area{kVillages[2], "红光村", "village", "429005103"}}) {
                if (auto st = (*tx)->putArea(area); !st)
                    fail("area", st.error());
            }
        }
        for (int n = first; n < std::min(households, first + kPerTransaction); ++n) {
            demo::CaseHouseholdSpec spec;
            spec.householdId = "hh-b" + std::to_string(1000000 + n);
            spec.regionCode = kVillages[n % 3];
            spec.members = 4;
            spec.idSequence = 100 + (n % 800);
            for (Record record : demo::makeCaseHousehold(spec)) {
                auto version = (*tx)->nextVersion();
                if (!version)
                    fail("version", version.error());
                record.version = *version;
                if (auto st = (*tx)->putRecord(record); !st)
                    fail("put", st.error());
                ++records;
            }
        }
        if (auto st = (*tx)->commit(); !st)
            fail("commit", st.error());
    }
    std::printf("seeded %d households, %zu records in %.1f s\n", households, records, secondsSince(start));
}

void exportSheet(CentralStore &store, const AreaDirectory &areas, exports::Sheet sheet) {
    const auto start = SteadyClock::now();
    auto sink = XlsxSink::open(exports::sheetTitle(sheet));
    if (!sink)
        fail("sink", sink.error());
    auto rows =
        writeNationalSheet(store, areas, NationalExport{sheet, {"429005"}, exports::Reveal::Masked}, **sink);
    if (!rows)
        fail("export", rows.error());
    auto file = (*sink)->finish();
    if (!file)
        fail("finish", file.error());
    const double s = secondsSince(start);
    std::printf("%-12s %8zu rows  %6.1f s  %8.0f rows/s  %6.1f MB xlsx  peak RSS so far %ld MB\n",
                std::string(exports::sheetFileStem(sheet)).c_str(), rows->rows, s, rows->rows / s,
                file->size / 1e6, peakRssMb());
}

// Every household record, a page of 2,000 at a time, through `walk`'s recordsOfKind.
template <class Walk> void timeWalk(const char *label, Walk walk) {
    const auto start = SteadyClock::now();
    size_t count = 0;
    std::string after;
    for (;;) {
        auto page = walk(after);
        if (!page)
            fail(label, page.error());
        count += page->size();
        if (page->size() < 2000)
            break;
        after = page->back().id;
    }
    std::printf("walk %-34s %8zu households  %7.2f s\n", label, count, secondsSince(start));
}

int runExport(const std::string &url, bool compareWalk) {
    auto store = openCentralStore(url);
    if (!store)
        fail("open", store.error());
    auto areas = AreaDirectory::load(**store);
    if (!areas)
        fail("areas", areas.error());
    std::printf("export process: RSS after opening the store %ld MB\n", peakRssMb());
    exportSheet(**store, *areas, exports::Sheet::Households);
    exportSheet(**store, *areas, exports::Sheet::Members);
    if (compareWalk) {
        CentralStore &s = **store;
        const std::vector<std::string> county{"429005"};
        timeWalk("(store's recordsOfKind)",
                 [&](const std::string &after) { return s.recordsOfKind("household", county, after, 2000); });
        timeWalk("(default: change-log rescan)", [&](const std::string &after) {
            return s.CentralStore::recordsOfKind("household", county, after, 2000);
        });
    }
    return 0;
}

} // namespace

int main(int argc, char **argv) {
    int households = 50000;
    std::string url;
    bool compareWalk = false;
    bool exportOnly = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--households" && i + 1 < argc)
            households = std::atoi(argv[++i]);
        else if (arg == "--database" && i + 1 < argc)
            url = argv[++i];
        else if (arg == "--compare-walk")
            compareWalk = true;
        else if (arg == "--export-only")
            exportOnly = true;
        else {
            std::fprintf(stderr, "usage: bench_export [--households N] [--database URL] [--compare-walk]\n");
            return 2;
        }
    }
    if (exportOnly)
        return runExport(url, compareWalk);

    std::string dir;
    if (url.empty()) {
        char pattern[] = "/tmp/bench_export-XXXXXX";
        if (!mkdtemp(pattern))
            return 1;
        dir = pattern;
        url = "sqlite:" + dir;
    }
    {
        auto store = openCentralStore(url);
        if (!store)
            fail("open", store.error());
        seed(**store, households);
    }
    // The export in a fresh process: its peak RSS is the export's, not the seeding's.
    std::fflush(stdout);
    const pid_t child = fork();
    if (child == 0) {
        std::vector<const char *> args{"/proc/self/exe", "--export-only", "--database", url.c_str()};
        if (compareWalk)
            args.push_back("--compare-walk");
        args.push_back(nullptr);
        execv(args[0], const_cast<char *const *>(args.data()));
        _exit(127);
    }
    int status = 0;
    waitpid(child, &status, 0);
    if (!dir.empty())
        std::filesystem::remove_all(dir);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}
