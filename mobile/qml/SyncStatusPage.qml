import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Ruhu

// 同步: the state in full sentences and the edits the server sent back, each with its reason.
Page {
    id: page

    background: Rectangle { color: Theme.background }

    header: AppHeader {
        title: qsTr("同步")
        subtitle: qsTr("修改先保存在本机，联网后上传到服务器，并取回其他人的修改")
        onBackClicked: page.StackView.view.pop()
    }

    // Side by side in landscape; stacked (state above, returned edits below) in portrait.
    GridLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        columns: page.width >= 1000 ? 2 : 1
        columnSpacing: Theme.margin
        rowSpacing: Theme.margin

        // State (scrolls once the 照片上传 list is long)
        ScrollView {
            Layout.preferredWidth: parent.columns === 2 ? 480 : -1
            Layout.fillWidth: parent.columns === 1
            Layout.fillHeight: parent.columns === 2
            Layout.preferredHeight: parent.columns === 2 ? -1 : page.height * 0.45
            padding: Theme.margin
            contentWidth: availableWidth
            background: Rectangle { radius: Theme.radius; color: Theme.surface; border.color: Theme.divider }

            ColumnLayout {
                anchors.left: parent.left
                anchors.right: parent.right
                spacing: 20

                Label {
                    text: qsTr("同步状态")
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                }
                GridLayout {
                    columns: 2
                    columnSpacing: 24
                    rowSpacing: 14
                    Label { text: qsTr("待同步"); color: Theme.textSecondary; font.pixelSize: Theme.fontBody }
                    Label {
                        objectName: "pendingValue"
                        text: qsTr("%1 条").arg(SyncStatus.pendingCount)
                        font.pixelSize: Theme.fontTitle
                        font.bold: true
                        color: SyncStatus.pendingCount > 0 ? Theme.warning : Theme.success
                    }
                    Label { text: qsTr("上次同步"); color: Theme.textSecondary; font.pixelSize: Theme.fontBody }
                    Label { text: SyncStatus.lastSyncText; font.pixelSize: Theme.fontLarge }
                    Label { text: qsTr("被退回"); color: Theme.textSecondary; font.pixelSize: Theme.fontBody }
                    Label {
                        text: qsTr("%1 条").arg(SyncStatus.rejectedCount)
                        font.pixelSize: Theme.fontLarge
                        color: SyncStatus.rejectedCount > 0 ? Theme.error : Theme.text
                    }
                    Label { text: qsTr("待审核"); color: Theme.textSecondary; font.pixelSize: Theme.fontBody }
                    Label {
                        text: qsTr("%1 条").arg(SyncStatus.queuedCount)
                        font.pixelSize: Theme.fontLarge
                        color: SyncStatus.queuedCount > 0 ? Theme.warning : Theme.text
                    }
                    Label { text: qsTr("服务器"); color: Theme.textSecondary; font.pixelSize: Theme.fontBody }
                    Label {
                        text: Session.serverUrl
                        font.pixelSize: Theme.fontSmall
                        elide: Text.ElideMiddle
                        Layout.maximumWidth: 300
                    }
                }

                Rectangle {
                    visible: SyncStatus.errorMessage.length > 0
                    Layout.fillWidth: true
                    implicitHeight: errorColumn.implicitHeight + 28
                    radius: Theme.radius
                    color: Theme.errorBackground
                    ColumnLayout {
                        id: errorColumn
                        anchors.fill: parent
                        anchors.margins: 14
                        spacing: 6
                        RowLayout {
                            spacing: 8
                            AppIcon { name: "error"; size: 26; color: Theme.error }
                            Label {
                                text: qsTr("上次同步没有完成")
                                color: Theme.error
                                font.pixelSize: Theme.fontBody
                                font.bold: true
                            }
                        }
                        Label {
                            objectName: "syncErrorText"
                            text: SyncStatus.errorMessage
                            color: Theme.error
                            font.pixelSize: Theme.fontBody
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                        }
                        Label {
                            text: qsTr("修改都已保存在本机，不会丢失。网络恢复后会自动重试。")
                            color: Theme.textSecondary
                            font.pixelSize: Theme.fontSmall
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                        }
                    }
                }

                AppButton {
                    text: SyncStatus.busy ? qsTr("同步中…") : qsTr("立即同步")
                    enabled: !SyncStatus.busy
                    highlighted: true
                    icon.source: "icons/sync.svg"
                    font.pixelSize: Theme.fontLarge
                    Layout.fillWidth: true
                    Layout.preferredHeight: 64
                    onClicked: SyncStatus.sync()
                }

                MediaUploadPanel {
                    objectName: "mediaUploadPanel"
                    Layout.fillWidth: true
                    Layout.topMargin: 8
                }
            }
        }

        // Rejected edits
        Pane {
            Layout.fillWidth: true
            Layout.fillHeight: true
            padding: 0
            background: Rectangle { radius: Theme.radius; color: Theme.surface; border.color: Theme.divider }

            ColumnLayout {
                anchors.fill: parent
                spacing: 0

                Label {
                    text: qsTr("被服务器退回的修改（%1）").arg(SyncStatus.rejectedCount)
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                    Layout.margins: Theme.margin
                    Layout.bottomMargin: 4
                }
                Label {
                    text: qsTr("这些修改没有生效。请核实情况后，在户信息中重新录入。")
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontSmall
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                    Layout.leftMargin: Theme.margin
                    Layout.rightMargin: Theme.margin
                    Layout.bottomMargin: 12
                }
                Rectangle { Layout.fillWidth: true; implicitHeight: 1; color: Theme.divider }

                ListView {
                    id: rejectedList
                    objectName: "rejectedList"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    model: SyncStatus.rejected
                    delegate: EditOutcomeDelegate {
                        width: rejectedList.width
                        reasonPrefix: qsTr("原因：")
                        reasonColor: Theme.error
                    }

                    Label {
                        anchors.centerIn: parent
                        visible: rejectedList.count === 0
                        text: qsTr("没有被退回的修改")
                        color: Theme.textSecondary
                        font.pixelSize: Theme.fontLarge
                    }
                }

                Rectangle { Layout.fillWidth: true; implicitHeight: 1; color: Theme.divider }
                Label {
                    text: qsTr("等待乡镇审核的修改（%1）").arg(SyncStatus.queuedCount)
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                    Layout.margins: Theme.margin
                    Layout.bottomMargin: 4
                }
                Label {
                    text: qsTr("与他人的修改冲突，两边的内容都已保存，审核结果会同步回本机。")
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontSmall
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                    Layout.leftMargin: Theme.margin
                    Layout.rightMargin: Theme.margin
                    Layout.bottomMargin: 12
                }
                ListView {
                    id: queuedList
                    objectName: "queuedList"
                    Layout.fillWidth: true
                    Layout.preferredHeight: Math.min(contentHeight, 220)
                    Layout.minimumHeight: 56
                    clip: true
                    model: SyncStatus.queued
                    delegate: EditOutcomeDelegate {
                        width: queuedList.width
                        reasonPrefix: ""
                        reasonColor: Theme.warning
                    }

                    Label {
                        anchors.centerIn: parent
                        visible: queuedList.count === 0
                        text: qsTr("没有等待审核的修改")
                        color: Theme.textSecondary
                        font.pixelSize: Theme.fontBody
                    }
                }
            }
        }
    }
}
