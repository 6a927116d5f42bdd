import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Ruhu

// The coloured bar at the top of every page: 返回, title, subtitle and the page's actions on the right.
Rectangle {
    id: header

    property string title
    property string subtitle
    property bool showBack: true
    default property alias actions: actionRow.data

    signal backClicked()

    implicitHeight: 80
    color: Theme.primary

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: header.showBack ? 8 : Theme.margin
        anchors.rightMargin: 12
        spacing: 12

        ToolButton {
            visible: header.showBack
            text: qsTr("返回")
            icon.source: "icons/back.svg"
            icon.color: Theme.primaryText
            icon.width: 28
            icon.height: 28
            font.pixelSize: Theme.fontBody
            Material.foreground: Theme.primaryText
            Layout.preferredHeight: 64
            Layout.minimumWidth: 112
            onClicked: header.backClicked()
        }

        ColumnLayout {
            Layout.fillWidth: true
            spacing: 0
            Label {
                text: header.title
                color: Theme.primaryText
                font.pixelSize: Theme.fontTitle
                font.bold: true
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Label {
                visible: header.subtitle.length > 0
                text: header.subtitle
                color: Theme.primaryTextSoft
                font.pixelSize: Theme.fontSmall
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
        }

        RowLayout {
            id: actionRow
            spacing: 8
        }
    }
}
