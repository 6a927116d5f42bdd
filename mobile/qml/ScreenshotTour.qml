import QtQuick
import Ruhu

// Screenshot mode: visits every page with the demo replica and saves one PNG per page, then ends the
// app. Each step returns true when done (false: try again on the next tick, e.g. while waiting for a
// sync attempt to fail).
Item {
    id: tour

    required property var appWindow

    property int step: 0
    property int waited: 0
    readonly property var page: appWindow.stack.currentItem

    function shot(name) { return Screenshotter.capture(appWindow, name); }

    readonly property var steps: [
        () => { appWindow.goLogin(); return true; },
        () => { page.username = "cadre1"; page.errorText = ""; return true; },
        () => shot("01-login"),
        () => { page.password = "ruhu2024"; page.errorText = qsTr("用户名或密码错误"); return true; },
        () => shot("02-login-error"),
        () => { appWindow.goVillages(); return true; },
        () => shot("03-village-list"),
        () => { appWindow.openVillage("429005103201", "马家村"); return true; },
        () => shot("04-household-list"),
        () => { page.searchText = "张"; return true; },
        () => shot("05-household-search"),
        () => { page.searchText = ""; appWindow.openHousehold("hh-0002", "429005103201", "马家村"); return true; },
        () => shot("06-household-form"),
        () => { page.openMemberEditor(0); return true; },
        () => shot("07-member-editor"),
        () => {
            // a typing slip: the last digit changed, so the check digit no longer matches
            const id = page.memberDialog.editor.idNo;
            const last = id.charAt(17) === "1" ? "2" : "1";
            page.memberDialog.editor.idNo = id.substring(0, 17) + last;
            return true;
        },
        () => shot("08-member-editor-id-error"),
        () => { page.memberDialog.editor.idNo = page.memberDialog.editor.idNo.substring(0, 11); return true; },
        () => shot("09-member-editor-typing"),
        () => {
            page.memberDialog.close();
            page.editor.address = page.editor.address + "（新址）";
            page.save();
            return true;
        },
        () => shot("10-saved-pending"),
        () => { SyncStatus.sync(); return true; },
        () => !SyncStatus.busy || ++tour.waited > 40, // the demo server address is unreachable
        () => { appWindow.openSyncPage(); return true; },
        () => shot("11-sync-status"),
        () => { appWindow.stack.pop(); appWindow.stack.pop(); return true; },
        () => shot("12-household-list-after-save"),
        () => { Screenshotter.finish(); return true; }
    ]

    Timer {
        interval: 700
        running: true
        repeat: true
        onTriggered: {
            if (tour.step >= tour.steps.length)
                return stop();
            if (tour.steps[tour.step]())
                tour.step++;
        }
    }
}
