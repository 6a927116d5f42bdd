import QtQuick
import QtTest
import Ruhu

// The cadre's Today page, the settings (language switched live, server address checked, text size) and
// the household list's filters and ID-digit search, against the real server's demo village.
TestCase {
    id: testCase
    name: "TabletUi"
    when: windowShown

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
        AppSettings.language = "zh_CN";
        AppSettings.textSize = 0;
        if (window)
            window.destroy();
    }

    function test_1_todayListsTheVillage() {
        window.goToday();
        tryVerify(() => window.stack.currentItem.objectName === "todayPage" && !window.stack.busy);
        const page = window.stack.currentItem;
        tryCompare(page.villages, "count", 1);
        tryCompare(page.villages, "totalHouseholds", 20);
        // The demo server holds no monitoring data: nothing is due.
        compare(page.villages.totalMonthlyVisitDue, 0);
        compare(page.monthlyVisits.count, 0);
    }

    function test_2_languageSwitchesLive() {
        window.goToday();
        window.openSettings();
        tryVerify(() => window.stack.currentItem.objectName === "settingsPage" && !window.stack.busy);
        const page = window.stack.currentItem;
        compare(page.header.title, "设置");

        mouseClick(findChild(page, "language_en"));
        compare(AppSettings.language, "en");
        tryCompare(page.header, "title", "Settings");
        compare(page.header.subtitle, "Server address, language and text size");
        // The page underneath follows too (its header is re-evaluated by the engine's retranslate).
        compare(window.stack.get(0).header.title, "Today");

        mouseClick(findChild(page, "language_zh_CN"));
        compare(AppSettings.language, "zh_CN");
        tryCompare(page.header, "title", "设置");
        compare(window.stack.get(0).header.title, "今天");
    }

    function test_3_serverAddressIsChecked() {
        const page = window.stack.currentItem;
        compare(page.objectName, "settingsPage");
        const saveButton = findChild(page, "saveServerButton");
        const error = findChild(page, "serverErrorLabel");
        page.serverText = "ruhu.example.gov.cn";
        verify(error.visible);
        verify(error.text.indexOf("http://") >= 0);
        verify(!saveButton.enabled);
        page.serverText = "https://ruhu.example.gov.cn?x=1";
        verify(error.visible);
        page.serverText = Session.serverUrl;
        verify(!error.visible);
        verify(!saveButton.enabled); // unchanged: nothing to save

        // Plain http:// to another machine only with the warned switch on.
        const insecure = findChild(page, "allowInsecureSwitch");
        const warning = findChild(page, "insecureWarning");
        compare(AppSettings.allowInsecureHttp, false);
        page.serverText = "http://ruhu.example.gov.cn";
        verify(error.visible);
        verify(error.text.indexOf("https://") >= 0);
        verify(!warning.visible);
        mouseClick(insecure);
        compare(AppSettings.allowInsecureHttp, true);
        verify(warning.visible);
        verify(!error.visible);
        mouseClick(insecure);
        compare(AppSettings.allowInsecureHttp, false);
        verify(error.visible);
        page.serverText = "http://127.0.0.1:8080"; // this device itself is fine
        verify(!error.visible);
        page.serverText = Session.serverUrl;
    }

    function test_4_textSizeScalesTheTheme() {
        const page = window.stack.currentItem;
        compare(Theme.fontBody, 20);
        mouseClick(findChild(page, "textSize_2"));
        compare(AppSettings.textSize, 2);
        compare(Theme.fontBody, 26);
        mouseClick(findChild(page, "textSize_0"));
        compare(Theme.fontBody, 20);
        window.stack.pop();
    }

    function test_5_householdListFiltersAndIdDigits() {
        window.openVillage("429005103201", "马家村");
        tryVerify(() => window.stack.currentItem.objectName === "householdListPage" && !window.stack.busy);
        const page = window.stack.currentItem;
        const list = findChild(page, "householdList");
        tryCompare(list, "count", 20);

        page.householdTypeFilter.choose("脱贫户");
        const poor = list.count;
        verify(poor > 0 && poor < 20);
        for (let i = 0; i < poor; ++i) {
            list.positionViewAtIndex(i, ListView.Contain);
            compare(list.itemAtIndex(i).householdType, "脱贫户");
        }
        page.householdTypeFilter.choose("一般农户");
        compare(list.count, 20 - poor);
        const clear = findChild(page, "clearFiltersButton");
        verify(clear.visible);
        mouseClick(clear);
        compare(list.count, 20);

        // Not monitored: all of the demo village.
        page.monitoringFilter.choose("-");
        compare(list.count, 20);
        page.monitoringFilter.choose("脱贫不稳定户");
        compare(list.count, 0);
        page.monitoringFilter.choose("");

        // The masked ID shows the last four digits; typing them finds the household.
        list.positionViewAtIndex(0, ListView.Beginning);
        const firstId = list.itemAtIndex(0).householdId;
        const masked = list.itemAtIndex(0).maskedIdNumber;
        compare(masked.length, 18);
        verify(masked.startsWith("**************"));
        page.searchText = masked.substring(14);
        verify(list.count >= 1);
        let found = false;
        for (let i = 0; i < list.count; ++i) {
            list.positionViewAtIndex(i, ListView.Contain);
            if (list.itemAtIndex(i).householdId === firstId)
                found = true;
        }
        verify(found);
        page.searchText = "";

        page.sortCombo.currentIndex = 1; // by head name
        compare(page.model.sortOrder, "name");
        page.sortCombo.currentIndex = 0;
    }
}
