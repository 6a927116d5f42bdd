import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ruhu

// One household row (or, with isHeader, the column titles): 户主 with the masked 身份证号 and the
// stage/risks under it, 村民小组, 户类型, 监测类别, 家庭人口. Narrow (portrait): 监测类别 moves under the name.
ItemDelegate {
    id: row

    property bool isHeader: false
    property bool narrow: false
    required property string householdId
    required property string headName
    required property string group
    required property string householdType
    required property int memberCount
    required property bool onServer
    required property string monitoringCategory
    required property string maskedIdNumber
    required property string riskTypes
    required property string workflowStage

    readonly property int groupColumn: narrow ? 110 : 150
    readonly property int typeColumn: narrow ? 130 : 150
    readonly property int monitoringColumn: 190
    readonly property int countColumn: narrow ? 90 : 120
    readonly property string details: [maskedIdNumber, narrow ? monitoringCategory : "", workflowStage, riskTypes]
                                      .filter(t => t.length > 0).join(" · ")

    height: isHeader ? 52 : 84
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

        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2
            RowLayout {
                Layout.fillWidth: true
                spacing: 12
                Label {
                    text: row.isHeader ? row.headName
                                       : row.headName.length > 0 ? row.headName : qsTr("（未填户主）")
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
                        font.pixelSize: Theme.fontSmall - 2
                    }
                }
                Item { visible: badge.visible; Layout.fillWidth: true }
            }
            Label {
                visible: !row.isHeader && row.details.length > 0
                Layout.fillWidth: true
                text: row.details
                font.pixelSize: Theme.fontSmall
                color: Theme.textSecondary
                elide: Text.ElideRight
            }
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
                width: Math.min(typeLabel.implicitWidth + 24, parent.width)
                height: 34
                radius: 17
                color: row.householdType === "脱贫户" ? Theme.warningBackground : Theme.neutralChip
            }
            Label {
                id: typeLabel
                anchors.left: parent.left
                anchors.leftMargin: row.isHeader ? 0 : 12
                anchors.verticalCenter: parent.verticalCenter
                width: parent.width - anchors.leftMargin
                text: row.householdType
                elide: Text.ElideRight
                font.pixelSize: row.isHeader ? Theme.fontSmall : Theme.fontSmall + 1
                color: row.isHeader ? Theme.textSecondary
                                    : (row.householdType === "脱贫户" ? Theme.warning : Theme.primaryDark)
            }
        }
        Label {
            visible: !row.narrow
            Layout.preferredWidth: row.monitoringColumn
            text: row.isHeader || row.monitoringCategory.length > 0 ? row.monitoringCategory : "—"
            font.pixelSize: row.isHeader ? Theme.fontSmall : Theme.fontBody
            color: row.isHeader ? Theme.textSecondary : row.monitoringCategory.length > 0 ? Theme.warning : Theme.textSecondary
            elide: Text.ElideRight
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
