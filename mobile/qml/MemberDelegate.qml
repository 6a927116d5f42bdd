import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ruhu

// One 家庭成员 in the household form: name and 与户主关系, the masked 身份证号, 性别 · 出生日期, 成员状态.
ItemDelegate {
    id: row

    required property int index
    required property string name
    required property string relationToHead
    required property string maskedIdNo
    required property string sex
    required property string birthDate
    required property string status
    required property bool isChanged
    required property bool counted

    signal removeRequested()

    height: 92
    leftPadding: Theme.margin
    rightPadding: Theme.spacing

    background: Rectangle {
        color: row.down ? Theme.neutralChip : Theme.surface
        Rectangle {
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            height: 1
            color: Theme.divider
        }
    }

    contentItem: RowLayout {
        spacing: Theme.spacing

        ColumnLayout {
            Layout.fillWidth: true
            spacing: 4
            RowLayout {
                spacing: 10
                Label {
                    text: row.name.length > 0 ? row.name : qsTr("（未填姓名）")
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                    color: Theme.text
                }
                Rectangle {
                    visible: row.relationToHead.length > 0
                    implicitWidth: relationLabel.implicitWidth + 20
                    implicitHeight: 30
                    radius: 15
                    color: row.relationToHead === "户主" ? Theme.primary : Theme.neutralChip
                    Label {
                        id: relationLabel
                        anchors.centerIn: parent
                        text: row.relationToHead
                        font.pixelSize: 15
                        color: row.relationToHead === "户主" ? Theme.primaryText : Theme.primaryDark
                    }
                }
                Rectangle {
                    visible: row.status.length > 0 && row.status !== "正常"
                    implicitWidth: statusLabel.implicitWidth + 20
                    implicitHeight: 30
                    radius: 15
                    color: Theme.warningBackground
                    Label {
                        id: statusLabel
                        anchors.centerIn: parent
                        text: row.status
                        font.pixelSize: 15
                        color: Theme.warning
                    }
                }
                Label {
                    objectName: "countedLabel"
                    text: row.counted ? qsTr("计入家庭人口") : qsTr("不计入家庭人口")
                    font.pixelSize: 15
                    font.bold: !row.counted
                    color: row.counted ? Theme.success : Theme.warning
                }
                Label {
                    visible: row.isChanged
                    text: qsTr("已修改，未保存")
                    font.pixelSize: 15
                    color: Theme.warning
                }
            }
            Label {
                text: [row.maskedIdNo.length > 0 ? row.maskedIdNo : qsTr("未填身份证号"),
                       row.sex, row.birthDate].filter(s => s.length > 0).join("    ")
                font.pixelSize: Theme.fontSmall
                color: Theme.textSecondary
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
        }
        AppButton {
            objectName: "removeMemberButton"
            text: qsTr("删除")
            font.pixelSize: Theme.fontSmall
            textColor: Theme.error
            implicitHeight: 48
            leftPadding: 16
            rightPadding: 16
            onClicked: row.removeRequested()
        }
        AppIcon {
            name: "edit"
            size: 28
            color: Theme.textSecondary
        }
    }
}
