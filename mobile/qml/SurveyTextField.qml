import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ruhu

// A labelled field of a SurveyRecord that saves itself when it is left (editingFinished or focus lost):
// one local mutation, no 保存 button. type: text, int, real, money (元), date. The error, or a quiet
// “已保存”, stands under the field.
LabeledField {
    id: field

    required property SurveyRecord record
    required property string path
    property string type: "text"
    property bool required: false
    property string placeholder
    readonly property alias input: textField

    function commit() { return field.record.commitText(field.path, textField.text, field.type, field.required); }

    error: record.errors[path] || ""
    hint: record.savedPath === path ? record.savedText : ""
    hintColor: Theme.success
    Layout.fillWidth: true
    Layout.preferredWidth: 200

    AppTextField {
        id: textField
        objectName: "field_" + field.path
        text: field.record.revision >= 0 ? field.record.text(field.path, field.type) : ""
        placeholderText: field.placeholder.length > 0 ? field.placeholder
                         : field.type === "date" ? qsTr("例如 2024-09-05") : ""
        hasError: field.error.length > 0
        inputMethodHints: field.type === "int" ? Qt.ImhDigitsOnly
                        : field.type === "real" || field.type === "money" ? Qt.ImhFormattedNumbersOnly
                        : field.type === "date" ? Qt.ImhPreferNumbers
                        : Qt.ImhNone
        horizontalAlignment: field.type === "money" || field.type === "real" || field.type === "int"
                             ? TextInput.AlignRight : TextInput.AlignLeft
        onEditingFinished: field.commit()
        onActiveFocusChanged: if (!activeFocus) field.commit()
    }
}
