import QtQuick
import QtQuick.Controls
import Ruhu

// A choice list in a visible box (no Material elevation layer; see AppButton.qml), 56 px high.
ComboBox {
    id: control

    implicitHeight: Theme.touch
    topInset: 0
    bottomInset: 0
    font.pixelSize: Theme.fontBody

    background: Rectangle {
        implicitWidth: 160
        implicitHeight: Theme.touch
        radius: 8
        color: control.down ? Theme.neutralChip : Theme.surface
        border.width: control.activeFocus ? 2 : 1
        border.color: control.activeFocus ? Theme.primary : "#9AA3AE"
    }

    popup.background: Rectangle {
        radius: 8
        color: Theme.surface
        border.color: "#9AA3AE"
    }

    delegate: ItemDelegate {
        required property int index
        required property string modelData
        width: ListView.view ? ListView.view.width : control.width
        height: Theme.touch
        text: modelData
        font.pixelSize: Theme.fontBody
        font.bold: control.currentIndex === index
        highlighted: control.highlightedIndex === index
    }
}
