import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// One edit the server did not simply apply (rejected, or queued for review), with its reason.
ItemDelegate {
    id: row
    required property string kindLabel
    required property string title
    required property string message
    property string reasonPrefix: ""
    property color reasonColor: Theme.error

    leftPadding: Theme.margin
    rightPadding: Theme.margin
    topPadding: 14
    bottomPadding: 14
    background: Rectangle {
        color: Theme.surface
        Rectangle {
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            height: 1
            color: Theme.divider
        }
    }
    contentItem: ColumnLayout {
        spacing: 6
        RowLayout {
            spacing: 10
            Rectangle {
                implicitWidth: kindText.implicitWidth + 20
                implicitHeight: 30
                radius: 15
                color: Theme.neutralChip
                Label {
                    id: kindText
                    anchors.centerIn: parent
                    text: row.kindLabel
                    font.pixelSize: 15
                    color: Theme.primaryDark
                }
            }
            Label {
                text: row.title.length > 0 ? row.title : qsTr("（记录）")
                font.pixelSize: Theme.fontLarge
                font.bold: true
            }
        }
        Label {
            text: row.reasonPrefix + row.message
            color: row.reasonColor
            font.pixelSize: Theme.fontBody
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
    }
}
