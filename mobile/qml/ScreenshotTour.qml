import QtQuick
import Ruhu

// Screenshot mode: visits every page with the demo replica and saves one PNG per page, then ends the
// app. Each step returns true when done (false: try again on the next tick, e.g. while waiting for a
// sync attempt to fail). The whole step list runs once per orientation (landscape 1280×800, then portrait
// 800×1280); each file name ends in -landscape or -portrait.
Item {
    id: tour

    required property var appWindow

    property int step: 0
    property int waited: 0
    readonly property var page: appWindow.stack.currentItem
    property string savedLabor // the member page step restores the head's 劳动技能 after its shots
    readonly property var orientations: [{ name: "landscape", width: 1280, height: 800 },
                                         { name: "portrait", width: 800, height: 1280 }]
    property int pass: 0
    property string headName

    function shot(name) { return Screenshotter.capture(appWindow, name + "-" + orientations[pass].name); }
    // A handwritten-looking name for the signature pad: three strokes of sampled points, 16 ms apart.
    function drawSignature(pad) {
        const w = pad.width, h = pad.height;
        const strokes = [
            t => [0.10 + 0.12 * t, 0.55 - 0.25 * Math.sin(Math.PI * t)],
            t => [0.26 + 0.10 * Math.sin(2 * Math.PI * t), 0.35 + 0.35 * t],
            t => [0.40 + 0.45 * t, 0.50 + 0.12 * Math.sin(5 * Math.PI * t) - 0.1 * t]
        ];
        for (const f of strokes) {
            const points = [];
            for (let i = 0; i <= 24; ++i) {
                const xy = f(i / 24);
                points.push({ x: xy[0] * w, y: xy[1] * h, t: i * 16 });
            }
            pad.addStroke(points);
        }
    }
    function startPass(index) {
        pass = index;
        appWindow.width = orientations[index].width;
        appWindow.height = orientations[index].height;
        step = 0;
        waited = 0;
    }
    // The end of the step list: the next orientation, or the end of the tour.
    function nextPass() {
        if (pass + 1 < orientations.length) {
            startPass(pass + 1);
        } else {
            step = steps.length;
            Screenshotter.finish();
        }
        return false; // the step is already set
    }
    Component.onCompleted: startPass(0)

    readonly property var steps: [
        () => { appWindow.goLogin(); return true; },
        () => { page.username = "cadre1"; page.errorText = ""; return true; },
        () => shot("01-login"),
        () => { page.password = "ruhu2024"; page.errorText = qsTr("用户名或密码错误"); return true; },
        () => shot("02-login-error"),
        () => { appWindow.goToday(); return true; },
        () => shot("03a-today"),
        () => { appWindow.openCase("hh-0011-lead", "马家村"); return true; },
        () => shot("03d-case-page"),
        () => { appWindow.stack.pop(); return true; },
        () => { appWindow.openSettings(); return true; },
        () => shot("03b-settings"),
        () => { page.serverText = "ruhu.example"; return true; },
        () => shot("03c-settings-address-error"),
        () => { appWindow.stack.pop(); return true; },
        () => { appWindow.goVillages(); return true; },
        () => shot("03-village-list"),
        () => { appWindow.openVillage("429005103201", "马家村"); return true; },
        () => shot("04-household-list"),
        () => { page.searchText = "张"; return true; },
        () => shot("05-household-search"),
        () => { page.searchText = ""; page.monitoringFilter.choose("脱贫不稳定户"); return true; },
        () => shot("05b-household-filter"),
        () => { page.monitoringFilter.choose(""); page.searchText = "8"; page.sortCombo.currentIndex = 1; return true; },
        () => shot("05c-household-id-digits"),
        () => { page.sortCombo.currentIndex = 0; return true; },
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
            if (!page.editor.address.endsWith("（新址）")) // the portrait pass finds the landscape pass's edit
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
            e.usePeriodBeforeCollection(); // 核算期: the 12 months before 2024-12-31
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
        () => shot("17-income-sheet-items-period"),
        () => { page.save(); appWindow.stack.pop(); return true; },
        () => shot("18-household-after-income"),
        () => {
            // §12 sections: each value saves as its field is left; a bad number shows its error in place
            const r = page.householdRecord;
            r.commitValue("housing.onlyHouse", true);
            r.commitValue("housing.structure", "砖混");
            r.commitValue("housing.safetyGrade", "B");
            r.commitText("housing.areaM2", "96", "real");
            r.commitValue("water.safe", true);
            r.commitValue("water.quality", true);
            r.commitText("land.farmlandMu", "4.2", "real");
            r.commitText("land.forestMu", "两亩", "real");
            page.showSection("housingSection");
            return true;
        },
        () => shot("19-household-sections"),
        () => {
            page.householdRecord.addElement("vehicles", { type: "轿车", use: "消费", price: 5800000,
                                                          purchaseDate: "2024-10-01", source: "自报" });
            page.showSection("vehiclesSection");
            return true;
        },
        () => shot("19b-household-vehicles-industry"),
        () => {
            const r = page.householdRecord;
            r.commitText("utilities.distanceToMainRoadKm", "1.5", "real");
            r.commitText("utilities.roadType", "水泥路");
            r.commitValue("utilities.livingPower", true);
            r.commitValue("utilities.sanitaryToilet", false);
            page.showSection("utilitiesSection");
            return true;
        },
        () => shot("19d-household-utilities"),
        () => {
            const r = page.householdRecord;
            if (r.elements("externalRelatives").length === 0) // the portrait pass finds the landscape pass's rows
                r.addElement("externalRelatives", { relation: "子", name: "黄明", isPublicServant: false });
            if (r.elements("suddenEvents").length === 0)
                r.addElement("suddenEvents", { type: "洪涝灾害", date: "2026-07-10", note: "房屋进水，损失农机一台" });
            page.showSection("companiesSection");
            return true;
        },
        () => shot("19e-household-companies-relatives-events"),
        () => { page.showSection("insuranceSection"); return true; },
        () => shot("19c-household-insurance"),
        () => {
            const r = page.householdRecord;
            if (r.elements("housing.urbanProperty").length === 0)
                r.addElement("housing.urbanProperty", { type: "商品房", location: "城镇", source: "不动产比对" });
            page.showSection("urbanPropertySection");
            return true;
        },
        () => shot("19f-household-urban-property"),
        () => {
            page.householdRecord.commitValue("flags.largeScaleFarmer", false);
            page.householdRecord.commitValue("flags.employsOthers", false);
            page.showSection("exclusionFlagsSection");
            return true;
        },
        () => shot("19g-household-exclusion-flags"),
        () => { page.openMemberPage(0); return true; },
        () => {
            // 成员详细情况: a student marked 技能劳动力 shows the plausibility warnings at the top
            const r = page.record;
            tour.savedLabor = String(r.value("labor") || "");
            r.commitValue("health.status", "长期慢性病");
            r.commitText("health.diseases", "高血压、糖尿病", "list");
            r.commitValue("labor", "技能劳动力");
            r.commitValue("schooling", "七年级");
            r.commitValue("guardianship.hasLegalSupporter", true);
            r.commitValue("work.employed", true);
            r.commitText("work.monthsWorked", "8", "int");
            r.commitValue("work.place", "省外");
            r.commitValue("insurance.residentMedical", true);
            r.commitValue("benefits.dibao", "未享受");
            r.commitValue("sharesIncomeExpense", true);
            return true;
        },
        () => shot("19h-member-page-health-warnings"),
        () => { page.showSection("guardianshipSection"); return true; },
        () => shot("19i-member-page-guardianship-work"),
        () => { page.showSection("benefitsSection"); return true; },
        () => shot("19j-member-page-benefits"),
        () => { page.showSection("memberExclusionSection"); return true; },
        () => shot("19k-member-page-exclusion-facts"),
        () => {
            page.record.commitValue("schooling", null);
            page.record.commitValue("labor", tour.savedLabor.length > 0 ? tour.savedLabor : null);
            appWindow.stack.pop();
            return true;
        },
        () => { page.openRiskDecision(); return true; },
        () => { page.decision.assessment.assessmentDate = "2024-12-31"; page.decision.toggleRiskType("因病"); return true; },
        () => shot("20-risk-decision"),
        () => { page.decision.setResult("纳入监测"); return true; },
        () => shot("21-risk-decision-exception-required"),
        () => { appWindow.stack.pop(); return true; },
        () => { page.openMeasures(); return true; },
        () => {
            page.addMeasure();
            page.record.commitText("item", "外出务工补贴");
            page.record.commitText("amount", "1200", "money");
            page.record.commitText("responsibleDept", "县人社局");
            return true;
        },
        () => shot("22-measures"),
        () => { appWindow.stack.pop(); return true; },
        () => { page.openVisits(); return true; },
        () => {
            page.addVisit();
            page.record.commitNames("visitors", "张建国、李红");
            page.record.commitValue("findings.incomeChange", "下降");
            page.record.commitText("findings.notes", "户主腰伤复发，近两月未能务工；已联系村医上门");
            return true;
        },
        () => shot("23-visit-log"),
        () => { appWindow.stack.pop(); return true; },
        // photos: the gallery strip (demo photos of hh-0002), the capture page without a camera, the viewer
        () => { page.showSection("photoStrip"); return true; },
        () => shot("24-household-photos"),
        () => { page.photoStrip.openCapture(); return true; },
        () => shot("25-photo-capture-no-camera"),
        () => { page.pathField.text = "/sdcard/DCIM/说明.txt"; page.importFile(page.pathField.text, false); return true; },
        () => shot("25b-photo-capture-error"),
        () => { PhotoStore.clearError(); appWindow.stack.pop(); return true; },
        () => { page.photoStrip.openViewer(1); return true; },
        () => shot("26-photo-viewer"),
        () => { page.zoomTo(2.5, Qt.point(page.flick.width * 0.5, page.flick.height * 0.6)); return true; },
        () => shot("26b-photo-viewer-zoomed"),
        () => { appWindow.stack.pop(); return true; },
        // 授权承诺书: the letter with its ticks, a drawn signature (synthesized points), 代填 errors, the
        // signed state on the household page and the stale state after a covered field is edited
        () => { page.openConsent(); return true; },
        () => { page.session.consentQueryAssets = true; page.session.consentSensitivePI = true; return true; },
        () => shot("27-consent-letter"),
        () => { page.openSigner(0); return true; },
        () => { tour.drawSignature(page.pad); return true; },
        () => shot("28-signature-pad"),
        () => { page.method = "代填+手印"; page.proxyName = "李红"; page.confirm(); return true; },
        () => shot("28b-signature-proxy-errors"),
        () => { page.method = "手写签名"; page.session.clearErrors(); page.confirm(); return true; },
        () => {
            for (let i = 1; i < page.session.signers.length; ++i) {
                if (!page.session.signers[i].required)
                    continue;
                page.openSigner(i);
                const signing = appWindow.stack.currentItem;
                tour.drawSignature(signing.pad);
                signing.confirm();
            }
            return true;
        },
        () => shot("29-consent-all-signed"),
        () => { page.submit(); return true; },
        () => shot("30-household-authorization-signed"),
        () => {
            tour.headName = page.editor.members.get(0).name;
            page.editor.putMember(0, { name: tour.headName + "华" });
            page.save();
            return true;
        },
        () => shot("31-household-authorization-stale"),
        () => {
            // the next orientation's pass starts from the same household as this one
            page.editor.putMember(0, { name: tour.headName });
            page.save();
            return true;
        },
        () => { SyncStatus.sync(); return true; },
        () => !SyncStatus.busy || ++tour.waited > 40, // the demo server address is unreachable
        () => { appWindow.openSyncPage(); return true; },
        () => shot("11-sync-status"),
        () => { appWindow.stack.pop(); appWindow.stack.pop(); return true; },
        () => shot("12-household-list-after-save"),
        () => tour.nextPass()
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
