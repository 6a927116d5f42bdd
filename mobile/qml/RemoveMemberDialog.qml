import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ruhu

// Confirms removing a 家庭成员 and asks why. A member who died, is serving a sentence or is missing stays
// in the household with that 成员状态 (not counted in n); removal is for people who do not belong here.
AppDialog {
    id: dialog

    property int row: -1
    property string memberName
    readonly property string reason: reasonBox.currentIndex === reasonBox.count - 1
                                     ? noteField.text.trim() : reasonBox.currentText

    signal removeConfirmed(int row, string reason)

    function ask(row, name) {
        dialog.row = row;
        dialog.memberName = name;
        reasonBox.currentIndex = 0;
        noteField.text = "";
        dialog.open();
    }

    width: Math.min(680, (parent ? parent.width : 680) - 2 * Theme.margin)
    title: qsTr("删除家庭成员“%1”").arg(dialog.memberName)
    closePolicy: Popup.CloseOnEscape

    contentItem: ColumnLayout {
        spacing: 12
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            font.pixelSize: Theme.fontBody
            color: Theme.text
            text: qsTr("删除后立即生效，随下次同步上报。成员去世、服刑或失踪时不要删除，请在成员信息里改“成员状态”。")
        }
        LabeledField {
            label: qsTr("删除原因")
            Layout.fillWidth: true
            AppComboBox {
                id: reasonBox
                objectName: "removeReasonBox"
                model: [qsTr("户籍迁出"), qsTr("分户"), qsTr("重复录入"), qsTr("录入错误，非本户成员"), qsTr("其他")]
                font.pixelSize: Theme.fontBody
            }
        }
        LabeledField {
            visible: reasonBox.currentIndex === reasonBox.count - 1
            label: qsTr("请说明原因")
            Layout.fillWidth: true
            AppTextField {
                id: noteField
                objectName: "removeReasonNote"
                placeholderText: qsTr("例如 嫁入外村")
            }
        }
    }

    footer: Item {
        implicitHeight: 96
        Row {
            anchors.right: parent.right
            anchors.rightMargin: Theme.margin
            anchors.verticalCenter: parent.verticalCenter
            spacing: Theme.spacing
            AppButton {
                text: qsTr("取消")
                font.pixelSize: Theme.fontLarge
                implicitHeight: 60
                implicitWidth: 120
                onClicked: dialog.reject()
            }
            AppButton {
                objectName: "removeMemberOkButton"
                text: qsTr("删除")
                enabled: dialog.reason.length > 0
                fillColor: Theme.error
                textColor: Theme.primaryText
                outlined: false
                font.pixelSize: Theme.fontLarge
                implicitHeight: 60
                implicitWidth: 160
                onClicked: {
                    dialog.removeConfirmed(dialog.row, dialog.reason);
                    dialog.close();
                }
            }
        }
    }
}
