import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ruhu

// A §12 set-union list of a SurveyRecord (companies, relatives outside the household, sudden events) as
// one card: a row per element with the declared columns, each saved as it is left or tapped, 删除 leaving
// a tombstone. Columns: [{ key, label, type: "text" | "date" | "bool" | "choice", choices, placeholder }].
SurveySection {
    id: section

    required property SurveyRecord record
    required property string listName
    required property var columnsSpec
    property var newElement: ({})
    property string addText: qsTr("添加")
    readonly property var elements: record.revision >= 0 ? record.elements(listName) : []

    Label {
        visible: section.elements.length === 0
        text: qsTr("（无）")
        color: Theme.textSecondary
        font.pixelSize: Theme.fontBody
        Layout.columnSpan: section.columns
    }

    Repeater {
        // by count: a saved value must not rebuild the rows (the next field keeps its focus)
        model: section.elements.length
        delegate: Pane {
            id: row
            required property int index
            readonly property var element: section.elements[index] || ({})
            Layout.fillWidth: true
            Layout.columnSpan: section.columns
            padding: 12
            background: Rectangle { radius: 8; color: Theme.surfaceAlt; border.color: Theme.divider }

            GridLayout {
                width: parent.width
                columns: section.width >= 900 ? section.columnsSpec.length + 1 : 2
                columnSpacing: 10
                rowSpacing: 6

                Repeater {
                    model: section.columnsSpec
                    LabeledField {
                        id: cell
                        required property var modelData
                        readonly property string path: section.listName + "." + row.element.id + "." + modelData.key
                        readonly property var current: row.element[modelData.key]
                        label: modelData.label
                        error: section.record.errors[path] || ""
                        Layout.fillWidth: true
                        Layout.preferredWidth: 150

                        Loader {
                            sourceComponent: cell.modelData.type === "bool" ? yesNo
                                           : cell.modelData.type === "choice" ? choice : textInput
                            Component {
                                id: textInput
                                AppTextField {
                                    objectName: "element_" + cell.path
                                    text: cell.current !== undefined ? String(cell.current) : ""
                                    placeholderText: cell.modelData.placeholder || ""
                                    inputMethodHints: cell.modelData.type === "date" ? Qt.ImhPreferNumbers : Qt.ImhNone
                                    hasError: cell.error.length > 0
                                    onEditingFinished: section.record.commitElementText(
                                        section.listName, row.element.id, cell.modelData.key, text,
                                        cell.modelData.type === "date" ? "date" : "text")
                                }
                            }
                            Component {
                                id: choice
                                AppComboBox {
                                    model: cell.modelData.choices
                                    currentIndex: cell.modelData.choices.indexOf(cell.current || "")
                                    displayText: currentIndex < 0 ? qsTr("请选择") : currentText
                                    onActivated: (i) => section.record.commitElementValue(
                                        section.listName, row.element.id, cell.modelData.key, cell.modelData.choices[i])
                                }
                            }
                            Component {
                                id: yesNo
                                Row {
                                    spacing: 8
                                    height: Theme.touch
                                    Repeater {
                                        model: [[qsTr("是"), true], [qsTr("否"), false]]
                                        AppButton {
                                            required property var modelData
                                            text: modelData[0]
                                            width: 80
                                            highlighted: cell.current === modelData[1]
                                            onClicked: section.record.commitElementValue(
                                                section.listName, row.element.id, cell.modelData.key, modelData[1])
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                AppButton {
                    text: qsTr("删除")
                    textColor: Theme.error
                    Layout.alignment: Qt.AlignBottom
                    onClicked: section.record.removeElement(section.listName, row.element.id)
                }
            }
        }
    }
    AppButton {
        objectName: "add_" + section.listName
        text: section.addText
        icon.source: "icons/add.svg"
        Layout.columnSpan: section.columns
        onClicked: section.record.addElement(section.listName, section.newElement)
    }
}
