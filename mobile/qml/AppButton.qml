import QtQuick
import QtQuick.Controls
import QtQuick.Controls.impl
import Ruhu

// The app's solid button. Drawn without the Material elevation layer, which needs a GPU shader: the
// software renderer (offscreen, some low-end tablets) would show no background at all.
Button {
    id: control

    // highlighted: primary fill with white text; otherwise white with primary text and an outline.
    property color fillColor: highlighted ? Theme.primary : Theme.surface
    property color textColor: highlighted ? Theme.primaryText : Theme.primary
    property bool outlined: !highlighted

    implicitHeight: Theme.touch
    topInset: 0
    bottomInset: 0
    leftPadding: 24
    rightPadding: 24
    font.pixelSize: Theme.fontBody
    icon.width: 26
    icon.height: 26

    contentItem: IconLabel {
        spacing: 8
        display: control.display
        icon: control.icon
        text: control.text
        font: control.font
        color: control.enabled ? control.textColor : Theme.textSecondary
    }

    background: Rectangle {
        implicitWidth: 96
        implicitHeight: Theme.touch
        radius: 8
        color: !control.enabled ? Theme.neutralChip
             : control.down ? Qt.darker(control.fillColor, 1.12) : control.fillColor
        border.width: control.outlined ? 2 : 0
        border.color: control.enabled ? control.textColor : Theme.divider
    }
}
