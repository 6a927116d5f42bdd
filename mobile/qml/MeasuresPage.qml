import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ruhu

// 帮扶措施: the household's measures on the left, the chosen one's fields on the right, each saved as it
// is left. 新增 writes the measure at once (帮扶类别 and 状态 as first guesses the cadre changes).
Page {
    id: page

    required property string householdId
    property string headName
    readonly property alias list: measures
    readonly property alias record: record

    function addMeasure() {
        const id = record.create({ category: "产业帮扶", status: "计划",
                                   startDate: Qt.formatDate(new Date(), "yyyy-MM-dd") });
        if (id.length > 0)
            listView.currentIndex = measures.indexOf(id);
    }

    background: Rectangle { color: Theme.background }

    header: AppHeader {
        title: qsTr("帮扶措施 · %1").arg(page.headName.length > 0 ? page.headName : page.householdId)
        subtitle: qsTr("共%1项").arg(measures.count)
        onBackClicked: page.StackView.view.pop()
        Label {
            text: record.savedText
            color: Theme.primaryTextSoft
            font.pixelSize: Theme.fontSmall
            Layout.rightMargin: 8
        }
        AppButton {
            objectName: "addMeasureButton"
            text: qsTr("新增措施")
            icon.source: "icons/add.svg"
            fillColor: Theme.primaryText
            textColor: Theme.primary
            outlined: false
            onClicked: page.addMeasure()
        }
    }

    MeasureListModel {
        id: measures
        store: LocalStore
        householdId: page.householdId
    }

    SurveyRecord {
        id: record
        store: LocalStore
        kind: "measure"
        householdId: page.householdId
        recordId: listView.currentIndex >= 0 ? measures.recordIdAt(listView.currentIndex) : ""
    }

    GridLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        columns: page.width >= 1000 ? 2 : 1
        columnSpacing: Theme.margin
        rowSpacing: Theme.spacing

        Pane {
            Layout.fillWidth: true
            Layout.fillHeight: page.width >= 1000
            Layout.preferredHeight: page.width >= 1000 ? -1 : page.height * 0.4
            Layout.preferredWidth: 2
            padding: 0
            background: Rectangle { radius: Theme.radius; color: Theme.surface; border.color: Theme.divider }
            ListView {
                id: listView
                objectName: "measureList"
                anchors.fill: parent
                clip: true
                model: measures
                currentIndex: count > 0 ? 0 : -1
                delegate: ItemDelegate {
                    required property int index
                    required property string category
                    required property string item
                    required property string status
                    required property string startDate
                    required property string amountText
                    width: listView.width
                    height: 84
                    highlighted: ListView.isCurrentItem
                    onClicked: listView.currentIndex = index
                    contentItem: ColumnLayout {
                        spacing: 2
                        Label {
                            text: category + (item.length > 0 ? " · " + item : "")
                            font.pixelSize: Theme.fontBody
                            font.bold: true
                            color: Theme.text
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                        }
                        Label {
                            text: [status, startDate, amountText.length > 0 ? qsTr("%1 元").arg(amountText) : ""]
                                  .filter(s => s.length > 0).join("    ")
                            font.pixelSize: Theme.fontSmall
                            color: Theme.textSecondary
                        }
                    }
                }
                Label {
                    anchors.centerIn: parent
                    visible: listView.count === 0
                    horizontalAlignment: Text.AlignHCenter
                    text: qsTr("还没有帮扶措施。\n点右上角“新增措施”。")
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontLarge
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
                objectName: "measureEditor"
                width: editorFlick.width
                title: qsTr("措施内容")
                SurveyChoiceField { record: record; path: "category"; label: qsTr("帮扶类别") }
                SurveyTextField {
                    record: record; path: "item"; label: qsTr("帮扶项目")
                    placeholder: qsTr("例如 外出务工补贴、小额信贷")
                }
                SurveyChoiceField { record: record; path: "status"; label: qsTr("状态") }
                SurveyYesNoField { record: record; path: "developmental"; label: qsTr("是否开发式帮扶") }
                SurveyTextField { record: record; path: "responsibleDept"; label: qsTr("主责部门") }
                SurveyTextField { record: record; path: "amount"; type: "money"; label: qsTr("金额（元）") }
                SurveyTextField { record: record; path: "startDate"; type: "date"; label: qsTr("开始日期") }
                SurveyTextField { record: record; path: "endDate"; type: "date"; label: qsTr("结束日期") }
                AppButton {
                    objectName: "removeMeasureButton"
                    text: qsTr("删除这项措施")
                    textColor: Theme.error
                    onClicked: removeDialog.open()
                }
            }
        }
    }

    AppDialog {
        id: removeDialog
        width: 560
        title: qsTr("删除帮扶措施")
        Label {
            width: parent.width
            wrapMode: Text.Wrap
            font.pixelSize: Theme.fontBody
            text: qsTr("删除后随下次同步上报，记录保留在历史中。确定删除吗？")
        }
        standardButtons: Dialog.Ok | Dialog.Cancel
        onAccepted: record.remove()
    }
}
