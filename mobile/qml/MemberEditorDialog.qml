import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Ruhu

// Add or edit one 家庭成员. The 身份证号 is checked as it is typed (length, birth date, GB 11643 check
// digit); 性别 and 出生日期 follow from it and are shown read-only. Like every survey field, each field
// saves as it is left once the member is valid (a new member is stored from then on, too); 确定 saves and
// closes.
AppDialog {
    id: dialog

    property int row: -1
    property bool autoSaved: false
    readonly property alias editor: memberEditor

    signal memberAccepted(int row, var member)
    // 健康状况, 在校生状况, 监护赡养, 务工, 参保 … on the member page
    signal detailsRequested(int row)

    width: Math.min(860, (parent ? parent.width : 860) - 2 * Theme.margin) // fits an 800 px portrait window
    title: dialog.row >= 0 ? qsTr("编辑家庭成员") : qsTr("添加家庭成员")
    closePolicy: Popup.CloseOnEscape

    MemberEditor { id: memberEditor }

    onOpened: autoSaved = false

    // Quietly: errors of fields not yet filled in are not shown on leaving another one.
    function autoSave() {
        if (!memberEditor.acceptable)
            return;
        dialog.memberAccepted(dialog.row, memberEditor.toMap());
        dialog.autoSaved = true;
    }

    contentItem: GridLayout {
        columns: 2
        columnSpacing: Theme.margin
        rowSpacing: 12

        LabeledField {
            label: qsTr("姓名")
            error: memberEditor.nameError
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            AppTextField {
                objectName: "memberNameField"
                text: memberEditor.name
                placeholderText: qsTr("与户口簿一致")
                font.pixelSize: Theme.fontBody
                onTextEdited: memberEditor.name = text
                onEditingFinished: dialog.autoSave()
                hasError: memberEditor.nameError.length > 0
            }
        }
        LabeledField {
            label: qsTr("与户主关系")
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            AppComboBox {
                objectName: "relationBox"
                model: Schema.enumValues("member", "relationToHead")
                currentIndex: model.indexOf(memberEditor.relationToHead)
                displayText: currentIndex >= 0 ? currentText : qsTr("请选择")
                font.pixelSize: Theme.fontBody
                onActivated: { memberEditor.relationToHead = currentText; dialog.autoSave(); }
            }
        }

        LabeledField {
            Layout.columnSpan: 2
            Layout.fillWidth: true
            label: qsTr("身份证号")
            error: memberEditor.idNoError
            hint: memberEditor.idNoHint
            hintColor: memberEditor.idNoValid ? Theme.success : Theme.textSecondary
            AppTextField {
                objectName: "idNoField"
                text: memberEditor.idNo
                placeholderText: qsTr("18位居民身份证号")
                font.pixelSize: Theme.fontLarge
                font.letterSpacing: 1.5
                maximumLength: 18
                inputMethodHints: Qt.ImhPreferNumbers | Qt.ImhNoPredictiveText | Qt.ImhPreferUppercase
                validator: RegularExpressionValidator { regularExpression: /[0-9]{0,17}[0-9Xx]?/ }
                onTextEdited: memberEditor.idNo = text
                onEditingFinished: dialog.autoSave()
                hasError: memberEditor.idNoError.length > 0
                rightPadding: 44
                AppIcon {
                    visible: memberEditor.idNoValid || memberEditor.idNoError.length > 0
                    anchors.right: parent.right
                    anchors.rightMargin: 8
                    anchors.verticalCenter: parent.verticalCenter
                    name: memberEditor.idNoValid ? "check_circle" : "error"
                    size: 30
                    color: memberEditor.idNoValid ? Theme.success : Theme.error
                }
            }
        }

        LabeledField {
            label: qsTr("%1（由身份证号自动得出）").arg(qsTr("性别"))
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            Label {
                objectName: "sexValue"
                text: memberEditor.sex.length > 0 ? memberEditor.sex : "—"
                font.pixelSize: Theme.fontLarge
                color: Theme.text
                padding: 8
                leftPadding: 12
                background: Rectangle { color: Theme.surfaceAlt; radius: 6 }
            }
        }
        LabeledField {
            label: qsTr("%1（由身份证号自动得出）").arg(qsTr("出生日期"))
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            Label {
                objectName: "birthDateValue"
                text: memberEditor.birthDate.length > 0 ? memberEditor.birthDate : "—"
                font.pixelSize: Theme.fontLarge
                color: Theme.text
                padding: 8
                leftPadding: 12
                background: Rectangle { color: Theme.surfaceAlt; radius: 6 }
            }
        }

        LabeledField {
            label: qsTr("成员状态")
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            AppComboBox {
                objectName: "statusBox"
                model: Schema.enumValues("member", "status")
                currentIndex: Math.max(0, model.indexOf(memberEditor.status))
                font.pixelSize: Theme.fontBody
                onActivated: { memberEditor.status = currentText; dialog.autoSave(); }
            }
        }
        LabeledField {
            label: qsTr("劳动技能")
            hint: memberEditor.labor.length > 0 ? "" : qsTr("研判需要：计入家庭人口的成员必填")
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            AppComboBox {
                objectName: "laborBox"
                model: Schema.enumValues("member", "labor")
                currentIndex: model.indexOf(memberEditor.labor)
                displayText: currentIndex < 0 ? qsTr("请选择") : currentText
                font.pixelSize: Theme.fontBody
                onActivated: { memberEditor.labor = currentText; dialog.autoSave(); }
            }
        }
    }

    footer: Item {
        implicitHeight: 96
        AppButton {
            objectName: "memberDetailsButton"
            visible: dialog.row >= 0
            anchors.left: parent.left
            anchors.leftMargin: Theme.margin
            anchors.verticalCenter: parent.verticalCenter
            text: qsTr("详细情况")
            icon.source: "icons/chevron_right.svg"
            font.pixelSize: Theme.fontBody
            implicitHeight: 60
            onClicked: {
                if (memberEditor.acceptable)
                    dialog.memberAccepted(dialog.row, memberEditor.toMap());
                dialog.close();
                dialog.detailsRequested(dialog.row);
            }
        }
        Row {
            anchors.right: parent.right
            anchors.rightMargin: Theme.margin
            anchors.verticalCenter: parent.verticalCenter
            spacing: Theme.spacing
            Label {
                visible: dialog.autoSaved
                text: qsTr("已自动保存")
                color: Theme.success
                font.pixelSize: Theme.fontBody
                anchors.verticalCenter: parent.verticalCenter
            }
            Button {
                // once a field has been saved there is nothing left to cancel
                text: dialog.autoSaved ? qsTr("关闭") : qsTr("取消")
                flat: true
                font.pixelSize: Theme.fontLarge
                implicitHeight: 60
                implicitWidth: 120
                onClicked: dialog.reject()
            }
            AppButton {
                objectName: "memberOkButton"
                text: qsTr("确定")
                highlighted: true
                font.pixelSize: Theme.fontLarge
                implicitHeight: 60
                implicitWidth: 160
                onClicked: dialog.tryAccept()
            }
        }
    }

    // Accept only valid values: the dialog stays open and the errors show next to the fields.
    function tryAccept() {
        if (!memberEditor.validate())
            return;
        dialog.memberAccepted(dialog.row, memberEditor.toMap());
        dialog.close();
    }
}
