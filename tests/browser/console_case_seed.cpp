// console-case-seed: carries monitoring cases of the demo county's 马家村 to 公示 on a running ruhu-syncd,
// for the console's browser tests and screenshots (tests/support/caseseeder.h: through push as cadre1 on
// its own device, with a signed 授权承诺书, checked by the server's procedure):
//   console-case-seed URL N   → prints the N case ids (wc-seed-1 …), one per line
// Exit code 0 on success; the refusal on stderr otherwise.
#include "caseseeder.h"

#include <ruhu/domain/beijing_time.h>

#include <QCoreApplication>
#include <QDateTime>

#include <cstdio>
#include <cstdlib>
#include <stdexcept>

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    if (argc != 3) {
        std::fprintf(stderr, "usage: console-case-seed URL N\n");
        return 2;
    }
    try {
        const QString url = QString::fromUtf8(argv[1]);
        CaseSeeder::loadThresholds(url, ruhu::domain::beijingDate(QDateTime::currentMSecsSinceEpoch()).year);
        CaseSeeder seeder(url, "cadre1", "dev-seed-village");
        for (int n = 1; n <= std::atoi(argv[2]); ++n) {
            ruhu::demo::CaseHouseholdSpec spec;
            spec.householdId = "hh-seed-" + std::to_string(n);
            spec.idSequence = 800 + 10 * n;
            const std::string id = "wc-seed-" + std::to_string(n);
            seeder.seedToPublicity(spec, id, {}, "马家村二组公示栏");
            std::printf("%s\n", id.c_str());
        }
    } catch (const std::exception &e) {
        std::fprintf(stderr, "console-case-seed: %s\n", e.what());
        return 1;
    }
    return 0;
}
