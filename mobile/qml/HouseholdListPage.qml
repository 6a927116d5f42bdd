import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Ruhu

// The households of one village from the household index: search by 户主姓名, 村民小组 or the last digits
// of the head's 身份证号; filter by 户类型, 监测对象类别, 流程环节, 风险类型; four sort orders. Nothing
// sensitive is listed (the 身份证号 only masked). Smooth with 10,000 households: every keystroke is one
// indexed SQL query, no record is decrypted.
Page {
    id: page

    required property string regionCode
    required property string villageName
    property alias searchText: searchField.text
    readonly property alias model: households
    readonly property bool narrow: width < 1000
    readonly property alias householdTypeFilter: typeFilter
    readonly property alias monitoringFilter: monitoringFilter
    readonly property alias stageFilter: stageFilter
    readonly property alias riskFilter: riskFilter
    readonly property alias sortCombo: sortCombo

    signal householdChosen(string householdId)
    signal newHouseholdRequested()

    background: Rectangle { color: Theme.background }

    header: AppHeader {
        title: page.villageName
        subtitle: qsTr("共 %1 户").arg(totalCounter.count)
        onBackClicked: page.StackView.view.pop()
        AppButton {
            text: qsTr("新增户")
            icon.source: "icons/add.svg"
            font.pixelSize: Theme.fontBody
            fillColor: Theme.primaryText
            textColor: Theme.primary
            outlined: false
            Layout.preferredHeight: 60
            onClicked: page.newHouseholdRequested()
        }
    }

    HouseholdListModel {
        id: households
        store: LocalStore
        regionCode: page.regionCode
        nameFilter: searchField.text
        householdType: typeFilter.value
        monitoringCategory: monitoringFilter.value
        workflowStage: stageFilter.value
        riskType: riskFilter.value
        sortOrder: sortCombo.currentIndex >= 0 ? page.sortOrders[sortCombo.currentIndex] : "group"
    }
    readonly property var sortOrders: ["group", "name", "risk", "lastVisit"]
    HouseholdListModel { // the whole village, for the count in the header
        id: totalCounter
        store: LocalStore
        regionCode: page.regionCode
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing

            AppTextField {
                id: searchField
                objectName: "searchField"
                Layout.preferredWidth: page.narrow ? -1 : 480
                Layout.fillWidth: page.narrow
                leftPadding: 48
                placeholderText: qsTr("户主姓名、村民小组或身份证号后几位")
                font.pixelSize: Theme.fontBody
                inputMethodHints: Qt.ImhNoPredictiveText
                AppIcon {
                    anchors.left: parent.left
                    anchors.leftMargin: 8
                    anchors.verticalCenter: parent.verticalCenter
                    name: "search"
                    size: 28
                    color: Theme.textSecondary
                }
            }
            Button {
                visible: searchField.text.length > 0
                text: qsTr("清除")
                flat: true
                font.pixelSize: Theme.fontBody
                Layout.preferredHeight: 56
                Layout.minimumWidth: 64
                onClicked: searchField.clear()
            }
            Item { Layout.fillWidth: true; visible: !page.narrow }
            Label {
                visible: searchField.text.length > 0 || households.filtered
                text: qsTr("找到 %1 户").arg(households.count)
                color: Theme.textSecondary
                font.pixelSize: Theme.fontBody
            }
        }

        // Filters and the sort order; they wrap onto two lines in portrait.
        Flow {
            id: filterRow
            objectName: "filterRow"
            Layout.fillWidth: true
            spacing: 12
            readonly property int comboWidth: page.narrow ? (width - 12) / 2 : 210
            FilterCombo {
                id: typeFilter
                objectName: "householdTypeFilter"
                width: filterRow.comboWidth
                allLabel: qsTr("全部户类型")
                options: HouseholdFilterOptions.householdTypes
            }
            FilterCombo {
                id: monitoringFilter
                objectName: "monitoringFilter"
                width: filterRow.comboWidth
                allLabel: qsTr("全部监测类别")
                options: HouseholdFilterOptions.monitoringCategories
            }
            FilterCombo {
                id: stageFilter
                objectName: "stageFilter"
                width: filterRow.comboWidth
                allLabel: qsTr("全部流程环节")
                options: HouseholdFilterOptions.workflowStages
            }
            FilterCombo {
                id: riskFilter
                objectName: "riskFilter"
                width: filterRow.comboWidth
                allLabel: qsTr("全部风险类型")
                options: HouseholdFilterOptions.riskTypes
            }
            AppComboBox {
                id: sortCombo
                objectName: "sortCombo"
                width: filterRow.comboWidth
                model: [qsTr("按村民小组排序"), qsTr("按户主姓名排序"), qsTr("按风险排序"), qsTr("按上次走访排序")]
            }
            AppButton {
                objectName: "clearFiltersButton"
                visible: households.filtered
                text: qsTr("清除筛选")
                onClicked: {
                    typeFilter.currentIndex = 0;
                    monitoringFilter.currentIndex = 0;
                    stageFilter.currentIndex = 0;
                    riskFilter.currentIndex = 0;
                }
            }
        }

        // The list as a table: one card, a header row, then one row per household.
        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.divider
            clip: true

            ColumnLayout {
                anchors.fill: parent
                anchors.margins: 1
                spacing: 0

                HouseholdDelegate {
                    isHeader: true
                    Layout.fillWidth: true
                    headName: qsTr("户主")
                    group: qsTr("村民小组")
                    householdType: qsTr("户类型")
                    memberCount: -1
                    householdId: ""
                    onServer: true
                    monitoringCategory: qsTr("监测类别")
                    maskedIdNumber: qsTr("户主身份证号")
                    riskTypes: ""
                    workflowStage: ""
                    narrow: page.narrow
                }

                ListView {
                    id: list
                    objectName: "householdList"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    reuseItems: true // a keystroke resets the model: reuse the rows instead of rebuilding them
                    model: households
                    delegate: HouseholdDelegate {
                        width: list.width
                        narrow: page.narrow
                        onClicked: page.householdChosen(householdId)
                    }
                    ScrollBar.vertical: ScrollBar { width: 12 }

                    Label {
                        anchors.centerIn: parent
                        visible: list.count === 0
                        horizontalAlignment: Text.AlignHCenter
                        text: searchField.text.length > 0
                              ? qsTr("没有与“%1”相符的户").arg(searchField.text)
                              : households.filtered ? qsTr("没有符合筛选条件的户")
                                                    : qsTr("这个村在本机还没有户的数据")
                        color: Theme.textSecondary
                        font.pixelSize: Theme.fontLarge
                    }
                }
            }
        }
    }
}
