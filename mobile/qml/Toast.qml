import QtQuick
import QtQuick.Controls
import Ruhu

// A short confirmation at the bottom of the screen ("已保存，待同步"); it fades out by itself.
Rectangle {
    id: toast

    property alias text: label.text

    function show(message) {
        label.text = message;
        opacity = 1;
        hideTimer.restart();
    }

    anchors.horizontalCenter: parent.horizontalCenter
    anchors.bottom: parent.bottom
    anchors.bottomMargin: 32
    width: label.implicitWidth + 64
    height: 64
    radius: 32
    color: "#263238"
    opacity: 0
    visible: opacity > 0
    z: 100

    Behavior on opacity { NumberAnimation { duration: 200 } }

    Label {
        id: label
        anchors.centerIn: parent
        color: "white"
        font.pixelSize: Theme.fontLarge
    }

    Timer {
        id: hideTimer
        interval: 3000
        onTriggered: toast.opacity = 0
    }
}
