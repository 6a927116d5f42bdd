import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ruhu

// A labelled choice of a SurveyRecord from the declared values; saved as soon as it is picked.
LabeledField {
    id: field

    required property SurveyRecord record
    required property string path
    property var choices: record.choices(path)

    error: record.errors[path] || ""
    hint: record.savedPath === path ? record.savedText : ""
    hintColor: Theme.success
    Layout.fillWidth: true
    Layout.preferredWidth: 200

    AppComboBox {
        objectName: "field_" + field.path
        model: field.choices
        currentIndex: field.record.revision >= 0 ? field.choices.indexOf(String(field.record.value(field.path) || "")) : -1
        displayText: currentIndex < 0 ? qsTr("请选择") : currentText
        onActivated: (index) => field.record.commitValue(field.path, field.choices[index])
    }
}
