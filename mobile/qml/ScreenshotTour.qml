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
        () => {
            // the demo members have no 劳动技能 yet; the engine needs it for everyone counted in n
            for (let row = 0; row < page.editor.members.count; ++row)
                page.editor.putMember(row, { labor: row < 2 ? "普通劳动力" : "弱劳动力或半劳动力" });
            page.save();
            // the shipped rule config has 监测范围 for 2021 and 2024 only
            page.assessment.assessmentDate = "2024-12-31";
            return true;
        },
        () => shot("13-household-assessment"),
        () => {
            const last = page.editor.members.count - 1;
            page.editor.putMember(last, { status: "服刑" });
            return true;
        },
        () => shot("14-member-not-counted"),
        () => {
            const last = page.editor.members.count - 1;
            page.removeDialog.ask(last, page.editor.members.get(last).name);
            return true;
        },
        () => shot("14b-member-remove"),
        () => { page.removeDialog.close(); page.editor.load(); return true; },
        () => { appWindow.openIncomeSheet("hh-0002", page.editor.headName); return true; },
        () => { page.editor.assessment.assessmentDate = "2024-12-31"; return true; },
        () => shot("15-income-sheet-empty"),
        () => {
            const e = page.editor;
            e.addLine("crops");
            [["item", "水稻"], ["areaMu", "6"], ["yieldKg", "3600"], ["soldAmount", "8,200"],
             ["selfValue", "1200"], ["cost", "3900"]].forEach(v => e.setLineValue("crops", 0, v[0], v[1]));
            e.addLine("livestock");
            [["item", "生猪"], ["stock", "2"], ["soldHead", "3"], ["soldAmount", "5400"], ["cost", "3000"]]
                .forEach(v => e.setLineValue("livestock", 0, v[0], v[1]));
            e.addLine("wages");
            [["name", page.headName], ["awayMonths", "5"], ["awayCash", "15000"]]
                .forEach(v => e.setLineValue("wages", 0, v[0], v[1]));
            e.setItemValue("transfers", "4", "2160");
            e.setItemValue("transfers", "6.1", "650.50");
            e.setItemValue("rigid", "F2", "9800");
            e.addLine("fixedAssets"); // re-reads the lines into the fields
            e.setLineValue("fixedAssets", 0, "name", "旋耕机");
            e.setLineValue("fixedAssets", 0, "purchaseYear", "2021");
            e.setLineValue("fixedAssets", 0, "originalValue", "4500");
            e.addLine("business");
            return true;
        },
        () => shot("16-income-sheet-filled"),
        () => { page.sheetFlick.contentY = page.sheetFlick.contentHeight - page.sheetFlick.height; return true; },
        () => shot("17-income-sheet-items"),
        () => { page.save(); appWindow.stack.pop(); return true; },
        () => shot("18-household-after-income"),
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
