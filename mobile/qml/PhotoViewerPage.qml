import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ruhu

// One photo, full screen: pinch, mouse wheel or double-tap to zoom, drag to pan; 上一张/下一张 step through
// the household's photos. The image is decrypted in memory by image://photos.
Page {
    id: page

    property PhotoListModel photos
    property int index: 0
    property string headName
    readonly property var photo: photos && index >= 0 && index < photos.count ? photos.get(index) : ({})
    readonly property real zoom: flick.contentWidth / Math.max(1, flick.width)
    readonly property alias flick: flick

    // Zooms to factor (1 = fit) keeping the point under center where it is.
    function zoomTo(factor, center) {
        const clamped = Math.max(1, Math.min(6, factor));
        flick.resizeContent(flick.width * clamped, flick.height * clamped, center);
        flick.returnToBounds();
    }
    function resetZoom() { zoomTo(1, Qt.point(0, 0)); }

    onIndexChanged: resetZoom()

    background: Rectangle { color: "#101214" }

    header: AppHeader {
        title: qsTr("照片 · %1").arg(page.photo.photoKind !== undefined ? page.photo.photoKind : "")
        subtitle: page.photo.takenAt !== undefined
                  ? qsTr("%1 · 拍摄人 %2 · %3×%4").arg(page.photo.takenAt.replace("T", " ").slice(0, 16))
                        .arg(page.photo.author).arg(page.photo.width).arg(page.photo.height)
                  : ""
        onBackClicked: page.StackView.view.pop()
        Label {
            text: qsTr("%1 / %2").arg(page.index + 1).arg(page.photos ? page.photos.count : 0)
            color: Theme.primaryText
            font.pixelSize: Theme.fontBody
        }
        AppButton {
            text: qsTr("上一张")
            enabled: page.index > 0
            onClicked: page.index -= 1
        }
        AppButton {
            text: qsTr("下一张")
            enabled: page.photos !== null && page.index < page.photos.count - 1
            onClicked: page.index += 1
        }
    }

    Flickable {
        id: flick
        anchors.fill: parent
        clip: true
        contentWidth: width
        contentHeight: height
        boundsBehavior: Flickable.StopAtBounds
        onWidthChanged: page.resetZoom()
        onHeightChanged: page.resetZoom()

        Image {
            id: image
            objectName: "viewerImage"
            width: flick.contentWidth
            height: flick.contentHeight
            source: page.photo.source !== undefined ? page.photo.source : ""
            fillMode: Image.PreserveAspectFit
            asynchronous: true
            smooth: true
            mipmap: true

            TapHandler {
                onDoubleTapped: (eventPoint) => page.zoomTo(page.zoom > 1.05 ? 1 : 2.5, eventPoint.position)
            }
            WheelHandler {
                acceptedDevices: PointerDevice.Mouse | PointerDevice.TouchPad
                onWheel: (event) => page.zoomTo(page.zoom * (event.angleDelta.y > 0 ? 1.25 : 0.8),
                                                Qt.point(event.x, event.y))
            }
        }

        PinchHandler {
            id: pinch
            target: null
            property real startZoom: 1
            onActiveChanged: if (active) startZoom = page.zoom
            // Declared in the Flickable, the handler sits on its content item: centroid is in content coordinates.
            onActiveScaleChanged: page.zoomTo(startZoom * activeScale, centroid.position)
        }
    }

    BusyIndicator {
        anchors.centerIn: parent
        running: image.status === Image.Loading
    }
}
