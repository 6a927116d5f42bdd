import QtQuick
import QtQuick.Controls
import Ruhu

// A large tick box with a wrapping label, drawn by hand (the software renderer shows no Material
// indicator). hasError outlines it red.
AbstractButton {
    id: control

    property bool hasError: false

    checkable: true
    implicitWidth: 400
    implicitHeight: Math.max(Theme.touch, label.implicitHeight + 16)
    font.pixelSize: Theme.fontBody

    contentItem: Item {}
    background: Rectangle {
        radius: 8
        color: control.checked ? "#EAF1FA" : Theme.surface
        border.width: control.hasError ? 2 : 1
        border.color: control.hasError ? Theme.error : Theme.divider

        Rectangle {
            id: box
            x: 12
            anchors.verticalCenter: parent.verticalCenter
            width: 32
            height: 32
            radius: 6
            color: control.checked ? Theme.primary : Theme.surface
            border.width: 2
            border.color: control.hasError ? Theme.error : Theme.primary
            Text {
                anchors.centerIn: parent
                visible: control.checked
                text: "✓"
                color: Theme.primaryText
                font.pixelSize: 24
                font.bold: true
            }
        }
        Label {
            id: label
            anchors.left: box.right
            anchors.leftMargin: 12
            anchors.right: parent.right
            anchors.rightMargin: 12
            anchors.verticalCenter: parent.verticalCenter
            text: control.text
            font: control.font
            color: Theme.text
            wrapMode: Text.Wrap
        }
    }
}
