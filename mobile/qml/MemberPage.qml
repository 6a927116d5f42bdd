import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ruhu

// 成员详细情况: everything the rule engine reads about one family member, in the survey's terms, as
// collapsible sections on one scroll — 健康状况 (K2, K4, K10), 在校生状况 (K5, 三保障 education), 监护赡养
// (K9), 劳动与务工 (K2, K3), 参保与享受政策 (三保障 medical), and the member's exclusion facts (X1, X2, X8,
// X9). Each field saves as it is left or tapped. Plausibility warnings (ages against 劳动技能 and 在校生状况)
// come from shared/ and stand at the top.
Page {
    id: page

    required property string memberId
    required property string householdId
    property string memberName
    // The date the warnings use (YYYY-MM-DD); empty for today. Tests pin it.
    property string checkDate
    readonly property alias record: memberRecord
    readonly property var warnings: memberRecord.revision >= 0 ? MemberChecks.warnings(memberRecord, page.checkDate) : []
    readonly property bool narrow: width < 1000

    // Opens (and scrolls to) a section by its objectName, e.g. "healthSection".
    function showSection(name) {
        for (let i = 0; i < column.children.length; ++i) {
            const section = column.children[i];
            if (section.objectName !== name)
                continue;
            section.expanded = true;
            flick.contentY = Math.max(0, Math.min(section.y, flick.contentHeight - flick.height));
            return section;
        }
        return null;
    }
    function yesNo(path) {
        const v = memberRecord.value(path);
        return v === true ? qsTr("是") : v === false ? qsTr("否") : "";
    }
    function joined(parts) {
        return parts.filter(p => p && String(p).length > 0).join(" · ");
    }

    background: Rectangle { color: Theme.background }

    header: AppHeader {
        title: qsTr("成员详细情况 · %1").arg(page.memberName)
        subtitle: qsTr("研判所需的成员信息；每项离开时自动保存")
        onBackClicked: page.StackView.view.pop()
        Label {
            objectName: "memberSavedLabel"
            text: memberRecord.savedText
            color: Theme.primaryTextSoft
            font.pixelSize: Theme.fontSmall
            Layout.rightMargin: 12
        }
    }

    SurveyRecord {
        id: memberRecord
        store: LocalStore
        kind: "member"
        householdId: page.householdId
        recordId: page.memberId
    }

    Flickable {
        id: flick
        anchors.fill: parent
        anchors.margins: Theme.margin
        contentHeight: column.implicitHeight
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar { width: 10 }

        ColumnLayout {
            id: column
            width: flick.width - 14
            spacing: Theme.spacing

            Rectangle {
                objectName: "memberWarnings"
                visible: page.warnings.length > 0
                Layout.fillWidth: true
                implicitHeight: warningColumn.implicitHeight + 24
                radius: Theme.radius
                color: Theme.warningBackground
                ColumnLayout {
                    id: warningColumn
                    anchors.fill: parent
                    anchors.margins: 12
                    spacing: 4
                    Label {
                        text: qsTr("请核实（%1项）").arg(page.warnings.length)
                        font.pixelSize: Theme.fontBody
                        font.bold: true
                        color: Theme.warning
                    }
                    Repeater {
                        model: page.warnings
                        Label {
                            required property string modelData
                            text: "• " + modelData
                            font.pixelSize: Theme.fontBody
                            color: Theme.text
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                        }
                    }
                }
            }

            SurveySection {
                objectName: "healthSection"
                collapsible: true
                title: qsTr("健康状况")
                summary: memberRecord.revision >= 0 ? page.joined([memberRecord.text("health.status"),
                                                                   memberRecord.text("health.diseases", "list")]) : ""
                note: qsTr("患大病、重度残疾（一、二级）、失能老年人关系到重点关注K2、K4、K10。")
                SurveyChoiceField { record: memberRecord; path: "health.status"; label: qsTr("健康状况") }
                SurveyTextField {
                    record: memberRecord; path: "health.diseases"; type: "list"
                    label: qsTr("所患疾病（多个用顿号分隔）"); placeholder: qsTr("例如 高血压、糖尿病")
                }
                SurveyChoiceField {
                    record: memberRecord; path: "health.disabilityGrade"; label: qsTr("残疾等级")
                    choices: [qsTr("一级"), qsTr("二级"), qsTr("三级"), qsTr("四级")]
                    values: [1, 2, 3, 4]
                    noneText: qsTr("无残疾证")
                }
                SurveyChoiceField { record: memberRecord; path: "health.disabilityType"; label: qsTr("残疾类别") }
                SurveyTextField {
                    record: memberRecord; path: "health.disabilityCertYear"; type: "int"
                    label: qsTr("残疾证办证年度"); placeholder: qsTr("例如 2019")
                }
                SurveyYesNoField { record: memberRecord; path: "health.disabledElderly"; label: qsTr("是否失能老年人") }
            }

            SurveySection {
                objectName: "schoolingSection"
                collapsible: true
                title: qsTr("在校生状况")
                summary: memberRecord.revision >= 0 ? page.joined([memberRecord.text("schooling"),
                                                                   memberRecord.text("notInSchoolReason")]) : ""
                note: qsTr("2人以上在非义务教育学段就学为K5；义务教育适龄失学辍学为“三保障”教育未保障。")
                SurveyChoiceField {
                    record: memberRecord; path: "schooling"; label: qsTr("在校生状况")
                    noneText: qsTr("非在校生")
                }
                SurveyChoiceField {
                    record: memberRecord; path: "notInSchoolReason"; label: qsTr("义务教育阶段未上学原因")
                    noneText: qsTr("不适用")
                }
            }

            SurveySection {
                objectName: "guardianshipSection"
                collapsible: true
                title: qsTr("监护赡养")
                summary: memberRecord.revision >= 0
                         ? page.joined([page.yesNo("guardianship.hasLegalGuardian").length > 0
                                        ? qsTr("法定监护人：%1").arg(page.yesNo("guardianship.hasLegalGuardian")) : "",
                                        page.yesNo("guardianship.hasLegalSupporter").length > 0
                                        ? qsTr("法定赡养人：%1").arg(page.yesNo("guardianship.hasLegalSupporter")) : ""]) : ""
                note: qsTr("16周岁以下无法定监护人、60周岁以上无法定赡养人为K9。")
                SurveyYesNoField { record: memberRecord; path: "guardianship.hasLegalGuardian"; label: qsTr("是否有法定监护人") }
                SurveyYesNoField { record: memberRecord; path: "guardianship.hasLegalSupporter"; label: qsTr("是否有法定赡养人") }
                SurveyYesNoField {
                    record: memberRecord; path: "guardianship.factuallyUnsupportedChild"
                    label: qsTr("是否事实无人抚养儿童")
                }
            }

            SurveySection {
                objectName: "workSection"
                collapsible: true
                title: qsTr("劳动与务工")
                summary: memberRecord.revision >= 0
                         ? page.joined([memberRecord.text("labor"),
                                        memberRecord.text("work.monthsWorked").length > 0
                                        ? qsTr("务工%1个月").arg(memberRecord.text("work.monthsWorked")) : ""]) : ""
                note: qsTr("劳动技能决定劳动力系数（K2、K10）；有劳动力而零就业、无产业为K3。")
                SurveyChoiceField { record: memberRecord; path: "labor"; label: qsTr("劳动技能") }
                SurveyYesNoField { record: memberRecord; path: "work.employed"; label: qsTr("是否务工就业") }
                SurveyTextField {
                    record: memberRecord; path: "work.monthsWorked"; type: "int"
                    label: qsTr("务工时间（月，0–12）"); placeholder: qsTr("例如 10")
                }
                SurveyChoiceField { record: memberRecord; path: "work.place"; label: qsTr("务工所在地") }
                SurveyTextField {
                    record: memberRecord; path: "work.county"
                    label: qsTr("务工所在县"); placeholder: qsTr("例如 潜江市")
                }
                SurveyTextField {
                    record: memberRecord; path: "work.employer"
                    label: qsTr("务工企业名称"); placeholder: qsTr("例如 某某电子厂")
                }
                SurveyTextField {
                    record: memberRecord; path: "work.publicWelfarePost.post"
                    label: qsTr("公益性岗位"); placeholder: qsTr("例如 村庄保洁员")
                }
                SurveyTextField {
                    record: memberRecord; path: "work.publicWelfarePost.months"; type: "int"
                    label: qsTr("公益性岗位（月数）"); placeholder: qsTr("例如 12")
                }
                SurveyTextField {
                    record: memberRecord; path: "work.publicWelfarePost.monthlyPay"; type: "money"
                    label: qsTr("公益性岗位月工资（元）"); placeholder: qsTr("例如 500")
                }
            }

            SurveySection {
                objectName: "benefitsSection"
                collapsible: true
                title: qsTr("参保与享受政策")
                summary: memberRecord.revision >= 0 ? page.joined([memberRecord.text("benefits.dibao"),
                                                                   memberRecord.text("benefits.tekun")]) : ""
                note: qsTr("未参加城乡居民或职工基本医疗保险为“三保障”医疗未保障。")
                SurveyYesNoField { record: memberRecord; path: "insurance.residentMedical"; label: qsTr("城乡居民基本医疗保险") }
                SurveyYesNoField { record: memberRecord; path: "insurance.employeeMedical"; label: qsTr("职工基本医疗保险") }
                SurveyYesNoField { record: memberRecord; path: "insurance.criticalIllness"; label: qsTr("大病保险") }
                SurveyYesNoField { record: memberRecord; path: "insurance.commercialMedical"; label: qsTr("商业补充医疗保险") }
                SurveyYesNoField { record: memberRecord; path: "insurance.residentPension"; label: qsTr("城乡居民基本养老保险") }
                SurveyYesNoField { record: memberRecord; path: "insurance.employeePension"; label: qsTr("职工基本养老保险") }
                SurveyYesNoField { record: memberRecord; path: "insurance.accidentSubsidy"; label: qsTr("人身意外保险补贴") }
                SurveyChoiceField { record: memberRecord; path: "benefits.dibao"; label: qsTr("低保") }
                SurveyChoiceField { record: memberRecord; path: "benefits.dibaoTier"; label: qsTr("低保档次") }
                SurveyChoiceField { record: memberRecord; path: "benefits.tekun"; label: qsTr("特困供养") }
                SurveyChoiceField { record: memberRecord; path: "benefits.tekunMode"; label: qsTr("特困供养方式") }
                SurveyYesNoField { record: memberRecord; path: "benefits.medicalAssistance"; label: qsTr("是否接受医疗救助") }
                SurveyYesNoField {
                    record: memberRecord; path: "benefits.otherHealthAssistance"; label: qsTr("是否接受其他健康帮扶")
                }
            }

            SurveySection {
                objectName: "memberExclusionSection"
                collapsible: true
                title: qsTr("家庭人口与排除情形")
                note: qsTr("不共享收支的成员不计入家庭人口（X9）；国家公职人员（X1）、领取报酬的村干部（X2）、空挂人口（X8）为排除情形。")
                SurveyYesNoField { record: memberRecord; path: "sharesIncomeExpense"; label: qsTr("是否与户主共享收支") }
                SurveyYesNoField { record: memberRecord; path: "isPublicServant"; label: qsTr("是否国家公职人员") }
                SurveyYesNoField {
                    record: memberRecord; path: "villageCadrePaid"; label: qsTr("是否任村三委干部并领取报酬")
                }
                SurveyYesNoField { record: memberRecord; path: "emptyHukou"; label: qsTr("是否空挂人口") }
            }
        }
    }
}
