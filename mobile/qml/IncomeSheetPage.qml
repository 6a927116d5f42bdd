import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ruhu

// 收入核算 (附件2): the line tables and fixed items on the left, typed in 元; on the right the totals
// A, B, C, n, D, E, F, D1 and the rule engine's suggestion, recomputed on every edit. Each field saves
// offline as it is left (IncomeSheetEditor.commit); adding or deleting a line saves at once.
Page {
    id: page

    required property string householdId
    property string headName
    readonly property alias editor: editor
    readonly property alias sheetFlick: sheetFlick

    signal saved()

    function save() {
        if (editor.save())
            page.saved();
    }

    background: Rectangle { color: Theme.background }

    header: AppHeader {
        title: qsTr("收入核算 · %1").arg(page.headName.length > 0 ? page.headName : page.householdId)
        subtitle: editor.periodEnd.length > 0
                  ? qsTr("核算期 %1至%2（金额单位：元）").arg(editor.periodStart).arg(editor.periodEnd)
                  : qsTr("农民家庭年人均纯收入核算表（金额单位：元）")
        onBackClicked: { editor.commit(); page.StackView.view.pop(); }
        Label {
            objectName: "incomeSavedLabel"
            text: editor.dirty ? qsTr("正在输入…") : editor.savedText.length > 0
                  ? editor.savedText + qsTr("，待同步") : qsTr("自动保存")
            color: Theme.primaryTextSoft
            font.pixelSize: Theme.fontSmall
            Layout.rightMargin: 12
        }
    }

    IncomeSheetEditor {
        id: editor
        store: LocalStore
        householdId: page.householdId
    }

    component MoneyField: AppTextField {
        inputMethodHints: Qt.ImhFormattedNumbersOnly
        horizontalAlignment: TextInput.AlignRight
        font.pixelSize: Theme.fontSmall
        implicitHeight: 48
    }

    GridLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        columns: page.width >= 1000 ? 2 : 1 // portrait: the totals go under the sheet
        columnSpacing: Theme.margin
        rowSpacing: Theme.spacing

        Flickable {
            id: sheetFlick
            objectName: "incomeSheetFlick"
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentHeight: sheetColumn.implicitHeight
            clip: true
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar { width: 12 }

            ColumnLayout {
                id: sheetColumn
                width: sheetFlick.width - 16
                spacing: Theme.spacing

                Rectangle {
                    objectName: "incomeError"
                    visible: editor.errorMessage.length > 0
                    Layout.fillWidth: true
                    implicitHeight: errorLabel.implicitHeight + 20
                    radius: Theme.radius
                    color: Theme.errorBackground
                    Label {
                        id: errorLabel
                        anchors.fill: parent
                        anchors.margins: 10
                        text: editor.errorMessage
                        color: Theme.error
                        wrapMode: Text.Wrap
                    }
                }

                // 一–四、七: line tables
                Repeater {
                    model: editor.lineSections()
                    delegate: Pane {
                        id: sectionPane
                        required property var modelData
                        readonly property string sectionKey: modelData.key
                        readonly property var columns: modelData.columns
                        readonly property real columnWidth: (width - 2 * padding - 64) / columns.length - 6
                        Layout.fillWidth: true
                        padding: 16
                        background: Rectangle { radius: Theme.radius; color: Theme.surface; border.color: Theme.divider }

                        ColumnLayout {
                            width: parent.width
                            spacing: 6
                            RowLayout {
                                Layout.fillWidth: true
                                Label {
                                    text: sectionPane.modelData.title
                                    font.pixelSize: Theme.fontLarge
                                    font.bold: true
                                    color: Theme.text
                                    Layout.fillWidth: true
                                }
                                AppButton {
                                    objectName: "addLine_" + sectionPane.sectionKey
                                    text: qsTr("添加一行")
                                    icon.source: "icons/add.svg"
                                    font.pixelSize: Theme.fontSmall
                                    Layout.preferredHeight: 48
                                    onClicked: editor.addLine(sectionPane.sectionKey)
                                }
                            }
                            Row {
                                visible: lineRepeater.count > 0
                                spacing: 6
                                Repeater {
                                    model: sectionPane.columns
                                    Label {
                                        required property var modelData
                                        width: sectionPane.columnWidth
                                        text: modelData.label
                                        font.pixelSize: 15
                                        color: Theme.textSecondary
                                        elide: Text.ElideRight
                                    }
                                }
                            }
                            Repeater {
                                id: lineRepeater
                                // re-read only when lines are added, removed or reloaded, not while typing
                                model: editor.revision >= 0 ? editor.lines(sectionPane.sectionKey) : []
                                delegate: Row {
                                    id: lineRow
                                    required property var modelData
                                    required property int index
                                    spacing: 6
                                    Repeater {
                                        model: sectionPane.columns
                                        MoneyField {
                                            required property var modelData
                                            width: sectionPane.columnWidth
                                            text: lineRow.modelData[modelData.key]
                                            horizontalAlignment: modelData.type === "text" ? TextInput.AlignLeft
                                                                                           : TextInput.AlignRight
                                            inputMethodHints: modelData.type === "text" ? Qt.ImhNone
                                                              : modelData.type === "int" ? Qt.ImhDigitsOnly
                                                                                         : Qt.ImhFormattedNumbersOnly
                                            onTextEdited: hasError = !editor.setLineValue(sectionPane.sectionKey,
                                                                                          lineRow.index,
                                                                                          modelData.key, text)
                                            onEditingFinished: editor.commit()
                                        }
                                    }
                                    AppButton {
                                        objectName: "removeLine_" + sectionPane.sectionKey + "_" + lineRow.index
                                        text: "×"
                                        width: 52
                                        height: 48
                                        leftPadding: 0
                                        rightPadding: 0
                                        font.pixelSize: Theme.fontLarge
                                        textColor: Theme.error
                                        onClicked: editor.removeLine(sectionPane.sectionKey, lineRow.index)
                                    }
                                }
                            }
                            Label {
                                visible: lineRepeater.count === 0
                                text: qsTr("无")
                                color: Theme.textSecondary
                                font.pixelSize: Theme.fontSmall
                            }
                        }
                    }
                }

                // 五、六、E、八: fixed items, in two columns
                Repeater {
                    model: editor.itemGroups()
                    delegate: Pane {
                        id: groupPane
                        required property var modelData
                        Layout.fillWidth: true
                        padding: 16
                        background: Rectangle { radius: Theme.radius; color: Theme.surface; border.color: Theme.divider }
                        ColumnLayout {
                            width: parent.width
                            spacing: 6
                            Label {
                                text: groupPane.modelData.title
                                font.pixelSize: Theme.fontLarge
                                font.bold: true
                                color: Theme.text
                            }
                            GridLayout {
                                Layout.fillWidth: true
                                columns: 4
                                columnSpacing: 10
                                rowSpacing: 6
                                Repeater {
                                    model: groupPane.modelData.items
                                    delegate: Label {
                                        required property var modelData
                                        required property int index
                                        Layout.row: Math.floor(index / 2)
                                        Layout.column: (index % 2) * 2
                                        Layout.fillWidth: true
                                        Layout.preferredWidth: 200
                                        text: modelData.label
                                        font.pixelSize: Theme.fontSmall
                                        color: Theme.text
                                        wrapMode: Text.Wrap
                                    }
                                }
                                Repeater {
                                    model: groupPane.modelData.items
                                    delegate: MoneyField {
                                        required property var modelData
                                        required property int index
                                        Layout.row: Math.floor(index / 2)
                                        Layout.column: (index % 2) * 2 + 1
                                        Layout.preferredWidth: 150
                                        // re-read when the sheet is reloaded, not while typing
                                        text: editor.revision >= 0 ? editor.itemValue(groupPane.modelData.key,
                                                                                      modelData.key) : ""

                                        objectName: "item_" + groupPane.modelData.key + "_" + modelData.key
                                        // 上期人均纯收入 comes from the previous period's sheet when there is one
                                        enabled: !(modelData.key === "priorD" && editor.assessment.hasPriorSheet)
                                        onTextEdited: hasError = !editor.setItemValue(groupPane.modelData.key,
                                                                                      modelData.key, text)
                                        onEditingFinished: editor.commit()
                                    }
                                }
                            }
                        }
                    }
                }
                // 核算期 (the 12 months before collection) and the previous period's sheet, next to 上期收入
                Pane {
                    id: periodPane
                    objectName: "periodPane"
                    Layout.fillWidth: true
                    padding: 16
                    background: Rectangle { radius: Theme.radius; color: Theme.surface; border.color: Theme.divider }
                    ColumnLayout {
                        width: parent.width
                        spacing: 8
                        Label {
                            text: qsTr("核算期（采集日前12个月）")
                            font.pixelSize: Theme.fontLarge
                            font.bold: true
                            color: Theme.text
                        }
                        Flow {
                            Layout.fillWidth: true
                            spacing: 10
                            AppTextField {
                                id: periodStartField
                                objectName: "periodStartField"
                                width: 190
                                text: editor.periodStart
                                placeholderText: qsTr("开始 2023-09-01")
                                inputMethodHints: Qt.ImhPreferNumbers
                                onEditingFinished: if (text.length > 0 && periodEndField.text.length > 0)
                                                       editor.setPeriod(text, periodEndField.text)
                            }
                            Label { text: qsTr("至"); height: periodStartField.height; verticalAlignment: Text.AlignVCenter }
                            AppTextField {
                                id: periodEndField
                                objectName: "periodEndField"
                                width: 190
                                text: editor.periodEnd
                                placeholderText: qsTr("结束 2024-08-31")
                                inputMethodHints: Qt.ImhPreferNumbers
                                onEditingFinished: if (text.length > 0 && periodStartField.text.length > 0)
                                                       editor.setPeriod(periodStartField.text, text)
                            }
                            AppButton {
                                objectName: "periodDefaultButton"
                                text: qsTr("设为采集日前12个月")
                                onClicked: editor.usePeriodBeforeCollection()
                            }
                        }
                        Repeater {
                            model: editor.periodWarnings
                            Label {
                                required property string modelData
                                text: "• " + modelData
                                color: Theme.warning
                                font.pixelSize: Theme.fontSmall
                                wrapMode: Text.Wrap
                                Layout.fillWidth: true
                            }
                        }
                        Label {
                            objectName: "priorIncomeLabel"
                            text: editor.assessment.hasPriorSheet ? editor.assessment.priorIncome
                                  : qsTr("没有上期核算表：上期人均纯收入可在“理赔收入与上期收入”中手填")
                            color: editor.assessment.hasPriorSheet ? Theme.text : Theme.textSecondary
                            font.pixelSize: Theme.fontSmall
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                        }
                        AppButton {
                            objectName: "startNewPeriodButton"
                            text: qsTr("开始新一期核算（本表留作上期）")
                            enabled: editor.periodEnd.length > 0
                            onClicked: newPeriodDialog.open()
                        }
                    }
                }
            }
        }

        // 八、汇总 and the suggestion
        ColumnLayout {
            Layout.preferredWidth: page.width >= 1000 ? 380 : -1
            Layout.maximumWidth: page.width >= 1000 ? 380 : Number.POSITIVE_INFINITY
            Layout.fillWidth: page.width < 1000
            Layout.fillHeight: page.width >= 1000
            Layout.preferredHeight: page.width >= 1000 ? -1 : page.height * 0.38
            spacing: Theme.spacing

            Pane {
                objectName: "incomeTotals"
                Layout.fillWidth: true
                padding: 16
                background: Rectangle { radius: Theme.radius; color: Theme.surface; border.color: Theme.divider }
                GridLayout {
                    width: parent.width
                    columns: 2
                    rowSpacing: 4
                    columnSpacing: 8
                    Repeater {
                        model: [
                            ["A", qsTr("A 家庭总收入")], ["B", qsTr("B 家庭经营费用支出")],
                            ["C", qsTr("C 家庭纯收入")], ["n", qsTr("n 家庭人口（计入）")],
                            ["D", qsTr("D 人均纯收入")], ["E", qsTr("E 理赔收入")],
                            ["F", qsTr("F 刚性支出")], ["D1", qsTr("D1 扣除刚性支出后人均")]
                        ]
                        delegate: RowLayout {
                            required property var modelData
                            Layout.columnSpan: 2
                            Layout.fillWidth: true
                            Label {
                                text: modelData[1]
                                font.pixelSize: Theme.fontSmall
                                color: Theme.textSecondary
                                Layout.fillWidth: true
                            }
                            Label {
                                objectName: "total_" + modelData[0]
                                text: {
                                    const v = editor.assessment.totals[modelData[0]];
                                    return v === undefined ? "—" : modelData[0] === "n" ? qsTr("%1 人").arg(v)
                                                                                        : qsTr("%1 元").arg(v);
                                }
                                font.pixelSize: Theme.fontBody
                                font.bold: modelData[0] === "D" || modelData[0] === "D1"
                                color: Theme.text
                            }
                        }
                    }
                }
            }
            Pane {
                objectName: "incomeWarnings"
                visible: editor.warnings.length > 0
                Layout.fillWidth: true
                padding: 12
                background: Rectangle { radius: Theme.radius; color: Theme.warningBackground }
                ColumnLayout {
                    width: parent.width
                    spacing: 4
                    Repeater {
                        model: editor.warnings
                        Label {
                            required property string modelData
                            Layout.fillWidth: true
                            text: "⚠ " + modelData
                            color: Theme.warning
                            font.pixelSize: Theme.fontSmall
                            wrapMode: Text.Wrap
                        }
                    }
                }
            }
            Flickable {
                id: assessmentFlick
                Layout.fillWidth: true
                Layout.fillHeight: true
                contentHeight: assessmentPanel.implicitHeight
                clip: true
                boundsBehavior: Flickable.StopAtBounds
                ScrollBar.vertical: ScrollBar { width: 10 }
                AssessmentPanel {
                    id: assessmentPanel
                    objectName: "incomeAssessment"
                    width: assessmentFlick.width
                    model: editor.assessment
                }
            }
        }
    }

    AppDialog {
        id: newPeriodDialog
        objectName: "newPeriodDialog"
        width: Math.min(640, page.width - 2 * Theme.margin)
        title: qsTr("开始新一期核算")
        Label {
            width: parent.width
            wrapMode: Text.Wrap
            font.pixelSize: Theme.fontBody
            text: qsTr("本表（%1至%2）将留作上期，其人均纯收入用于收入下降的判断；新一期为采集日前12个月，各项收入清空，生产性固定资产保留。")
                  .arg(editor.periodStart).arg(editor.periodEnd)
        }
        footer: DialogButtonBox {
            background: Item {}
            padding: 12
            Button {
                text: qsTr("取消")
                flat: true
                font.pixelSize: Theme.fontBody
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            }
            Button {
                objectName: "newPeriodOkButton"
                text: qsTr("开始新一期")
                flat: true
                font.pixelSize: Theme.fontBody
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            }
        }
        onAccepted: editor.startNewPeriod()
    }
}
