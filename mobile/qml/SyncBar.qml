import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Ruhu

// Always under the main pages: what is waiting to sync, when the last sync was, errors in plain
// Chinese, and a big 立即同步 button. Tapping the status opens the sync page.
ToolBar {
    id: bar

    signal detailsRequested()

    readonly property string syncState: SyncStatus.busy ? "busy"
                                  : SyncStatus.errorMessage.length > 0 ? "error"
                                  : SyncStatus.pendingCount > 0 ? "pending" : "done"

    implicitHeight: 72
    Material.elevation: 0
    background: Rectangle {
        color: bar.syncState === "error" ? Theme.errorBackground : Theme.surface
        Rectangle {
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: parent.top
            height: 1
            color: Theme.divider
        }
    }

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.margin
        anchors.rightMargin: Theme.spacing
        spacing: Theme.spacing

        ItemDelegate {
            objectName: "syncStatusArea"
            Layout.fillWidth: true
            Layout.fillHeight: true
            padding: 0
            background: Item {}
            onClicked: bar.detailsRequested()

            contentItem: RowLayout {
                spacing: 12

                BusyIndicator {
                    visible: bar.syncState === "busy"
                    running: visible
                    Layout.preferredWidth: 36
                    Layout.preferredHeight: 36
                }
                AppIcon {
                    visible: bar.syncState !== "busy"
                    size: 30
                    name: bar.syncState === "error" ? "error" : bar.syncState === "pending" ? "schedule" : "check_circle"
                    color: bar.syncState === "error" ? Theme.error
                         : bar.syncState === "pending" ? Theme.warning : Theme.success
                }
                Label {
                    objectName: "syncStateLabel"
                    text: bar.syncState === "busy" ? (SyncStatus.progressText.length > 0 ? SyncStatus.progressText
                                                                                     : qsTr("同步中…"))
                        : bar.syncState === "error" ? qsTr("同步未完成：%1").arg(SyncStatus.errorMessage.split("。")[0])
                        : bar.syncState === "pending" ? qsTr("待同步 %1 条").arg(SyncStatus.pendingCount)
                        : qsTr("已全部同步")
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                    color: bar.syncState === "error" ? Theme.error
                         : bar.syncState === "pending" ? Theme.warning : Theme.text
                    elide: Text.ElideRight
                    Layout.fillWidth: bar.syncState === "error"
                    Layout.maximumWidth: 620
                }
                Label {
                    visible: bar.syncState === "error" && SyncStatus.pendingCount > 0
                    text: qsTr("待同步 %1 条").arg(SyncStatus.pendingCount)
                    font.pixelSize: Theme.fontBody
                    color: Theme.warning
                }
                Rectangle {
                    visible: SyncStatus.rejectedCount > 0
                    implicitWidth: rejectedLabel.implicitWidth + 24
                    implicitHeight: 34
                    radius: 17
                    color: Theme.error
                    Label {
                        id: rejectedLabel
                        anchors.centerIn: parent
                        text: qsTr("%1 条修改被退回").arg(SyncStatus.rejectedCount)
                        color: "white"
                        font.pixelSize: Theme.fontSmall
                    }
                }
                Item { Layout.fillWidth: bar.syncState !== "error" }
                Label {
                    text: qsTr("上次同步：%1").arg(SyncStatus.lastSyncText)
                    font.pixelSize: Theme.fontBody
                    color: Theme.textSecondary
                }
            }
        }

        AppButton {
            objectName: "syncButton"
            text: SyncStatus.busy ? qsTr("同步中…") : qsTr("立即同步")
            enabled: !SyncStatus.busy
            highlighted: true
            icon.source: "icons/sync.svg"
            font.pixelSize: Theme.fontLarge
            Layout.preferredHeight: Theme.touch
            Layout.preferredWidth: 176
            onClicked: SyncStatus.sync()
        }
    }
}
