import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ruhu

// 授权承诺书: the letter as rendered for this household (the exact text that is hashed and signed), the
// member table, the three separately ticked consents (PIPL art. 29) and the signers. Each signer signs
// on SignaturePage; 签署并保存 then signs the whole with the device key and saves it offline.
Page {
    id: page

    required property string householdId
    property string headName
    readonly property alias session: session
    readonly property alias letterFlick: letterFlick
    readonly property var errors: session.fieldErrors

    signal signed(string authorizationId)

    function openSigner(index) {
        page.StackView.view.push(signaturePage, { session: session, signerIndex: index });
    }
    function submit() {
        if (session.submit())
            page.signed(session.savedAuthorizationId);
    }

    background: Rectangle { color: Theme.background }

    AuthorizationSession {
        id: session
        store: LocalStore
        householdId: page.householdId
    }

    header: AppHeader {
        title: qsTr("授权承诺书 · %1").arg(page.headName.length > 0 ? page.headName : page.householdId)
        subtitle: session.templateLabel
        onBackClicked: page.StackView.view.pop()
        AppButton {
            objectName: "submitAuthorizationButton"
            text: qsTr("签署并保存")
            icon.source: "icons/save.svg"
            font.pixelSize: Theme.fontLarge
            font.bold: true
            fillColor: Theme.primaryText
            textColor: Theme.primary
            outlined: false
            enabled: session.ready
            Layout.preferredHeight: 60
            onClicked: page.submit()
        }
    }

    // landscape: letter | ticks and signers; portrait: the letter above, the ticks and signers below
    readonly property bool landscape: width >= height

    GridLayout {
        id: layout
        anchors.fill: parent
        anchors.margins: Theme.margin
        columns: page.landscape ? 2 : 1
        rowSpacing: Theme.spacing
        columnSpacing: Theme.margin

        // the letter
        Pane {
            Layout.fillWidth: true
            Layout.fillHeight: true
            padding: 0
            background: Rectangle { radius: Theme.radius; color: Theme.surface; border.color: Theme.divider }

            Flickable {
                id: letterFlick
                objectName: "letterFlick"
                anchors.fill: parent
                anchors.margins: 4
                contentHeight: letter.implicitHeight + 40
                clip: true
                boundsBehavior: Flickable.StopAtBounds
                ScrollBar.vertical: ScrollBar { width: 12; policy: ScrollBar.AlwaysOn }

                ColumnLayout {
                    id: letter
                    x: 20
                    y: 20
                    width: letterFlick.width - 52
                    spacing: 12

                    Label {
                        text: session.title
                        font.pixelSize: Theme.fontTitle
                        font.bold: true
                        color: Theme.text
                        wrapMode: Text.Wrap
                        horizontalAlignment: Text.AlignHCenter
                        Layout.fillWidth: true
                    }
                    Repeater {
                        model: session.bodyParagraphs
                        delegate: Label {
                            required property string modelData
                            text: modelData
                            font.pixelSize: Theme.fontBody
                            color: Theme.text
                            wrapMode: Text.Wrap
                            lineHeight: 1.35
                            Layout.fillWidth: true
                        }
                    }

                    Label {
                        text: qsTr("家庭成员")
                        font.pixelSize: Theme.fontLarge
                        font.bold: true
                        color: Theme.text
                        Layout.topMargin: 6
                    }
                    Rectangle {
                        Layout.fillWidth: true
                        implicitHeight: table.implicitHeight
                        color: "transparent"
                        border.color: Theme.divider
                        ColumnLayout {
                            id: table
                            width: parent.width
                            spacing: 0
                            Repeater {
                                model: [{ seq: qsTr("序号"), name: qsTr("姓名"), relationToHead: qsTr("与户主关系"),
                                          idNoMasked: qsTr("身份证号（脱敏）"), header: true }].concat(session.members)
                                delegate: Rectangle {
                                    required property var modelData
                                    Layout.fillWidth: true
                                    implicitHeight: 44
                                    color: modelData.header ? Theme.surfaceAlt : "transparent"
                                    border.color: Theme.divider
                                    RowLayout {
                                        anchors.fill: parent
                                        anchors.leftMargin: 12
                                        anchors.rightMargin: 12
                                        spacing: 8
                                        Label { text: String(modelData.seq); Layout.preferredWidth: 56; font.pixelSize: Theme.fontBody; font.bold: modelData.header === true; color: Theme.text }
                                        Label { text: modelData.name; Layout.preferredWidth: 120; font.pixelSize: Theme.fontBody; font.bold: modelData.header === true; color: Theme.text; elide: Text.ElideRight }
                                        Label { text: modelData.relationToHead; Layout.preferredWidth: 120; font.pixelSize: Theme.fontBody; font.bold: modelData.header === true; color: Theme.text }
                                        Label { text: modelData.idNoMasked; Layout.fillWidth: true; font.pixelSize: Theme.fontBody; font.bold: modelData.header === true; color: Theme.text; font.family: modelData.header ? Theme.fontFamily : "monospace" }
                                    }
                                }
                            }
                        }
                    }
                    Label {
                        text: session.memberTableNote
                        font.pixelSize: Theme.fontSmall
                        color: Theme.textSecondary
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Repeater {
                        model: session.footerLines
                        delegate: Label {
                            required property string modelData
                            text: modelData
                            font.pixelSize: Theme.fontSmall
                            color: Theme.textSecondary
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                        }
                    }
                }
            }
        }

        // ticks, signers, position, errors
        Flickable {
            id: sideFlick
            Layout.preferredWidth: page.landscape ? 470 : -1
            Layout.fillWidth: !page.landscape
            Layout.fillHeight: page.landscape
            Layout.preferredHeight: page.landscape ? -1 : layout.height * 0.48
            contentHeight: side.implicitHeight
            clip: true
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar { width: 10 }

            ColumnLayout {
                id: side
                width: sideFlick.width - 12
                spacing: 10

                Rectangle {
                    objectName: "consentError"
                    visible: session.errorMessage.length > 0
                    Layout.fillWidth: true
                    implicitHeight: errorLabel.implicitHeight + 24
                    radius: Theme.radius
                    color: Theme.errorBackground
                    Label {
                        id: errorLabel
                        anchors.fill: parent
                        anchors.margins: 12
                        text: session.errorMessage
                        color: Theme.error
                        font.pixelSize: Theme.fontBody
                        wrapMode: Text.Wrap
                    }
                }

                Label {
                    text: qsTr("同意事项（逐项单独勾选）")
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                    color: Theme.text
                }
                AppCheckBox {
                    objectName: "consentQueryAssets"
                    text: session.consentItems.length > 0 ? session.consentItems[0].label + qsTr("（必选）") : ""
                    checked: session.consentQueryAssets
                    hasError: (page.errors["consents.queryAssets"] || "").length > 0
                    onToggled: session.consentQueryAssets = checked
                    Layout.fillWidth: true
                }
                AppCheckBox {
                    objectName: "consentSensitivePI"
                    text: session.consentItems.length > 1 ? session.consentItems[1].label + qsTr("（必选）") : ""
                    checked: session.consentSensitivePI
                    hasError: (page.errors["consents.sensitivePI"] || "").length > 0
                    onToggled: session.consentSensitivePI = checked
                    Layout.fillWidth: true
                }
                AppCheckBox {
                    objectName: "consentPhotos"
                    text: session.consentItems.length > 2 ? session.consentItems[2].label + qsTr("（可不选）") : ""
                    checked: session.consentPhotos
                    onToggled: session.consentPhotos = checked
                    Layout.fillWidth: true
                }

                Label {
                    text: qsTr("签字人（已签 %1，须签 %2）").arg(session.signedCount).arg(session.requiredCount)
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                    color: Theme.text
                    Layout.topMargin: 8
                }
                Repeater {
                    model: session.signers
                    delegate: Rectangle {
                        required property var modelData
                        required property int index
                        Layout.fillWidth: true
                        implicitHeight: 72
                        radius: 8
                        color: Theme.surface
                        border.color: page.errors["signerIndex"] === index ? Theme.error : Theme.divider
                        RowLayout {
                            anchors.fill: parent
                            anchors.leftMargin: 14
                            anchors.rightMargin: 8
                            spacing: 8
                            ColumnLayout {
                                spacing: 0
                                Layout.fillWidth: true
                                Label {
                                    text: modelData.memberName + "（" + modelData.relationToHead + "）"
                                    font.pixelSize: Theme.fontBody
                                    font.bold: true
                                    color: Theme.text
                                    elide: Text.ElideRight
                                    Layout.fillWidth: true
                                }
                                Label {
                                    text: modelData.signed
                                          ? qsTr("已签 · %1 · %2").arg(modelData.role).arg(modelData.name)
                                          : (modelData.minor ? qsTr("不满14周岁 · 由监护人代签")
                                                             : (modelData.required ? qsTr("未签（必签）") : qsTr("未签（可选）")))
                                    font.pixelSize: Theme.fontSmall
                                    color: modelData.signed ? Theme.success : Theme.warning
                                    elide: Text.ElideRight
                                    Layout.fillWidth: true
                                }
                            }
                            AppButton {
                                objectName: "signButton_" + index
                                text: modelData.signed ? qsTr("重签") : qsTr("签名")
                                highlighted: !modelData.signed
                                leftPadding: 16
                                rightPadding: 16
                                onClicked: page.openSigner(index)
                            }
                        }
                    }
                }
                // minors (and members whose age is unknown) can be added: a 监护人 signs for a child
                Repeater {
                    model: session.members.filter(m => !session.signers.some(s => s.memberId === m.memberId))
                    delegate: AppButton {
                        required property var modelData
                        text: modelData.minor ? qsTr("添加 %1（监护人代签）").arg(modelData.name)
                                              : qsTr("添加 %1 签字").arg(modelData.name)
                        icon.source: "icons/add.svg"
                        Layout.fillWidth: true
                        onClicked: page.openSigner(session.addSigner(modelData.memberId))
                    }
                }

                RowLayout {
                    Layout.fillWidth: true
                    Layout.topMargin: 8
                    spacing: 8
                    AppIcon { name: "home"; size: 24; color: Theme.textSecondary }
                    Label {
                        text: session.locationText
                        font.pixelSize: Theme.fontSmall
                        color: Theme.textSecondary
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                }
            }
        }
    }

    Component {
        id: signaturePage
        SignaturePage {
            objectName: "signaturePage"
            onConfirmed: StackView.view.pop()
        }
    }
}
