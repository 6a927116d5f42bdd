#include <ruhu/demo/demo_county.h>
#include <ruhu/model/id_number.h>
#include <ruhu/sync/hlc.h>

#include <array>
#include <cstdio>
#include <random>

namespace ruhu {
namespace {

constexpr std::array kSurnames{"张", "王", "李", "刘", "陈", "杨", "黄", "赵",
                               "周", "吴", "徐", "孙", "马", "朱", "胡"};
constexpr std::array kMaleGiven{"建国", "志强", "国华", "永平", "德明", "春生",
                                "海军", "立新", "长青", "文斌", "俊杰", "子豪"};
constexpr std::array kFemaleGiven{"秀英", "桂兰", "玉梅", "春花", "丽华", "海燕",
                                  "金凤", "小红", "雨欣", "梓涵", "美玲", "淑珍"};
constexpr std::array kGroups{"一组", "二组", "三组", "四组", "五组"};

struct Village {
    const char *code;
    const char *name;
};
constexpr std::array kVillages{Village{"429005103201", "马家村"}, Village{"429005103202", "赵脑村"},
                               Village{"429005103203", "红光村"}};

template <class Array> const char *pick(std::mt19937 &rng, const Array &items) {
    return items[std::uniform_int_distribution<size_t>(0, items.size() - 1)(rng)];
}

std::string pad(int value, int width) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%0*d", width, value);
    return buf;
}

} // namespace

std::string makeIdNumber(const std::string &area6, const std::string &birth8, int sequence) {
    std::string first17 = area6 + birth8 + pad(sequence, 3);
    return first17 + idNumberCheckDigit(first17);
}

DemoCounty makeDemoCounty(uint32_t seed) {
    DemoCounty county;
    county.areas.push_back({"429005", "潜江市", "county", ""});
    county.areas.push_back({"429005103", "熊口镇", "township", "429005"});
    for (const auto &v : kVillages)
        county.areas.push_back({v.code, v.name, "village", "429005103"});

    county.users = {
        {"cadre1", "马家村 村干部", "village", "ruhu2024", {kVillages[0].code}},
        {"cadre2", "赵脑村 村干部", "village", "ruhu2024", {kVillages[1].code}},
        {"cadre3", "红光村 村干部", "village", "ruhu2024", {kVillages[2].code}},
        {"township", "熊口镇 审核员", "township", "ruhu2024", {"429005103"}},
        {"county", "潜江市 乡村振兴局", "county", "ruhu2024", {"429005"}},
    };

    std::mt19937 rng(seed);
    const std::string stamp = HlcStamp{1725148800000, 0, "demo"}.encode(); // 2024-09-01 08:00 +08:00
    auto stampAll = [&](Record &r) {
        for (const auto &kv : r.fields)
            r.clocks[kv.key()] = stamp;
    };

    int householdNo = 0;
    int idSequence = 1;
    for (size_t vi = 0; vi < kVillages.size(); ++vi) {
        const auto &village = kVillages[vi];
        for (int h = 0; h < 20; ++h) {
            ++householdNo;
            std::string householdId = "hh-" + pad(householdNo, 4);
            std::string surname = pick(rng, kSurnames);
            int size = std::uniform_int_distribution<int>(1, 6)(rng);
            int headBirthYear = std::uniform_int_distribution<int>(1945, 1985)(rng);

            std::vector<Record> members;
            for (int m = 0; m < size; ++m) {
                bool male = m == 0 ? (rng() % 4 != 0) : (rng() % 2 == 0);
                int birthYear = m == 0   ? headBirthYear
                                : m == 1 ? headBirthYear + std::uniform_int_distribution<int>(-3, 3)(rng)
                                         : headBirthYear + std::uniform_int_distribution<int>(20, 32)(rng);
                std::string relation = m == 0 ? "户主" : m == 1 ? "配偶" : (male ? "之子" : "之女");
                if (m == 1)
                    male = !members[0].fields["sex"].as_string().starts_with("男");
                std::string birth8 = std::to_string(birthYear) +
                                     pad(std::uniform_int_distribution<int>(1, 12)(rng), 2) +
                                     pad(std::uniform_int_distribution<int>(1, 28)(rng), 2);
                int sequence = (idSequence++ % 499) * 2 + (male ? 1 : 0);
                std::string idNo = makeIdNumber("429005", birth8, sequence);
                auto info = parseIdNumber(idNo);

                Record r;
                r.kind = "member";
                r.id = householdId + "-m" + std::to_string(m + 1);
                r.householdId = householdId;
                r.regionCode = village.code;
                r.version = 0;
                std::string given = male ? pick(rng, kMaleGiven) : pick(rng, kFemaleGiven);
                std::string name = (m == 1 ? std::string(pick(rng, kSurnames)) : surname) + given;
                r.fields = {{"name", name},
                            {"relationToHead", relation},
                            {"idType", "居民身份证"},
                            {"idNo", idNo},
                            {"sex", sexLabel(info->sex)},
                            {"birthDate", info->birthDate},
                            {"seq", m + 1},
                            {"status", "正常"}};
                stampAll(r);
                members.push_back(std::move(r));
            }

            Record household;
            household.kind = "household";
            household.id = householdId;
            household.householdId = householdId;
            household.regionCode = village.code;
            household.fields = {
                {"regionCode", village.code},
                {"county", "潜江市"},
                {"township", "熊口镇"},
                {"village", village.name},
                {"group", pick(rng, kGroups)},
                {"householdType", rng() % 3 == 0 ? "脱贫户" : "一般农户"},
                {"headMemberId", members[0].id},
                {"headName", members[0].fields["name"]},
                {"phone", "13" + pad(static_cast<int>(rng() % 1000000000), 9)},
                {"address", std::string("潜江市熊口镇") + village.name + pick(rng, kGroups) +
                                std::to_string(std::uniform_int_distribution<int>(1, 120)(rng)) + "号"},
            };
            stampAll(household);
            county.records.push_back(std::move(household));
            for (auto &m : members)
                county.records.push_back(std::move(m));
        }
    }
    return county;
}

} // namespace ruhu
