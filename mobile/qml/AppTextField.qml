import QtQuick
import QtQuick.Controls
import Ruhu

// A boxed text field, 56 px high, matching AppComboBox: easier to spot and hit than an underline.
TextField {
    id: control

    property bool hasError: false

    implicitHeight: Theme.touch
    topInset: 0
    bottomInset: 0
    topPadding: 0
    bottomPadding: 0
    leftPadding: 14
    rightPadding: 14
    verticalAlignment: TextInput.AlignVCenter
    font.pixelSize: Theme.fontBody
    color: Theme.text
    placeholderTextColor: "#7A828C"

    background: Rectangle {
        implicitWidth: 200
        implicitHeight: Theme.touch
        radius: 8
        color: control.enabled ? Theme.surface : Theme.surfaceAlt
        border.width: control.activeFocus || control.hasError ? 2 : 1
        border.color: control.hasError ? Theme.error : control.activeFocus ? Theme.primary : "#9AA3AE"
    }
}
