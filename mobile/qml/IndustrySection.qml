import QtQuick
import QtQuick.Layouts
import Ruhu

// 产业与就业 (§12 household): 产业覆盖, 带动, and the 客观原因 the rules K3/K7 ask for.
SurveySection {
    id: section
    required property SurveyRecord record
    title: qsTr("产业与就业")

    SurveyYesNoField { record: section.record; path: "industryCovered"; label: qsTr("是否有产业覆盖") }
    SurveyYesNoField { record: section.record; path: "inCooperative"; label: qsTr("是否加入农民专业合作组织") }
    SurveyYesNoField { record: section.record; path: "leadingEnterpriseDriven"; label: qsTr("是否有龙头企业带动") }
    SurveyYesNoField { record: section.record; path: "entrepreneurDriven"; label: qsTr("是否有创业致富带头人带动") }
    SurveyTextField {
        record: section.record; path: "noIndustryEmploymentReason"
        label: qsTr("无产业、无就业的客观原因"); placeholder: qsTr("例如 照顾瘫痪在床的母亲")
    }
    SurveyTextField {
        record: section.record; path: "industryFailureReason"
        label: qsTr("产业失败的不可抗因素"); placeholder: qsTr("例如 生猪价格暴跌")
    }
}
