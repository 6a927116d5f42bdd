import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ruhu

// The household page's 授权承诺书 line: 未签署 / 已签署 / 已失效 (covered data edited after signing) and
// the server's receipt, with a button that opens the letter to sign or sign again.
Rectangle {
    id: block

    required property string householdId
    property string headName
    readonly property alias status: status

    signal signRequested()

    implicitHeight: row.implicitHeight + 20
    radius: Theme.radius
    color: status.state === "signed" ? Theme.successBackground
         : status.state === "none" ? Theme.surface : Theme.warningBackground
    border.color: Theme.divider

    AuthorizationStatus {
        id: status
        store: LocalStore
        householdId: block.householdId
    }

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.leftMargin: Theme.spacing
        anchors.rightMargin: 10
        anchors.topMargin: 10
        anchors.bottomMargin: 10
        spacing: 12

        AppIcon {
            name: status.state === "signed" ? "check_circle" : status.state === "none" ? "edit" : "error"
            size: 30
            color: status.state === "signed" ? Theme.success : status.state === "none" ? Theme.textSecondary : Theme.warning
        }
        ColumnLayout {
            spacing: 2
            Layout.fillWidth: true
            Label {
                objectName: "authorizationState"
                text: qsTr("授权承诺书：%1").arg(status.stateText)
                font.pixelSize: Theme.fontBody
                font.bold: true
                color: status.state === "signed" ? Theme.success : status.state === "none" ? Theme.text : Theme.warning
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label {
                visible: status.state !== "none"
                text: [status.signedAt, status.signerNames].filter(s => s.length > 0).join(" · ")
                font.pixelSize: Theme.fontSmall
                color: Theme.textSecondary
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Label {
                objectName: "authorizationReceipt"
                visible: status.state !== "none" && text.length > 0
                text: status.receiptText
                font.pixelSize: Theme.fontSmall
                font.bold: status.receiptState !== "none"
                color: status.receiptState === "verified" ? Theme.success
                     : status.receiptState === "refused" ? Theme.error : Theme.textSecondary
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
        }
        AppButton {
            objectName: "signAuthorizationButton"
            text: status.state === "none" ? qsTr("签署授权书") : status.state === "signed" ? qsTr("重新签署") : qsTr("重新签字")
            highlighted: status.state !== "signed"
            Layout.preferredHeight: 52
            onClicked: block.signRequested()
        }
    }
}
