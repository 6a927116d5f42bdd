import QtQuick
import QtQuick.Layouts
import Ruhu

// 住房安全 (§12 household.housing): 唯一住房, 结构, 安全等级 (C/D = 危房 → 三保障 unmet), 面积.
SurveySection {
    id: section
    required property SurveyRecord record
    title: qsTr("住房安全")
    note: qsTr("安全等级为C级、D级或认定为危房时，视为住房安全保障未达标。")

    SurveyYesNoField { record: section.record; path: "housing.onlyHouse"; label: qsTr("是否唯一住房") }
    SurveyChoiceField { record: section.record; path: "housing.structure"; label: qsTr("房屋结构") }
    SurveyChoiceField { record: section.record; path: "housing.safetyGrade"; label: qsTr("安全等级（A–D）") }
    SurveyYesNoField { record: section.record; path: "housing.isDangerous"; label: qsTr("是否危房") }
    SurveyTextField {
        record: section.record; path: "housing.areaM2"; type: "real"
        label: qsTr("住房面积（平方米）"); placeholder: qsTr("例如 96")
    }
}
