import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Ruhu

// 我的村: the villages in the user's scope with the number of households on this tablet.
Page {
    id: page

    signal villageChosen(string code, string name)

    background: Rectangle { color: Theme.background }

    header: AppHeader {
        showBack: page.StackView.index > 0 // opened from 今天
        onBackClicked: page.StackView.view.pop()
        title: qsTr("我的村")
        subtitle: Session.displayName.length > 0 ? qsTr("%1（%2）").arg(Session.displayName).arg(Session.username)
                                                  : Session.username
        ToolButton {
            text: qsTr("退出登录")
            icon.source: "icons/logout.svg"
            icon.color: Theme.primaryText
            font.pixelSize: Theme.fontBody
            Material.foreground: Theme.primaryText
            Layout.preferredHeight: 64
            onClicked: logoutDialog.open()
        }
    }

    VillageListModel {
        id: villages
        store: LocalStore
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        Label {
            text: qsTr("请选择要走访的村")
            color: Theme.textSecondary
            font.pixelSize: Theme.fontLarge
        }

        GridView {
            id: grid
            objectName: "villageGrid"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: villages
            cellWidth: Math.floor(width / 2)
            cellHeight: 136
            delegate: VillageDelegate {
                width: grid.cellWidth - Theme.spacing
                height: grid.cellHeight - Theme.spacing
                onClicked: page.villageChosen(code, name)
            }
            ScrollIndicator.vertical: ScrollIndicator {}
        }
    }

    Label {
        anchors.centerIn: parent
        visible: villages.count === 0
        horizontalAlignment: Text.AlignHCenter
        text: qsTr("这台设备上还没有村的数据。\n请联网后点“立即同步”。")
        color: Theme.textSecondary
        font.pixelSize: Theme.fontLarge
        lineHeight: 1.3
    }

    AppDialog {
        id: logoutDialog
        width: 600
        title: qsTr("退出登录")

        Label {
            width: parent.width
            wrapMode: Text.Wrap
            font.pixelSize: Theme.fontBody
            text: SyncStatus.pendingCount > 0
                  ? qsTr("还有 %1 条修改没有同步。退出后修改仍保存在本机，下次登录后会继续同步。确定退出吗？")
                        .arg(SyncStatus.pendingCount)
                  : qsTr("确定退出登录吗？再次进入需要联网登录。")
        }

        footer: DialogButtonBox {
            background: Item {}
            padding: 12
            Button {
                text: qsTr("取消")
                flat: true
                font.pixelSize: Theme.fontBody
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            }
            Button {
                text: qsTr("退出登录")
                flat: true
                font.pixelSize: Theme.fontBody
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            }
        }
        onAccepted: Session.logout()
    }
}
