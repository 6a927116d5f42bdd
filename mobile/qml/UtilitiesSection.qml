import QtQuick
import QtQuick.Layouts
import Ruhu

// 生活设施 (§12 household.utilities): power, radio/TV, toilet, road and fuel.
SurveySection {
    id: section
    required property SurveyRecord record
    title: qsTr("生活设施")

    SurveyYesNoField { record: section.record; path: "utilities.livingPower"; label: qsTr("通生活用电") }
    SurveyYesNoField { record: section.record; path: "utilities.productionPower"; label: qsTr("通生产用电") }
    SurveyYesNoField { record: section.record; path: "utilities.radioTv"; label: qsTr("通广播电视") }
    SurveyYesNoField { record: section.record; path: "utilities.sanitaryToilet"; label: qsTr("有卫生厕所") }
    SurveyYesNoField { record: section.record; path: "utilities.toiletUsable"; label: qsTr("厕所能正常使用") }
    SurveyTextField {
        record: section.record; path: "utilities.roadType"; label: qsTr("入户路类型")
        placeholder: qsTr("例如 水泥路、砂石路、泥土路")
    }
    SurveyTextField {
        record: section.record; path: "utilities.distanceToMainRoadKm"; type: "real"
        label: qsTr("距主干道距离（公里）")
    }
    SurveyTextField {
        record: section.record; path: "utilities.fuel"; label: qsTr("主要燃料")
        placeholder: qsTr("例如 柴草、煤、液化气、电")
    }
}
