import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ruhu

// A village card: name, household count, area code.
ItemDelegate {
    id: card

    required property string code
    required property string name
    required property int householdCount

    padding: 20
    background: Rectangle {
        radius: Theme.radius
        color: card.down ? Theme.neutralChip : Theme.surface
        border.color: Theme.divider
    }

    contentItem: RowLayout {
        spacing: 16
        Rectangle {
            Layout.preferredWidth: 64
            Layout.preferredHeight: 64
            radius: 32
            color: Theme.neutralChip
            AppIcon {
                anchors.centerIn: parent
                name: "home"
                size: 34
                color: Theme.primary
            }
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 4
            Label {
                text: card.name
                font.pixelSize: Theme.fontTitle
                font.bold: true
                color: Theme.text
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Label {
                text: qsTr("共 %1 户 · 代码 %2").arg(card.householdCount).arg(card.code)
                font.pixelSize: Theme.fontSmall
                color: Theme.textSecondary
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
        }
        AppIcon {
            name: "chevron_right"
            size: 36
            color: Theme.textSecondary
        }
    }
}
