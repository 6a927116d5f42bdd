import QtQuick
import QtTest
import Ruhu

// Monitoring cases on the tablet: a LEAD case the cadre records shows on Today with its 入户核实 deadline in
// working days (5 from the day after the lead's date) and moves to the top once overdue; its case page
// lists what the next step still misses, and a step the server refuses comes back and shows there.
TestCase {
    id: testCase
    name: "TodayCases"
    when: windowShown

    Component {
        id: mainComponent
        Main {}
    }
    Component {
        id: caseComponent
        SurveyRecord { store: LocalStore; kind: "workflowCase" }
    }
    Component {
        id: householdComponent
        SurveyRecord { store: LocalStore; kind: "household" }
    }

    property var window: null
    property var leadCase: null

    function initTestCase() {
        window = mainComponent.createObject(testCase);
        verify(window);
        if (!Session.loggedIn) {
            Session.login("cadre1", "ruhu2024");
            tryVerify(() => Session.loggedIn, 15000);
        }
        const probe = householdComponent.createObject(testCase, { recordId: "hh-0015" });
        tryVerify(() => { probe.load(); return probe.exists; }, 30000, "households pulled");
        probe.destroy();
        tryVerify(() => !SyncStatus.busy, 20000);
    }

    function cleanupTestCase() {
        if (leadCase) {
            leadCase.remove();
            leadCase.destroy();
        }
        if (window)
            window.destroy();
    }

    function todayPage() {
        window.goToday();
        tryVerify(() => window.stack.currentItem.objectName === "todayPage" && !window.stack.busy);
        return window.stack.currentItem;
    }

    function rowOf(list, householdId) {
        for (let i = 0; i < list.count; ++i) {
            const item = list.itemAtIndex(i);
            if (item && item.householdId === householdId)
                return { index: i, item: item };
        }
        return null;
    }

    function test_1_leadShowsItsDeadline() {
        const page = todayPage();
        page.today = "2026-12-07"; // a Monday
        const before = page.cases.count;
        leadCase = caseComponent.createObject(testCase, { householdId: "hh-0015" });
        const id = leadCase.create({ householdId: "hh-0015", caseType: "识别", state: "LEAD",
                                     source: "入户走访" });
        verify(id.length > 0, "case created");
        verify(leadCase.commitText("lead.date", "2026-12-07", "date"));
        verify(leadCase.commitText("lead.reason", "因病支出大"));
        tryCompare(page.cases, "count", before + 1);

        const list = findChild(page, "caseCardList");
        verify(list);
        list.forceLayout();
        let row = rowOf(list, "hh-0015");
        verify(row, "the lead is listed");
        compare(row.item.stateLabel, "线索");
        verify(row.item.what.indexOf("入户核实") >= 0, row.item.what);
        // Tue 8 … Fri 11 and Mon 14: the fifth working day after 12-07.
        compare(row.item.dueText, "还剩5个工作日（12月14日）");
        compare(row.item.overdue, 0);
        const due = findChild(row.item, "dueText");
        verify(due.visible);

        page.today = "2026-12-14";
        list.forceLayout();
        row = rowOf(list, "hh-0015");
        compare(row.item.dueText, "今天到期（12月14日）");

        page.today = "2026-12-15";
        list.forceLayout();
        row = rowOf(list, "hh-0015");
        compare(row.item.dueText, "已逾期1个工作日（12月14日）");
        compare(row.item.overdue, 1);
        compare(row.index, 0); // overdue first
    }

    function test_2_casePageShowsWhatIsMissing() {
        verify(leadCase);
        window.openCase(leadCase.recordId, "马家村");
        tryVerify(() => window.stack.currentItem.objectName === "casePage" && !window.stack.busy);
        const page = window.stack.currentItem;
        page.today = "2026-12-07";
        const detail = page.detail;
        verify(detail.exists);
        compare(detail.stateLabel, "线索");
        compare(detail.source, "入户走访");
        verify(detail.lead.some(l => l.value === "因病支出大"));
        compare(detail.attention[0].dueText, "还剩5个工作日（12月14日）");

        // 综合研判 needs the triage's result: the shared check says so, and the page lists it.
        const triage = detail.steps.find(s => s.to === "TRIAGED");
        verify(triage, JSON.stringify(detail.steps));
        verify(!triage.ready);
        verify(triage.missing.length > 0);
        const missing = findChild(page, "missingItem");
        verify(missing && missing.visible);
        verify(missing.text.indexOf(triage.missing[0]) >= 0, missing.text);
        verify(!findChild(page, "propose_TRIAGED").enabled);
    }

    function test_3_refusalComesBackAndShows() {
        const page = window.stack.currentItem;
        compare(page.objectName, "casePage");
        // Proposed anyway (as a tablet with stale data might): the server refuses the step and says why.
        verify(page.detail.propose("TRIAGED", "测试"));
        SyncStatus.sync();
        tryVerify(() => !SyncStatus.busy && page.detail.rejection.length > 0, 30000);
        verify(findChild(page, "rejectionLabel").visible);
        compare(page.detail.state, "LEAD");
    }
}
