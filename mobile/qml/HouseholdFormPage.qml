import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Ruhu

// 户信息: basic fields and the §12 sections (HousingSection.qml …) on the left, 家庭成员 and the rule
// engine's suggestion on the right; one column under 1000 px. Every field saves itself as it is left
// (HouseholdEditor.commitField, SurveyRecord) — there is no 保存 button; the header shows 已保存.
Page {
    id: page

    required property string householdId
    required property string regionCode
    property string villageName
    readonly property alias editor: editor
    readonly property alias memberDialog: memberDialog
    readonly property alias removeDialog: removeDialog
    readonly property alias assessment: assessment
    readonly property alias householdRecord: householdRecord
    readonly property alias photoStrip: photoStrip
    readonly property bool wide: width >= 1000

    // Scrolls the form to a section (its objectName, e.g. "vehiclesSection").
    function showSection(name) {
        const section = findSection(basicColumn, name);
        if (section)
            formFlick.contentY = Math.max(0, Math.min(section.y, formFlick.contentHeight - formFlick.height));
    }
    function findSection(parentItem, name) {
        for (let i = 0; i < parentItem.children.length; ++i)
            if (parentItem.children[i].objectName === name)
                return parentItem.children[i];
        return null;
    }
    readonly property alias authorizationBlock: authorizationBlock

    signal saved()
    signal incomeSheetRequested(string householdId, string headName)

    function save() {
        if (editor.save())
            page.saved();
    }
    // 成员详细情况 of a stored member (health, schooling, guardianship, work, benefits, exclusion facts).
    function openMemberPage(row) {
        const member = editor.members.get(row);
        if (!member.id || member.isNew)
            return null;
        return page.StackView.view.push(memberPage, { memberId: member.id, householdId: editor.householdId,
                                                      memberName: member.name || "" });
    }
    function openMemberEditor(row) {
        memberDialog.row = row;
        memberDialog.editor.load(row >= 0 ? editor.members.get(row) : {});
        memberDialog.open();
    }
    function openConsent() {
        page.StackView.view.push(consentPage, { householdId: editor.householdId, headName: editor.headName });
    }
    function openRiskDecision() {
        page.StackView.view.push(riskDecisionPage, { householdId: editor.householdId, headName: editor.headName });
    }
    function openMeasures() {
        page.StackView.view.push(measuresPage, { householdId: editor.householdId, headName: editor.headName });
    }
    function openVisits() {
        page.StackView.view.push(visitLogPage, { householdId: editor.householdId, headName: editor.headName });
    }
    function requestBack() {
        editor.commitField(""); // whatever is still being typed
        if (editor.dirty)
            discardDialog.open();
        else
            page.StackView.view.pop();
    }

    background: Rectangle { color: Theme.background }

    header: AppHeader {
        title: editor.isNew ? qsTr("新增户")
                            : qsTr("户信息 · %1").arg(editor.headName.length > 0 ? editor.headName : qsTr("未填户主"))
        subtitle: [page.villageName, editor.group].filter(s => s.length > 0).join(" · ")
        onBackClicked: page.requestBack()
        Label {
            objectName: "savedStateLabel"
            visible: page.wide // portrait: the header has room for the title and the buttons only
            text: editor.dirty ? qsTr("正在输入…") : householdRecord.savedText.length > 0
                  ? householdRecord.savedText + qsTr("，待同步") : qsTr("自动保存")
            color: Theme.primaryTextSoft
            font.pixelSize: Theme.fontSmall
            Layout.rightMargin: 8
        }
        Repeater {
            model: [["riskDecisionButton", qsTr("研判"), () => page.openRiskDecision()],
                    ["measuresButton", qsTr("帮扶措施"), () => page.openMeasures()],
                    ["visitsButton", qsTr("走访"), () => page.openVisits()]]
            AppButton {
                required property var modelData
                objectName: modelData[0]
                visible: !editor.isNew
                text: modelData[1]
                font.pixelSize: Theme.fontBody
                fillColor: Theme.primaryDark
                textColor: Theme.primaryText
                outlined: false
                leftPadding: page.wide ? 16 : 10
                rightPadding: page.wide ? 16 : 10
                Layout.preferredHeight: 60
                onClicked: modelData[2]()
            }
        }
        AppButton {
            objectName: "incomeSheetButton"
            visible: !editor.isNew
            text: qsTr("收入核算")
            font.pixelSize: Theme.fontBody
            fillColor: Theme.primaryDark
            textColor: Theme.primaryText
            outlined: false
            Layout.preferredHeight: 60
            onClicked: page.incomeSheetRequested(editor.householdId, editor.headName)
        }
    }

    HouseholdEditor {
        id: editor
        store: LocalStore
        householdId: page.householdId
        regionCode: page.regionCode
        onSaved: householdRecord.load()
    }

    // The §12 sections write through this record, one field at a time.
    SurveyRecord {
        id: householdRecord
        store: LocalStore
        kind: "household"
        recordId: editor.householdId
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        Rectangle {
            objectName: "formError"
            visible: editor.errorMessage.length > 0
            Layout.fillWidth: true
            implicitHeight: errorRow.implicitHeight + 24
            radius: Theme.radius
            color: Theme.errorBackground
            RowLayout {
                id: errorRow
                anchors.fill: parent
                anchors.margins: 12
                spacing: 10
                AppIcon { name: "error"; size: 28; color: Theme.error }
                Label {
                    text: editor.errorMessage
                    color: Theme.error
                    font.pixelSize: Theme.fontBody
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
            }
        }

        GridLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            columns: page.wide ? 2 : 1
            columnSpacing: Theme.margin
            rowSpacing: Theme.spacing

            // 基本信息 and the §12 sections
            Pane {
                Layout.preferredWidth: page.wide ? Math.max(500, page.width * 0.48) : -1
                Layout.fillWidth: !page.wide
                Layout.fillHeight: true
                Layout.preferredHeight: page.wide ? -1 : page.height * 0.5
                padding: Theme.margin
                background: Rectangle { radius: Theme.radius; color: Theme.surface; border.color: Theme.divider }

                Flickable {
                    id: formFlick
                    anchors.fill: parent
                    contentHeight: basicColumn.implicitHeight
                    clip: true
                    boundsBehavior: Flickable.StopAtBounds
                    ScrollBar.vertical: ScrollBar {
                        width: 10
                        policy: formFlick.contentHeight > formFlick.height ? ScrollBar.AlwaysOn : ScrollBar.AsNeeded
                    }

                    ColumnLayout {
                        id: basicColumn
                        width: parent.width
                        spacing: 14

                        Label {
                            text: qsTr("基本信息")
                            font.pixelSize: Theme.fontLarge
                            font.bold: true
                            color: Theme.text
                        }

                        LabeledField {
                            label: qsTr("户主")
                            hint: editor.headName.length > 0 ? "" : qsTr("在右侧家庭成员中把“与户主关系”选为“户主”")
                            Layout.fillWidth: true
                            Label {
                                text: editor.headName.length > 0 ? editor.headName : qsTr("未指定")
                                font.pixelSize: Theme.fontLarge
                                font.bold: editor.headName.length > 0
                                color: editor.headName.length > 0 ? Theme.text : Theme.textSecondary
                                topPadding: 6
                                bottomPadding: 6
                            }
                        }
                        LabeledField {
                            label: qsTr("村民小组")
                            Layout.fillWidth: true
                            AppTextField {
                                objectName: "groupField"
                                text: editor.group
                                placeholderText: qsTr("例如 三组")
                                font.pixelSize: Theme.fontBody
                                onTextEdited: editor.group = text
                                onEditingFinished: editor.commitField("group")
                            }
                        }
                        LabeledField {
                            label: qsTr("户类型")
                            Layout.fillWidth: true
                            AppComboBox {
                                objectName: "householdTypeBox"
                                model: Schema.enumValues("household", "householdType")
                                currentIndex: Math.max(0, model.indexOf(editor.householdType))
                                font.pixelSize: Theme.fontBody
                                onActivated: { editor.householdType = currentText; editor.commitField("householdType"); }
                            }
                        }
                        LabeledField {
                            label: qsTr("联系电话")
                            error: editor.phoneError
                            Layout.fillWidth: true
                            AppTextField {
                                objectName: "phoneField"
                                text: editor.phone
                                placeholderText: qsTr("11位手机号")
                                inputMethodHints: Qt.ImhDialableCharactersOnly
                                hasError: editor.phoneError.length > 0
                                font.pixelSize: Theme.fontBody
                                onTextEdited: editor.phone = text
                                onEditingFinished: editor.commitField("phone")
                            }
                        }
                        LabeledField {
                            label: qsTr("家庭住址")
                            Layout.fillWidth: true
                            AppTextField {
                                objectName: "addressField"
                                text: editor.address
                                placeholderText: qsTr("例如 潜江市熊口镇马家村三组12号")
                                font.pixelSize: Theme.fontBody
                                onTextEdited: editor.address = text
                                onEditingFinished: editor.commitField("address")
                            }
                        }
                        PhotoStrip {
                            id: photoStrip
                            objectName: "photoStrip"
                            householdId: editor.householdId
                            headName: editor.headName
                            canCapture: !editor.isNew
                            stack: page.StackView.view
                            Layout.fillWidth: true
                            Layout.topMargin: 10
                        }
                        // §12 sections, each its own file; hidden until the household exists
                        HousingSection { objectName: "housingSection"; visible: !editor.isNew; record: householdRecord }
                        UrbanPropertySection { objectName: "urbanPropertySection"; visible: !editor.isNew; record: householdRecord }
                        WaterSection { objectName: "waterSection"; visible: !editor.isNew; record: householdRecord }
                        UtilitiesSection { objectName: "utilitiesSection"; visible: !editor.isNew; record: householdRecord }
                        LandSection { objectName: "landSection"; visible: !editor.isNew; record: householdRecord }
                        VehiclesSection { objectName: "vehiclesSection"; visible: !editor.isNew; record: householdRecord }
                        CompaniesSection { objectName: "companiesSection"; visible: !editor.isNew; record: householdRecord }
                        ExternalRelativesSection {
                            objectName: "externalRelativesSection"
                            visible: !editor.isNew
                            record: householdRecord
                        }
                        SuddenEventsSection { objectName: "suddenEventsSection"; visible: !editor.isNew; record: householdRecord }
                        IndustrySection { objectName: "industrySection"; visible: !editor.isNew; record: householdRecord }
                        ExclusionFlagsSection { objectName: "exclusionFlagsSection"; visible: !editor.isNew; record: householdRecord }
                        InsuranceSection {
                            objectName: "insuranceSection"
                            visible: !editor.isNew
                            members: editor.members
                            householdId: editor.householdId
                        }
                    }
                }
            }

            // 家庭成员 and, below, the rule engine's suggestion
            ColumnLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                spacing: Theme.spacing
                Pane {
                    Layout.fillWidth: true
                    Layout.fillHeight: editor.isNew
                    // room for up to three members; the list scrolls beyond that
                    Layout.preferredHeight: 74 + Math.min(Math.max(editor.members.count, 1), 3) * 92
                    padding: 0
                    background: Rectangle { radius: Theme.radius; color: Theme.surface; border.color: Theme.divider }

                    ColumnLayout {
                        anchors.fill: parent
                        spacing: 0

                        RowLayout {
                            Layout.fillWidth: true
                            Layout.leftMargin: Theme.margin
                            Layout.rightMargin: Theme.spacing
                            Layout.topMargin: 12
                            Layout.bottomMargin: 8
                            Label {
                                text: qsTr("家庭成员（%1人，计入家庭人口%2人）").arg(editor.members.count)
                                                                          .arg(editor.members.countedCount)
                                font.pixelSize: Theme.fontLarge
                                font.bold: true
                                color: Theme.text
                                Layout.fillWidth: true
                            }
                            AppButton {
                                objectName: "addMemberButton"
                                text: qsTr("添加成员")
                                icon.source: "icons/add.svg"
                                highlighted: true
                                font.pixelSize: Theme.fontBody
                                Layout.preferredHeight: 56
                                onClicked: page.openMemberEditor(-1)
                            }
                        }
                        Rectangle { Layout.fillWidth: true; implicitHeight: 1; color: Theme.divider }

                        ListView {
                            id: memberList
                            objectName: "memberList"
                            Layout.fillWidth: true
                            Layout.fillHeight: true
                            clip: true
                            model: editor.members
                            delegate: MemberDelegate {
                                width: memberList.width
                                onClicked: page.openMemberEditor(index)
                                onRemoveRequested: removeDialog.ask(index, name)
                            }
                            ScrollBar.vertical: ScrollBar { width: 12 }

                            Label {
                                anchors.centerIn: parent
                                visible: memberList.count === 0
                                horizontalAlignment: Text.AlignHCenter
                                text: qsTr("还没有家庭成员。\n请先点“添加成员”录入户主。")
                                color: Theme.textSecondary
                                font.pixelSize: Theme.fontLarge
                                lineHeight: 1.3
                            }
                        }
                    }
                }
                AuthorizationStatusBlock {
                    id: authorizationBlock
                    objectName: "authorizationBlock"
                    visible: !editor.isNew
                    householdId: editor.householdId
                    headName: editor.headName
                    Layout.fillWidth: true
                    onSignRequested: page.openConsent()
                }
                Flickable {
                    id: assessmentFlick
                    visible: !editor.isNew
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    contentHeight: assessmentPanel.implicitHeight
                    clip: true
                    boundsBehavior: Flickable.StopAtBounds
                    ScrollBar.vertical: ScrollBar { width: 10 }
                    AssessmentPanel {
                        id: assessmentPanel
                        objectName: "householdAssessment"
                        width: assessmentFlick.width
                        model: assessment
                    }
                }
            }
        }
    }

    Component {
        id: riskDecisionPage
        RiskDecisionPage { objectName: "riskDecisionPage" }
    }
    Component {
        id: memberPage
        MemberPage {
            objectName: "memberPage"
            // what the page changed (共享收支, 劳动技能 …) shows in the member list and the count
            StackView.onRemoved: editor.load()
        }
    }
    Component {
        id: measuresPage
        MeasuresPage { objectName: "measuresPage" }
    }
    Component {
        id: visitLogPage
        VisitLogPage { objectName: "visitLogPage" }
    }

    Component {
        id: consentPage
        ConsentPage {
            objectName: "consentPage"
            onSigned: StackView.view.pop()
        }
    }

    AssessmentModel {
        id: assessment
        store: LocalStore
        householdId: editor.householdId
    }

    RemoveMemberDialog {
        id: removeDialog
        onRemoveConfirmed: (row, reason) => editor.removeMember(row, reason)
    }

    MemberEditorDialog {
        id: memberDialog
        onDetailsRequested: (row) => page.openMemberPage(row)
        onMemberAccepted: (row, member) => {
            editor.commitMember(row, member);
            if (row < 0) // a new member is in the list now: later fields update that row
                memberDialog.row = editor.members.count - 1;
        }
    }

    AppDialog {
        id: discardDialog
        width: 600
        title: qsTr("有未保存的修改")
        Label {
            width: parent.width
            wrapMode: Text.Wrap
            font.pixelSize: Theme.fontBody
            text: qsTr("离开后，本页的修改将丢失。要先保存吗？")
        }
        footer: DialogButtonBox {
            background: Item {}
            padding: 12
            Button {
                text: qsTr("放弃修改")
                flat: true
                font.pixelSize: Theme.fontBody
                DialogButtonBox.buttonRole: DialogButtonBox.DestructiveRole
                onClicked: { discardDialog.close(); page.StackView.view.pop(); }
            }
            Button {
                text: qsTr("保存")
                flat: true
                font.pixelSize: Theme.fontBody
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            }
        }
        onAccepted: {
            if (editor.save()) {
                page.saved();
                page.StackView.view.pop();
            }
        }
    }
}
