import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ruhu

// One §12 section of the household page: a titled card whose fields flow in two columns when there is
// room and in one below ~520 px of card width (portrait).
Pane {
    id: section

    property string title
    property string note
    default property alias fields: grid.data
    readonly property int columns: width >= 520 ? 2 : 1

    Layout.fillWidth: true
    padding: Theme.margin
    background: Rectangle { radius: Theme.radius; color: Theme.surface; border.color: Theme.divider }

    ColumnLayout {
        width: section.availableWidth
        spacing: 10
        Label {
            text: section.title
            font.pixelSize: Theme.fontLarge
            font.bold: true
            color: Theme.text
        }
        Label {
            visible: section.note.length > 0
            text: section.note
            font.pixelSize: Theme.fontSmall
            color: Theme.textSecondary
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        GridLayout {
            id: grid
            Layout.fillWidth: true
            columns: section.columns
            columnSpacing: Theme.spacing
            rowSpacing: 12
        }
    }
}
