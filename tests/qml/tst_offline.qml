import QtQuick
import QtTest
import Ruhu
import RuhuTest

// With the server down the cadre keeps working: the save is kept, the sync error is plain Chinese and
// the edit goes up once the server is back.
TestCase {
    id: testCase
    name: "Offline"

    Component {
        id: mainComponent
        Main {}
    }

    property var window: null

    function initTestCase() {
        window = mainComponent.createObject(testCase);
        verify(window);
        if (!Session.loggedIn) { // when this file runs on its own
            Session.login("cadre1", "ruhu2024");
            tryVerify(() => Session.loggedIn, 15000);
        }
        tryVerify(() => !SyncStatus.busy, 20000);
    }

    function cleanupTestCase() {
        if (window)
            window.destroy();
    }

    function test_saveWhileServerDownThenSync() {
        verify(TestServer.stop(), "server stopped");

        window.openVillage("429005103201", "马家村");
        window.openHousehold("hh-0004", "429005103201", "马家村");
        tryVerify(() => window.stack.currentItem.objectName === "householdFormPage" && !window.stack.busy);
        const form = window.stack.currentItem;
        form.editor.phone = "13912345678";
        form.save();
        tryVerify(() => !form.editor.dirty);
        const pending = SyncStatus.pendingCount;
        verify(pending >= 1);

        SyncStatus.sync();
        tryVerify(() => !SyncStatus.busy && SyncStatus.errorMessage.length > 0, 20000);
        verify(SyncStatus.errorMessage.indexOf("无法连接服务器") === 0, SyncStatus.errorMessage);
        compare(SyncStatus.pendingCount, pending, "nothing lost");

        const url = TestServer.restart();
        verify(url.length > 0, "server back");
        Session.serverUrl = url; // same data, new ephemeral port
        SyncStatus.sync();
        tryVerify(() => !SyncStatus.busy && SyncStatus.pendingCount === 0, 20000);
        compare(SyncStatus.errorMessage, "");
    }
}
