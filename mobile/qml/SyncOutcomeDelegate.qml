import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ruhu

// One edit the server merged, queued for review or rejected: what happened, its words, and what to do.
ItemDelegate {
    id: row

    required property string outcome
    required property string outcomeLabel
    required property string kindLabel
    required property string householdId
    required property string regionCode
    required property string villageName
    required property string headName
    required property string message
    required property string advice

    readonly property color tone: outcome === "rejected" ? Theme.error
                                : outcome === "queued" ? Theme.warning : Theme.primaryDark
    readonly property color toneBackground: outcome === "rejected" ? Theme.errorBackground
                                          : outcome === "queued" ? Theme.warningBackground : Theme.neutralChip

    leftPadding: Theme.margin
    rightPadding: 12
    topPadding: 14
    bottomPadding: 14
    background: Rectangle {
        color: row.down ? Theme.neutralChip : Theme.surface
        Rectangle {
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            height: 1
            color: Theme.divider
        }
    }
    contentItem: RowLayout {
        spacing: 12
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 6
            RowLayout {
                spacing: 10
                Rectangle {
                    implicitWidth: outcomeText.implicitWidth + 20
                    implicitHeight: 32
                    radius: 16
                    color: row.toneBackground
                    Label {
                        id: outcomeText
                        anchors.centerIn: parent
                        text: row.outcomeLabel
                        color: row.tone
                        font.pixelSize: Theme.fontSmall
                        font.bold: true
                    }
                }
                Label {
                    Layout.fillWidth: true
                    text: row.headName.length > 0 ? qsTr("%1 · %2").arg(row.headName).arg(row.kindLabel)
                                                  : row.kindLabel
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                    color: Theme.text
                    elide: Text.ElideRight
                }
            }
            Label {
                Layout.fillWidth: true
                text: row.message
                visible: text.length > 0
                wrapMode: Text.Wrap
                font.pixelSize: Theme.fontBody
                color: Theme.text
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("怎么办：%1").arg(row.advice)
                wrapMode: Text.Wrap
                font.pixelSize: Theme.fontBody
                color: row.tone
            }
        }
        AppIcon {
            visible: row.householdId.length > 0
            name: "chevron_right"
            size: 32
            color: Theme.textSecondary
        }
    }
}
