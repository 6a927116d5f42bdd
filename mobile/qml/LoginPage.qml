import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Ruhu

// 登录: server address (prefilled from the command line), username and password. Errors appear in plain
// Chinese under the form.
Page {
    id: page

    property alias username: usernameField.text
    property alias password: passwordField.text
    property alias serverAddress: serverField.text
    property string errorText: Session.errorMessage

    function submit() {
        Session.serverUrl = serverField.text;
        Session.login(usernameField.text, passwordField.text);
    }

    background: Rectangle { color: Theme.background }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        // Left: who we are, in a calm brand panel.
        Rectangle {
            Layout.fillHeight: true
            Layout.preferredWidth: 500
            color: Theme.primary

            ColumnLayout {
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.verticalCenter: parent.verticalCenter
                anchors.margins: 56
                spacing: 16

                Label {
                    text: qsTr("入户")
                    color: Theme.primaryText
                    font.pixelSize: 72
                    font.bold: true
                }
                Label {
                    text: qsTr("防止返贫动态监测\n入户采集")
                    color: Theme.primaryText
                    font.pixelSize: 30
                    lineHeight: 1.2
                }
                Rectangle {
                    Layout.preferredWidth: 64
                    Layout.preferredHeight: 4
                    Layout.topMargin: 16
                    Layout.bottomMargin: 8
                    color: Theme.primaryTextSoft
                }
                Label {
                    text: qsTr("没有网络也能录入，数据保存在本机；\n联网后自动同步到服务器。")
                    color: Theme.primaryTextSoft
                    font.pixelSize: Theme.fontBody
                    lineHeight: 1.3
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
            }
        }

        // Right: the form.
        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true

            ColumnLayout {
                anchors.centerIn: parent
                width: Math.min(parent.width - 2 * 48, 520)
                spacing: 20

                Label {
                    text: qsTr("登录")
                    font.pixelSize: 34
                    font.bold: true
                    color: Theme.text
                }

                LabeledField {
                    label: qsTr("服务器地址")
                    Layout.fillWidth: true
                    AppTextField {
                        id: serverField
                        text: Session.serverUrl
                        placeholderText: qsTr("例如 https://ruhu.example.cn")
                        inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase
                        font.pixelSize: Theme.fontBody
                    }
                }
                LabeledField {
                    label: qsTr("用户名")
                    Layout.fillWidth: true
                    AppTextField {
                        id: usernameField
                        objectName: "usernameField"
                        placeholderText: qsTr("请输入用户名")
                        inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText
                        font.pixelSize: Theme.fontBody
                        onAccepted: passwordField.forceActiveFocus()
                    }
                }
                LabeledField {
                    label: qsTr("密码")
                    Layout.fillWidth: true
                    AppTextField {
                        id: passwordField
                        objectName: "passwordField"
                        placeholderText: qsTr("请输入密码")
                        echoMode: TextInput.Password
                        font.pixelSize: Theme.fontBody
                        onAccepted: page.submit()
                    }
                }

                Rectangle {
                    objectName: "loginError"
                    visible: page.errorText.length > 0
                    Layout.fillWidth: true
                    implicitHeight: errorRow.implicitHeight + 24
                    radius: Theme.radius
                    color: Theme.errorBackground

                    RowLayout {
                        id: errorRow
                        anchors.fill: parent
                        anchors.margins: 12
                        spacing: 10
                        AppIcon {
                            name: "error"
                            size: 28
                            color: Theme.error
                            Layout.alignment: Qt.AlignTop
                        }
                        Label {
                            text: page.errorText
                            color: Theme.error
                            font.pixelSize: Theme.fontBody
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                        }
                    }
                }

                AppButton {
                    objectName: "loginButton"
                    text: Session.busy ? qsTr("正在登录…") : qsTr("登录")
                    enabled: !Session.busy
                    highlighted: true
                    font.pixelSize: Theme.fontLarge
                    Layout.fillWidth: true
                    Layout.preferredHeight: 64
                    Layout.topMargin: 4
                    onClicked: page.submit()
                }
                BusyIndicator {
                    running: Session.busy
                    visible: running
                    Layout.alignment: Qt.AlignHCenter
                }
            }
        }
    }
}
