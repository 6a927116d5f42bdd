import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Ruhu

// 今天: the landing page after login. The cadre's villages with their counts, the monitoring cases waiting
// for the village (a lead's 入户核实 deadline, returned ones; overdue first), the households due for
// the monthly visit (每月走访) and for 回头看, and what the server did with the cadre's edits, each with
// what to do. Every row opens its household; 我的村 still leads to the village list.
Page {
    id: page

    // YYYY-MM-DD the due lists are for; empty: today (tests and the screenshot tour pin it).
    property string today: ""
    readonly property bool narrow: width < 1000
    readonly property alias villages: villageSummary
    readonly property alias monthlyVisits: monthlyVisitModel
    readonly property alias lookBacks: lookBackModel
    readonly property alias outcomes: outcomeModel
    readonly property alias cases: caseModel

    signal villageChosen(string code, string name)
    signal householdChosen(string householdId, string regionCode, string villageName)
    signal caseChosen(string caseId, string householdId, string regionCode, string villageName)
    signal villagesRequested()
    signal settingsRequested()

    background: Rectangle { color: Theme.background }

    header: AppHeader {
        showBack: false
        title: qsTr("今天")
        subtitle: Session.displayName.length > 0 ? qsTr("%1（%2）").arg(Session.displayName).arg(Session.username)
                                                  : Session.username
        ToolButton {
            objectName: "villagesButton"
            text: qsTr("我的村")
            icon.source: "icons/home.svg"
            icon.color: Theme.primaryText
            font.pixelSize: Theme.fontBody
            Material.foreground: Theme.primaryText
            Layout.preferredHeight: 64
            onClicked: page.villagesRequested()
        }
        ToolButton {
            objectName: "settingsButton"
            text: qsTr("设置")
            icon.source: "icons/edit.svg"
            icon.color: Theme.primaryText
            font.pixelSize: Theme.fontBody
            Material.foreground: Theme.primaryText
            Layout.preferredHeight: 64
            onClicked: page.settingsRequested()
        }
    }

    VillageSummaryModel {
        id: villageSummary
        store: LocalStore
        today: page.today
    }
    DueHouseholdListModel {
        id: monthlyVisitModel
        store: LocalStore
        list: "monthlyVisit"
        today: page.today
    }
    DueHouseholdListModel {
        id: lookBackModel
        store: LocalStore
        list: "lookBack"
        today: page.today
    }
    CaseListModel {
        id: caseModel
        store: LocalStore
        today: page.today
    }
    SyncOutcomeListModel {
        id: outcomeModel
        store: LocalStore
    }

    Flickable {
        id: flick
        objectName: "todayFlick"
        anchors.fill: parent
        contentHeight: content.implicitHeight + 2 * Theme.margin
        clip: true
        ScrollIndicator.vertical: ScrollIndicator {}

        ColumnLayout {
            id: content
            x: Theme.margin
            y: Theme.margin
            width: flick.width - 2 * Theme.margin
            spacing: Theme.spacing

            // The day's numbers, one tile each.
            GridLayout {
                Layout.fillWidth: true
                columns: page.narrow ? 1 : 3
                columnSpacing: Theme.spacing
                rowSpacing: Theme.spacing
                Repeater {
                    model: [
                        { label: qsTr("本机户数"), value: villageSummary.totalHouseholds, tone: "neutral" },
                        { label: qsTr("本月待走访（监测对象）"), value: villageSummary.totalMonthlyVisitDue,
                          tone: villageSummary.totalMonthlyVisitDue > 0 ? "warning" : "success" },
                        { label: qsTr("待回头看"), value: villageSummary.totalLookBackDue,
                          tone: villageSummary.totalLookBackDue > 0 ? "warning" : "success" }
                    ]
                    delegate: Rectangle {
                        required property var modelData
                        Layout.fillWidth: true
                        implicitHeight: 104
                        radius: Theme.radius
                        color: modelData.tone === "warning" ? Theme.warningBackground
                             : modelData.tone === "success" ? Theme.successBackground : Theme.surface
                        border.color: Theme.divider
                        RowLayout {
                            anchors.fill: parent
                            anchors.margins: 20
                            spacing: 16
                            Label {
                                text: modelData.value
                                font.pixelSize: Theme.fontHero * 0.8
                                font.bold: true
                                color: modelData.tone === "warning" ? Theme.warning
                                     : modelData.tone === "success" ? Theme.success : Theme.primaryDark
                            }
                            Label {
                                Layout.fillWidth: true
                                text: modelData.label
                                wrapMode: Text.Wrap
                                font.pixelSize: Theme.fontLarge
                                color: Theme.text
                            }
                        }
                    }
                }
            }

            SectionTitle { text: qsTr("我的村") }
            GridLayout {
                objectName: "villageSummary"
                Layout.fillWidth: true
                columns: page.narrow ? 1 : 2
                columnSpacing: Theme.spacing
                rowSpacing: Theme.spacing
                Repeater {
                    model: villageSummary
                    delegate: ItemDelegate {
                        id: villageCard
                        required property string code
                        required property string name
                        required property int households
                        required property int monitored
                        required property int monthlyVisitDue
                        required property int lookBackDue
                        Layout.fillWidth: true
                        implicitHeight: 112
                        padding: 20
                        background: Rectangle {
                            radius: Theme.radius
                            color: villageCard.down ? Theme.neutralChip : Theme.surface
                            border.color: Theme.divider
                        }
                        contentItem: ColumnLayout {
                            spacing: 6
                            RowLayout {
                                Label {
                                    Layout.fillWidth: true
                                    text: villageCard.name
                                    font.pixelSize: Theme.fontTitle
                                    font.bold: true
                                    color: Theme.text
                                }
                                AppIcon { name: "chevron_right"; size: 32; color: Theme.textSecondary }
                            }
                            Label {
                                Layout.fillWidth: true
                                wrapMode: Text.Wrap
                                text: qsTr("%1 户 · 监测对象 %2 户 · 本月待走访 %3 户 · 待回头看 %4 户")
                                      .arg(villageCard.households).arg(villageCard.monitored)
                                      .arg(villageCard.monthlyVisitDue).arg(villageCard.lookBackDue)
                                font.pixelSize: Theme.fontBody
                                color: Theme.textSecondary
                            }
                        }
                        onClicked: page.villageChosen(code, name)
                    }
                }
            }

            TodayListCard {
                objectName: "caseCard"
                Layout.fillWidth: true
                title: qsTr("待村里办理的监测案件")
                hint: qsTr("线索须在 5 个工作日内入户核实；被退回的案件补正后重新提交")
                emptyText: qsTr("没有等村里办理的案件")
                countFormat: qsTr("%1 件")
                rowHeight: 104
                listModel: caseModel
                rowDelegate: CaseRowDelegate {
                    onClicked: page.caseChosen(caseId, householdId, regionCode, villageName)
                }
            }

            GridLayout {
                Layout.fillWidth: true
                columns: page.narrow ? 1 : 2
                columnSpacing: Theme.spacing
                rowSpacing: Theme.spacing

                TodayListCard {
                    objectName: "monthlyVisitCard"
                    Layout.fillWidth: true
                    Layout.alignment: Qt.AlignTop
                    title: qsTr("本月待走访（每月走访）")
                    hint: qsTr("监测对象每月至少走访一次，走访后在该户的走访记录里登记")
                    emptyText: qsTr("本月的每月走访都已完成")
                    listModel: monthlyVisitModel
                    onHouseholdChosen: (id, code, village) => page.householdChosen(id, code, village)
                }
                TodayListCard {
                    objectName: "lookBackCard"
                    Layout.fillWidth: true
                    Layout.alignment: Qt.AlignTop
                    title: qsTr("待回头看")
                    hint: qsTr("近 12 个月内风险已消除、之后还没有回头看走访的户")
                    emptyText: qsTr("没有需要回头看的户")
                    listModel: lookBackModel
                    onHouseholdChosen: (id, code, village) => page.householdChosen(id, code, village)
                }
            }

            SectionTitle { text: qsTr("同步结果") }
            Rectangle {
                Layout.fillWidth: true
                implicitHeight: outcomeColumn.implicitHeight + 2
                radius: Theme.radius
                color: Theme.surface
                border.color: Theme.divider
                clip: true
                ColumnLayout {
                    id: outcomeColumn
                    x: 1
                    y: 1
                    width: parent.width - 2
                    spacing: 0
                    Label {
                        visible: outcomeModel.count === 0
                        Layout.fillWidth: true
                        Layout.margins: Theme.margin
                        text: qsTr("没有需要处理的同步结果")
                        color: Theme.textSecondary
                        font.pixelSize: Theme.fontBody
                    }
                    Repeater {
                        objectName: "outcomeList"
                        model: outcomeModel
                        delegate: SyncOutcomeDelegate {
                            Layout.fillWidth: true
                            onClicked: if (householdId.length > 0)
                                           page.householdChosen(householdId, regionCode, villageName)
                        }
                    }
                }
            }
        }
    }

    component SectionTitle: Label {
        Layout.topMargin: 8
        font.pixelSize: Theme.fontTitle
        font.bold: true
        color: Theme.text
    }
}
