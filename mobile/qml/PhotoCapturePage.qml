import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import QtMultimedia
import Ruhu

// 拍照: the camera (QtMultimedia) with a 照片类别 chooser. Where the tablet has no camera (desktop, tests) it
// says so and offers to import a photo file instead. Every photo is processed (upright, long edge 1600 px,
// metadata stripped), encrypted on the tablet, recorded and queued for upload.
Page {
    id: page

    property string householdId
    property string memberId
    property string photoKind: "住房"
    property string headName
    readonly property alias pathField: pathField

    signal captured(string photoId, string sha256)

    // Processes and saves a file; true on success. Camera captures are removed afterwards either way.
    function importFile(path, isCapture) {
        const saved = PhotoStore.importPhoto(path, page.householdId, page.memberId, page.photoKind);
        if (isCapture)
            PhotoStore.discardCaptureFile(path);
        if (saved.photoId === undefined)
            return false;
        page.captured(saved.photoId, saved.sha256);
        return true;
    }

    background: Rectangle { color: Theme.background }

    Component.onCompleted: PhotoStore.startLocating()
    Component.onDestruction: PhotoStore.stopLocating()

    header: AppHeader {
        title: qsTr("拍照 · %1").arg(page.headName.length > 0 ? page.headName : page.householdId)
        subtitle: PhotoStore.locationAvailable ? qsTr("已获取拍摄位置") : qsTr("未获取拍摄位置（将记录为“无位置”）")
        onBackClicked: page.StackView.view.pop()
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        RowLayout {
            spacing: Theme.spacing
            Label {
                text: qsTr("照片类别")
                font.pixelSize: Theme.fontLarge
                color: Theme.text
            }
            Repeater {
                model: PhotoStore.photoKinds
                delegate: AppButton {
                    required property string modelData
                    objectName: "photoKind_" + modelData
                    text: modelData
                    highlighted: page.photoKind === modelData
                    onClicked: page.photoKind = modelData
                }
            }
            Item { Layout.fillWidth: true }
        }

        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            radius: Theme.radius
            color: PhotoStore.cameraAvailable ? "#000000" : Theme.surface
            border.color: Theme.divider

            Loader {
                anchors.fill: parent
                active: PhotoStore.cameraAvailable
                sourceComponent: cameraView
            }

            ColumnLayout {
                visible: !PhotoStore.cameraAvailable
                anchors.centerIn: parent
                width: Math.min(parent.width - 2 * Theme.margin, 820)
                spacing: Theme.spacing

                AppIcon {
                    Layout.alignment: Qt.AlignHCenter
                    name: "photo_camera"
                    color: Theme.textSecondary
                    size: 64
                }
                Label {
                    objectName: "noCameraMessage"
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    text: qsTr("这台设备没有可用的相机。可以从文件导入照片：点“选择照片文件”，或在下面输入文件路径后点“导入”。")
                    font.pixelSize: Theme.fontLarge
                    color: Theme.text
                }
                AppButton {
                    objectName: "chooseFileButton"
                    Layout.alignment: Qt.AlignHCenter
                    text: qsTr("选择照片文件")
                    icon.source: "icons/image.svg"
                    highlighted: true
                    onClicked: fileDialog.open()
                }
                RowLayout {
                    Layout.fillWidth: true
                    spacing: 12
                    AppTextField {
                        id: pathField
                        objectName: "photoPathField"
                        Layout.fillWidth: true
                        placeholderText: qsTr("照片文件路径，如 /sdcard/DCIM/house.jpg")
                        hasError: PhotoStore.errorMessage.length > 0
                        onAccepted: importButton.clicked()
                    }
                    AppButton {
                        id: importButton
                        objectName: "importPhotoButton"
                        text: qsTr("导入")
                        enabled: pathField.text.length > 0
                        onClicked: {
                            if (page.importFile(pathField.text, false))
                                pathField.text = "";
                        }
                    }
                }
            }
        }

        Label {
            objectName: "photoErrorLabel"
            Layout.fillWidth: true
            visible: PhotoStore.errorMessage.length > 0
            text: PhotoStore.errorMessage
            wrapMode: Text.Wrap
            color: Theme.error
            font.pixelSize: Theme.fontBody
        }
    }

    FileDialog {
        id: fileDialog
        title: qsTr("选择照片")
        nameFilters: [qsTr("图片 (*.jpg *.jpeg *.png)")]
        onAccepted: page.importFile(selectedFile.toString(), false)
    }

    Component {
        id: cameraView
        Item {
            CaptureSession {
                camera: Camera { active: true }
                imageCapture: ImageCapture {
                    id: imageCapture
                    onImageSaved: (requestId, fileName) => page.importFile(fileName, true)
                }
                videoOutput: viewfinder
            }
            VideoOutput {
                id: viewfinder
                anchors.fill: parent
                fillMode: VideoOutput.PreserveAspectFit
            }
            AppButton {
                objectName: "shutterButton"
                anchors.horizontalCenter: parent.horizontalCenter
                anchors.bottom: parent.bottom
                anchors.bottomMargin: Theme.margin
                text: qsTr("拍照")
                icon.source: "icons/photo_camera.svg"
                highlighted: true
                enabled: imageCapture.readyForCapture
                onClicked: imageCapture.captureToFile(PhotoStore.captureFilePath())
            }
        }
    }
}
