#include "workload.h"

#include <ruhu/demo/demo_county.h>
#include <ruhu/model/record_ids.h>

#include <array>
#include <cstdio>

namespace {

constexpr std::array kSurnames{"张", "王", "李", "刘", "陈", "杨", "黄", "赵", "周", "吴"};
constexpr std::array kGiven{"建华", "国强", "秀兰", "玉芬", "志刚", "春燕", "明亮", "小梅", "德胜", "丽娟"};
constexpr std::array kGroups{"一组", "二组", "三组", "四组", "五组", "六组"};
constexpr std::array kRelations{"配偶", "之子", "之女", "之父", "之母", "之孙子", "之孙女"};

template <class Array> const char *pick(std::mt19937 &rng, const Array &items) {
    return items[std::uniform_int_distribution<size_t>(0, items.size() - 1)(rng)];
}

} // namespace

std::string Workload::randomName(bool) {
    return std::string(pick(m_rng, kSurnames)) + pick(m_rng, kGiven);
}

std::string Workload::randomIdNumber(bool male) {
    char birth[16];
    std::snprintf(birth, sizeof birth, "%04d%02d%02d", std::uniform_int_distribution<int>(1940, 2020)(m_rng),
                  std::uniform_int_distribution<int>(1, 12)(m_rng),
                  std::uniform_int_distribution<int>(1, 28)(m_rng));
    int seq = std::uniform_int_distribution<int>(0, 498)(m_rng) * 2 + (male ? 1 : 0);
    return ruhu::makeIdNumber("429005", birth, seq % 1000);
}

std::vector<WriteRecord> Workload::record(const ruhu::Result<ruhu::Record> &result,
                                          const ruhu::DeviceReplica &replica,
                                          const boost::json::object &fields) {
    std::vector<WriteRecord> writes;
    if (!result)
        return writes;
    const ruhu::Record &r = *result;
    const std::string mutationId = ruhu::Mutation::makeId(replica.deviceId(), m_nextSeq++);
    // The mutation just written carries the newest stamp on every field it set.
    for (const auto &kv : fields) {
        auto clock = r.clocks.find(kv.key());
        auto value = r.fields.find(kv.key());
        if (clock == r.clocks.end() || value == r.fields.end())
            continue;
        writes.push_back({mutationId, r.kind, r.id, std::string(kv.key()), value->value(),
                          std::string(clock->value().as_string())});
    }
    return writes;
}

std::vector<WriteRecord> Workload::createHousehold(ruhu::DeviceReplica &replica) {
    std::vector<WriteRecord> writes;
    std::string householdId = ruhu::DeviceReplica::newId(ruhu::idPrefixFor("household"));
    int size = std::uniform_int_distribution<int>(1, 4)(m_rng);
    std::vector<std::string> memberIds;
    std::vector<boost::json::object> memberFields;
    for (int i = 0; i < size; ++i) {
        bool male = m_rng() % 2 == 0;
        memberIds.push_back(ruhu::DeviceReplica::newId(ruhu::idPrefixFor("member")));
        memberFields.push_back({{"name", randomName(male)},
                                {"relationToHead", i == 0 ? "户主" : pick(m_rng, kRelations)},
                                {"idType", "居民身份证"},
                                {"idNo", randomIdNumber(male)},
                                {"seq", i + 1},
                                {"status", "正常"}});
    }
    // The household first, as the tablet does: the server takes a new member only for a household it has
    // (or one earlier in the same push).
    boost::json::object fields{{"regionCode", m_regionCode},
                               {"group", pick(m_rng, kGroups)},
                               {"householdType", m_rng() % 3 == 0 ? "脱贫户" : "一般农户"},
                               {"headMemberId", memberIds.front()},
                               {"headName", memberFields.front().at("name")},
                               {"address", std::string("模拟地址") + std::to_string(m_rng() % 200) + "号"}};
    auto result = replica.edit("household", householdId, householdId, m_regionCode, fields);
    auto w = record(result, replica, fields);
    writes.insert(writes.end(), w.begin(), w.end());
    for (size_t i = 0; i < memberIds.size(); ++i) {
        auto memberResult = replica.edit("member", memberIds[i], householdId, m_regionCode, memberFields[i]);
        auto mw = record(memberResult, replica, memberFields[i]);
        writes.insert(writes.end(), mw.begin(), mw.end());
    }
    return writes;
}

std::vector<WriteRecord> Workload::editSomething(ruhu::DeviceReplica &replica) {
    auto households = replica.households(m_regionCode);
    if (households.empty())
        return createHousehold(replica);
    const ruhu::Record &h =
        households[std::uniform_int_distribution<size_t>(0, households.size() - 1)(m_rng)];
    int choice = std::uniform_int_distribution<int>(0, 5)(m_rng);
    boost::json::object fields;
    if (choice <= 3) {
        switch (choice) {
        case 0:
            fields["address"] = std::string("修改地址") + std::to_string(m_rng() % 1000) + "号";
            break;
        case 1:
            fields["phone"] = "139" + std::to_string(10000000 + m_rng() % 89999999);
            break;
        case 2:
            fields["group"] = pick(m_rng, kGroups);
            break;
        default:
            fields["householdType"] = m_rng() % 2 ? "脱贫户" : "一般农户";
            break;
        }
        return record(replica.edit("household", h.id, h.id, h.regionCode, fields), replica, fields);
    }
    auto members = replica.members(h.id);
    if (choice == 4 || members.empty()) {
        bool male = m_rng() % 2 == 0;
        fields = {{"name", randomName(male)},
                  {"relationToHead", pick(m_rng, kRelations)},
                  {"idType", "居民身份证"},
                  {"idNo", randomIdNumber(male)},
                  {"seq", static_cast<int64_t>(members.size() + 1)},
                  {"status", "正常"}};
        return record(replica.edit("member", ruhu::DeviceReplica::newId(ruhu::idPrefixFor("member")), h.id,
                                   h.regionCode, fields),
                      replica, fields);
    }
    const ruhu::Record &m = members[std::uniform_int_distribution<size_t>(0, members.size() - 1)(m_rng)];
    fields["name"] = randomName(m_rng() % 2 == 0);
    return record(replica.edit("member", m.id, h.id, h.regionCode, fields), replica, fields);
}

std::vector<WriteRecord> Workload::reviewerEdit(ruhu::DeviceReplica &replica,
                                                const std::vector<std::string> &villages) {
    const std::string &village =
        villages[std::uniform_int_distribution<size_t>(0, villages.size() - 1)(m_rng)];
    auto households = replica.households(village);
    if (households.empty())
        return {};
    const ruhu::Record &h =
        households[std::uniform_int_distribution<size_t>(0, households.size() - 1)(m_rng)];
    boost::json::object fields;
    switch (std::uniform_int_distribution<int>(0, 2)(m_rng)) {
    case 0:
        fields["address"] = std::string("审核更正地址") + std::to_string(m_rng() % 1000) + "号";
        break;
    case 1:
        fields["phone"] = "138" + std::to_string(10000000 + m_rng() % 89999999);
        break;
    default:
        fields["householdType"] = m_rng() % 2 ? "脱贫户" : "一般农户";
        break;
    }
    return record(replica.edit("household", h.id, h.id, h.regionCode, fields), replica, fields);
}
