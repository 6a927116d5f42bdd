import QtQuick
import QtTest
import Ruhu

// Monitoring cases on the Today page: a LEAD case the cadre records shows with its 入户核实 deadline in
// working days (5 from the day after the lead's date), and moves to the top once overdue.
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
                                     source: "入户走访", lead: { date: "2026-12-07", reason: "因病支出大" } });
        verify(id.length > 0, "case created");
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
}
