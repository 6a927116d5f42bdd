import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ruhu

// 监测案件: one case as the village works it — its state, source and lead, what is due, the steps the
// cadre may propose with what each still misses (the server's own check), and the timeline. Proposing a
// step saves the case with the target state and syncs; the server decides, and its refusal shows here.
Page {
    id: page

    property string caseId
    property string villageName
    // YYYY-MM-DD; empty: today (tests and the screenshot tour pin it).
    property string today: ""
    readonly property alias detail: detail
    readonly property bool narrow: width < 1000

    signal householdRequested(string householdId, string regionCode, string villageName)

    background: Rectangle { color: Theme.background }

    header: AppHeader {
        title: qsTr("监测案件")
        subtitle: detail.exists ? qsTr("%1 · %2 · %3").arg(detail.headName).arg(page.villageName).arg(detail.stateLabel)
                                : qsTr("本机没有这个案件")
        onBackClicked: page.StackView.view.pop()
    }

    CaseDetail {
        id: detail
        store: LocalStore
        caseId: page.caseId
        today: page.today
    }

    Flickable {
        id: flick
        anchors.fill: parent
        contentHeight: content.implicitHeight + 2 * Theme.margin
        clip: true
        ScrollIndicator.vertical: ScrollIndicator {}

        GridLayout {
            id: content
            x: Theme.margin
            y: Theme.margin
            width: flick.width - 2 * Theme.margin
            columns: page.narrow ? 1 : 2
            columnSpacing: Theme.spacing
            rowSpacing: Theme.spacing

            ColumnLayout {
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
                Layout.preferredWidth: 1
                spacing: Theme.spacing

                Card {
                    title: qsTr("案件")
                    Label {
                        objectName: "caseState"
                        Layout.fillWidth: true
                        text: qsTr("状态：%1").arg(detail.stateLabel)
                        font.pixelSize: Theme.fontLarge
                        font.bold: true
                        color: Theme.text
                    }
                    Label {
                        Layout.fillWidth: true
                        visible: detail.source.length > 0
                        text: qsTr("线索来源：%1").arg(detail.source)
                        font.pixelSize: Theme.fontBody
                        color: Theme.text
                    }
                    Repeater {
                        model: detail.lead
                        delegate: Label {
                            required property var modelData
                            Layout.fillWidth: true
                            wrapMode: Text.Wrap
                            text: qsTr("%1：%2").arg(modelData.label).arg(modelData.value)
                            font.pixelSize: Theme.fontBody
                            color: Theme.text
                        }
                    }
                    Repeater {
                        model: detail.attention
                        delegate: Rectangle {
                            required property var modelData
                            Layout.fillWidth: true
                            implicitHeight: attentionColumn.implicitHeight + 24
                            radius: Theme.radius
                            color: modelData.overdue ? Theme.errorBackground : Theme.warningBackground
                            ColumnLayout {
                                id: attentionColumn
                                x: 12
                                y: 12
                                width: parent.width - 24
                                spacing: 2
                                Label {
                                    Layout.fillWidth: true
                                    wrapMode: Text.Wrap
                                    text: modelData.message
                                    font.pixelSize: Theme.fontBody
                                    color: Theme.text
                                }
                                Label {
                                    objectName: "attentionDue"
                                    visible: modelData.dueText.length > 0
                                    text: modelData.dueText
                                    font.pixelSize: Theme.fontBody
                                    font.bold: true
                                    color: modelData.overdue ? Theme.error : Theme.warning
                                }
                            }
                        }
                    }
                    AppButton {
                        objectName: "openHouseholdButton"
                        text: qsTr("打开该户")
                        onClicked: page.householdRequested(detail.householdId, detail.regionCode, page.villageName)
                    }
                }

                Card {
                    title: qsTr("流转记录")
                    Label {
                        visible: detail.events.length === 0
                        text: qsTr("还没有流转记录")
                        font.pixelSize: Theme.fontBody
                        color: Theme.textSecondary
                    }
                    Repeater {
                        objectName: "eventList"
                        model: detail.events
                        delegate: ColumnLayout {
                            required property var modelData
                            Layout.fillWidth: true
                            spacing: 0
                            Label {
                                Layout.fillWidth: true
                                wrapMode: Text.Wrap
                                text: modelData.fromLabel.length > 0 && modelData.fromLabel !== modelData.toLabel
                                      ? qsTr("%1 → %2").arg(modelData.fromLabel).arg(modelData.toLabel)
                                      : modelData.toLabel
                                font.pixelSize: Theme.fontBody
                                font.bold: true
                                color: Theme.text
                            }
                            Label {
                                Layout.fillWidth: true
                                wrapMode: Text.Wrap
                                text: [modelData.at, modelData.by, modelData.note].filter(s => s.length > 0).join(" · ")
                                font.pixelSize: Theme.fontSmall
                                color: Theme.textSecondary
                            }
                        }
                    }
                }
            }

            Card {
                Layout.alignment: Qt.AlignTop
                Layout.preferredWidth: 1
                title: qsTr("村里可以办理的下一步")
                Label {
                    objectName: "rejectionLabel"
                    visible: detail.rejection.length > 0
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    text: qsTr("服务器未同意上次提交：%1").arg(detail.rejection)
                    font.pixelSize: Theme.fontBody
                    color: Theme.error
                }
                Label {
                    visible: detail.steps.length === 0
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    text: qsTr("这一步由乡镇或县里办理，结果同步后显示")
                    font.pixelSize: Theme.fontBody
                    color: Theme.textSecondary
                }
                AppTextField {
                    id: noteField
                    objectName: "stepNoteField"
                    visible: detail.steps.length > 0
                    Layout.fillWidth: true
                    placeholderText: qsTr("办理说明（可不填）")
                }
                Repeater {
                    objectName: "stepList"
                    model: detail.steps
                    delegate: Rectangle {
                        id: stepCard
                        required property var modelData
                        Layout.fillWidth: true
                        implicitHeight: stepColumn.implicitHeight + 24
                        radius: Theme.radius
                        color: modelData.ready ? Theme.successBackground : Theme.surface
                        border.color: Theme.divider
                        ColumnLayout {
                            id: stepColumn
                            x: 12
                            y: 12
                            width: parent.width - 24
                            spacing: 4
                            RowLayout {
                                Layout.fillWidth: true
                                Label {
                                    Layout.fillWidth: true
                                    wrapMode: Text.Wrap
                                    text: stepCard.modelData.label === stepCard.modelData.toLabel
                                          ? stepCard.modelData.label
                                          : qsTr("%1（→ %2）").arg(stepCard.modelData.label).arg(stepCard.modelData.toLabel)
                                    font.pixelSize: Theme.fontLarge
                                    font.bold: true
                                    color: Theme.text
                                }
                                AppButton {
                                    objectName: "propose_" + stepCard.modelData.to
                                    text: qsTr("提交")
                                    highlighted: stepCard.modelData.ready
                                    enabled: stepCard.modelData.ready
                                    onClicked: {
                                        if (detail.propose(stepCard.modelData.to, noteField.text)) {
                                            noteField.text = "";
                                            SyncStatus.sync();
                                        }
                                    }
                                }
                            }
                            Repeater {
                                model: stepCard.modelData.missing
                                delegate: Label {
                                    required property string modelData
                                    objectName: "missingItem"
                                    Layout.fillWidth: true
                                    wrapMode: Text.Wrap
                                    text: "· " + modelData
                                    font.pixelSize: Theme.fontSmall
                                    color: Theme.error
                                }
                            }
                        }
                    }
                }
                Label {
                    visible: detail.error.length > 0
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    text: detail.error
                    font.pixelSize: Theme.fontBody
                    color: Theme.error
                }
            }
        }
    }

    component Card: Rectangle {
        id: card
        default property alias items: cardColumn.data
        property string title
        Layout.fillWidth: true
        implicitHeight: cardColumn.implicitHeight + 40
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.divider
        ColumnLayout {
            id: cardColumn
            x: 20
            y: 20
            width: parent.width - 40
            spacing: 8
            Label {
                Layout.fillWidth: true
                text: card.title
                font.pixelSize: Theme.fontTitle
                font.bold: true
                color: Theme.text
            }
        }
    }
}
