import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ruhu

// A form row: the label above, the control, and one line below for an error (red) or a hint (grey).
ColumnLayout {
    id: field

    property string label
    property string error
    property string hint
    property color hintColor: Theme.textSecondary
    default property alias content: holder.data

    spacing: 2

    Label {
        text: field.label
        color: Theme.textSecondary
        font.pixelSize: Theme.fontSmall
        Layout.fillWidth: true
    }
    Item {
        id: holder
        Layout.fillWidth: true
        implicitHeight: children.length > 0 ? children[0].implicitHeight : 0
        // the single control fills the row
        onChildrenChanged: if (children.length > 0) children[0].width = Qt.binding(() => holder.width)
    }
    Label {
        visible: text.length > 0
        text: field.error.length > 0 ? field.error : field.hint
        color: field.error.length > 0 ? Theme.error : field.hintColor
        font.pixelSize: Theme.fontSmall
        font.bold: field.error.length > 0
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
}
