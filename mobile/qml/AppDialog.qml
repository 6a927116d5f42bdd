import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Ruhu

// A centred modal dialog with a large title. Flat (no Material elevation layer; see AppButton.qml),
// outlined instead.
Dialog {
    id: dialog

    parent: Overlay.overlay
    anchors.centerIn: parent
    modal: true
    padding: Theme.margin
    topPadding: 4
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontBody
    Material.elevation: 0

    background: Rectangle {
        radius: 12
        color: Theme.surface
        border.color: Theme.divider
    }

    header: Label {
        text: dialog.title
        visible: text.length > 0
        font.pixelSize: Theme.fontTitle
        font.bold: true
        color: Theme.text
        padding: Theme.margin
        bottomPadding: 12
    }
}
