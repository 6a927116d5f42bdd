import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Ruhu

// The households of one village, searchable by 户主姓名. Nothing sensitive is listed.
Page {
    id: page

    required property string regionCode
    required property string villageName
    property alias searchText: searchField.text
    readonly property alias model: households

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
    }
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
                Layout.preferredWidth: 480
                leftPadding: 48
                placeholderText: qsTr("按户主姓名搜索")
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
                onClicked: searchField.clear()
            }
            Item { Layout.fillWidth: true }
            Label {
                visible: searchField.text.length > 0
                text: qsTr("找到 %1 户").arg(households.count)
                color: Theme.textSecondary
                font.pixelSize: Theme.fontBody
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
                }

                ListView {
                    id: list
                    objectName: "householdList"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    model: households
                    delegate: HouseholdDelegate {
                        width: list.width
                        onClicked: page.householdChosen(householdId)
                    }
                    ScrollBar.vertical: ScrollBar { width: 12 }

                    Label {
                        anchors.centerIn: parent
                        visible: list.count === 0
                        horizontalAlignment: Text.AlignHCenter
                        text: searchField.text.length > 0
                              ? qsTr("没有户主姓名包含“%1”的户").arg(searchField.text)
                              : qsTr("这个村在本机还没有户的数据")
                        color: Theme.textSecondary
                        font.pixelSize: Theme.fontLarge
                    }
                }
            }
        }
    }
}
