import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ruhu

// A multi-line note that saves when it is left. `text` comes in, `committed(text)` goes out, so it
// serves both SurveyRecord paths and the risk decision editor.
LabeledField {
    id: field

    property string value
    property string placeholder
    property bool saved: false
    property string savedText
    readonly property alias input: area

    signal committed(string text)

    hint: field.saved ? field.savedText : ""
    hintColor: Theme.success
    Layout.fillWidth: true
    Layout.preferredWidth: 200

    TextArea {
        id: area
        objectName: "note_" + field.label
        text: field.value
        placeholderText: field.placeholder
        wrapMode: TextEdit.Wrap
        font.pixelSize: Theme.fontBody
        color: Theme.text
        leftPadding: 14
        rightPadding: 14
        topPadding: 12
        bottomPadding: 12
        implicitHeight: Math.max(112, contentHeight + 24)
        background: Rectangle {
            radius: 8
            color: Theme.surface
            border.width: area.activeFocus || field.error.length > 0 ? 2 : 1
            border.color: field.error.length > 0 ? Theme.error : area.activeFocus ? Theme.primary : "#9AA3AE"
        }
        onActiveFocusChanged: if (!activeFocus) field.committed(text)
        onEditingFinished: field.committed(text)
    }
}
