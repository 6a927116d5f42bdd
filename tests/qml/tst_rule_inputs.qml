import QtQuick
import QtTest
import Ruhu

// Every rule input the pages could not set before (issue 12): for each 重点关注 category and exclusion
// whose input lives on the member page, the household's 排除情形核实 or 城镇房产, the input is entered
// through the page's own controls and the household's assessment changes accordingly. Each row takes its
// demo household of 马家村 found by what the row needs (members, ages); rows that cannot disturb each
// other's baseline share one.
TestCase {
    id: testCase
    name: "RuleInputs"
    when: windowShown

    Component {
        id: mainComponent
        Main {}
    }
    Component {
        id: recordComponent
        SurveyRecord { store: LocalStore; kind: "household" }
    }

    property var window: null
    property var used: ({})
    readonly property string assessedOn: "2024-12-31" // a year with a threshold in the shipped config

    function initTestCase() {
        window = mainComponent.createObject(testCase);
        verify(window);
        if (!Session.loggedIn) {
            Session.login("cadre1", "ruhu2024");
            tryVerify(() => Session.loggedIn, 15000);
        }
        const probe = recordComponent.createObject(testCase, { recordId: "hh-0020" });
        tryVerify(() => { probe.load(); return probe.exists; }, 30000, "households pulled");
        probe.destroy();
        tryVerify(() => !SyncStatus.busy, 20000);
    }

    function cleanupTestCase() {
        if (window)
            window.destroy();
    }

    function back() {
        while (window.stack.depth > 1) {
            window.stack.pop();
            tryVerify(() => !window.stack.busy);
        }
    }

    function openHousehold(id) {
        window.openVillage("429005103201", "马家村");
        window.openHousehold(id, "429005103201", "马家村");
        tryVerify(() => window.stack.currentItem.objectName === "householdFormPage" && !window.stack.busy);
        const form = window.stack.currentItem;
        tryVerify(() => form.editor.members.count > 0, 20000, "members of " + id);
        return form;
    }

    function ageOf(member) {
        const birth = String(member.birthDate || "");
        if (birth.length !== 10)
            return -1;
        const on = assessedOn.split("-").map(Number);
        const b = birth.split("-").map(Number);
        return on[0] - b[0] - ((on[1] < b[1] || (on[1] === b[1] && on[2] < b[2])) ? 1 : 0);
    }

    // A household for a row: one that `fits(members)`, has not had a category row yet (K rows change each
    // other's baseline) nor a row of the same code; `code` empty asks for an untouched household. Every
    // member gets 劳动技能 (普通劳动力, minors 无劳动力: the engine needs it), so the baseline is assessable.
    function takeHousehold(fits, code) {
        const pool = ["hh-0002", "hh-0003", "hh-0013", "hh-0014", "hh-0015", "hh-0016", "hh-0017", "hh-0018",
                      "hh-0019", "hh-0020"];
        for (const id of pool) {
            const use = used[id] || { k: false, codes: [] };
            if (code.length === 0 ? use.codes.length > 0
                                  : (code[0] === "K" && use.k) || use.codes.indexOf(code) >= 0)
                continue;
            const form = openHousehold(id);
            const members = [];
            for (let r = 0; r < form.editor.members.count; ++r)
                members.push(form.editor.members.get(r));
            if (!fits(members)) {
                back();
                continue;
            }
            use.k = use.k || code[0] === "K";
            use.codes.push(code.length > 0 ? code : "*");
            used[id] = use;
            for (let r = 0; r < members.length; ++r)
                verify(form.editor.commitMember(r, { labor: ageOf(members[r]) < 16 ? "无劳动力" : "普通劳动力" }),
                       form.editor.errorMessage);
            form.assessment.assessmentDate = assessedOn;
            tryVerify(() => form.assessment.valid, 5000, form.assessment.errorMessage);
            return form;
        }
        fail("no demo household fits " + code);
    }

    function rowOf(form, pick) {
        for (let r = 0; r < form.editor.members.count; ++r)
            if (pick(form.editor.members.get(r), r))
                return r;
        return -1;
    }

    // Through the member dialog's 详细情况 button, as a cadre gets there.
    function openMemberPage(form, row) {
        form.openMemberEditor(row);
        tryVerify(() => form.memberDialog.opened);
        findChild(form.memberDialog, "memberDetailsButton").clicked();
        tryVerify(() => window.stack.currentItem.objectName === "memberPage" && !window.stack.busy);
        return window.stack.currentItem;
    }

    // Taps 是/否 of a SurveyYesNoField; the card may be scrolled out of view, so the button's signal.
    function tapYesNo(page, path, yes) {
        const row = findChild(page, "field_" + path);
        verify(row, path);
        const button = findChild(row, yes ? "choice_yes" : "choice_no");
        verify(button, path + " button");
        button.clicked();
    }

    function pickChoice(page, path, text) {
        const combo = findChild(page, "field_" + path);
        verify(combo, path);
        const index = combo.model.indexOf(text);
        verify(index >= 0, text + " offered for " + path);
        combo.activated(index);
    }

    function typeText(page, path, text) {
        const field = findChild(page, "field_" + path);
        verify(field, path);
        field.text = text;
        field.editingFinished();
    }

    function memberInput(fits, pick, enter) {
        return { fits: fits, apply: (form) => {
            const row = rowOf(form, pick);
            verify(row >= 0, "member to edit");
            const page = openMemberPage(form, row);
            page.checkDate = assessedOn;
            enter(page, form);
            window.stack.pop();
            tryVerify(() => window.stack.currentItem === form && !window.stack.busy);
        } };
    }

    function householdInput(enter) {
        return { fits: () => true, apply: enter };
    }

    function any() { return true; }
    function anyone(m, r) { return r === 0; }

    function test_inputChangesOutcome_data() {
        const adult = (m) => ageOf(m) >= 18 && ageOf(m) < 60;
        return [
            { tag: "K2 重度残疾", code: "K2", present: true, input: memberInput(
                  ms => ms.some(adult) && ms.length <= 2, m => adult(m), page => {
                      pickChoice(page, "health.status", "残疾");
                      pickChoice(page, "health.disabilityGrade", "一级");
                  }) },
            { tag: "K3 务工就业", code: "K3", present: false, input: memberInput(
                  ms => ms.some(adult), m => adult(m), page => {
                      tapYesNo(page, "work.employed", true);
                      typeText(page, "work.monthsWorked", "10");
                      pickChoice(page, "work.place", "省外");
                  }) },
            { tag: "K4 患大病", code: "K4", present: true, input: memberInput(
                  any, anyone, page => pickChoice(page, "health.status", "患大病")) },
            { tag: "K5 非义务教育", code: "K5", present: true, input: memberInput(
                  ms => ms.length >= 2, anyone, (page, form) => {
                      pickChoice(page, "schooling", "普通高中一年级");
                      window.stack.pop();
                      tryVerify(() => window.stack.currentItem === form && !window.stack.busy);
                      const second = openMemberPage(form, 1);
                      pickChoice(second, "schooling", "中职二年级");
                  }) },
            { tag: "K9 无法定赡养人", code: "K9", present: true, input: memberInput(
                  ms => ms.some(m => ageOf(m) >= 60), m => ageOf(m) >= 60,
                  page => tapYesNo(page, "guardianship.hasLegalSupporter", false)) },
            { tag: "K10 失能老人", code: "K10", present: true, input: memberInput(
                  ms => ms.some(m => ageOf(m) >= 60), m => ageOf(m) >= 60,
                  page => tapYesNo(page, "health.disabledElderly", true)) },
            { tag: "X1 国家公职人员", code: "X1", present: true, input: memberInput(
                  any, anyone, page => tapYesNo(page, "isPublicServant", true)) },
            { tag: "X2 村干部领取报酬", code: "X2", present: true, input: memberInput(
                  any, anyone, page => tapYesNo(page, "villageCadrePaid", true)) },
            { tag: "X8 空挂人口", code: "X8", present: true, input: memberInput(
                  any, anyone, page => tapYesNo(page, "emptyHukou", true)) },
            { tag: "X9 不共享收支", code: "X9", present: true, input: memberInput(
                  ms => ms.length >= 2, (m, r) => r === 1, page => tapYesNo(page, "sharesIncomeExpense", false)) },
            { tag: "X4 城镇房产", code: "X4", present: true, input: householdInput(form => {
                  findChild(form, "add_housing.urbanProperty").clicked();
                  tryVerify(() => findChild(form, "urbanPropertySection").elements.length === 1);
              }) },
            { tag: "X6 规模经营", code: "X6", present: true, input: householdInput(
                  form => tapYesNo(form, "flags.largeScaleFarmer", true)) },
            { tag: "X6 雇工", code: "X6", present: true, input: householdInput(
                  form => tapYesNo(form, "flags.employsOthers", true)) },
            { tag: "X7 拆户并户", code: "X7", present: true, input: householdInput(
                  form => tapYesNo(form, "flags.splitMergeSuspect", true)) },
            { tag: "X8 空挂户", code: "X8", present: true, input: householdInput(
                  form => tapYesNo(form, "flags.emptyHukou", true)) },
            { tag: "X10 诚信问题", code: "X10", present: true, input: householdInput(
                  form => tapYesNo(form, "flags.integrityIssue", true)) },
        ];
    }

    function test_inputChangesOutcome(data) {
        const form = takeHousehold(data.input.fits, data.code);
        const list = () => data.code[0] === "K" ? form.assessment.categories : form.assessment.exclusions;
        compare(list().indexOf(data.code) >= 0, !data.present,
                "baseline " + list() + " " + form.assessment.errorMessage);
        data.input.apply(form);
        tryVerify(() => (list().indexOf(data.code) >= 0) === data.present, 5000,
                  data.code + " after the input: " + list() + " " + form.assessment.errorMessage);
        back();
    }

    // The 2–5类 exception: the 专门说明 on the risk decision page is what the engine reads, so a household
    // excluded by X2 is no longer 不得纳入（第2–5类情形） once it is written.
    function test_exceptionExplanationLiftsSoftExclusion() {
        const form = takeHousehold(() => true, "");
        used[form.editor.householdId].codes.push("X2"); // the X2 row must not take this household
        const row = 0;
        const page = openMemberPage(form, row);
        tapYesNo(page, "villageCadrePaid", true);
        window.stack.pop();
        tryVerify(() => window.stack.currentItem === form && !window.stack.busy);
        tryCompare(form.assessment, "outcomeCode", "EXCLUDED_SOFT");

        mouseClick(findChild(form, "riskDecisionButton"));
        tryVerify(() => window.stack.currentItem.objectName === "riskDecisionPage" && !window.stack.busy);
        const decision = window.stack.currentItem;
        decision.decision.assessment.assessmentDate = assessedOn;
        const justification = findChild(decision, "justificationField");
        justification.input.forceActiveFocus();
        justification.input.text = "户主突发重病，家庭重大变故，已入户核实";
        findChild(decision, "decisionNoteField").input.forceActiveFocus(); // leaving saves
        tryVerify(() => decision.decision.assessment.outcomeCode !== "EXCLUDED_SOFT", 5000,
                  decision.decision.assessment.outcomeCode);
        const household = recordComponent.createObject(testCase, { recordId: form.editor.householdId });
        compare(household.value("flags.majorFamilyChangeNote"), "户主突发重病，家庭重大变故，已入户核实");
        household.destroy();
        back();
    }

    // Plausibility: a child marked 技能劳动力 is a warning on the member page (computed in shared/).
    function test_plausibilityWarningOnMemberPage() {
        const form = openHousehold("hh-0005");
        const page = openMemberPage(form, 0);
        page.checkDate = assessedOn;
        pickChoice(page, "labor", "技能劳动力");
        pickChoice(page, "schooling", "小学三年级");
        tryVerify(() => page.warnings.some(w => w.indexOf("在校生的劳动技能") >= 0), 3000, page.warnings.join("；"));
        verify(findChild(page, "memberWarnings").visible);
        pickChoice(page, "labor", "无劳动力");
        pickChoice(page, "schooling", "非在校生");
        tryVerify(() => !page.warnings.some(w => w.indexOf("在校生的劳动技能") >= 0), 3000, page.warnings.join("；"));
        back();
    }

    // K6 (唯一住房为土坯房且收入下降) compares with last year's sheet: the 核算期 is shown and checked, the sheet is
    // kept as the previous one by 开始新一期核算, and a lower income this period makes K6 fire.
    function test_k6FromPreviousSheet() {
        const form = takeHousehold(() => true, "K6");
        tapYesNo(form, "housing.onlyHouse", true);
        pickChoice(form, "housing.structure", "土坯");
        window.openIncomeSheet(form.editor.householdId, form.editor.headName);
        tryVerify(() => window.stack.currentItem.objectName === "incomeSheetPage" && !window.stack.busy);
        const sheet = window.stack.currentItem;
        sheet.editor.assessment.assessmentDate = assessedOn; // the collection date too

        // last year's sheet: its period ends a year before collection, which the page points out
        const start = findChild(sheet, "periodStartField");
        const end = findChild(sheet, "periodEndField");
        start.text = "2022-12-31";
        end.text = "2023-12-30";
        end.editingFinished();
        compare(sheet.editor.periodEnd, "2023-12-30");
        verify(sheet.editor.periodWarnings.some(w => w.indexOf("两个月以上") >= 0), sheet.editor.periodWarnings);
        sheet.editor.addLine("crops");
        verify(sheet.editor.setLineValue("crops", 0, "soldAmount", "40000"));
        verify(sheet.editor.commit());
        tryVerify(() => sheet.editor.assessment.valid, 5000, sheet.editor.assessment.errorMessage);
        verify(sheet.editor.assessment.categories.indexOf("K6") < 0, "no previous income yet");
        verify(findChild(sheet, "item_claims_priorD").enabled, "hand entry while there is no previous sheet");

        findChild(sheet, "startNewPeriodButton").clicked();
        const dialog = findChild(sheet, "newPeriodDialog");
        tryVerify(() => dialog.opened);
        dialog.accept();
        tryVerify(() => sheet.editor.periodEnd === "2024-12-30", 5000,
                  sheet.editor.periodEnd + " " + sheet.editor.errorMessage);
        compare(sheet.editor.periodStart, "2023-12-31");
        compare(sheet.editor.periodWarnings.length, 0, sheet.editor.periodWarnings.join("；"));
        compare(sheet.editor.lines("crops").length, 0, "this period starts empty");
        tryVerify(() => sheet.editor.assessment.hasPriorSheet);
        verify(findChild(sheet, "priorIncomeLabel").text.indexOf("2022-12-31至2023-12-30") >= 0,
               findChild(sheet, "priorIncomeLabel").text);
        verify(!findChild(sheet, "item_claims_priorD").enabled, "the previous sheet gives 上期人均纯收入");

        sheet.editor.addLine("crops");
        verify(sheet.editor.setLineValue("crops", 0, "soldAmount", "1000"));
        verify(sheet.editor.commit());
        tryVerify(() => sheet.editor.assessment.categories.indexOf("K6") >= 0, 5000,
                  sheet.editor.assessment.categories + " " + sheet.editor.assessment.errorMessage);
        back();
    }
}
