import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ruhu

// The rule engine's suggestion for the household: outcome, 人均纯收入 against the 监测范围, the K/X codes,
// 必须纳入 / 需研判 and the reasons in plain Chinese. A suggestion only: the decision follows the procedure.
Pane {
    id: panel

    required property AssessmentModel model
    property bool showReasons: true

    padding: Theme.margin
    background: Rectangle { radius: Theme.radius; color: Theme.surface; border.color: Theme.divider }

    component Chip: Rectangle {
        property alias text: chipLabel.text
        property color textColor: Theme.primaryDark
        implicitWidth: chipLabel.implicitWidth + 20
        implicitHeight: 30
        radius: 15
        color: Theme.neutralChip
        Label {
            id: chipLabel
            anchors.centerIn: parent
            font.pixelSize: 15
            color: parent.textColor
        }
    }

    ColumnLayout {
        width: panel.availableWidth
        spacing: 10

        Label {
            text: qsTr("研判建议")
            font.pixelSize: Theme.fontLarge
            font.bold: true
            color: Theme.text
        }
        Label {
            objectName: "assessmentOutcome"
            visible: panel.model.valid
            text: panel.model.outcome
            font.pixelSize: Theme.fontTitle
            font.bold: true
            color: Theme.primaryDark
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            objectName: "assessmentError"
            visible: !panel.model.valid && panel.model.errorMessage.length > 0
            text: panel.model.errorMessage
            font.pixelSize: Theme.fontBody
            color: Theme.error
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            objectName: "serverAssessment"
            visible: panel.model.serverDiffers
            text: qsTr("服务器研判结果：%1\n%2").arg(panel.model.serverResult).arg(panel.model.serverReason)
            font.pixelSize: Theme.fontBody
            font.bold: true
            color: Theme.warning
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            objectName: "incomeSummary"
            text: panel.model.incomeSummary
            font.pixelSize: Theme.fontBody
            font.bold: panel.model.belowThreshold
            color: panel.model.belowThreshold ? Theme.warning : Theme.text
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Flow {
            objectName: "assessmentChips"
            visible: panel.model.valid && (panel.model.mandatory || panel.model.needsReview
                                           || panel.model.categories.length > 0 || panel.model.exclusions.length > 0)
            spacing: 8
            Layout.fillWidth: true
            Chip {
                visible: panel.model.mandatory
                text: qsTr("必须纳入监测")
                color: Theme.warningBackground
                textColor: Theme.warning
            }
            Chip {
                visible: panel.model.needsReview
                text: qsTr("需研判")
                color: Theme.warningBackground
                textColor: Theme.warning
            }
            Repeater {
                model: panel.model.categories
                Chip { required property string modelData; text: qsTr("重点关注 %1").arg(modelData) }
            }
            Repeater {
                model: panel.model.exclusions
                Chip {
                    required property string modelData
                    text: qsTr("排除情形 %1").arg(modelData)
                    color: Theme.errorBackground
                    textColor: Theme.error
                }
            }
        }
        Label {
            visible: panel.showReasons && panel.model.reasons.length > 0
            text: qsTr("理由")
            font.pixelSize: Theme.fontSmall
            color: Theme.textSecondary
        }
        Repeater {
            model: panel.showReasons
                   ? panel.model.reasons.concat(panel.model.warnings.map(w => qsTr("提示：%1").arg(w))) : []
            delegate: Label {
                required property string modelData
                Layout.fillWidth: true
                text: "· " + modelData
                font.pixelSize: Theme.fontSmall
                color: Theme.text
                wrapMode: Text.Wrap
            }
        }
    }
}
