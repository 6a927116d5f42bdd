import QtQuick
import QtQuick.Layouts
import Ruhu

// 饮水安全 (§12 household.water): 饮水安全 overall and its four parts.
SurveySection {
    id: section
    required property SurveyRecord record
    title: qsTr("饮水安全")
    note: qsTr("“饮水是否安全”选“否”时，视为饮水安全保障未达标。")

    SurveyYesNoField { record: section.record; path: "water.safe"; label: qsTr("饮水是否安全") }
    SurveyYesNoField { record: section.record; path: "water.quality"; label: qsTr("水质达标") }
    SurveyYesNoField { record: section.record; path: "water.quantity"; label: qsTr("水量充足") }
    SurveyYesNoField { record: section.record; path: "water.convenience"; label: qsTr("取水方便") }
    SurveyYesNoField { record: section.record; path: "water.guaranteeRate"; label: qsTr("供水有保障") }
}
