import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ruhu

// 照片上传 on the sync page: photos follow the records. How many wait and how many bytes, the total and
// the per-photo progress, and why a photo could not be sent.
ColumnLayout {
    id: panel

    spacing: 10

    RowLayout {
        Layout.fillWidth: true
        Label {
            text: qsTr("照片上传")
            font.pixelSize: Theme.fontLarge
            font.bold: true
            Layout.fillWidth: true
        }
        Label {
            objectName: "mediaBacklogValue"
            text: MediaSyncStatus.backlogCount > 0
                  ? qsTr("待上传 %1 张，%2").arg(MediaSyncStatus.backlogCount)
                        .arg(MediaSyncStatus.formatBytes(MediaSyncStatus.backlogBytes))
                  : qsTr("全部已上传")
            color: MediaSyncStatus.backlogCount > 0 ? Theme.warning : Theme.success
            font.pixelSize: Theme.fontBody
            font.bold: true
        }
    }

    Label {
        visible: MediaSyncStatus.busy
        text: MediaSyncStatus.progressText
        font.pixelSize: Theme.fontSmall
        color: Theme.textSecondary
    }
    ProgressBar {
        objectName: "mediaTotalProgress"
        visible: MediaSyncStatus.busy
        Layout.fillWidth: true
        value: MediaSyncStatus.totalProgress
    }
    Label {
        visible: MediaSyncStatus.lastError.length > 0
        text: MediaSyncStatus.lastError
        color: Theme.error
        font.pixelSize: Theme.fontSmall
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Label {
        visible: MediaSyncStatus.backlogCount > 0 && !MediaSyncStatus.busy
        text: qsTr("记录同步完成后自动上传照片；中断后从断点继续。")
        color: Theme.textSecondary
        font.pixelSize: Theme.fontSmall
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }

    Repeater {
        model: MediaSyncStatus.uploads
        delegate: RowLayout {
            id: row
            required property var modelData
            Layout.fillWidth: true
            spacing: 10
            Label {
                text: qsTr("照片 %1").arg(row.modelData.shortName)
                font.family: "monospace"
                font.pixelSize: Theme.fontSmall
            }
            ProgressBar {
                Layout.fillWidth: true
                value: row.modelData.progress
            }
            Label {
                text: row.modelData.state === "failed" ? qsTr("未能上传")
                      : qsTr("%1 / %2").arg(MediaSyncStatus.formatBytes(row.modelData.received))
                                       .arg(MediaSyncStatus.formatBytes(row.modelData.size))
                color: row.modelData.state === "failed" ? Theme.error : Theme.textSecondary
                font.pixelSize: Theme.fontSmall
            }
        }
    }

    AppButton {
        visible: MediaSyncStatus.failedCount > 0
        text: qsTr("重新上传未能上传的照片")
        onClicked: MediaSyncStatus.retryFailed()
    }
}
