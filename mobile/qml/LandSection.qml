import QtQuick
import QtQuick.Layouts
import Ruhu

// 土地与林地 (§12 household.land), in 亩.
SurveySection {
    id: section
    required property SurveyRecord record
    title: qsTr("土地与林地（亩）")

    SurveyTextField { record: section.record; path: "land.farmlandMu"; type: "real"; label: qsTr("耕地面积") }
    SurveyTextField { record: section.record; path: "land.forestMu"; type: "real"; label: qsTr("林地面积") }
    SurveyTextField { record: section.record; path: "land.grainForGreenMu"; type: "real"; label: qsTr("退耕还林面积") }
    SurveyTextField { record: section.record; path: "land.orchardMu"; type: "real"; label: qsTr("园地面积") }
    SurveyTextField { record: section.record; path: "land.pastureMu"; type: "real"; label: qsTr("牧草地面积") }
    SurveyTextField { record: section.record; path: "land.waterSurfaceMu"; type: "real"; label: qsTr("养殖水面面积") }
}
