import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ruhu

// A Today list in a card: title with the count, one line on what the list means, then up to six rows
// visible at once (the list scrolls inside the card, so thousands of households stay cheap). Rows are
// households unless `rowDelegate` says otherwise (the cases list).
Rectangle {
    id: card

    property string title
    property string hint
    property string emptyText
    property var listModel
    property string countFormat: qsTr("%1 户")
    property int rowHeight: 80
    property Component rowDelegate: householdRow
    readonly property alias list: list

    signal householdChosen(string householdId, string regionCode, string villageName)

    implicitHeight: column.implicitHeight + 2
    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.divider
    clip: true

    ColumnLayout {
        id: column
        x: 1
        y: 1
        width: parent.width - 2
        spacing: 0

        ColumnLayout {
            Layout.fillWidth: true
            Layout.margins: 20
            spacing: 4
            RowLayout {
                Label {
                    Layout.fillWidth: true
                    text: card.title
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                    color: Theme.text
                    wrapMode: Text.Wrap
                }
                Rectangle {
                    implicitWidth: countLabel.implicitWidth + 24
                    implicitHeight: 36
                    radius: 18
                    color: list.count > 0 ? Theme.warningBackground : Theme.successBackground
                    Label {
                        id: countLabel
                        anchors.centerIn: parent
                        text: card.countFormat.arg(list.count)
                        font.pixelSize: Theme.fontBody
                        font.bold: true
                        color: list.count > 0 ? Theme.warning : Theme.success
                    }
                }
            }
            Label {
                Layout.fillWidth: true
                text: card.hint
                wrapMode: Text.Wrap
                font.pixelSize: Theme.fontSmall
                color: Theme.textSecondary
            }
        }

        Label {
            visible: list.count === 0
            Layout.fillWidth: true
            Layout.leftMargin: 20
            Layout.bottomMargin: 20
            text: card.emptyText
            font.pixelSize: Theme.fontBody
            color: Theme.success
        }

        ListView {
            id: list
            objectName: card.objectName + "List"
            visible: count > 0
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(count, 6) * card.rowHeight
            clip: true
            model: card.listModel
            boundsBehavior: Flickable.StopAtBounds
            ScrollIndicator.vertical: ScrollIndicator {}
            delegate: card.rowDelegate
        }
    }

    Component {
        id: householdRow
        ItemDelegate {
            id: row
            required property string householdId
            required property string regionCode
            required property string villageName
            required property string headName
            required property string group
            required property string monitoringCategory
            required property string detail
            width: ListView.view.width
            height: 80
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
                    Label {
                        Layout.fillWidth: true
                        text: qsTr("%1 · %2%3").arg(row.headName).arg(row.villageName).arg(row.group)
                        font.pixelSize: Theme.fontLarge
                        font.bold: true
                        color: Theme.text
                        elide: Text.ElideRight
                    }
                    Label {
                        Layout.fillWidth: true
                        text: row.monitoringCategory.length > 0
                              ? qsTr("%1 · %2").arg(row.monitoringCategory).arg(row.detail) : row.detail
                        font.pixelSize: Theme.fontSmall
                        color: Theme.textSecondary
                        elide: Text.ElideRight
                    }
                }
                AppIcon { name: "chevron_right"; size: 32; color: Theme.textSecondary }
            }
            onClicked: card.householdChosen(householdId, regionCode, villageName)
        }
    }
}
