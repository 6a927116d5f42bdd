import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ruhu

// 照片: the household's photos as a strip of thumbnails (decrypted in memory by image://photos), a
// 拍照 button that opens the capture page and a tap on a thumbnail that opens the viewer.
ColumnLayout {
    id: strip

    property string householdId
    property string headName
    property bool canCapture: true
    property StackView stack
    readonly property alias photos: photoModel

    function openCapture() {
        strip.stack.push(capturePage, { householdId: strip.householdId, headName: strip.headName });
    }
    function openViewer(row) {
        strip.stack.push(viewerPage, { photos: photoModel, index: row, headName: strip.headName });
    }

    spacing: 10

    PhotoListModel {
        id: photoModel
        photos: PhotoStore
        householdId: strip.householdId
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: 12
        Label {
            text: qsTr("照片（%1）").arg(photoModel.count)
            font.pixelSize: Theme.fontLarge
            font.bold: true
            color: Theme.text
            Layout.fillWidth: true
        }
        AppButton {
            objectName: "takePhotoButton"
            text: qsTr("拍照")
            icon.source: "icons/photo_camera.svg"
            enabled: strip.canCapture
            onClicked: strip.openCapture()
        }
    }

    Label {
        visible: !strip.canCapture || photoModel.count === 0
        text: strip.canCapture ? qsTr("还没有照片。住房、证件等照片加密保存在本机，同步时上传。")
                               : qsTr("先保存这户的基本信息，再拍照。")
        color: Theme.textSecondary
        font.pixelSize: Theme.fontSmall
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }

    ListView {
        id: thumbnails
        objectName: "photoThumbnails"
        visible: photoModel.count > 0
        Layout.fillWidth: true
        Layout.preferredHeight: 150
        orientation: ListView.Horizontal
        spacing: 10
        clip: true
        model: photoModel
        delegate: Rectangle {
            id: tile
            required property int index
            required property url thumbnail
            required property string photoKind
            width: 150
            height: 150
            radius: 8
            color: Theme.surfaceAlt
            border.color: Theme.divider
            Image {
                anchors.fill: parent
                anchors.margins: 2
                source: tile.thumbnail
                sourceSize: Qt.size(256, 256)
                fillMode: Image.PreserveAspectCrop
                asynchronous: true
                clip: true
            }
            Rectangle {
                anchors.left: parent.left
                anchors.bottom: parent.bottom
                anchors.margins: 6
                radius: 6
                color: "#B3000000"
                implicitWidth: kindLabel.implicitWidth + 14
                implicitHeight: kindLabel.implicitHeight + 6
                Label {
                    id: kindLabel
                    anchors.centerIn: parent
                    text: tile.photoKind
                    color: "#FFFFFF"
                    font.pixelSize: Theme.fontSmall
                }
            }
            TapHandler { onTapped: strip.openViewer(tile.index) }
        }
    }

    Component {
        id: capturePage
        PhotoCapturePage {
            objectName: "photoCapturePage"
            onCaptured: StackView.view.pop()
        }
    }
    Component {
        id: viewerPage
        PhotoViewerPage { objectName: "photoViewerPage" }
    }
}
