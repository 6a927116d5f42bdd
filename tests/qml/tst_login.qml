import QtQuick
import QtTest
import Ruhu

// Logs in through the real login page against the real server (demo data), lands on 今天, sees 马家村, then edits a
// household offline and syncs the edit up.
TestCase {
    id: testCase
    name: "Login"

    Component {
        id: mainComponent
        Main {}
    }

    property var window: null

    function initTestCase() {
        window = mainComponent.createObject(testCase); // lives through all test functions
        verify(window, "Main.qml loads");
        tryVerify(() => window.stack.currentItem !== null && !window.stack.busy);
    }

    function cleanupTestCase() {
        if (window)
            window.destroy();
    }

    function test_1_wrongPasswordIsExplainedInChinese() {
        const page = window.stack.currentItem;
        compare(page.objectName, "loginPage");
        compare(page.serverAddress, Session.serverUrl);
        page.username = "cadre1";
        page.password = "wrong-password";
        mouseClick(findChild(page, "loginButton"));
        tryCompare(page, "errorText", "用户名或密码错误", 15000);
        verify(!Session.loggedIn);
    }

    function test_2_loginShowsTheVillage() {
        const page = window.stack.currentItem;
        page.password = "ruhu2024";
        mouseClick(findChild(page, "loginButton"));
        tryVerify(() => Session.loggedIn, 15000, "logged in");
        tryVerify(() => window.stack.currentItem.objectName === "todayPage" && !window.stack.busy, 5000);
        compare(Session.username, "cadre1");
        window.goVillages(); // 我的村, from 今天
        tryVerify(() => window.stack.currentItem.objectName === "villageListPage" && !window.stack.busy, 5000);

        const grid = findChild(window.stack.currentItem, "villageGrid");
        verify(grid);
        tryCompare(grid, "count", 1);
        compare(grid.itemAtIndex(0).name, "马家村");
        // The first sync after login brings the village's households.
        tryVerify(() => !SyncStatus.busy && grid.itemAtIndex(0).householdCount === 20, 20000,
                  "households pulled");
        compare(SyncStatus.errorMessage, "");
    }

    function test_3_offlineEditIsPushedBySync() {
        window.openVillage("429005103201", "马家村");
        tryVerify(() => window.stack.currentItem.objectName === "householdListPage" && !window.stack.busy);
        const list = findChild(window.stack.currentItem, "householdList");
        tryCompare(list, "count", 20);

        window.openHousehold("hh-0001", "429005103201", "马家村");
        tryVerify(() => window.stack.currentItem.objectName === "householdFormPage" && !window.stack.busy);
        const form = window.stack.currentItem;
        verify(form.editor.headName.length > 0);
        form.editor.address = "潜江市熊口镇马家村一组8号";
        verify(form.editor.dirty);
        form.editor.commitField("address"); // what leaving the field does (no 保存 button)
        tryVerify(() => !form.editor.dirty);
        compare(SyncStatus.pendingCount, 1);

        SyncStatus.sync();
        tryVerify(() => !SyncStatus.busy && SyncStatus.pendingCount === 0, 20000, "pushed");
        compare(SyncStatus.errorMessage, "");
        compare(SyncStatus.rejectedCount, 0);
        verify(SyncStatus.lastSyncText.startsWith("今天"));
    }
}
