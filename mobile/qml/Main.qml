import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Ruhu

// The app window: one StackView of pages, the sync bar under the main pages and a toast for
// confirmations. With a saved session the app opens straight on the Today page, offline.
ApplicationWindow {
    id: window

    property alias stack: stack

    function showToast(message) { toast.show(message); }
    function goLogin() { stack.replace(null, loginPage); }
    function goToday() { stack.replace(null, todayPage); }
    // 我的村 sits on top of 今天, so 返回 always leads back to the Today page.
    function goVillages() {
        if (!(stack.depth === 1 && stack.currentItem && stack.currentItem.objectName === "todayPage"))
            stack.replace(null, todayPage);
        stack.push(villageListPage);
    }
    function openSettings() { stack.push(settingsPage); }
    function openVillage(code, name) {
        stack.push(householdListPage, { regionCode: code, villageName: name });
    }
    function openHousehold(householdId, regionCode, villageName) {
        stack.push(householdFormPage, { householdId: householdId, regionCode: regionCode,
                                        villageName: villageName });
    }
    function openCase(caseId, villageName) {
        stack.push(casePage, { caseId: caseId, villageName: villageName });
    }
    function openIncomeSheet(householdId, headName) {
        stack.push(incomeSheetPage, { householdId: householdId, headName: headName });
    }
    function openSyncPage() {
        if (!stack.currentItem || stack.currentItem.objectName !== "syncStatusPage")
            stack.push(syncStatusPage);
    }

    // Landscape by default; ruhu --window 800x1280 (portrait) sets the size from the command line.
    width: 1280
    height: 800
    visible: true
    title: qsTr("入户 · 防止返贫动态监测")
    color: Theme.background
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontBody

    Material.theme: Material.Light
    Material.primary: Theme.primary
    Material.accent: Theme.primary
    Material.foreground: Theme.text

    StackView {
        id: stack
        anchors.fill: parent
        initialItem: Session.loggedIn ? todayPage : loginPage
    }

    footer: SyncBar {
        visible: Session.loggedIn && stack.currentItem !== null && stack.currentItem.objectName !== "loginPage"
                 && stack.currentItem.objectName !== "syncStatusPage"
        onDetailsRequested: window.openSyncPage()
    }

    Toast { id: toast }

    Connections {
        target: Session
        function onLoginSucceeded() { window.goToday(); }
        function onChanged() {
            if (!Session.loggedIn && stack.currentItem && stack.currentItem.objectName !== "loginPage")
                window.goLogin();
        }
    }

    Component {
        id: loginPage
        LoginPage { objectName: "loginPage" }
    }
    Component {
        id: todayPage
        TodayPage {
            objectName: "todayPage"
            onVillageChosen: (code, name) => window.openVillage(code, name)
            onHouseholdChosen: (householdId, regionCode, villageName) =>
                                   window.openHousehold(householdId, regionCode, villageName)
            onCaseChosen: (caseId, householdId, regionCode, villageName) => window.openCase(caseId, villageName)
            onVillagesRequested: window.goVillages()
            onSettingsRequested: window.openSettings()
        }
    }
    Component {
        id: casePage
        CasePage {
            objectName: "casePage"
            onHouseholdRequested: (householdId, regionCode, villageName) =>
                                      window.openHousehold(householdId, regionCode, villageName)
        }
    }
    Component {
        id: settingsPage
        SettingsPage { objectName: "settingsPage" }
    }
    Component {
        id: villageListPage
        VillageListPage {
            objectName: "villageListPage"
            onVillageChosen: (code, name) => window.openVillage(code, name)
        }
    }
    Component {
        id: householdListPage
        HouseholdListPage {
            objectName: "householdListPage"
            onHouseholdChosen: (householdId) => window.openHousehold(householdId, regionCode, villageName)
            onNewHouseholdRequested: window.openHousehold("", regionCode, villageName)
        }
    }
    Component {
        id: householdFormPage
        HouseholdFormPage {
            objectName: "householdFormPage"
            onSaved: window.showToast(qsTr("已保存，待同步"))
            onIncomeSheetRequested: (householdId, headName) => window.openIncomeSheet(householdId, headName)
        }
    }
    Component {
        id: incomeSheetPage
        IncomeSheetPage {
            objectName: "incomeSheetPage"
            onSaved: window.showToast(qsTr("收入核算已保存，待同步"))
        }
    }
    Component {
        id: syncStatusPage
        SyncStatusPage { objectName: "syncStatusPage" }
    }

    Loader {
        active: Screenshotter.active
        sourceComponent: ScreenshotTour { appWindow: window }
    }
}
