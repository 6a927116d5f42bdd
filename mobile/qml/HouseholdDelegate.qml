import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ruhu

// One household row (or, with isHeader, the column titles): 户主, 村民小组, 户类型, 家庭人口.
ItemDelegate {
    id: row

    property bool isHeader: false
    required property string householdId
    required property string headName
    required property string group
    required property string householdType
    required property int memberCount
    required property bool onServer

    readonly property int groupColumn: 200
    readonly property int typeColumn: 200
    readonly property int countColumn: 160

    height: isHeader ? 52 : 76
    enabled: !isHeader
    leftPadding: Theme.margin
    rightPadding: Theme.spacing

    background: Rectangle {
        color: row.isHeader ? Theme.surfaceAlt : (row.down ? Theme.neutralChip : Theme.surface)
        Rectangle {
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            height: 1
            color: Theme.divider
        }
    }

    contentItem: RowLayout {
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            spacing: 12
            Label {
                text: row.headName.length > 0 ? row.headName : qsTr("（未填户主）")
                font.pixelSize: row.isHeader ? Theme.fontSmall : Theme.fontLarge
                font.bold: !row.isHeader
                color: row.isHeader ? Theme.textSecondary : Theme.text
                elide: Text.ElideRight
                Layout.fillWidth: !badge.visible
            }
            Rectangle {
                id: badge
                visible: !row.isHeader && !row.onServer
                implicitWidth: badgeLabel.implicitWidth + 20
                implicitHeight: 30
                radius: 15
                color: Theme.warningBackground
                Label {
                    id: badgeLabel
                    anchors.centerIn: parent
                    text: qsTr("新增，未同步")
                    color: Theme.warning
                    font.pixelSize: 15
                }
            }
            Item { visible: badge.visible; Layout.fillWidth: true }
        }
        Label {
            Layout.preferredWidth: row.groupColumn
            text: row.group
            font.pixelSize: row.isHeader ? Theme.fontSmall : Theme.fontBody
            color: row.isHeader ? Theme.textSecondary : Theme.text
            elide: Text.ElideRight
        }
        Item {
            Layout.preferredWidth: row.typeColumn
            implicitHeight: typeLabel.implicitHeight + 8
            Rectangle {
                visible: !row.isHeader
                anchors.left: parent.left
                anchors.verticalCenter: parent.verticalCenter
                width: typeLabel.implicitWidth + 24
                height: 34
                radius: 17
                color: row.householdType === "脱贫户" ? Theme.warningBackground : Theme.neutralChip
            }
            Label {
                id: typeLabel
                anchors.left: parent.left
                anchors.leftMargin: row.isHeader ? 0 : 12
                anchors.verticalCenter: parent.verticalCenter
                text: row.householdType
                font.pixelSize: row.isHeader ? Theme.fontSmall : Theme.fontSmall + 1
                color: row.isHeader ? Theme.textSecondary
                                    : (row.householdType === "脱贫户" ? Theme.warning : Theme.primaryDark)
            }
        }
        Label {
            Layout.preferredWidth: row.countColumn
            text: row.isHeader ? qsTr("家庭人口") : qsTr("%1 人").arg(row.memberCount)
            font.pixelSize: row.isHeader ? Theme.fontSmall : Theme.fontBody
            color: row.isHeader ? Theme.textSecondary : Theme.text
        }
        Item {
            Layout.preferredWidth: 32
            implicitHeight: 32
            AppIcon {
                visible: !row.isHeader
                anchors.centerIn: parent
                name: "chevron_right"
                size: 32
                color: Theme.textSecondary
            }
        }
    }
}
