// Rule-engine benchmark: a seeded synthetic county of 100,000 households (1–8 members, 5–60 income lines)
// evaluated one by one on typed structs, on one core. Target: < 1 s in total and < 500 MB peak RSS.
//
// The county is generated deterministically and evaluated in batches of 10,000 households (a township's
// worth, as the server streams them from its store); only evaluation is timed. --in-memory holds the whole
// county as typed structs at once instead (about 1 GB for 100,000 households: the typed model is not
// compact).
//
//   bench_rules [--households N] [--seed S] [--config FILE] [--batch N] [--in-memory]
#include <ruhu/domain/rules.h>
#include <ruhu/domain/synthetic.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <sys/resource.h>
#include <vector>

using namespace ruhu::domain;
using Clock = std::chrono::steady_clock;

namespace {

long peakRssMb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024; // Linux: kilobytes
}

double seconds(Clock::duration d) {
    return std::chrono::duration<double>(d).count();
}

} // namespace

int main(int argc, char **argv) {
    size_t households = 100000;
    uint64_t seed = 42;
    std::string configPath;
#ifdef RUHU_ASSETS_DIR
    configPath = RUHU_ASSETS_DIR "/rules/ruhu-rules-default.json";
#endif
    size_t batch = 10000;
    for (int i = 1; i < argc; ++i) {
        bool hasValue = i + 1 < argc;
        if (!std::strcmp(argv[i], "--households") && hasValue)
            households = std::strtoull(argv[++i], nullptr, 10);
        else if (!std::strcmp(argv[i], "--seed") && hasValue)
            seed = std::strtoull(argv[++i], nullptr, 10);
        else if (!std::strcmp(argv[i], "--config") && hasValue)
            configPath = argv[++i];
        else if (!std::strcmp(argv[i], "--batch") && hasValue)
            batch = std::max<size_t>(1, std::strtoull(argv[++i], nullptr, 10));
        else if (!std::strcmp(argv[i], "--in-memory"))
            batch = SIZE_MAX;
    }
    batch = std::min(batch, households);
    auto config = loadRuleConfigFile(configPath);
    if (!config) {
        std::fprintf(stderr, "config: %s\n", config.error().message.c_str());
        return 2;
    }

    const CivilDate on{2024, 9, 1};
    std::mt19937_64 random(seed);
    std::vector<HouseholdDocument> county;
    county.reserve(batch);
    std::vector<int64_t> nanos(households);
    std::array<size_t, 8> outcomes{};
    size_t errors = 0;
    size_t members = 0;
    size_t lines = 0;
    Clock::duration generateTime{};
    Clock::duration evaluateTime{};
    for (size_t first = 0; first < households; first += batch) {
        size_t last = std::min(households, first + batch);
        auto g0 = Clock::now();
        county.clear();
        for (size_t i = first; i < last; ++i) {
            county.push_back(makeSyntheticHousehold(random, i));
            const auto &s = county.back().incomeSheet;
            members += county.back().members.size();
            lines += s.crops.size() + s.livestock.size() + s.business.size() + s.wages.size() +
                     s.fixedAssets.size();
        }
        generateTime += Clock::now() - g0;
        auto e0 = Clock::now();
        for (size_t i = first; i < last; ++i) {
            auto t0 = Clock::now();
            auto ev = evaluateHousehold(county[i - first], *config, on);
            auto t1 = Clock::now();
            nanos[i] = std::chrono::duration_cast<std::chrono::nanoseconds>(t1 - t0).count();
            if (ev)
                ++outcomes[static_cast<size_t>(ev->outcome)];
            else
                ++errors;
        }
        evaluateTime += Clock::now() - e0;
    }
    double generateSeconds = seconds(generateTime);
    double evaluateSeconds = seconds(evaluateTime);

    std::sort(nanos.begin(), nanos.end());
    auto percentile = [&](double p) {
        return nanos[std::min(nanos.size() - 1, static_cast<size_t>(p * nanos.size()))];
    };

    std::printf("synthetic county: %zu households, %zu members, %zu income lines (+ transfers), seed %llu\n",
                households, members, lines, static_cast<unsigned long long>(seed));
    std::printf("held in memory:   %zu households at a time\n", batch);
    std::printf("generation:       %.3f s (not part of the target)\n", generateSeconds);
    std::printf("evaluation:       %.3f s, %.0f households/s (one core)\n", evaluateSeconds,
                households / evaluateSeconds);
    std::printf("per household:    median %.1f us, p99 %.1f us, max %.1f us\n", percentile(0.5) / 1000.0,
                percentile(0.99) / 1000.0, nanos.back() / 1000.0);
    std::printf("peak RSS:         %ld MB\n", peakRssMb());
    std::printf("outcomes:");
    for (size_t o = 0; o < outcomes.size(); ++o)
        std::printf(" %s=%zu", outcomeCode(static_cast<Outcome>(o)), outcomes[o]);
    std::printf(" errors=%zu\n", errors);
    bool ok = evaluateSeconds < 1.0 && peakRssMb() < 500 && errors == 0;
    std::printf("target (< 1 s, < 500 MB, no errors): %s\n", ok ? "met" : "NOT MET");
    return ok ? 0 : 1;
}
