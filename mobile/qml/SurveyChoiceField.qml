import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ruhu

// A labelled choice of a SurveyRecord from the declared values; saved as soon as it is picked. With
// `values` the stored value is values[i] for the shown choices[i] (e.g. 残疾等级 1 for 一级); with
// `noneText` the first entry clears the field (e.g. 非在校生).
LabeledField {
    id: field

    required property SurveyRecord record
    required property string path
    property var choices: record.choices(path)
    property var values: choices
    property string noneText
    readonly property var shown: noneText.length > 0 ? [noneText].concat(choices) : choices
    readonly property int offset: noneText.length > 0 ? 1 : 0

    error: record.errors[path] || ""
    hint: record.savedPath === path ? record.savedText : ""
    hintColor: Theme.success
    Layout.fillWidth: true
    Layout.preferredWidth: 200

    AppComboBox {
        objectName: "field_" + field.path
        model: field.shown
        currentIndex: {
            if (field.record.revision < 0)
                return -1;
            const stored = field.record.value(field.path);
            if (stored === undefined || stored === null || stored === "")
                return field.offset > 0 && field.record.exists ? 0 : -1;
            const i = field.values.indexOf(stored);
            return i < 0 ? -1 : i + field.offset;
        }
        displayText: currentIndex < 0 ? qsTr("请选择") : currentText
        onActivated: (index) => field.record.commitValue(field.path,
                                                         index < field.offset ? null : field.values[index - field.offset])
    }
}
