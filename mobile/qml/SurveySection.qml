import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ruhu

// One §12 section of the household page: a titled card whose fields flow in two columns when there is
// room and in one below ~520 px of card width (portrait). A `collapsible` section folds to its title bar
// (tap the title); `summary` says what is inside while it is folded.
Pane {
    id: section

    property string title
    property string note
    property bool collapsible: false
    property bool expanded: true
    property string summary
    default property alias fields: grid.data
    readonly property int columns: width >= 520 ? 2 : 1

    Layout.fillWidth: true
    padding: Theme.margin
    background: Rectangle { radius: Theme.radius; color: Theme.surface; border.color: Theme.divider }

    ColumnLayout {
        width: section.availableWidth
        spacing: 10
        ItemDelegate {
            id: titleBar
            objectName: "sectionTitle"
            Layout.fillWidth: true
            enabled: section.collapsible
            padding: 0
            implicitHeight: section.collapsible ? Math.max(Theme.touch, titleRow.implicitHeight) : titleRow.implicitHeight
            background: Item {}
            onClicked: section.expanded = !section.expanded
            contentItem: RowLayout {
                id: titleRow
                spacing: 8
                Label {
                    text: section.title
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                    color: Theme.text
                }
                Label {
                    visible: section.collapsible && section.summary.length > 0
                    text: section.summary
                    font.pixelSize: Theme.fontSmall
                    color: Theme.textSecondary
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }
                Item { visible: !section.collapsible || section.summary.length === 0; Layout.fillWidth: true }
                AppIcon {
                    visible: section.collapsible
                    name: "chevron_right"
                    size: 32
                    color: Theme.textSecondary
                    rotation: section.expanded ? 90 : 0
                }
            }
        }
        Label {
            visible: section.expanded && section.note.length > 0
            text: section.note
            font.pixelSize: Theme.fontSmall
            color: Theme.textSecondary
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        GridLayout {
            id: grid
            visible: section.expanded
            Layout.fillWidth: true
            columns: section.columns
            columnSpacing: Theme.spacing
            rowSpacing: 12
        }
    }
}
