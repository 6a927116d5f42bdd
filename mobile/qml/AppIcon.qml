import QtQuick
import QtQuick.Controls.impl

// One of the SVG icons from assets/icons, tinted: AppIcon { name: "error"; color: Theme.error }.
ColorImage {
    property string name
    property int size: 24

    source: name.length > 0 ? "icons/" + name + ".svg" : ""
    sourceSize: Qt.size(size, size)
    width: size
    height: size
    fillMode: Image.PreserveAspectFit
}
