import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ruhu

// One case on the Today page (CaseListModel): the household head and village, the state, what is due and
// by when (red when overdue).
ItemDelegate {
    id: row

    required property string caseId
    required property string householdId
    required property string regionCode
    required property string villageName
    required property string headName
    required property string stateLabel
    required property string what
    required property string dueText
    required property int overdue

    width: ListView.view ? ListView.view.width : implicitWidth
    height: 104
    leftPadding: 20
    rightPadding: 12
    background: Rectangle {
        color: row.down ? Theme.neutralChip : Theme.surface
        Rectangle {
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: parent.top
            height: 1
            color: Theme.divider
        }
    }
    contentItem: RowLayout {
        spacing: 12
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2
            RowLayout {
                Layout.fillWidth: true
                spacing: 8
                Label {
                    Layout.fillWidth: true
                    text: qsTr("%1 · %2").arg(row.headName.length > 0 ? row.headName : qsTr("（未知户主）"))
                                         .arg(row.villageName)
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                    color: Theme.text
                    elide: Text.ElideRight
                }
                Rectangle {
                    implicitWidth: stateText.implicitWidth + 20
                    implicitHeight: 32
                    radius: 16
                    color: row.overdue ? Theme.errorBackground : Theme.neutralChip
                    Label {
                        id: stateText
                        anchors.centerIn: parent
                        text: row.stateLabel
                        font.pixelSize: Theme.fontSmall
                        font.bold: true
                        color: row.overdue ? Theme.error : Theme.text
                    }
                }
            }
            Label {
                Layout.fillWidth: true
                text: row.what
                font.pixelSize: Theme.fontSmall
                color: Theme.textSecondary
                elide: Text.ElideRight
            }
            Label {
                objectName: "dueText"
                visible: row.dueText.length > 0
                Layout.fillWidth: true
                text: row.dueText
                font.pixelSize: Theme.fontSmall
                font.bold: true
                color: row.overdue ? Theme.error : Theme.warning
                elide: Text.ElideRight
            }
        }
        AppIcon { name: "chevron_right"; size: 32; color: Theme.textSecondary }
    }
}
