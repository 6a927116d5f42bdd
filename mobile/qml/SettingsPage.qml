import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ruhu

// 设置: the sync server's address (checked before it is saved), whether plain http:// is allowed (warned),
// the server certificate's fingerprint (pinning), the language (switches at once) and the text size.
// Everything is remembered on the tablet.
Page {
    id: page

    property alias serverText: serverField.text
    // Read first so that the check runs again when the switch below changes.
    readonly property string serverError: (AppSettings.allowInsecureHttp, AppSettings.serverUrlError(serverField.text))
    readonly property string pinError: AppSettings.pinError(pinField.text)
    readonly property bool narrow: width < 1000

    background: Rectangle { color: Theme.background }

    header: AppHeader {
        title: qsTr("设置")
        subtitle: qsTr("服务器地址、语言和字体大小")
        onBackClicked: page.StackView.view.pop()
    }

    function saveServer() {
        if (serverError.length > 0)
            return false;
        Session.serverUrl = serverField.text.trimmed();
        savedLabel.visible = true;
        return true;
    }

    Flickable {
        id: flick
        anchors.fill: parent
        contentHeight: column.implicitHeight + 2 * Theme.margin
        clip: true

        ColumnLayout {
            id: column
            x: Theme.margin
            y: Theme.margin
            width: Math.min(flick.width - 2 * Theme.margin, 900)
            spacing: Theme.spacing

            SettingsCard {
                title: qsTr("同步服务器")
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 8
                    GridLayout {
                        Layout.fillWidth: true
                        columns: page.narrow ? 1 : 2
                        columnSpacing: Theme.spacing
                        rowSpacing: 8
                        AppTextField {
                            id: serverField
                            objectName: "serverField"
                            Layout.fillWidth: true
                            text: Session.serverUrl
                            hasError: page.serverError.length > 0
                            inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoPredictiveText
                            placeholderText: qsTr("例如 https://ruhu.example.gov.cn")
                            onTextEdited: savedLabel.visible = false
                        }
                        AppButton {
                            objectName: "saveServerButton"
                            text: qsTr("保存地址")
                            highlighted: true
                            enabled: page.serverError.length === 0 && serverField.text.trim() !== Session.serverUrl
                            onClicked: page.saveServer()
                        }
                    }
                    Label {
                        objectName: "serverErrorLabel"
                        Layout.fillWidth: true
                        visible: page.serverError.length > 0
                        text: page.serverError
                        color: Theme.error
                        wrapMode: Text.Wrap
                        font.pixelSize: Theme.fontBody
                    }
                    Label {
                        id: savedLabel
                        visible: false
                        text: qsTr("已保存，下次同步使用新地址")
                        color: Theme.success
                        font.pixelSize: Theme.fontBody
                    }
                    Switch {
                        objectName: "allowInsecureSwitch"
                        text: qsTr("允许不加密连接（不安全）")
                        checked: AppSettings.allowInsecureHttp
                        font.pixelSize: Theme.fontBody
                        onToggled: AppSettings.allowInsecureHttp = checked
                    }
                    Label {
                        objectName: "insecureWarning"
                        Layout.fillWidth: true
                        visible: AppSettings.allowInsecureHttp
                        text: qsTr("警告：不加密时，身份证号、收入、健康等信息在网络上以明文传输，可能被他人截获。仅在管理员要求时打开。")
                        color: Theme.error
                        wrapMode: Text.Wrap
                        font.pixelSize: Theme.fontBody
                    }
                    GridLayout {
                        Layout.fillWidth: true
                        columns: page.narrow ? 1 : 2
                        columnSpacing: Theme.spacing
                        rowSpacing: 8
                        AppTextField {
                            id: pinField
                            objectName: "pinField"
                            Layout.fillWidth: true
                            text: AppSettings.pinnedCertificate
                            hasError: page.pinError.length > 0
                            inputMethodHints: Qt.ImhNoPredictiveText
                            placeholderText: qsTr("服务器证书指纹 SHA-256（可选，由管理员提供）")
                        }
                        AppButton {
                            objectName: "savePinButton"
                            text: qsTr("保存指纹")
                            enabled: page.pinError.length === 0 && pinField.text.trim() !== AppSettings.pinnedCertificate
                            onClicked: AppSettings.pinnedCertificate = pinField.text
                        }
                    }
                    Label {
                        Layout.fillWidth: true
                        visible: page.pinError.length > 0
                        text: page.pinError
                        color: Theme.error
                        wrapMode: Text.Wrap
                        font.pixelSize: Theme.fontBody
                    }
                }
            }

            SettingsCard {
                title: qsTr("语言")
                Flow {
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    Repeater {
                        model: [{ code: "zh_CN", name: qsTr("简体中文") }, { code: "en", name: qsTr("English") }]
                        delegate: AppButton {
                            required property var modelData
                            objectName: "language_" + modelData.code
                            text: modelData.name
                            highlighted: AppSettings.language === modelData.code
                            width: 220
                            onClicked: AppSettings.language = modelData.code
                        }
                    }
                }
            }

            SettingsCard {
                title: qsTr("字体大小")
                Flow {
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    Repeater {
                        model: [qsTr("标准"), qsTr("大"), qsTr("特大")]
                        delegate: AppButton {
                            required property int index
                            required property string modelData
                            objectName: "textSize_" + index
                            text: modelData
                            highlighted: AppSettings.textSize === index
                            width: 180
                            onClicked: AppSettings.textSize = index
                        }
                    }
                }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("示例：户主 张建国，家庭人口 4 人")
                    wrapMode: Text.Wrap
                    font.pixelSize: Theme.fontLarge
                    color: Theme.text
                }
            }
        }
    }

    component SettingsCard: Rectangle {
        id: card
        property string title
        default property alias content: cardColumn.data
        Layout.fillWidth: true
        implicitHeight: cardColumn.implicitHeight + 48
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.divider
        ColumnLayout {
            id: cardColumn
            x: 24
            y: 24
            width: parent.width - 48
            spacing: Theme.spacing
            Label {
                text: card.title
                font.pixelSize: Theme.fontTitle
                font.bold: true
                color: Theme.text
            }
        }
    }
}
