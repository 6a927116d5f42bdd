import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ruhu

// 参保与享受政策 (§12 member.insurance / member.benefits), one row per family member: each member is its
// own record, saved field by field. Unknown is not “否”: 三保障 medical is unmet only on an explicit 否.
SurveySection {
    id: section
    required property var members // MemberListModel
    required property string householdId
    title: qsTr("参保与享受政策")

    Repeater {
        model: section.members
        delegate: ColumnLayout {
            id: memberBlock
            required property string memberId
            required property string name
            required property bool isNew
            Layout.fillWidth: true
            Layout.columnSpan: section.columns
            spacing: 6
            SurveyRecord {
                id: memberRecord
                store: LocalStore
                kind: "member"
                householdId: section.householdId
                recordId: memberBlock.isNew ? "" : memberBlock.memberId
            }
            Label {
                text: memberBlock.name
                font.pixelSize: Theme.fontBody
                font.bold: true
                color: Theme.text
            }
            GridLayout {
                Layout.fillWidth: true
                columns: section.width >= 900 ? 3 : 2
                columnSpacing: Theme.spacing
                rowSpacing: 6
                SurveyYesNoField { record: memberRecord; path: "insurance.residentMedical"; label: qsTr("城乡居民基本医疗保险") }
                SurveyYesNoField { record: memberRecord; path: "insurance.employeeMedical"; label: qsTr("职工基本医疗保险") }
                SurveyYesNoField { record: memberRecord; path: "insurance.criticalIllness"; label: qsTr("大病保险") }
                SurveyYesNoField { record: memberRecord; path: "insurance.residentPension"; label: qsTr("城乡居民基本养老保险") }
                SurveyChoiceField { record: memberRecord; path: "benefits.dibao"; label: qsTr("低保") }
                SurveyChoiceField { record: memberRecord; path: "benefits.tekun"; label: qsTr("特困供养") }
            }
        }
    }
}
