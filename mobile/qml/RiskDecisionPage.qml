import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ruhu

// 风险研判: on the left the rule engine's suggestion (K/X with reasons in plain Chinese), on the right the
// cadre's decision — 致贫/返贫风险 (1–5), 研判结论, 说明 — each saved as it is chosen or left. With a 2–5类
// exclusion, including the household needs the written 专门说明 next to it; without it the conclusion is
// not saved.
Page {
    id: page

    required property string householdId
    property string headName
    readonly property alias decision: decision

    background: Rectangle { color: Theme.background }

    header: AppHeader {
        title: qsTr("风险研判 · %1").arg(page.headName.length > 0 ? page.headName : page.householdId)
        subtitle: qsTr("规则引擎给出建议，结论由村组研判确定")
        onBackClicked: page.StackView.view.pop()
        Label {
            objectName: "decisionSavedLabel"
            text: decision.savedText
            color: Theme.primaryTextSoft
            font.pixelSize: Theme.fontSmall
            Layout.rightMargin: 12
        }
    }

    RiskDecisionEditor {
        id: decision
        store: LocalStore
        householdId: page.householdId
    }

    GridLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        columns: page.width >= 1000 ? 2 : 1
        columnSpacing: Theme.margin
        rowSpacing: Theme.spacing

        Flickable {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 1
            contentHeight: enginePanel.implicitHeight
            clip: true
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar { width: 10 }
            AssessmentPanel {
                id: enginePanel
                objectName: "decisionAssessment"
                width: parent.width
                model: decision.assessment
            }
        }

        Flickable {
            id: decisionFlick
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 1
            contentHeight: decisionPane.implicitHeight
            clip: true
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar { width: 10 }

            Pane {
                id: decisionPane
                width: decisionFlick.width
                padding: Theme.margin
                background: Rectangle { radius: Theme.radius; color: Theme.surface; border.color: Theme.divider }

                ColumnLayout {
                    width: decisionPane.availableWidth
                    spacing: 14

                    LabeledField {
                        label: qsTr("致贫/返贫风险（选1–5项）")
                        error: decision.riskTypesError
                        Layout.fillWidth: true
                        Flow {
                            objectName: "riskTypeChoices"
                            spacing: 8
                            Repeater {
                                model: decision.riskTypeChoices
                                AppButton {
                                    required property string modelData
                                    objectName: "riskType_" + modelData
                                    text: modelData
                                    leftPadding: 14
                                    rightPadding: 14
                                    highlighted: decision.riskTypes.indexOf(modelData) >= 0
                                    onClicked: decision.toggleRiskType(modelData)
                                }
                            }
                        }
                    }

                    LabeledField {
                        label: qsTr("研判结论")
                        error: decision.resultError
                        hint: decision.result.length > 0 && decision.result !== decision.storedResult
                              ? qsTr("尚未保存：请先填写下方的专门说明") : ""
                        hintColor: Theme.warning
                        Layout.fillWidth: true
                        Flow {
                            objectName: "resultChoices"
                            spacing: 8
                            Repeater {
                                model: decision.resultChoices
                                AppButton {
                                    required property string modelData
                                    objectName: "result_" + modelData
                                    text: modelData
                                    highlighted: decision.result === modelData
                                    onClicked: decision.setResult(modelData)
                                }
                            }
                        }
                    }

                    SurveyNoteField {
                        id: justificationField
                        objectName: "justificationField"
                        visible: decision.softExclusions.length > 0
                        label: qsTr("2–5类排除情形例外的专门说明（%1）").arg(decision.softExclusions.join("、"))
                        placeholder: qsTr("写明家庭重大变故等例外理由，供村级评议和乡镇审核")
                        value: decision.justification
                        error: decision.justificationError
                        onCommitted: (text) => decision.commitJustification(text)
                    }

                    SurveyNoteField {
                        id: noteField
                        objectName: "decisionNoteField"
                        label: qsTr("研判说明")
                        placeholder: qsTr("例如 户主患大病，医疗支出大，建议纳入")
                        value: decision.note
                        onCommitted: (text) => decision.commitNote(text)
                    }
                }
            }
        }
    }
}
