import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ruhu

// 是 / 否 for a boolean of a SurveyRecord; unanswered shows neither (unknown is not “否”). Saved on tap.
LabeledField {
    id: field

    required property SurveyRecord record
    required property string path
    readonly property var current: record.revision >= 0 ? record.value(path) : undefined

    error: record.errors[path] || ""
    hint: record.savedPath === path ? record.savedText : ""
    hintColor: Theme.success
    Layout.fillWidth: true
    Layout.preferredWidth: 200

    Row {
        objectName: "field_" + field.path
        spacing: 8
        height: Theme.touch
        Repeater {
            model: [[qsTr("是"), true], [qsTr("否"), false]]
            AppButton {
                required property var modelData
                objectName: "choice_" + (modelData[1] ? "yes" : "no")
                text: modelData[0]
                width: 96
                highlighted: field.current === modelData[1]
                onClicked: field.record.commitValue(field.path, modelData[1])
            }
        }
    }
}
