import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ruhu

// 走访记录: 每月走访, 回头看, 电话 …. A new visit is written with its type and date (both fixed once
// synced); visitors and findings are saved as each field is left.
Page {
    id: page

    required property string householdId
    property string headName
    readonly property alias list: visits
    readonly property alias record: record
    readonly property alias newType: typeBox
    readonly property alias newDate: dateField

    function addVisit() {
        const date = dateField.text.trim();
        if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
            dateError.error = qsTr("日期应写成 2024-09-05 这样的格式");
            return "";
        }
        dateError.error = "";
        const id = record.create({ type: typeBox.currentText, startedAt: date });
        if (id.length > 0) {
            if (Session.displayName.length > 0)
                record.commitNames("visitors", Session.displayName);
            listView.currentIndex = visits.indexOf(id);
        }
        return id;
    }

    background: Rectangle { color: Theme.background }

    header: AppHeader {
        title: qsTr("走访记录 · %1").arg(page.headName.length > 0 ? page.headName : page.householdId)
        subtitle: qsTr("共%1次").arg(visits.count)
        onBackClicked: page.StackView.view.pop()
        Label {
            text: record.savedText
            color: Theme.primaryTextSoft
            font.pixelSize: Theme.fontSmall
            Layout.rightMargin: 8
        }
    }

    VisitListModel {
        id: visits
        store: LocalStore
        householdId: page.householdId
    }

    SurveyRecord {
        id: record
        store: LocalStore
        kind: "visit"
        householdId: page.householdId
        recordId: listView.currentIndex >= 0 ? visits.recordIdAt(listView.currentIndex) : ""
    }

    GridLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        columns: page.width >= 1000 ? 2 : 1
        columnSpacing: Theme.margin
        rowSpacing: Theme.spacing

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: page.width >= 1000
            Layout.preferredHeight: page.width >= 1000 ? -1 : page.height * 0.4
            Layout.preferredWidth: 2
            spacing: Theme.spacing

            Pane {
                Layout.fillWidth: true
                padding: 16
                background: Rectangle { radius: Theme.radius; color: Theme.surface; border.color: Theme.divider }
                GridLayout {
                    width: parent.width
                    columns: 3
                    columnSpacing: 10
                    LabeledField {
                        label: qsTr("走访类型")
                        Layout.fillWidth: true
                        AppComboBox {
                            id: typeBox
                            objectName: "newVisitType"
                            model: Schema.enumValues("visit", "type")
                            currentIndex: Math.max(0, model.indexOf("每月走访"))
                        }
                    }
                    LabeledField {
                        id: dateError
                        label: qsTr("日期")
                        Layout.fillWidth: true
                        Layout.minimumWidth: 150
                        AppTextField {
                            id: dateField
                            objectName: "newVisitDate"
                            text: Qt.formatDate(new Date(), "yyyy-MM-dd")
                            inputMethodHints: Qt.ImhPreferNumbers
                            hasError: dateError.error.length > 0
                        }
                    }
                    AppButton {
                        objectName: "addVisitButton"
                        text: qsTr("记一次走访")
                        highlighted: true
                        Layout.alignment: Qt.AlignBottom
                        onClicked: page.addVisit()
                    }
                }
            }

            Pane {
                Layout.fillWidth: true
                Layout.fillHeight: true
                padding: 0
                background: Rectangle { radius: Theme.radius; color: Theme.surface; border.color: Theme.divider }
                ListView {
                    id: listView
                    objectName: "visitList"
                    anchors.fill: parent
                    clip: true
                    model: visits
                    currentIndex: count > 0 ? 0 : -1
                    delegate: ItemDelegate {
                        required property int index
                        required property string type
                        required property string date
                        required property string visitorsText
                        required property string notes
                        width: listView.width
                        height: 84
                        highlighted: ListView.isCurrentItem
                        onClicked: listView.currentIndex = index
                        contentItem: ColumnLayout {
                            spacing: 2
                            Label {
                                text: date + "  " + type + (visitorsText.length > 0 ? "  · " + visitorsText : "")
                                font.pixelSize: Theme.fontBody
                                font.bold: true
                                color: Theme.text
                                elide: Text.ElideRight
                                Layout.fillWidth: true
                            }
                            Label {
                                text: notes.length > 0 ? notes : qsTr("（未记录发现）")
                                font.pixelSize: Theme.fontSmall
                                color: Theme.textSecondary
                                elide: Text.ElideRight
                                Layout.fillWidth: true
                            }
                        }
                    }
                    Label {
                        anchors.centerIn: parent
                        visible: listView.count === 0
                        text: qsTr("还没有走访记录。")
                        color: Theme.textSecondary
                        font.pixelSize: Theme.fontLarge
                    }
                }
            }
        }

        Flickable {
            id: editorFlick
            visible: record.exists
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 3
            contentHeight: editorSection.implicitHeight
            clip: true
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar { width: 10 }
            SurveySection {
                id: editorSection
                objectName: "visitEditor"
                width: editorFlick.width
                title: qsTr("%1 · %2").arg(record.revision >= 0 ? record.text("type") : "")
                                       .arg(record.revision >= 0 ? record.text("startedAt") : "")
                LabeledField {
                    label: qsTr("走访人员（多人用顿号分开）")
                    error: record.errors["visitors"] || ""
                    hint: record.savedPath === "visitors" ? record.savedText : ""
                    hintColor: Theme.success
                    Layout.fillWidth: true
                    Layout.columnSpan: editorSection.columns
                    AppTextField {
                        objectName: "visitorsField"
                        text: record.revision >= 0 ? record.namesText("visitors") : ""
                        placeholderText: qsTr("例如 张建国、李红")
                        onEditingFinished: record.commitNames("visitors", text)
                    }
                }
                SurveyChoiceField { record: record; path: "findings.incomeChange"; label: qsTr("收入变化") }
                SurveyYesNoField { record: record; path: "readBackConfirmed"; label: qsTr("已向农户读回确认") }
                SurveyNoteField {
                    objectName: "visitNotesField"
                    label: qsTr("走访发现")
                    placeholder: qsTr("例如 户主腰伤复发，近两月未能务工；已联系村医")
                    value: record.revision >= 0 ? record.text("findings.notes") : ""
                    error: record.errors["findings.notes"] || ""
                    saved: record.savedPath === "findings.notes"
                    savedText: record.savedText
                    Layout.columnSpan: editorSection.columns
                    onCommitted: (text) => record.commitText("findings.notes", text)
                }
                AppButton {
                    text: qsTr("删除这条记录")
                    textColor: Theme.error
                    onClicked: record.remove()
                }
            }
        }
    }
}
