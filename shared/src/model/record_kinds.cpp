// The declared data model: every synced record kind and its fields (monitoring-domain.md §12).
// The merge engine, validation and privacy code all read these declarations.
#include <ruhu/model/schema.h>

namespace ruhu {
namespace {

using P = MergePolicy;
using T = FieldType;

FieldSpec text(std::string name, std::string label, P policy = P::LastWriterWins) {
    return FieldSpec{std::move(name), std::move(label), T::Text, policy, false, false, {}, 200};
}

FieldSpec choice(std::string name, std::string label, std::vector<std::string> values,
                 P policy = P::LastWriterWins) {
    return FieldSpec{std::move(name), std::move(label),  T::Enum, policy, false,
                     false,           std::move(values), 200};
}

FieldSpec boolean(std::string name, std::string label, P policy = P::LastWriterWins) {
    return FieldSpec{std::move(name), std::move(label), T::Boolean, policy, false, false, {}, 0};
}

FieldSpec integer(std::string name, std::string label, P policy = P::LastWriterWins) {
    return FieldSpec{std::move(name), std::move(label), T::Integer, policy, false, false, {}, 0};
}

// Money is an Integer in 分 (FieldType::Integer's convention).
FieldSpec money(std::string name, std::string label, P policy = P::ReviewRequired) {
    return integer(std::move(name), std::move(label), policy);
}

FieldSpec date(std::string name, std::string label, P policy = P::LastWriterWins) {
    return FieldSpec{std::move(name), std::move(label), T::Date, policy, false, false, {}, 10};
}

// A nested object or a child collection; its shape is documented in docs/data-model.md and validated by
// ruhu::domain::parseHouseholdDocument.
FieldSpec json(std::string name, std::string label, P policy = P::LastWriterWins) {
    return FieldSpec{std::move(name), std::move(label), T::Json, policy, false, false, {}, 0};
}

FieldSpec sensitive(FieldSpec spec) {
    spec.sensitive = true;
    return spec;
}

FieldSpec required(FieldSpec spec) {
    spec.required = true;
    return spec;
}

RecordKind householdKind() {
    return RecordKind{
        "household",
        "户",
        {
            required(text("regionCode", "行政区划代码", P::ReviewRequired)),
            text("group", "村民小组"),
            text("nationalHouseholdNo", "户编号"),
            required(choice("householdType", "户类型", {"脱贫户", "一般农户"}, P::ReviewRequired)),
            text("headMemberId", "户主"),
            text("headName", "户主姓名"),
            sensitive(text("phone", "联系电话")),
            text("address", "家庭住址"),
            // Full §12 model (ruhu::domain::Household); the fields above are unchanged.
            text("county", "县（市、区）"),
            text("township", "乡（镇）"),
            text("village", "村"),
            sensitive(json("homeLocation", "住房位置")),
            boolean("isMilitaryFamily", "是否军烈属"),
            json("housing", "住房情况", P::ReviewRequired),
            json("water", "饮水情况", P::ReviewRequired),
            json("utilities", "生活设施"),
            json("land", "土地面积"),
            boolean("industryCovered", "是否有产业覆盖", P::ReviewRequired),
            boolean("inCooperative", "是否加入农民专业合作组织"),
            boolean("leadingEnterpriseDriven", "是否有龙头企业带动"),
            boolean("entrepreneurDriven", "是否有创业致富带头人带动"),
            sensitive(json("vehicles", "机动车", P::SetUnion)),
            sensitive(json("companies", "注册公司企业", P::SetUnion)),
            sensitive(json("externalRelatives", "户主不在户内的父母配偶子女", P::SetUnion)),
            sensitive(json("flags", "排除情形标记", P::ReviewRequired)),
            sensitive(json("monitoring", "监测状态", P::ReviewRequired)),
            sensitive(json("suddenEvents", "突发事件", P::SetUnion)),
            text("noIndustryEmploymentReason", "无产业零就业的客观原因", P::ReviewRequired),
            text("industryFailureReason", "产业失败的不可抗因素", P::ReviewRequired),
            sensitive(json("riskTypes", "致贫/返贫风险", P::ReviewRequired)),
        }};
}

RecordKind memberKind() {
    return RecordKind{
        "member",
        "家庭成员",
        {
            required(text("name", "姓名")),
            choice("relationToHead", "与户主关系",
                   {"户主", "配偶", "之子", "之女", "之儿媳", "之女婿", "之孙子", "之孙女", "之父", "之母",
                    "之兄弟姐妹", "其他"}),
            choice("idType", "证件类型", {"居民身份证", "户口簿", "残疾人证", "其他"}),
            sensitive(FieldSpec{"idNo", "身份证号", T::IdNumber, P::ReviewRequired, true, false, {}, 18}),
            choice("sex", "性别", {"男", "女"}),
            FieldSpec{"birthDate", "出生日期", T::Date, P::LastWriterWins, false, false, {}, 10},
            FieldSpec{"seq", "序号", T::Integer, P::LastWriterWins, false, false, {}, 0},
            choice("status", "成员状态", {"正常", "死亡", "服刑", "失踪"}, P::ReviewRequired),
            // Full §12 model (ruhu::domain::Member); the fields above are unchanged.
            text("householdId", "所属户", P::Immutable),
            text("ethnicity", "民族"),
            sensitive(text("phone", "联系电话")),
            sensitive(text("politicalStatus", "政治面貌")),
            text("education", "文化程度"),
            sensitive(text("schooling", "在校生状况", P::ReviewRequired)),
            sensitive(text("notInSchoolReason", "义务教育阶段未上学原因", P::ReviewRequired)),
            text("graduateUnemployedReason", "大专或本科毕业生未就业原因"),
            sensitive(json("health", "健康状况", P::ReviewRequired)),
            choice("labor", "劳动技能",
                   {"技能劳动力", "普通劳动力", "弱劳动力或半劳动力", "丧失劳动力", "无劳动力"},
                   P::ReviewRequired),
            json("work", "务工情况"),
            sensitive(json("insurance", "参保情况", P::ReviewRequired)),
            sensitive(json("benefits", "享受政策情况", P::ReviewRequired)),
            sensitive(json("guardianship", "监护赡养情况", P::ReviewRequired)),
            boolean("sharesIncomeExpense", "是否与户主共享收支", P::ReviewRequired),
            boolean("isPublicServant", "是否国家公职人员", P::ReviewRequired),
            boolean("villageCadrePaid", "是否任村三委干部并领取薪酬", P::ReviewRequired),
            boolean("emptyHukou", "是否空挂人口", P::ReviewRequired),
            // Why the member was removed (户籍迁出, 分户 …); travels on the delete mutation (tombstone).
            text("removalReason", "删除原因"),
        }};
}

RecordKind incomeSheetKind() {
    // Amounts are review-required (eligibility); line collections merge by line id; totals are
    // server-computed.
    return RecordKind{"incomeSheet",
                      "收入核算表",
                      {
                          required(text("householdId", "所属户", P::Immutable)),
                          date("periodStart", "核算期开始", P::ReviewRequired),
                          date("periodEnd", "核算期结束", P::ReviewRequired),
                          sensitive(json("crops", "种植林业渔业收入", P::SetUnion)),
                          sensitive(json("livestock", "养殖业收入", P::SetUnion)),
                          sensitive(json("business", "二三产业收入", P::SetUnion)),
                          sensitive(json("wages", "务工收入", P::SetUnion)),
                          sensitive(json("property", "财产净收入", P::ReviewRequired)),
                          sensitive(json("transfers", "转移净收入", P::ReviewRequired)),
                          sensitive(json("fixedAssets", "生产性固定资产", P::SetUnion)),
                          sensitive(money("claimsE", "理赔收入E")),
                          sensitive(json("rigid", "合理自付刚性支出", P::ReviewRequired)),
                          sensitive(money("priorD", "上期人均纯收入")),
                          sensitive(json("computed", "核算结果", P::ServerComputed)),
                      }};
}

RecordKind riskAssessmentKind() {
    return RecordKind{"riskAssessment",
                      "风险研判",
                      {
                          required(text("householdId", "所属户", P::Immutable)),
                          text("incomeSheetId", "收入核算表", P::Immutable),
                          text("assessedAt", "研判时间", P::Immutable),
                          text("configId", "规则配置编号", P::ServerComputed),
                          text("configHash", "规则配置哈希", P::ServerComputed),
                          json("threshold", "监测范围", P::ServerComputed),
                          sensitive(json("engine", "规则引擎结果", P::ServerComputed)),
                          sensitive(json("sixAreas", "风险领域", P::ReviewRequired)),
                          sensitive(json("riskTypes", "致贫/返贫风险", P::ReviewRequired)),
                          sensitive(json("decision", "研判结论", P::ReviewRequired)),
                      }};
}

RecordKind measureKind() {
    return RecordKind{
        "measure",
        "帮扶措施",
        {
            required(text("householdId", "所属户", P::Immutable)),
            text("memberId", "受益成员"),
            required(choice("category", "帮扶类别",
                            {"产业帮扶", "就业帮扶", "公益岗位帮扶", "金融帮扶", "健康帮扶", "教育帮扶",
                             "义务教育保障", "住房安全保障", "饮水安全保障", "综合保障", "社会帮扶", "搬迁",
                             "生产生活条件改善", "基础设施建设", "志智双扶", "其他"},
                            P::ReviewRequired)),
            text("item", "帮扶项目"),
            boolean("developmental", "是否开发式帮扶"),
            text("responsibleDept", "主责部门"),
            date("startDate", "开始日期"),
            date("endDate", "结束日期"),
            money("amount", "金额（分）"),
            choice("status", "状态", {"计划", "实施中", "已落实", "终止"}, P::ReviewRequired),
            json("evidencePhotoIds", "佐证照片", P::SetUnion),
        }};
}

RecordKind visitKind() {
    return RecordKind{"visit",
                      "走访记录",
                      {
                          required(text("householdId", "所属户", P::Immutable)),
                          choice("type", "走访类型",
                                 {"入户核实", "实地调查", "每月走访", "回头看", "风险消除核实", "电话"}),
                          text("startedAt", "开始时间", P::Immutable),
                          text("endedAt", "结束时间"),
                          json("visitors", "走访人员", P::SetUnion),
                          sensitive(json("gps", "走访位置", P::Immutable)),
                          sensitive(json("findings", "走访发现")),
                          boolean("readBackConfirmed", "已向农户读回确认"),
                          text("householdSignatureId", "农户签字", P::Immutable),
                          json("photoIds", "照片", P::SetUnion),
                      }};
}

RecordKind workflowCaseKind() {
    // The tablet proposes; the server decides every stage from 乡镇审核 on, so state is server-computed.
    return RecordKind{
        "workflowCase",
        "流程",
        {
            required(text("householdId", "所属户", P::Immutable)),
            choice("caseType", "流程类型", {"识别", "风险消除", "风险回退", "清退"}, P::Immutable),
            text("state", "流程状态", P::ServerComputed),
            choice("source", "线索来源", {"农户申报", "入户走访", "部门预警", "突发应急", "其他渠道"}),
            text("leadChannel", "申报渠道"),
            json("publicity", "公示", P::ReviewRequired),
            // Written by the server at each accepted transition (who, when, from, to); never by a device.
            json("events", "流转记录", P::ServerComputed),
            // The data of each step (docs/case-flow.md). The village's steps come from the tablet; what the
            // township and county decide is written by the server from the reviewer API.
            sensitive(json("lead", "线索")),
            json("triage", "综合研判"),
            json("villageReview", "村级评议"),
            json("elimination", "风险消除申请"),
            json("withdrawal", "申请人撤回"),
            json("closure", "不纳入"),
            // The note of a proposed step: the server moves it into the event and never stores it.
            text("stepNote", "办理说明"),
            date("publicityEnd", "公示结束日期", P::ServerComputed),
            json("townshipReview", "乡镇审核", P::ServerComputed),
            json("countyReview", "县级确定", P::ServerComputed),
            json("announcement", "公告", P::ServerComputed),
            json("entry", "录入系统", P::ServerComputed),
            json("eliminationTownship", "风险消除乡镇审核", P::ServerComputed),
            json("eliminationCounty", "风险消除县级确认", P::ServerComputed),
            json("rollback", "风险回退", P::ServerComputed),
            json("removal", "清退", P::ServerComputed),
        }};
}

RecordKind photoKind() {
    // Metadata of a content-addressed photo (ARCHITECTURE decision 6); the bytes travel as a media blob
    // named by sha256 after the record has synced. Everything about a taken photo is immutable.
    return RecordKind{
        "photo",
        "照片",
        {
            required(text("householdId", "所属户", P::Immutable)),
            text("memberId", "所属成员", P::Immutable),
            required(choice("photoKind", "照片类别", {"住房", "证件", "签字", "手印", "其他"}, P::Immutable)),
            required(text("sha256", "内容哈希", P::Immutable)),
            integer("bytes", "大小（字节）", P::Immutable),
            integer("width", "宽（像素）", P::Immutable),
            integer("height", "高（像素）", P::Immutable),
            text("mime", "格式", P::Immutable),
            text("takenAt", "拍摄时间", P::Immutable),
            sensitive(json("gps", "拍摄位置", P::Immutable)),
            text("author", "拍摄人", P::Immutable),
            text("note", "说明"),
        }};
}

RecordKind authorizationKind() {
    // A signed 授权承诺书 (ARCHITECTURE decision 7) is never edited in place: withdrawal and supersession
    // are new records naming the one they replace. The server adds its verification receipt.
    return RecordKind{"authorization",
                      "授权承诺书",
                      {
                          required(text("householdId", "所属户", P::Immutable)),
                          required(sensitive(json("document", "签署内容", P::Immutable))),
                          text("supersedes", "替代的授权书", P::Immutable),
                          json("receipt", "服务器验证回执", P::ServerComputed),
                      }};
}

} // namespace

const std::vector<RecordKind> &recordKinds() {
    static const std::vector<RecordKind> kinds{householdKind(),      memberKind(),  incomeSheetKind(),
                                               riskAssessmentKind(), measureKind(), visitKind(),
                                               workflowCaseKind(),   photoKind(),   authorizationKind()};
    return kinds;
}

std::vector<std::string> sensitiveFieldNames(const RecordKind &kind) {
    std::vector<std::string> names;
    for (const auto &f : kind.fields) {
        if (f.sensitive)
            names.push_back(f.name);
    }
    return names;
}

} // namespace ruhu
