import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ruhu

// 签名: one signer signs on the big pad (or, for 代填, the proxy is named and the applicant's 手印 is
// photographed). 确认 hands the strokes to the session, which checks the line and keeps it until the
// letter is signed as a whole.
Page {
    id: page

    required property AuthorizationSession session
    required property int signerIndex
    readonly property alias pad: pad
    readonly property var signer: session.signers.length > signerIndex ? session.signers[signerIndex] : ({})
    property string method: "手写签名"
    property alias signerName: nameField.text
    property alias proxyName: proxyNameField.text
    property alias proxyReason: proxyReasonField.text
    property alias readAloud: readAloudBox.checked
    property string role: "户主"
    property string proxyRole: ""
    readonly property bool isProxy: method === "代填+手印"
    readonly property bool needsPhoto: method !== "手写签名"
    readonly property var errors: session.fieldErrors

    signal confirmed()

    function confirm() {
        const ok = session.acceptSignature(signerIndex, pad, {
            name: nameField.text, role: page.role, method: page.method,
            proxyName: proxyNameField.text, proxyRole: page.proxyRole,
            proxyReason: proxyReasonField.text, readAloudConfirmed: readAloudBox.checked
        });
        if (ok)
            page.confirmed();
        return ok;
    }
    function openFingerprintCapture() {
        page.StackView.view.push(fingerprintCapture, {
            householdId: session.householdId, memberId: page.signer.memberId,
            photoKind: "手印", headName: page.signer.memberName
        });
    }

    Component.onCompleted: {
        session.clearErrors();
        nameField.text = signer.name || "";
        role = signer.role || "户主";
        method = signer.method || "手写签名";
        proxyName = signer.proxyName || "";
        proxyRole = signer.proxyRole || "";
        proxyReason = signer.proxyReason || "";
        readAloud = signer.readAloudConfirmed === true;
    }

    background: Rectangle { color: Theme.background }

    header: AppHeader {
        title: qsTr("签名 · %1（%2）").arg(page.signer.memberName || "").arg(page.signer.relationToHead || "")
        subtitle: page.signer.minor ? qsTr("不满十四周岁，由监护人代签") : qsTr("请本人在签名框内签署姓名")
        onBackClicked: page.StackView.view.pop()
        AppButton {
            objectName: "confirmSignatureButton"
            text: qsTr("确认")
            icon.source: "icons/check_circle.svg"
            font.pixelSize: Theme.fontLarge
            font.bold: true
            fillColor: Theme.primaryText
            textColor: Theme.primary
            outlined: false
            Layout.preferredHeight: 60
            Layout.preferredWidth: 140
            onClicked: page.confirm()
        }
    }

    // landscape: the fields beside the pad; portrait: the fields above it
    readonly property bool landscape: width >= height

    GridLayout {
        id: layout
        anchors.fill: parent
        anchors.margins: Theme.margin
        columns: page.landscape ? 2 : 1
        rowSpacing: Theme.spacing
        columnSpacing: Theme.margin

        Pane {
            Layout.preferredWidth: page.landscape ? 430 : -1
            Layout.fillWidth: !page.landscape
            Layout.fillHeight: page.landscape
            Layout.preferredHeight: page.landscape ? -1 : layout.height * 0.42
            padding: 20
            background: Rectangle { radius: Theme.radius; color: Theme.surface; border.color: Theme.divider }

            Flickable {
                id: fieldsFlick
                anchors.fill: parent
                contentHeight: fields.implicitHeight
                clip: true
                boundsBehavior: Flickable.StopAtBounds
                ScrollBar.vertical: ScrollBar { width: 10 }

                ColumnLayout {
                    id: fields
                    width: fieldsFlick.width - 14
                    spacing: 12

                    LabeledField {
                        label: qsTr("签字方式")
                        Layout.fillWidth: true
                        RowLayout {
                            spacing: 8
                            Repeater {
                                model: ["手写签名", "代填+手印"]
                                delegate: AppButton {
                                    required property string modelData
                                    objectName: "method_" + modelData
                                    text: modelData
                                    highlighted: page.method === modelData
                                    leftPadding: 14
                                    rightPadding: 14
                                    onClicked: { page.method = modelData; session.clearErrors(); }
                                }
                            }
                            Item { Layout.fillWidth: true }
                        }
                    }
                    LabeledField {
                        label: page.signer.minor ? qsTr("监护人姓名") : qsTr("签字人姓名")
                        error: page.errors["name"] || ""
                        Layout.fillWidth: true
                        AppTextField {
                            id: nameField
                            objectName: "signerNameField"
                            hasError: (page.errors["name"] || "").length > 0
                            font.pixelSize: Theme.fontBody
                        }
                    }
                    LabeledField {
                        label: qsTr("签字人身份")
                        error: page.errors["role"] || ""
                        Layout.fillWidth: true
                        AppComboBox {
                            id: roleBox
                            objectName: "signerRoleBox"
                            model: ["户主", "家庭成员", "监护人", "代填人"]
                            currentIndex: Math.max(0, model.indexOf(page.role))
                            font.pixelSize: Theme.fontBody
                            onActivated: page.role = currentText
                        }
                    }

                    // 代填 (W2): who filled in, why, and that the text was read aloud
                    ColumnLayout {
                        visible: page.isProxy
                        Layout.fillWidth: true
                        spacing: 12
                        LabeledField {
                            label: qsTr("代填写人姓名")
                            error: page.errors["proxy.name"] || ""
                            Layout.fillWidth: true
                            AppTextField {
                                id: proxyNameField
                                objectName: "proxyNameField"
                                hasError: (page.errors["proxy.name"] || "").length > 0
                                font.pixelSize: Theme.fontBody
                            }
                        }
                        LabeledField {
                            label: qsTr("代填写人身份")
                            error: page.errors["proxy.role"] || ""
                            Layout.fillWidth: true
                            AppComboBox {
                                objectName: "proxyRoleBox"
                                model: ["", "村干部", "村民小组长", "网格员", "近亲属"]
                                displayText: currentText.length > 0 ? currentText : qsTr("请选择")
                                currentIndex: Math.max(0, model.indexOf(page.proxyRole))
                                font.pixelSize: Theme.fontBody
                                onActivated: page.proxyRole = currentText
                            }
                        }
                        LabeledField {
                            label: qsTr("代填原因")
                            error: page.errors["proxy.reason"] || ""
                            Layout.fillWidth: true
                            AppTextField {
                                id: proxyReasonField
                                objectName: "proxyReasonField"
                                placeholderText: qsTr("例如 申请人不识字")
                                hasError: (page.errors["proxy.reason"] || "").length > 0
                                font.pixelSize: Theme.fontBody
                            }
                        }
                        AppCheckBox {
                            id: readAloudBox
                            objectName: "readAloudBox"
                            text: qsTr("已向申请人宣读本授权书全部内容")
                            hasError: (page.errors["proxy.readAloudConfirmed"] || "").length > 0
                            Layout.fillWidth: true
                        }
                        Label {
                            visible: text.length > 0
                            text: page.errors["proxy.readAloudConfirmed"] || ""
                            color: Theme.error
                            font.pixelSize: Theme.fontSmall
                            font.bold: true
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                        }
                    }

                    LabeledField {
                        visible: page.needsPhoto
                        label: qsTr("手印照片")
                        error: page.errors["fingerprintPhoto"] || ""
                        hint: page.signer.fingerprintPhotoId ? qsTr("已拍摄") : qsTr("申请人按手印后拍照")
                        Layout.fillWidth: true
                        AppButton {
                            objectName: "fingerprintButton"
                            text: page.signer.fingerprintPhotoId ? qsTr("重拍手印照片") : qsTr("拍手印照片")
                            icon.source: "icons/photo_camera.svg"
                            onClicked: page.openFingerprintCapture()
                        }
                    }
                    Label {
                        visible: text.length > 0
                        text: page.errors["strokes"] || ""
                        color: Theme.error
                        font.pixelSize: Theme.fontBody
                        font.bold: true
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                }
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 12

            Rectangle {
                Layout.fillWidth: true
                Layout.fillHeight: true
                radius: Theme.radius
                color: "#FFFFFF"
                border.width: 2
                border.color: (page.errors["strokes"] || "").length > 0 ? Theme.error : Theme.divider

                // the baseline people sign on
                Rectangle {
                    x: 40
                    width: parent.width - 80
                    y: parent.height * 0.72
                    height: 2
                    color: Theme.divider
                }
                Label {
                    x: 40
                    y: parent.height * 0.72 + 10
                    text: page.method === "手写签名" ? qsTr("请在横线上方签署姓名")
                                                     : qsTr("代填时可不签名；请拍手印照片")
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontSmall
                }
                SignaturePad {
                    id: pad
                    objectName: "signaturePad"
                    anchors.fill: parent
                    anchors.margins: 4
                    onStrokesChanged: if (strokeCount > 0) session.clearErrors()
                }
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: 12
                Label {
                    text: pad.empty ? qsTr("尚未签名") : qsTr("%1 笔，%2 个采样点").arg(pad.strokeCount).arg(pad.pointCount)
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontBody
                    Layout.fillWidth: true
                }
                AppButton {
                    objectName: "undoStrokeButton"
                    text: qsTr("撤销")
                    enabled: !pad.empty
                    onClicked: pad.undoStroke()
                }
                AppButton {
                    objectName: "clearPadButton"
                    text: qsTr("清除")
                    enabled: !pad.empty
                    onClicked: pad.clear()
                }
                AppButton {
                    text: qsTr("确认")
                    highlighted: true
                    onClicked: page.confirm()
                }
            }
        }
    }

    Component {
        id: fingerprintCapture
        PhotoCapturePage {
            onCaptured: (photoId, sha256) => {
                page.session.setFingerprintPhoto(page.signerIndex, photoId, sha256);
                StackView.view.pop();
            }
        }
    }
}
