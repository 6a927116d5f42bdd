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
    return FieldSpec{std::move(name), std::move(label), T::Enum, policy, false, false, std::move(values), 200};
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
        }};
}

RecordKind memberKind() {
    return RecordKind{
        "member",
        "家庭成员",
        {
            required(text("name", "姓名")),
            choice("relationToHead", "与户主关系",
                   {"户主", "配偶", "之子", "之女", "之儿媳", "之女婿", "之孙子", "之孙女", "之父", "之母", "之兄弟姐妹",
                    "其他"}),
            choice("idType", "证件类型", {"居民身份证", "户口簿", "残疾人证", "其他"}),
            sensitive(FieldSpec{"idNo", "身份证号", T::IdNumber, P::ReviewRequired, true, false, {}, 18}),
            choice("sex", "性别", {"男", "女"}),
            FieldSpec{"birthDate", "出生日期", T::Date, P::LastWriterWins, false, false, {}, 10},
            FieldSpec{"seq", "序号", T::Integer, P::LastWriterWins, false, false, {}, 0},
            choice("status", "成员状态", {"正常", "死亡", "服刑", "失踪"}, P::ReviewRequired),
        }};
}

} // namespace

const std::vector<RecordKind> &recordKinds() {
    static const std::vector<RecordKind> kinds{householdKind(), memberKind()};
    return kinds;
}

} // namespace ruhu
