<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AppHeader</name>
    <message>
        <source>返回</source>
        <translation>Back</translation>
    </message>
</context>
<context>
    <name>AppSettings</name>
    <message>
        <source>请使用 https:// 地址（加密连接）。如确需 http://，请先打开下面的“允许不加密连接（不安全）”</source>
        <translation>Use an https:// address (encrypted). If you really need http://, first turn on “Allow unencrypted connection (insecure)” below</translation>
    </message>
    <message>
        <source>证书指纹应为 64 位十六进制数字（SHA-256），可带冒号</source>
        <translation>The certificate fingerprint is 64 hexadecimal digits (SHA-256); colons are allowed</translation>
    </message>
    <message>
        <source>请填写服务器地址，例如 https://ruhu.example.gov.cn</source>
        <translation>Enter the server address, e.g. https://ruhu.example.gov.cn</translation>
    </message>
    <message>
        <source>地址要以 http:// 或 https:// 开头，例如 https://ruhu.example.gov.cn</source>
        <translation>The address must start with http:// or https://, e.g. https://ruhu.example.gov.cn</translation>
    </message>
    <message>
        <source>地址里缺少服务器名称，例如 https://ruhu.example.gov.cn</source>
        <translation>The address has no server name, e.g. https://ruhu.example.gov.cn</translation>
    </message>
    <message>
        <source>地址不能带“?”或“#”后面的内容，请只填服务器地址</source>
        <translation>The address cannot contain anything after &quot;?&quot; or &quot;#&quot;; enter the server address only</translation>
    </message>
</context>
<context>
    <name>AssessmentModel</name>
    <message>
        <source>无法研判：%1</source>
        <translation>Cannot assess: %1</translation>
    </message>
    <message>
        <source>人均纯收入无法计算</source>
        <translation>Per-capita net income cannot be calculated</translation>
    </message>
    <message>
        <source>人均纯收入 %1 元；规则配置中没有%2年本地区的监测范围，无法比较</source>
        <translation>Per-capita net income %1 yuan; the rule configuration has no monitoring line for this area in %2, so it cannot be compared</translation>
    </message>
    <message>
        <source>人均纯收入 %1 元，低于%2年监测范围 %3 元</source>
        <translation>Per-capita net income %1 yuan, below the %2 monitoring line of %3 yuan</translation>
    </message>
    <message>
        <source>人均纯收入 %1 元，不低于%2年监测范围 %3 元</source>
        <translation>Per-capita net income %1 yuan, not below the %2 monitoring line of %3 yuan</translation>
    </message>
    <message>
        <source>上期人均纯收入 %1 元（%2至%3核算表）</source>
        <translation>Previous per-capita net income %1 yuan (sheet %2 to %3)</translation>
    </message>
</context>
<context>
    <name>AssessmentPanel</name>
    <message>
        <source>研判建议</source>
        <translation>Suggested assessment</translation>
    </message>
    <message>
        <source>必须纳入监测</source>
        <translation>Must be monitored</translation>
    </message>
    <message>
        <source>需研判</source>
        <translation>Needs assessment</translation>
    </message>
    <message>
        <source>重点关注 %1</source>
        <translation>Watch points %1</translation>
    </message>
    <message>
        <source>排除情形 %1</source>
        <translation>Exclusions %1</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reasons</translation>
    </message>
    <message>
        <source>提示：%1</source>
        <translation>Note: %1</translation>
    </message>
</context>
<context>
    <name>AuthorizationSession</name>
    <message>
        <source>本机没有这一户的资料，请先同步</source>
        <translation>This tablet has no data for this household; sync first</translation>
    </message>
    <message>
        <source>%1 · 第%2版 · 文本指纹 %3</source>
        <translation>%1 · version %2 · text fingerprint %3</translation>
    </message>
    <message>
        <source>签字人不存在，请返回重新选择</source>
        <translation>The signer no longer exists; go back and choose again</translation>
    </message>
    <message>
        <source>请填写监护人姓名</source>
        <translation>Enter the guardian&apos;s name</translation>
    </message>
    <message>
        <source>请填写签字人姓名</source>
        <translation>Enter the signer&apos;s name</translation>
    </message>
    <message>
        <source>%1 不满十四周岁，须由监护人代签，请把身份选为“监护人”</source>
        <translation>%1 is under 14 and must be signed for by a guardian; set the role to &quot;Guardian&quot;</translation>
    </message>
    <message>
        <source>签名为空，请在签名框内签名</source>
        <translation>The signature is empty; sign inside the signature box</translation>
    </message>
    <message>
        <source>签名无法使用，请清除后重签</source>
        <translation>The signature cannot be used; clear it and sign again</translation>
    </message>
    <message>
        <source>请填写代填写人姓名</source>
        <translation>Enter the name of the person filling in on behalf</translation>
    </message>
    <message>
        <source>请选择代填写人身份</source>
        <translation>Choose the role of the person filling in on behalf</translation>
    </message>
    <message>
        <source>请填写代填原因，例如“申请人不识字”</source>
        <translation>Enter why it is filled in on behalf, e.g. &quot;the applicant cannot read&quot;</translation>
    </message>
    <message>
        <source>请先向申请人宣读授权书全文，再勾选确认</source>
        <translation>Read the whole authorization to the applicant first, then tick to confirm</translation>
    </message>
    <message>
        <source>请让%1按手印并拍照（手印照片）</source>
        <translation>Ask %1 to press a fingerprint and take a photo of it (fingerprint photo)</translation>
    </message>
    <message>
        <source>未获取位置（将记录为“无位置”）</source>
        <translation>No location (will be recorded as &quot;no location&quot;)</translation>
    </message>
    <message>
        <source>已获取位置（精度约%1米）</source>
        <translation>Location found (accuracy about %1 m)</translation>
    </message>
    <message>
        <source>未知</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>授权书未能加载</source>
        <translation>The authorization could not be loaded</translation>
    </message>
    <message>
        <source>请勾选第（一）项：同意授权查询家庭资产和收支信息</source>
        <translation>Tick item (1): consent to queries of household assets, income and expenses</translation>
    </message>
    <message>
        <source>请单独勾选第（二）项：同意处理敏感个人信息</source>
        <translation>Tick item (2) separately: consent to processing of sensitive personal information</translation>
    </message>
    <message>
        <source>%1 尚未签字</source>
        <translation>%1 has not signed yet</translation>
    </message>
    <message>
        <source>本机签名密钥不可用，请重新登录后再签署</source>
        <translation>This tablet&apos;s signing key is unavailable; log in again, then sign</translation>
    </message>
    <message>
        <source>本机签名密钥无法读取：%1</source>
        <translation>This tablet&apos;s signing key cannot be read: %1</translation>
    </message>
    <message>
        <source>保存失败：%1</source>
        <translation>Saving failed: %1</translation>
    </message>
</context>
<context>
    <name>AuthorizationStatus</name>
    <message>
        <source>已签署</source>
        <translation>Signed</translation>
    </message>
    <message>
        <source>已失效（家庭信息已修改，请重新签字）</source>
        <translation>No longer valid (household data changed; sign again)</translation>
    </message>
    <message>
        <source>签署记录校验失败，请重新签字</source>
        <translation>The signature record failed verification; sign again</translation>
    </message>
    <message>
        <source>未签署</source>
        <translation>Not signed</translation>
    </message>
    <message>
        <source>服务器回执：已验证</source>
        <translation>Server receipt: verified</translation>
    </message>
    <message>
        <source>服务器回执：未通过验证%1</source>
        <translation>Server receipt: verification failed%1</translation>
    </message>
    <message>
        <source>待同步，同步后服务器验证</source>
        <translation>Waiting to sync; the server verifies it after sync</translation>
    </message>
    <message>
        <source>已同步，等待服务器回执</source>
        <translation>Synced, waiting for the server receipt</translation>
    </message>
    <message>
        <source>服务器回执：已验证（核验码 %1）</source>
        <translation>Server receipt: verified (check code %1)</translation>
    </message>
    <message>
        <source>服务器回执：签名有效，但服务器上的家庭信息已更新，请重新签字</source>
        <translation>Server receipt: the signature is valid, but the household data on the server has changed; sign again</translation>
    </message>
</context>
<context>
    <name>AuthorizationStatusBlock</name>
    <message>
        <source>授权承诺书：%1</source>
        <translation>Authorization and commitment: %1</translation>
    </message>
    <message>
        <source>签署授权书</source>
        <translation>Sign the authorization</translation>
    </message>
    <message>
        <source>重新签署</source>
        <translation>Sign again</translation>
    </message>
    <message>
        <source>重新签字</source>
        <translation>Sign again</translation>
    </message>
</context>
<context>
    <name>CompaniesSection</name>
    <message>
        <source>家庭成员注册的公司企业</source>
        <translation>Companies registered by household members</translation>
    </message>
    <message>
        <source>有在营的注册公司企业属于排除情形，请如实登记。</source>
        <translation>An operating registered company is an exclusion case; record it truthfully.</translation>
    </message>
    <message>
        <source>添加公司企业</source>
        <translation>Add company</translation>
    </message>
    <message>
        <source>企业名称</source>
        <translation>Company name</translation>
    </message>
    <message>
        <source>已工商注册</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>正常经营</source>
        <translation>Operating</translation>
    </message>
</context>
<context>
    <name>ConsentPage</name>
    <message>
        <source>授权承诺书 · %1</source>
        <translation>Authorization and commitment · %1</translation>
    </message>
    <message>
        <source>签署并保存</source>
        <translation>Sign and save</translation>
    </message>
    <message>
        <source>家庭成员</source>
        <translation>Household members</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>与户主关系</source>
        <translation>Relation to head</translation>
    </message>
    <message>
        <source>身份证号（脱敏）</source>
        <translation>ID number (masked)</translation>
    </message>
    <message>
        <source>同意事项（逐项单独勾选）</source>
        <translation>Consents (tick each one separately)</translation>
    </message>
    <message>
        <source>（必选）</source>
        <translation>(required)</translation>
    </message>
    <message>
        <source>（可不选）</source>
        <translation>(optional)</translation>
    </message>
    <message>
        <source>签字人（已签 %1，须签 %2）</source>
        <translation>Signers (%1 signed, %2 required)</translation>
    </message>
    <message>
        <source>已签 · %1 · %2</source>
        <translation>Signed · %1 · %2</translation>
    </message>
    <message>
        <source>不满14周岁 · 由监护人代签</source>
        <translation>Under 14 · signed by a guardian</translation>
    </message>
    <message>
        <source>未签（必签）</source>
        <translation>Not signed (required)</translation>
    </message>
    <message>
        <source>未签（可选）</source>
        <translation>Not signed (optional)</translation>
    </message>
    <message>
        <source>重签</source>
        <translation>Re-sign</translation>
    </message>
    <message>
        <source>签名</source>
        <translation>Sign</translation>
    </message>
    <message>
        <source>添加 %1（监护人代签）</source>
        <translation>Add %1 (signed by guardian)</translation>
    </message>
    <message>
        <source>添加 %1 签字</source>
        <translation>Add %1&apos;s signature</translation>
    </message>
</context>
<context>
    <name>DueHouseholdListModel</name>
    <message>
        <source>%1 风险已消除，尚未回头看</source>
        <translation>Risk eliminated %1, no look-back visit yet</translation>
    </message>
    <message>
        <source>还没有每月走访记录</source>
        <translation>No monthly visit recorded yet</translation>
    </message>
    <message>
        <source>本月尚未走访，上次每月走访 %1</source>
        <translation>Not visited this month; last monthly visit %1</translation>
    </message>
</context>
<context>
    <name>EditOutcomeDelegate</name>
    <message>
        <source>（记录）</source>
        <translation>(record)</translation>
    </message>
</context>
<context>
    <name>ExclusionFlagsSection</name>
    <message>
        <source>排除情形核实</source>
        <translation>Exclusion checks</translation>
    </message>
    <message>
        <source>以下任一项为“是”，识别时不得纳入监测（X6、X7、X8、X10）。</source>
        <translation>If any of these is “yes”, the household cannot be included in monitoring (X6, X7, X8, X10).</translation>
    </message>
    <message>
        <source>是否种植、养殖大户（规模经营）</source>
        <translation>Large-scale farmer or breeder</translation>
    </message>
    <message>
        <source>是否雇佣他人从事生产经营活动</source>
        <translation>Employs others in production or business</translation>
    </message>
    <message>
        <source>是否为享受帮扶故意分户、并户</source>
        <translation>Split or merged the household on purpose to get assistance</translation>
    </message>
    <message>
        <source>是否空挂户</source>
        <translation>Registered-only household</translation>
    </message>
    <message>
        <source>是否有优亲厚友、弄虚作假、信息失真或纳入失信惩戒</source>
        <translation>Favouritism, fraud, false information or credit blacklist</translation>
    </message>
</context>
<context>
    <name>ExternalRelativesSection</name>
    <message>
        <source>不在本户的父母、配偶、子女</source>
        <translation>Parents, spouse and children outside the household</translation>
    </message>
    <message>
        <source>其中有国家公职人员的，请选“是”。</source>
        <translation>Choose “Yes” for anyone who is a public servant.</translation>
    </message>
    <message>
        <source>添加亲属</source>
        <translation>Add relative</translation>
    </message>
    <message>
        <source>关系</source>
        <translation>Relation</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>国家公职人员</source>
        <translation>Public servant</translation>
    </message>
</context>
<context>
    <name>HouseholdDelegate</name>
    <message>
        <source>（未填户主）</source>
        <translation>(no head entered)</translation>
    </message>
    <message>
        <source>新增，未同步</source>
        <translation>New, not synced</translation>
    </message>
    <message>
        <source>家庭人口</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>%1 人</source>
        <translation>%1 people</translation>
    </message>
</context>
<context>
    <name>HouseholdEditor</name>
    <message>
        <source>联系电话应为11位手机号，或带区号的固定电话</source>
        <translation>The phone number must be an 11-digit mobile number or a landline with area code</translation>
    </message>
    <message>
        <source>本机数据未打开，无法删除</source>
        <translation>The local data is not open; cannot delete</translation>
    </message>
    <message>
        <source>请填写删除成员的原因</source>
        <translation>Enter why the member is removed</translation>
    </message>
    <message>
        <source>不能删除户主，请先把另一名成员设为户主并保存</source>
        <translation>The head cannot be removed; make another member the head and save first</translation>
    </message>
    <message>
        <source>删除家庭成员“%1”失败：%2</source>
        <translation>Removing member &quot;%1&quot; failed: %2</translation>
    </message>
    <message>
        <source>本机数据未打开，无法保存</source>
        <translation>The local data is not open; cannot save</translation>
    </message>
    <message>
        <source>未选择村，无法保存</source>
        <translation>No village chosen; cannot save</translation>
    </message>
    <message>
        <source>请在家庭成员中指定户主（与户主关系选“户主”）</source>
        <translation>Mark the head among the members (relation to head: &quot;户主&quot;)</translation>
    </message>
    <message>
        <source>一户只能有一名户主，请检查家庭成员的“与户主关系”</source>
        <translation>A household has only one head; check the members&apos; &quot;relation to head&quot;</translation>
    </message>
    <message>
        <source>有家庭成员未填写姓名</source>
        <translation>A member has no name</translation>
    </message>
    <message>
        <source>家庭成员“%1”：%2</source>
        <translation>Member &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>保存失败：%1</source>
        <translation>Saving failed: %1</translation>
    </message>
    <message>
        <source>保存家庭成员“%1”失败：%2</source>
        <translation>Saving member &quot;%1&quot; failed: %2</translation>
    </message>
</context>
<context>
    <name>HouseholdFilterOptions</name>
    <message>
        <source>非监测对象</source>
        <translation>Not monitored</translation>
    </message>
</context>
<context>
    <name>HouseholdFormPage</name>
    <message>
        <source>新增户</source>
        <translation>New household</translation>
    </message>
    <message>
        <source>户信息 · %1</source>
        <translation>Household · %1</translation>
    </message>
    <message>
        <source>未填户主</source>
        <translation>No head entered</translation>
    </message>
    <message>
        <source>有未保存的修改</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>收入核算</source>
        <translation>Income sheet</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>基本信息</source>
        <translation>Basic information</translation>
    </message>
    <message>
        <source>户主</source>
        <translation>Head of household</translation>
    </message>
    <message>
        <source>在右侧家庭成员中把“与户主关系”选为“户主”</source>
        <translation>In the members on the right, set &quot;relation to head&quot; to &quot;户主&quot;</translation>
    </message>
    <message>
        <source>未指定</source>
        <translation>Not set</translation>
    </message>
    <message>
        <source>例如 三组</source>
        <translation>e.g. 三组</translation>
    </message>
    <message>
        <source>11位手机号</source>
        <translation>11-digit mobile number</translation>
    </message>
    <message>
        <source>例如 潜江市熊口镇马家村三组12号</source>
        <translation>e.g. 潜江市熊口镇马家村三组12号</translation>
    </message>
    <message>
        <source>家庭成员（%1人，计入家庭人口%2人）</source>
        <translation>Members (%1, %2 counted in the household)</translation>
    </message>
    <message>
        <source>添加成员</source>
        <translation>Add member</translation>
    </message>
    <message>
        <source>还没有家庭成员。
请先点“添加成员”录入户主。</source>
        <translation>No members yet.
Tap &quot;Add member&quot; to enter the head first.</translation>
    </message>
    <message>
        <source>离开后，本页的修改将丢失。要先保存吗？</source>
        <translation>Leaving discards the changes on this page. Save first?</translation>
    </message>
    <message>
        <source>放弃修改</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <source>正在输入…</source>
        <translation>Typing…</translation>
    </message>
    <message>
        <source>，待同步</source>
        <translation>, waiting to sync</translation>
    </message>
    <message>
        <source>自动保存</source>
        <translation>Saved automatically</translation>
    </message>
    <message>
        <source>研判</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <source>帮扶措施</source>
        <translation>Assistance measures</translation>
    </message>
    <message>
        <source>走访</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>村民小组</source>
        <translation>Village group</translation>
    </message>
    <message>
        <source>户类型</source>
        <translation>Household type</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>家庭住址</source>
        <translation>Home address</translation>
    </message>
</context>
<context>
    <name>HouseholdListPage</name>
    <message>
        <source>共 %1 户</source>
        <translation>%1 households</translation>
    </message>
    <message>
        <source>新增户</source>
        <translation>New household</translation>
    </message>
    <message>
        <source>户主姓名、村民小组或身份证号后几位</source>
        <translation>Head name, group or last digits of the ID number</translation>
    </message>
    <message>
        <source>清除</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>找到 %1 户</source>
        <translation>%1 found</translation>
    </message>
    <message>
        <source>全部户类型</source>
        <translation>All household types</translation>
    </message>
    <message>
        <source>全部监测类别</source>
        <translation>All monitoring categories</translation>
    </message>
    <message>
        <source>全部流程环节</source>
        <translation>All workflow stages</translation>
    </message>
    <message>
        <source>全部风险类型</source>
        <translation>All risk types</translation>
    </message>
    <message>
        <source>按村民小组排序</source>
        <translation>Sort by group</translation>
    </message>
    <message>
        <source>按户主姓名排序</source>
        <translation>Sort by head name</translation>
    </message>
    <message>
        <source>按风险排序</source>
        <translation>Sort by risk</translation>
    </message>
    <message>
        <source>按上次走访排序</source>
        <translation>Sort by last visit</translation>
    </message>
    <message>
        <source>清除筛选</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>户主</source>
        <translation>Head of household</translation>
    </message>
    <message>
        <source>村民小组</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>户类型</source>
        <translation>Household type</translation>
    </message>
    <message>
        <source>监测类别</source>
        <translation>Monitoring category</translation>
    </message>
    <message>
        <source>户主身份证号</source>
        <translation>Head&apos;s ID number</translation>
    </message>
    <message>
        <source>没有与“%1”相符的户</source>
        <translation>No household matches &quot;%1&quot;</translation>
    </message>
    <message>
        <source>没有符合筛选条件的户</source>
        <translation>No household matches the filters</translation>
    </message>
    <message>
        <source>这个村在本机还没有户的数据</source>
        <translation>This tablet has no households of this village yet</translation>
    </message>
</context>
<context>
    <name>HousingSection</name>
    <message>
        <source>住房安全</source>
        <translation>Housing safety</translation>
    </message>
    <message>
        <source>安全等级为C级、D级或认定为危房时，视为住房安全保障未达标。</source>
        <translation>A safety grade of C or D, or a house rated as dilapidated, means the housing safety guarantee is not met.</translation>
    </message>
    <message>
        <source>是否唯一住房</source>
        <translation>Only home?</translation>
    </message>
    <message>
        <source>房屋结构</source>
        <translation>Building structure</translation>
    </message>
    <message>
        <source>安全等级（A–D）</source>
        <translation>Safety grade (A–D)</translation>
    </message>
    <message>
        <source>是否危房</source>
        <translation>Dilapidated house?</translation>
    </message>
    <message>
        <source>住房面积（平方米）</source>
        <translation>Floor area (m²)</translation>
    </message>
    <message>
        <source>例如 96</source>
        <translation>e.g. 96</translation>
    </message>
</context>
<context>
    <name>IncomeSheetEditor</name>
    <message>
        <source>一、种植、林业、渔业</source>
        <translation>1. Crops, forestry, fishery</translation>
    </message>
    <message>
        <source>品种</source>
        <translation>Crop</translation>
    </message>
    <message>
        <source>面积（亩）</source>
        <translation>Area (mu)</translation>
    </message>
    <message>
        <source>产量（公斤）</source>
        <translation>Yield (kg)</translation>
    </message>
    <message>
        <source>出售金额（元）</source>
        <translation>Sales (yuan)</translation>
    </message>
    <message>
        <source>自用折价（元）</source>
        <translation>Own use value (yuan)</translation>
    </message>
    <message>
        <source>生产成本（元）</source>
        <translation>Production cost (yuan)</translation>
    </message>
    <message>
        <source>二、养殖业</source>
        <translation>2. Livestock</translation>
    </message>
    <message>
        <source>存栏（头/只）</source>
        <translation>Stock (head)</translation>
    </message>
    <message>
        <source>出栏（头/只）</source>
        <translation>Sold (head)</translation>
    </message>
    <message>
        <source>三、二、三产业</source>
        <translation>3. Secondary and tertiary industry</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>产品销售（元）</source>
        <translation>Product sales (yuan)</translation>
    </message>
    <message>
        <source>服务收入（元）</source>
        <translation>Service income (yuan)</translation>
    </message>
    <message>
        <source>经营成本（元）</source>
        <translation>Operating cost (yuan)</translation>
    </message>
    <message>
        <source>四、务工</source>
        <translation>4. Wage work</translation>
    </message>
    <message>
        <source>成员</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>本地务工（天）</source>
        <translation>Local work (days)</translation>
    </message>
    <message>
        <source>本地收入（元）</source>
        <translation>Local income (yuan)</translation>
    </message>
    <message>
        <source>外出务工（月）</source>
        <translation>Work away (months)</translation>
    </message>
    <message>
        <source>外出收入（元）</source>
        <translation>Income away (yuan)</translation>
    </message>
    <message>
        <source>实物折价（元）</source>
        <translation>In-kind value (yuan)</translation>
    </message>
    <message>
        <source>七、生产性固定资产</source>
        <translation>7. Productive fixed assets</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>购置年份</source>
        <translation>Year bought</translation>
    </message>
    <message>
        <source>原值（元）</source>
        <translation>Original value (yuan)</translation>
    </message>
    <message>
        <source>五、财产净收入</source>
        <translation>5. Net property income</translation>
    </message>
    <message>
        <source>六、转移净收入</source>
        <translation>6. Net transfer income</translation>
    </message>
    <message>
        <source>理赔收入与上期收入</source>
        <translation>Insurance claims and prior income</translation>
    </message>
    <message>
        <source>八、合理自付刚性支出</source>
        <translation>8. Reasonable out-of-pocket rigid expenses</translation>
    </message>
    <message>
        <source>“%1”不是有效的数字</source>
        <translation>&quot;%1&quot; is not a valid number</translation>
    </message>
    <message>
        <source>“%1”不是有效的金额</source>
        <translation>&quot;%1&quot; is not a valid amount</translation>
    </message>
    <message>
        <source>%1第%2行“%3”是负数，请核对</source>
        <translation>%1 line %2: &quot;%3&quot; is negative; please check</translation>
    </message>
    <message>
        <source>人均纯收入 %1 元超过监测范围 %2 元的10倍，请核对金额是否多填了位数（单位：元）</source>
        <translation>Per-capita net income %1 yuan is more than 10 times the monitoring line of %2 yuan; check for extra digits (unit: yuan)</translation>
    </message>
    <message>
        <source>务工第%1行记在“%2”名下，但其为“%3”，请核对</source>
        <translation>Wage line %1 is recorded for &quot;%2&quot;, who is &quot;%3&quot;; please check</translation>
    </message>
    <message>
        <source>务工第%1行的成员“%2”不在本户家庭成员中，请核对姓名</source>
        <translation>Wage line %1: &quot;%2&quot; is not a member of this household; check the name</translation>
    </message>
    <message>
        <source>务工第%1行有收入，但本户没有有劳动能力的成员，请核对</source>
        <translation>Wage line %1 has income but the household has no member able to work; please check</translation>
    </message>
    <message>
        <source>本机数据未打开，无法保存</source>
        <translation>The local data is not open; cannot save</translation>
    </message>
    <message>
        <source>找不到这一户，无法保存</source>
        <translation>Household not found; cannot save</translation>
    </message>
    <message>
        <source>保存失败：%1</source>
        <translation>Saving failed: %1</translation>
    </message>
    <message>
        <source>已保存 %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <source>扶贫资产收益分红</source>
        <translation>Dividends from poverty-alleviation assets</translation>
    </message>
    <message>
        <source>土地流转净租金</source>
        <translation>Net rent from land transfer</translation>
    </message>
    <message>
        <source>房屋出租净收入</source>
        <translation>Net income from renting out housing</translation>
    </message>
    <message>
        <source>其他财产净收入</source>
        <translation>Other net property income</translation>
    </message>
    <message>
        <source>E 理赔收入</source>
        <translation>E Insurance claim income</translation>
    </message>
    <message>
        <source>上期人均纯收入</source>
        <translation>Previous per-capita net income</translation>
    </message>
    <message>
        <source>F1 教育支出</source>
        <translation>F1 Education expenses</translation>
    </message>
    <message>
        <source>F2 医疗支出</source>
        <translation>F2 Medical expenses</translation>
    </message>
    <message>
        <source>F3 其他刚性支出</source>
        <translation>F3 Other unavoidable expenses</translation>
    </message>
    <message>
        <source>日期应写成 2024-09-05 这样的格式</source>
        <translation>Write the date like 2024-09-05</translation>
    </message>
</context>
<context>
    <name>IncomeSheetPage</name>
    <message>
        <source>收入核算 · %1</source>
        <translation>Income sheet · %1</translation>
    </message>
    <message>
        <source>农民家庭年人均纯收入核算表（金额单位：元）</source>
        <translation>Farm household&apos;s annual per-capita net income (amounts in yuan)</translation>
    </message>
    <message>
        <source>添加一行</source>
        <translation>Add a line</translation>
    </message>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>A 家庭总收入</source>
        <translation>A Total household income</translation>
    </message>
    <message>
        <source>B 家庭经营费用支出</source>
        <translation>B Household operating expenses</translation>
    </message>
    <message>
        <source>C 家庭纯收入</source>
        <translation>C Net household income</translation>
    </message>
    <message>
        <source>n 家庭人口（计入）</source>
        <translation>n Household members (counted)</translation>
    </message>
    <message>
        <source>D 人均纯收入</source>
        <translation>D Per-capita net income</translation>
    </message>
    <message>
        <source>E 理赔收入</source>
        <translation>E Insurance claims</translation>
    </message>
    <message>
        <source>F 刚性支出</source>
        <translation>F Rigid expenses</translation>
    </message>
    <message>
        <source>D1 扣除刚性支出后人均</source>
        <translation>D1 Per capita after rigid expenses</translation>
    </message>
    <message>
        <source>%1 人</source>
        <translation>%1 people</translation>
    </message>
    <message>
        <source>%1 元</source>
        <translation>%1 yuan</translation>
    </message>
    <message>
        <source>正在输入…</source>
        <translation>Typing…</translation>
    </message>
    <message>
        <source>，待同步</source>
        <translation>, waiting to sync</translation>
    </message>
    <message>
        <source>自动保存</source>
        <translation>Saved automatically</translation>
    </message>
    <message>
        <source>核算期 %1至%2（金额单位：元）</source>
        <translation>Income period %1 to %2 (amounts in yuan)</translation>
    </message>
    <message>
        <source>核算期（采集日前12个月）</source>
        <translation>Income period (12 months before collection)</translation>
    </message>
    <message>
        <source>开始 2023-09-01</source>
        <translation>start 2023-09-01</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <source>结束 2024-08-31</source>
        <translation>end 2024-08-31</translation>
    </message>
    <message>
        <source>设为采集日前12个月</source>
        <translation>Set to the 12 months before collection</translation>
    </message>
    <message>
        <source>没有上期核算表：上期人均纯收入可在“理赔收入与上期收入”中手填</source>
        <translation>No previous sheet: enter the previous per-capita income under “claims and previous income”</translation>
    </message>
    <message>
        <source>开始新一期核算（本表留作上期）</source>
        <translation>Start a new period (keep this sheet as the previous one)</translation>
    </message>
    <message>
        <source>开始新一期核算</source>
        <translation>Start a new income period</translation>
    </message>
    <message>
        <source>本表（%1至%2）将留作上期，其人均纯收入用于收入下降的判断；新一期为采集日前12个月，各项收入清空，生产性固定资产保留。</source>
        <translation>This sheet (%1 to %2) is kept as the previous period; its per-capita income is used to detect an income drop. The new period is the 12 months before collection; incomes are cleared, productive fixed assets are kept.</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>开始新一期</source>
        <translation>Start new period</translation>
    </message>
</context>
<context>
    <name>IndustrySection</name>
    <message>
        <source>产业与就业</source>
        <translation>Industry and employment</translation>
    </message>
    <message>
        <source>是否有产业覆盖</source>
        <translation>Covered by an industry project?</translation>
    </message>
    <message>
        <source>是否加入农民专业合作组织</source>
        <translation>Member of a farmers&apos; cooperative?</translation>
    </message>
    <message>
        <source>是否有龙头企业带动</source>
        <translation>Supported by a leading enterprise?</translation>
    </message>
    <message>
        <source>是否有创业致富带头人带动</source>
        <translation>Supported by a local business leader?</translation>
    </message>
    <message>
        <source>无产业、无就业的客观原因</source>
        <translation>Objective reason for having no industry or employment</translation>
    </message>
    <message>
        <source>例如 照顾瘫痪在床的母亲</source>
        <translation>e.g. caring for a bedridden, paralysed mother</translation>
    </message>
    <message>
        <source>产业失败的不可抗因素</source>
        <translation>Force majeure behind the failed industry</translation>
    </message>
    <message>
        <source>例如 生猪价格暴跌</source>
        <translation>e.g. a collapse in hog prices</translation>
    </message>
</context>
<context>
    <name>InsuranceSection</name>
    <message>
        <source>参保与享受政策</source>
        <translation>Insurance and policy benefits</translation>
    </message>
    <message>
        <source>城乡居民基本医疗保险</source>
        <translation>Residents&apos; basic medical insurance</translation>
    </message>
    <message>
        <source>职工基本医疗保险</source>
        <translation>Employees&apos; basic medical insurance</translation>
    </message>
    <message>
        <source>大病保险</source>
        <translation>Critical illness insurance</translation>
    </message>
    <message>
        <source>城乡居民基本养老保险</source>
        <translation>Residents&apos; basic pension insurance</translation>
    </message>
    <message>
        <source>低保</source>
        <translation>Minimum living allowance</translation>
    </message>
    <message>
        <source>特困供养</source>
        <translation>Extreme-poverty support</translation>
    </message>
</context>
<context>
    <name>LandSection</name>
    <message>
        <source>土地与林地（亩）</source>
        <translation>Land and forest (mu)</translation>
    </message>
    <message>
        <source>耕地面积</source>
        <translation>Cropland</translation>
    </message>
    <message>
        <source>林地面积</source>
        <translation>Forest land</translation>
    </message>
    <message>
        <source>退耕还林面积</source>
        <translation>Cropland returned to forest</translation>
    </message>
    <message>
        <source>园地面积</source>
        <translation>Orchards</translation>
    </message>
    <message>
        <source>牧草地面积</source>
        <translation>Pasture</translation>
    </message>
    <message>
        <source>养殖水面面积</source>
        <translation>Aquaculture water surface</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <source>入户</source>
        <translation>Ruhu</translation>
    </message>
    <message>
        <source>防止返贫动态监测
入户采集</source>
        <translation>Monitoring to prevent a return to poverty
Household survey</translation>
    </message>
    <message>
        <source>没有网络也能录入，数据保存在本机；
联网后自动同步到服务器。</source>
        <translation>Works without a network; data is kept on this tablet
and synced to the server once online.</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>服务器地址</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>例如 https://ruhu.example.cn</source>
        <translation>e.g. https://ruhu.example.cn</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>请输入用户名</source>
        <translation>Enter your user name</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>请输入密码</source>
        <translation>Enter your password</translation>
    </message>
    <message>
        <source>正在登录…</source>
        <translation>Logging in…</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>入户 · 防止返贫动态监测</source>
        <translation>Ruhu · Monitoring to prevent a return to poverty</translation>
    </message>
    <message>
        <source>已保存，待同步</source>
        <translation>Saved, waiting to sync</translation>
    </message>
    <message>
        <source>收入核算已保存，待同步</source>
        <translation>Income sheet saved, waiting to sync</translation>
    </message>
</context>
<context>
    <name>MeasuresPage</name>
    <message>
        <source>帮扶措施 · %1</source>
        <translation>Assistance measures · %1</translation>
    </message>
    <message>
        <source>共%1项</source>
        <translation>Total: %1</translation>
    </message>
    <message>
        <source>新增措施</source>
        <translation>Add measure</translation>
    </message>
    <message>
        <source>%1 元</source>
        <translation>%1 yuan</translation>
    </message>
    <message>
        <source>还没有帮扶措施。
点右上角“新增措施”。</source>
        <translation>No assistance measures yet.
Tap &quot;Add measure&quot; at the top right.</translation>
    </message>
    <message>
        <source>措施内容</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>例如 外出务工补贴、小额信贷</source>
        <translation>e.g. migrant work subsidy, microcredit</translation>
    </message>
    <message>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>删除这项措施</source>
        <translation>Delete this measure</translation>
    </message>
    <message>
        <source>删除帮扶措施</source>
        <translation>Delete assistance measure</translation>
    </message>
    <message>
        <source>删除后随下次同步上报，记录保留在历史中。确定删除吗？</source>
        <translation>The deletion is reported with the next sync, and the record stays in the history. Delete it?</translation>
    </message>
    <message>
        <source>帮扶类别</source>
        <translation>Assistance category</translation>
    </message>
    <message>
        <source>帮扶项目</source>
        <translation>Assistance item</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>是否开发式帮扶</source>
        <translation>Development-oriented assistance</translation>
    </message>
    <message>
        <source>主责部门</source>
        <translation>Responsible department</translation>
    </message>
    <message>
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
</context>
<context>
    <name>MediaSyncStatus</name>
    <message>
        <source>正在上传第 %1/%2 张照片，共 %3 / %4</source>
        <translation>Uploading photo %1/%2, %3 / %4</translation>
    </message>
</context>
<context>
    <name>MediaUploadPanel</name>
    <message>
        <source>照片上传</source>
        <translation>Photo upload</translation>
    </message>
    <message>
        <source>待上传 %1 张，%2</source>
        <translation>%1 to upload, %2</translation>
    </message>
    <message>
        <source>全部已上传</source>
        <translation>All uploaded</translation>
    </message>
    <message>
        <source>记录同步完成后自动上传照片；中断后从断点继续。</source>
        <translation>Photos upload after the records sync; an interrupted upload resumes where it stopped.</translation>
    </message>
    <message>
        <source>照片 %1</source>
        <translation>Photo %1</translation>
    </message>
    <message>
        <source>未能上传</source>
        <translation>Not uploaded</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>重新上传未能上传的照片</source>
        <translation>Retry photos that failed</translation>
    </message>
</context>
<context>
    <name>MediaUploader</name>
    <message>
        <source>尚未登录，照片暂不上传</source>
        <translation>Not logged in; photos are not uploaded yet</translation>
    </message>
    <message>
        <source>照片上传失败（服务器返回 %1），下次同步时重试</source>
        <translation>Photo upload failed (server returned %1); retrying at the next sync</translation>
    </message>
    <message>
        <source>本机照片文件已损坏或丢失，无法上传</source>
        <translation>The photo file on this tablet is damaged or missing; cannot upload</translation>
    </message>
    <message>
        <source>服务器没有接收照片数据，下次同步时重试</source>
        <translation>The server did not accept the photo data; retrying at the next sync</translation>
    </message>
    <message>
        <source>照片上传进度与服务器不一致，下次同步时重试</source>
        <translation>Upload progress differs from the server; retrying at the next sync</translation>
    </message>
    <message>
        <source>照片上传校验失败，下次同步时重新上传</source>
        <translation>The upload failed verification; uploading again at the next sync</translation>
    </message>
    <message>
        <source>照片过大（超过服务器上限 %1 MB），无法上传，请重新拍摄</source>
        <translation>The photo is too large (server limit %1 MB); take it again</translation>
    </message>
    <message>
        <source>照片过大，服务器拒绝接收，请重新拍摄</source>
        <translation>The photo is too large and was refused; take it again</translation>
    </message>
    <message>
        <source>无法连接服务器，照片将在下次同步时继续上传</source>
        <translation>Cannot reach the server; photos continue uploading at the next sync</translation>
    </message>
    <message>
        <source>登录已失效，请重新登录后再上传照片</source>
        <translation>Your login has expired; log in again to upload photos</translation>
    </message>
</context>
<context>
    <name>MemberDelegate</name>
    <message>
        <source>（未填姓名）</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <source>计入家庭人口</source>
        <translation>Counted in household</translation>
    </message>
    <message>
        <source>不计入家庭人口</source>
        <translation>Not counted in household</translation>
    </message>
    <message>
        <source>已修改，未保存</source>
        <translation>Changed, not saved</translation>
    </message>
    <message>
        <source>未填身份证号</source>
        <translation>No ID number</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Remove</translation>
    </message>
</context>
<context>
    <name>MemberEditor</name>
    <message>
        <source>请填写姓名</source>
        <translation>Enter the name</translation>
    </message>
    <message>
        <source>身份证号应为18位，当前为%1位</source>
        <translation>The ID number must have 18 characters; it has %1</translation>
    </message>
    <message>
        <source>可暂不填写，核实后补录</source>
        <translation>May be left empty and added after checking</translation>
    </message>
    <message>
        <source>身份证号前17位只能是数字</source>
        <translation>The first 17 characters of the ID number must be digits</translation>
    </message>
    <message>
        <source>已输入 %1 位，还差 %2 位</source>
        <translation>%1 entered, %2 to go</translation>
    </message>
    <message>
        <source>校验通过</source>
        <translation>Check digit correct</translation>
    </message>
</context>
<context>
    <name>MemberEditorDialog</name>
    <message>
        <source>编辑家庭成员</source>
        <translation>Edit member</translation>
    </message>
    <message>
        <source>添加家庭成员</source>
        <translation>Add member</translation>
    </message>
    <message>
        <source>与户口簿一致</source>
        <translation>As in the household register</translation>
    </message>
    <message>
        <source>请选择</source>
        <translation>Choose</translation>
    </message>
    <message>
        <source>18位居民身份证号</source>
        <translation>18-character resident ID number</translation>
    </message>
    <message>
        <source>%1（由身份证号自动得出）</source>
        <translation>%1 (from the ID number)</translation>
    </message>
    <message>
        <source>研判需要：计入家庭人口的成员必填</source>
        <translation>Needed for the assessment: required for counted members</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>已自动保存</source>
        <translation>Saved automatically</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>与户主关系</source>
        <translation>Relation to head of household</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>成员状态</source>
        <translation>Member status</translation>
    </message>
    <message>
        <source>劳动技能</source>
        <translation>Labour capacity</translation>
    </message>
    <message>
        <source>详细情况</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>MemberPage</name>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>成员详细情况 · %1</source>
        <translation>Member details · %1</translation>
    </message>
    <message>
        <source>研判所需的成员信息；每项离开时自动保存</source>
        <translation>What the assessment needs about this member; each field saves when left</translation>
    </message>
    <message>
        <source>请核实（%1项）</source>
        <translation>Please check (%1)</translation>
    </message>
    <message>
        <source>健康状况</source>
        <translation>Health</translation>
    </message>
    <message>
        <source>患大病、重度残疾（一、二级）、失能老年人关系到重点关注K2、K4、K10。</source>
        <translation>Serious illness, severe disability (grade 1 or 2) and disabled elderly decide K2, K4 and K10.</translation>
    </message>
    <message>
        <source>所患疾病（多个用顿号分隔）</source>
        <translation>Diseases (separate with 、)</translation>
    </message>
    <message>
        <source>例如 高血压、糖尿病</source>
        <translation>e.g. hypertension、diabetes</translation>
    </message>
    <message>
        <source>残疾等级</source>
        <translation>Disability grade</translation>
    </message>
    <message>
        <source>一级</source>
        <translation>Grade 1</translation>
    </message>
    <message>
        <source>二级</source>
        <translation>Grade 2</translation>
    </message>
    <message>
        <source>三级</source>
        <translation>Grade 3</translation>
    </message>
    <message>
        <source>四级</source>
        <translation>Grade 4</translation>
    </message>
    <message>
        <source>无残疾证</source>
        <translation>No disability certificate</translation>
    </message>
    <message>
        <source>残疾类别</source>
        <translation>Disability type</translation>
    </message>
    <message>
        <source>残疾证办证年度</source>
        <translation>Year of disability certificate</translation>
    </message>
    <message>
        <source>例如 2019</source>
        <translation>e.g. 2019</translation>
    </message>
    <message>
        <source>是否失能老年人</source>
        <translation>Disabled elderly</translation>
    </message>
    <message>
        <source>在校生状况</source>
        <translation>Schooling</translation>
    </message>
    <message>
        <source>2人以上在非义务教育学段就学为K5；义务教育适龄失学辍学为“三保障”教育未保障。</source>
        <translation>Two or more in non-compulsory education: K5; a compulsory-age child out of school: education not guaranteed.</translation>
    </message>
    <message>
        <source>非在校生</source>
        <translation>Not a student</translation>
    </message>
    <message>
        <source>义务教育阶段未上学原因</source>
        <translation>Reason for not attending compulsory school</translation>
    </message>
    <message>
        <source>不适用</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <source>监护赡养</source>
        <translation>Guardianship and support</translation>
    </message>
    <message>
        <source>法定监护人：%1</source>
        <translation>Legal guardian: %1</translation>
    </message>
    <message>
        <source>法定赡养人：%1</source>
        <translation>Legal supporter: %1</translation>
    </message>
    <message>
        <source>16周岁以下无法定监护人、60周岁以上无法定赡养人为K9。</source>
        <translation>Aged 16 or under without a legal guardian, or 60 or over without a legal supporter: K9.</translation>
    </message>
    <message>
        <source>是否有法定监护人</source>
        <translation>Has a legal guardian</translation>
    </message>
    <message>
        <source>是否有法定赡养人</source>
        <translation>Has a legal supporter</translation>
    </message>
    <message>
        <source>是否事实无人抚养儿童</source>
        <translation>De facto unsupported child</translation>
    </message>
    <message>
        <source>劳动与务工</source>
        <translation>Labour and work</translation>
    </message>
    <message>
        <source>务工%1个月</source>
        <translation>worked %1 months</translation>
    </message>
    <message>
        <source>劳动技能决定劳动力系数（K2、K10）；有劳动力而零就业、无产业为K3。</source>
        <translation>Labour capacity gives the labour coefficient (K2, K10); able to work but no job and no industry: K3.</translation>
    </message>
    <message>
        <source>劳动技能</source>
        <translation>Labour capacity</translation>
    </message>
    <message>
        <source>是否务工就业</source>
        <translation>Employed</translation>
    </message>
    <message>
        <source>务工时间（月，0–12）</source>
        <translation>Months worked (0–12)</translation>
    </message>
    <message>
        <source>例如 10</source>
        <translation>e.g. 10</translation>
    </message>
    <message>
        <source>务工所在地</source>
        <translation>Place of work</translation>
    </message>
    <message>
        <source>务工所在县</source>
        <translation>County of work</translation>
    </message>
    <message>
        <source>例如 潜江市</source>
        <translation>e.g. Qianjiang</translation>
    </message>
    <message>
        <source>务工企业名称</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>例如 某某电子厂</source>
        <translation>e.g. an electronics factory</translation>
    </message>
    <message>
        <source>公益性岗位</source>
        <translation>Public welfare job</translation>
    </message>
    <message>
        <source>例如 村庄保洁员</source>
        <translation>e.g. village cleaner</translation>
    </message>
    <message>
        <source>公益性岗位（月数）</source>
        <translation>Public welfare job (months)</translation>
    </message>
    <message>
        <source>例如 12</source>
        <translation>e.g. 12</translation>
    </message>
    <message>
        <source>公益性岗位月工资（元）</source>
        <translation>Public welfare job monthly pay (yuan)</translation>
    </message>
    <message>
        <source>例如 500</source>
        <translation>e.g. 500</translation>
    </message>
    <message>
        <source>参保与享受政策</source>
        <translation>Insurance and benefits</translation>
    </message>
    <message>
        <source>未参加城乡居民或职工基本医疗保险为“三保障”医疗未保障。</source>
        <translation>Without resident or employee basic medical insurance, medical care is not guaranteed.</translation>
    </message>
    <message>
        <source>城乡居民基本医疗保险</source>
        <translation>Resident basic medical insurance</translation>
    </message>
    <message>
        <source>职工基本医疗保险</source>
        <translation>Employee basic medical insurance</translation>
    </message>
    <message>
        <source>大病保险</source>
        <translation>Critical illness insurance</translation>
    </message>
    <message>
        <source>商业补充医疗保险</source>
        <translation>Commercial supplementary medical insurance</translation>
    </message>
    <message>
        <source>城乡居民基本养老保险</source>
        <translation>Resident basic pension insurance</translation>
    </message>
    <message>
        <source>职工基本养老保险</source>
        <translation>Employee basic pension insurance</translation>
    </message>
    <message>
        <source>人身意外保险补贴</source>
        <translation>Accident insurance subsidy</translation>
    </message>
    <message>
        <source>低保</source>
        <translation>Dibao (minimum living allowance)</translation>
    </message>
    <message>
        <source>低保档次</source>
        <translation>Dibao tier</translation>
    </message>
    <message>
        <source>特困供养</source>
        <translation>Extreme poverty support</translation>
    </message>
    <message>
        <source>特困供养方式</source>
        <translation>Support mode</translation>
    </message>
    <message>
        <source>是否接受医疗救助</source>
        <translation>Medical assistance</translation>
    </message>
    <message>
        <source>是否接受其他健康帮扶</source>
        <translation>Other health assistance</translation>
    </message>
    <message>
        <source>家庭人口与排除情形</source>
        <translation>Household size and exclusions</translation>
    </message>
    <message>
        <source>不共享收支的成员不计入家庭人口（X9）；国家公职人员（X1）、领取报酬的村干部（X2）、空挂人口（X8）为排除情形。</source>
        <translation>A member not sharing income and expenses is not counted (X9); a public servant (X1), a paid village cadre (X2) or a registered-only member (X8) excludes the household.</translation>
    </message>
    <message>
        <source>是否与户主共享收支</source>
        <translation>Shares income and expenses with the head</translation>
    </message>
    <message>
        <source>是否国家公职人员</source>
        <translation>Public servant</translation>
    </message>
    <message>
        <source>是否任村三委干部并领取报酬</source>
        <translation>Paid village committee cadre</translation>
    </message>
    <message>
        <source>是否空挂人口</source>
        <translation>Registered here but not living here</translation>
    </message>
</context>
<context>
    <name>PhotoCapturePage</name>
    <message>
        <source>拍照 · %1</source>
        <translation>Photo · %1</translation>
    </message>
    <message>
        <source>已获取拍摄位置</source>
        <translation>Location found</translation>
    </message>
    <message>
        <source>未获取拍摄位置（将记录为“无位置”）</source>
        <translation>No location (will be recorded as &quot;no location&quot;)</translation>
    </message>
    <message>
        <source>照片类别</source>
        <translation>Photo type</translation>
    </message>
    <message>
        <source>这台设备没有可用的相机。可以从文件导入照片：点“选择照片文件”，或在下面输入文件路径后点“导入”。</source>
        <translation>This device has no usable camera. Import a photo from a file: tap &quot;Choose photo file&quot;, or enter a file path below and tap &quot;Import&quot;.</translation>
    </message>
    <message>
        <source>选择照片文件</source>
        <translation>Choose photo file</translation>
    </message>
    <message>
        <source>照片文件路径，如 /sdcard/DCIM/house.jpg</source>
        <translation>Photo file path, e.g. /sdcard/DCIM/house.jpg</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>选择照片</source>
        <translation>Choose a photo</translation>
    </message>
    <message>
        <source>图片 (*.jpg *.jpeg *.png)</source>
        <translation>Images (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>拍照</source>
        <translation>Take photo</translation>
    </message>
</context>
<context>
    <name>PhotoLibrary</name>
    <message>
        <source>请先保存这户的基本信息，再拍照</source>
        <translation>Save the household&apos;s basic information before taking photos</translation>
    </message>
</context>
<context>
    <name>PhotoProcessor</name>
    <message>
        <source>所选文件不是可识别的图片，请选择 JPG 或 PNG 照片</source>
        <translation>The selected file is not a recognizable image. Please choose a JPG or PNG photo.</translation>
    </message>
    <message>
        <source>图片像素过大，无法处理，请用平板相机重新拍摄</source>
        <translation>The image has too many pixels to process. Please retake it with the tablet camera.</translation>
    </message>
    <message>
        <source>图片无法读取（文件可能已损坏），请重新拍摄或选择其他照片</source>
        <translation>The image cannot be read (the file may be damaged). Please retake it or choose another photo.</translation>
    </message>
    <message>
        <source>照片压缩失败，请重试</source>
        <translation>Compressing the photo failed. Please try again.</translation>
    </message>
    <message>
        <source>无法打开照片文件，请确认文件存在且可读取</source>
        <translation>Cannot open the photo file. Please check that it exists and is readable.</translation>
    </message>
    <message>
        <source>照片文件过大（超过 64 MB），请用平板相机重新拍摄</source>
        <translation>The photo file is too large (over 64 MB). Please retake it with the tablet camera.</translation>
    </message>
</context>
<context>
    <name>PhotoStore</name>
    <message>
        <source>请先选择照片文件</source>
        <translation>Choose a photo file first</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <source>照片（%1）</source>
        <translation>Photos (%1)</translation>
    </message>
    <message>
        <source>拍照</source>
        <translation>Take photo</translation>
    </message>
    <message>
        <source>还没有照片。住房、证件等照片加密保存在本机，同步时上传。</source>
        <translation>No photos yet. Housing, document and other photos are stored encrypted on this tablet and uploaded at sync.</translation>
    </message>
    <message>
        <source>先保存这户的基本信息，再拍照。</source>
        <translation>Save the household&apos;s basic information before taking photos.</translation>
    </message>
</context>
<context>
    <name>PhotoViewerPage</name>
    <message>
        <source>照片 · %1</source>
        <translation>Photo · %1</translation>
    </message>
    <message>
        <source>%1 · 拍摄人 %2 · %3×%4</source>
        <translation>%1 · taken by %2 · %3×%4</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>上一张</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>下一张</source>
        <translation>Next</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>请填写不小于0的整数，例如 3</source>
        <translation>Enter a whole number of at least 0, e.g. 3</translation>
    </message>
    <message>
        <source>请填写0到100000之间的数字，例如 4.5</source>
        <translation>Enter a number between 0 and 100000, e.g. 4.5</translation>
    </message>
    <message>
        <source>请填写金额（元），例如 1200 或 1200.50</source>
        <translation>Enter an amount in yuan, e.g. 1200 or 1200.50</translation>
    </message>
    <message>
        <source>日期应写成 2024-09-05 这样的格式</source>
        <translation>Write the date like 2024-09-05</translation>
    </message>
</context>
<context>
    <name>RejectedListModel</name>
    <message>
        <source>服务器未说明原因（%1）</source>
        <translation>The server gave no reason (%1)</translation>
    </message>
</context>
<context>
    <name>RemoveMemberDialog</name>
    <message>
        <source>删除家庭成员“%1”</source>
        <translation>Remove member &quot;%1&quot;</translation>
    </message>
    <message>
        <source>删除后立即生效，随下次同步上报。成员去世、服刑或失踪时不要删除，请在成员信息里改“成员状态”。</source>
        <translation>Removal takes effect at once and is reported at the next sync. Do not remove a member who died, is in prison or is missing: change the member status instead.</translation>
    </message>
    <message>
        <source>删除原因</source>
        <translation>Reason for removal</translation>
    </message>
    <message>
        <source>户籍迁出</source>
        <translation>Moved out (household register)</translation>
    </message>
    <message>
        <source>分户</source>
        <translation>Split into a new household</translation>
    </message>
    <message>
        <source>重复录入</source>
        <translation>Entered twice</translation>
    </message>
    <message>
        <source>录入错误，非本户成员</source>
        <translation>Entered by mistake, not a member</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>请说明原因</source>
        <translation>Explain the reason</translation>
    </message>
    <message>
        <source>例如 嫁入外村</source>
        <translation>e.g. married into another village</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Remove</translation>
    </message>
</context>
<context>
    <name>RiskDecisionEditor</name>
    <message>
        <source>本机找不到这一户，无法保存</source>
        <translation>This household is not on this tablet; cannot save</translation>
    </message>
    <message>
        <source>未能保存：%1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <source>已保存 %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <source>本户有2–5类排除情形（%1），研判为“%2”必须写明专门说明；说明填好后研判结论才保存</source>
        <translation>This household has exclusions of types 2–5 (%1); deciding &quot;%2&quot; needs a specific explanation. The decision is saved once it is written.</translation>
    </message>
    <message>
        <source>致贫/返贫风险最多选5项，请先取消一项</source>
        <translation>At most 5 risk types; clear one first</translation>
    </message>
    <message>
        <source>未能保存致贫/返贫风险</source>
        <translation>Risk types were not saved</translation>
    </message>
    <message>
        <source>纳入监测至少要选择1项致贫/返贫风险</source>
        <translation>Monitoring needs at least 1 risk type</translation>
    </message>
    <message>
        <source>未能保存专门说明</source>
        <translation>Could not save the explanation</translation>
    </message>
</context>
<context>
    <name>RiskDecisionPage</name>
    <message>
        <source>风险研判 · %1</source>
        <translation>Risk assessment · %1</translation>
    </message>
    <message>
        <source>规则引擎给出建议，结论由村组研判确定</source>
        <translation>The rule engine suggests; the village team makes the decision</translation>
    </message>
    <message>
        <source>致贫/返贫风险（选1–5项）</source>
        <translation>Poverty and relapse risks (choose 1–5)</translation>
    </message>
    <message>
        <source>研判结论</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>尚未保存：请先填写下方的专门说明</source>
        <translation>Not saved yet: first write the specific explanation below</translation>
    </message>
    <message>
        <source>2–5类排除情形例外的专门说明（%1）</source>
        <translation>Specific explanation for the type 2–5 exclusion exception (%1)</translation>
    </message>
    <message>
        <source>写明家庭重大变故等例外理由，供村级评议和乡镇审核</source>
        <translation>State the exceptional reason, such as a major family crisis, for the village appraisal and the township review</translation>
    </message>
    <message>
        <source>研判说明</source>
        <translation>Assessment notes</translation>
    </message>
    <message>
        <source>例如 户主患大病，医疗支出大，建议纳入</source>
        <translation>e.g. the head of household is seriously ill with high medical costs; recommend including</translation>
    </message>
</context>
<context>
    <name>ScreenshotTour</name>
    <message>
        <source>用户名或密码错误</source>
        <translation>Wrong user name or password</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>请填写服务器地址</source>
        <translation>Enter the server address</translation>
    </message>
    <message>
        <source>服务器地址格式不正确，例如 https://ruhu.example.cn</source>
        <translation>The server address is not valid, e.g. https://ruhu.example.cn</translation>
    </message>
    <message>
        <source>请输入用户名</source>
        <translation>Enter your user name</translation>
    </message>
    <message>
        <source>请输入密码</source>
        <translation>Enter your password</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>允许不加密连接（不安全）</source>
        <translation>Allow unencrypted connection (insecure)</translation>
    </message>
    <message>
        <source>警告：不加密时，身份证号、收入、健康等信息在网络上以明文传输，可能被他人截获。仅在管理员要求时打开。</source>
        <translation>Warning: without encryption, ID numbers, income, health and other data travel over the network in clear text and can be intercepted. Turn this on only when your administrator asks you to.</translation>
    </message>
    <message>
        <source>服务器证书指纹 SHA-256（可选，由管理员提供）</source>
        <translation>Server certificate fingerprint, SHA-256 (optional, from your administrator)</translation>
    </message>
    <message>
        <source>保存指纹</source>
        <translation>Save fingerprint</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>服务器地址、语言和字体大小</source>
        <translation>Server address, language and text size</translation>
    </message>
    <message>
        <source>同步服务器</source>
        <translation>Sync server</translation>
    </message>
    <message>
        <source>例如 https://ruhu.example.gov.cn</source>
        <translation>e.g. https://ruhu.example.gov.cn</translation>
    </message>
    <message>
        <source>保存地址</source>
        <translation>Save address</translation>
    </message>
    <message>
        <source>已保存，下次同步使用新地址</source>
        <translation>Saved; the next sync uses the new address</translation>
    </message>
    <message>
        <source>语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>简体中文</source>
        <translation>简体中文</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>字体大小</source>
        <translation>Text size</translation>
    </message>
    <message>
        <source>标准</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>大</source>
        <translation>Large</translation>
    </message>
    <message>
        <source>特大</source>
        <translation>Extra large</translation>
    </message>
    <message>
        <source>示例：户主 张建国，家庭人口 4 人</source>
        <translation>Example: head 张建国, 4 members</translation>
    </message>
</context>
<context>
    <name>SignaturePage</name>
    <message>
        <source>签名 · %1（%2）</source>
        <translation>Signature · %1 (%2)</translation>
    </message>
    <message>
        <source>不满十四周岁，由监护人代签</source>
        <translation>Under 14, signed by a guardian</translation>
    </message>
    <message>
        <source>确认</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>签字方式</source>
        <translation>How it is signed</translation>
    </message>
    <message>
        <source>监护人姓名</source>
        <translation>Guardian&apos;s name</translation>
    </message>
    <message>
        <source>签字人姓名</source>
        <translation>Signer&apos;s name</translation>
    </message>
    <message>
        <source>签字人身份</source>
        <translation>Signer&apos;s role</translation>
    </message>
    <message>
        <source>代填写人姓名</source>
        <translation>Name of the person filling in</translation>
    </message>
    <message>
        <source>代填写人身份</source>
        <translation>Role of the person filling in</translation>
    </message>
    <message>
        <source>请选择</source>
        <translation>Choose</translation>
    </message>
    <message>
        <source>代填原因</source>
        <translation>Reason for filling in on behalf</translation>
    </message>
    <message>
        <source>例如 申请人不识字</source>
        <translation>e.g. the applicant cannot read</translation>
    </message>
    <message>
        <source>已向申请人宣读本授权书全部内容</source>
        <translation>The whole authorization was read to the applicant</translation>
    </message>
    <message>
        <source>手印照片</source>
        <translation>Fingerprint photo</translation>
    </message>
    <message>
        <source>已拍摄</source>
        <translation>Taken</translation>
    </message>
    <message>
        <source>申请人按手印后拍照</source>
        <translation>Photograph the applicant&apos;s fingerprint</translation>
    </message>
    <message>
        <source>重拍手印照片</source>
        <translation>Retake fingerprint photo</translation>
    </message>
    <message>
        <source>拍手印照片</source>
        <translation>Take fingerprint photo</translation>
    </message>
    <message>
        <source>请在横线上方签署姓名</source>
        <translation>Sign your name above the line</translation>
    </message>
    <message>
        <source>代填时可不签名；请拍手印照片</source>
        <translation>When filled in on behalf no signature is needed; take a fingerprint photo</translation>
    </message>
    <message>
        <source>尚未签名</source>
        <translation>Not signed yet</translation>
    </message>
    <message>
        <source>%1 笔，%2 个采样点</source>
        <translation>%1 strokes, %2 points</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>清除</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>请本人在签名框内签署姓名</source>
        <translation>Ask the person to sign their name in the signature box</translation>
    </message>
</context>
<context>
    <name>SuddenEventsSection</name>
    <message>
        <source>突发事件</source>
        <translation>Sudden events</translation>
    </message>
    <message>
        <source>如自然灾害、重大疾病、意外事故等，写明发生日期。</source>
        <translation>Such as natural disasters, serious illness or accidents; give the date.</translation>
    </message>
    <message>
        <source>添加突发事件</source>
        <translation>Add sudden event</translation>
    </message>
    <message>
        <source>事件类型</source>
        <translation>Event type</translation>
    </message>
    <message>
        <source>例如 洪涝灾害</source>
        <translation>e.g. flood</translation>
    </message>
    <message>
        <source>发生日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>例如 2026-07-10</source>
        <translation>e.g. 2026-07-10</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>SurveyChoiceField</name>
    <message>
        <source>请选择</source>
        <translation>Choose</translation>
    </message>
</context>
<context>
    <name>SurveyElementList</name>
    <message>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>请选择</source>
        <translation>Choose</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>SurveyRecord</name>
    <message>
        <source>已保存 %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <source>此项必填，请填写</source>
        <translation>Required; please fill in</translation>
    </message>
    <message>
        <source>本机数据未打开，无法保存</source>
        <translation>The local data is not open; cannot save</translation>
    </message>
    <message>
        <source>找不到这一户，无法保存</source>
        <translation>Household not found; cannot save</translation>
    </message>
    <message>
        <source>未能保存：%1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <source>这一行已被删除</source>
        <translation>This line was removed</translation>
    </message>
    <message>
        <source>未能删除：%1</source>
        <translation>Not removed: %1</translation>
    </message>
</context>
<context>
    <name>SurveyTextField</name>
    <message>
        <source>例如 2024-09-05</source>
        <translation>e.g. 2024-09-05</translation>
    </message>
</context>
<context>
    <name>SurveyYesNoField</name>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>SyncBar</name>
    <message>
        <source>同步中…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>同步未完成：%1</source>
        <translation>Sync not finished: %1</translation>
    </message>
    <message>
        <source>待同步 %1 条</source>
        <translation>%1 waiting to sync</translation>
    </message>
    <message>
        <source>已全部同步</source>
        <translation>All synced</translation>
    </message>
    <message>
        <source>%1 条修改被退回</source>
        <translation>%1 edits returned</translation>
    </message>
    <message>
        <source>上次同步：%1</source>
        <translation>Last sync: %1</translation>
    </message>
    <message>
        <source>立即同步</source>
        <translation>Sync now</translation>
    </message>
</context>
<context>
    <name>SyncClient</name>
    <message>
        <source>无法验证服务器证书（%1）。如服务器使用自签名证书，请在设置中填写证书指纹。</source>
        <translation>Cannot verify the server certificate (%1). If the server uses a self-signed certificate, enter its fingerprint in Settings.</translation>
    </message>
    <message>
        <source>服务器证书与设置中的指纹不符，可能有人冒充服务器，已停止连接。请联系管理员核对证书指纹。</source>
        <translation>The server certificate does not match the fingerprint in Settings: someone may be impersonating the server, so the connection was stopped. Ask your administrator to check the fingerprint.</translation>
    </message>
    <message>
        <source>服务器地址必须以 https:// 开头（加密连接）。如确需使用 http://，请在设置中打开“允许不加密连接（不安全）”。</source>
        <translation>The server address must start with https:// (encrypted). If you really need http://, turn on “Allow unencrypted connection (insecure)” in Settings.</translation>
    </message>
    <message>
        <source>已设置证书指纹，服务器地址必须以 https:// 开头</source>
        <translation>A certificate fingerprint is set: the server address must start with https://</translation>
    </message>
    <message>
        <source>无法连接服务器，请检查网络。数据已保存在本机，联网后再同步。</source>
        <translation>Cannot reach the server; check the network. Your data is saved on this tablet; sync again when online.</translation>
    </message>
</context>
<context>
    <name>SyncOutcomeDelegate</name>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>怎么办：%1</source>
        <translation>What to do: %1</translation>
    </message>
</context>
<context>
    <name>SyncOutcomeListModel</name>
    <message>
        <source>未被接受</source>
        <translation>Not accepted</translation>
    </message>
    <message>
        <source>请打开该户，按原因核对后重新填写并保存</source>
        <translation>Open the household, check against the reason, re-enter and save</translation>
    </message>
    <message>
        <source>服务器未说明原因（%1）</source>
        <translation>The server gave no reason (%1)</translation>
    </message>
    <message>
        <source>待乡镇审核</source>
        <translation>Awaiting township review</translation>
    </message>
    <message>
        <source>无需重复修改，审核结果会在同步后显示</source>
        <translation>No need to edit again; the review result appears after a sync</translation>
    </message>
    <message>
        <source>已合并</source>
        <translation>Merged</translation>
    </message>
    <message>
        <source>部分字段以更新的修改为准，请打开该户核对</source>
        <translation>Some fields kept a newer edit; open the household and check</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>同步中…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>从未同步</source>
        <translation>Never synced</translation>
    </message>
    <message>
        <source>今天 %1</source>
        <translation>Today %1</translation>
    </message>
    <message>
        <source>昨天 %1</source>
        <translation>Yesterday %1</translation>
    </message>
    <message>
        <source>%1月%2日 %3</source>
        <translation>%2/%1 %3</translation>
    </message>
    <message>
        <source>%1年%2月%3日 %4</source>
        <translation>%3/%2/%1 %4</translation>
    </message>
</context>
<context>
    <name>SyncStatusPage</name>
    <message>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>修改先保存在本机，联网后上传到服务器，并取回其他人的修改</source>
        <translation>Edits are saved on this tablet first, uploaded once online, and others&apos; edits are fetched</translation>
    </message>
    <message>
        <source>同步状态</source>
        <translation>Sync status</translation>
    </message>
    <message>
        <source>待同步</source>
        <translation>Waiting to sync</translation>
    </message>
    <message>
        <source>%1 条</source>
        <translation>%1</translation>
    </message>
    <message>
        <source>上次同步</source>
        <translation>Last sync</translation>
    </message>
    <message>
        <source>被退回</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>待审核</source>
        <translation>Under review</translation>
    </message>
    <message>
        <source>服务器</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>上次同步没有完成</source>
        <translation>The last sync did not finish</translation>
    </message>
    <message>
        <source>修改都已保存在本机，不会丢失。网络恢复后会自动重试。</source>
        <translation>All edits are saved on this tablet and will not be lost. Sync retries when the network is back.</translation>
    </message>
    <message>
        <source>同步中…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>立即同步</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>被服务器退回的修改（%1）</source>
        <translation>Edits returned by the server (%1)</translation>
    </message>
    <message>
        <source>这些修改没有生效。请核实情况后，在户信息中重新录入。</source>
        <translation>These edits did not take effect. Check the facts, then enter them again in the household.</translation>
    </message>
    <message>
        <source>原因：</source>
        <translation>Reason: </translation>
    </message>
    <message>
        <source>没有被退回的修改</source>
        <translation>No returned edits</translation>
    </message>
    <message>
        <source>等待乡镇审核的修改（%1）</source>
        <translation>Edits awaiting township review (%1)</translation>
    </message>
    <message>
        <source>与他人的修改冲突，两边的内容都已保存，审核结果会同步回本机。</source>
        <translation>These clash with someone else&apos;s edits; both versions are kept and the review result syncs back to this tablet.</translation>
    </message>
    <message>
        <source>没有等待审核的修改</source>
        <translation>No edits awaiting review</translation>
    </message>
</context>
<context>
    <name>TodayListCard</name>
    <message>
        <source>%1 户</source>
        <translation>%1 households</translation>
    </message>
    <message>
        <source>%1 · %2%3</source>
        <translation>%1 · %2 %3</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>我的村</source>
        <translation>My villages</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>本机户数</source>
        <translation>Households on this tablet</translation>
    </message>
    <message>
        <source>本月待走访（监测对象）</source>
        <translation>Monthly visits due (monitored)</translation>
    </message>
    <message>
        <source>待回头看</source>
        <translation>Look-back due</translation>
    </message>
    <message>
        <source>%1 户 · 监测对象 %2 户 · 本月待走访 %3 户 · 待回头看 %4 户</source>
        <translation>%1 households · %2 monitored · %3 monthly visits due · %4 look-backs due</translation>
    </message>
    <message>
        <source>本月待走访（每月走访）</source>
        <translation>Monthly visits due this month</translation>
    </message>
    <message>
        <source>监测对象每月至少走访一次，走访后在该户的走访记录里登记</source>
        <translation>Monitored households are visited at least once a month; record the visit in the household&apos;s visit log</translation>
    </message>
    <message>
        <source>本月的每月走访都已完成</source>
        <translation>This month&apos;s monthly visits are all done</translation>
    </message>
    <message>
        <source>近 12 个月内风险已消除、之后还没有回头看走访的户</source>
        <translation>Households whose risk was eliminated in the last 12 months with no look-back visit since</translation>
    </message>
    <message>
        <source>没有需要回头看的户</source>
        <translation>No household needs a look-back</translation>
    </message>
    <message>
        <source>同步结果</source>
        <translation>Sync results</translation>
    </message>
    <message>
        <source>没有需要处理的同步结果</source>
        <translation>No sync results to act on</translation>
    </message>
</context>
<context>
    <name>UrbanPropertySection</name>
    <message>
        <source>城镇房产</source>
        <translation>Property in towns</translation>
    </message>
    <message>
        <source>在城镇拥有商品房、自建房、门面房或经营用房属于排除情形X4。</source>
        <translation>Owning a commercial, self-built, shop or business property in a town is exclusion X4.</translation>
    </message>
    <message>
        <source>添加城镇房产</source>
        <translation>Add property in town</translation>
    </message>
    <message>
        <source>房产类型</source>
        <translation>Property type</translation>
    </message>
    <message>
        <source>所在地</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>信息来源</source>
        <translation>Source</translation>
    </message>
</context>
<context>
    <name>UtilitiesSection</name>
    <message>
        <source>生活设施</source>
        <translation>Living facilities</translation>
    </message>
    <message>
        <source>通生活用电</source>
        <translation>Household electricity</translation>
    </message>
    <message>
        <source>通生产用电</source>
        <translation>Electricity for production</translation>
    </message>
    <message>
        <source>通广播电视</source>
        <translation>Radio and TV</translation>
    </message>
    <message>
        <source>有卫生厕所</source>
        <translation>Sanitary toilet</translation>
    </message>
    <message>
        <source>厕所能正常使用</source>
        <translation>Toilet in working order</translation>
    </message>
    <message>
        <source>入户路类型</source>
        <translation>Access road type</translation>
    </message>
    <message>
        <source>例如 水泥路、砂石路、泥土路</source>
        <translation>e.g. concrete, gravel, dirt</translation>
    </message>
    <message>
        <source>距主干道距离（公里）</source>
        <translation>Distance to main road (km)</translation>
    </message>
    <message>
        <source>主要燃料</source>
        <translation>Main fuel</translation>
    </message>
    <message>
        <source>例如 柴草、煤、液化气、电</source>
        <translation>e.g. firewood, coal, LPG, electricity</translation>
    </message>
</context>
<context>
    <name>VehiclesSection</name>
    <message>
        <source>车辆（%1辆）</source>
        <translation>Vehicles (%1)</translation>
    </message>
    <message>
        <source>近一年内购买3万元以上的消费型机动车属于排除情形X3。</source>
        <translation>A consumer motor vehicle over 30,000 yuan bought within the past year is exclusion X3.</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>用途</source>
        <translation>Use</translation>
    </message>
    <message>
        <source>请选择</source>
        <translation>Choose</translation>
    </message>
    <message>
        <source>购买价格（元）</source>
        <translation>Purchase price (yuan)</translation>
    </message>
    <message>
        <source>购买日期</source>
        <translation>Purchase date</translation>
    </message>
    <message>
        <source>例如 2024-04-01</source>
        <translation>e.g. 2024-04-01</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>添加车辆</source>
        <translation>Add vehicle</translation>
    </message>
</context>
<context>
    <name>VillageDelegate</name>
    <message>
        <source>共 %1 户 · 代码 %2</source>
        <translation>%1 households · code %2</translation>
    </message>
</context>
<context>
    <name>VillageListPage</name>
    <message>
        <source>我的村</source>
        <translation>My villages</translation>
    </message>
    <message>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>退出登录</source>
        <translation>Log out</translation>
    </message>
    <message>
        <source>请选择要走访的村</source>
        <translation>Choose the village to visit</translation>
    </message>
    <message>
        <source>这台设备上还没有村的数据。
请联网后点“立即同步”。</source>
        <translation>This tablet has no village data yet.
Go online and tap &quot;Sync now&quot;.</translation>
    </message>
    <message>
        <source>还有 %1 条修改没有同步。退出后修改仍保存在本机，下次登录后会继续同步。确定退出吗？</source>
        <translation>%1 edits are not synced yet. They stay on this tablet after logging out and sync after the next login. Log out?</translation>
    </message>
    <message>
        <source>确定退出登录吗？再次进入需要联网登录。</source>
        <translation>Log out? Logging in again needs a network.</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>VisitLogPage</name>
    <message>
        <source>日期应写成 2024-09-05 这样的格式</source>
        <translation>Write the date like 2024-09-05</translation>
    </message>
    <message>
        <source>走访记录 · %1</source>
        <translation>Visit log · %1</translation>
    </message>
    <message>
        <source>共%1次</source>
        <translation>Total: %1</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>记一次走访</source>
        <translation>Log a visit</translation>
    </message>
    <message>
        <source>（未记录发现）</source>
        <translation>(no findings recorded)</translation>
    </message>
    <message>
        <source>还没有走访记录。</source>
        <translation>No visits logged yet.</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>走访人员（多人用顿号分开）</source>
        <translation>Visitors (separate names with commas)</translation>
    </message>
    <message>
        <source>例如 张建国、李红</source>
        <translation>e.g. 张建国, 李红</translation>
    </message>
    <message>
        <source>收入变化</source>
        <translation>Income change</translation>
    </message>
    <message>
        <source>走访发现</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>例如 户主腰伤复发，近两月未能务工；已联系村医</source>
        <translation>e.g. the head&apos;s back injury came back and he could not work for two months; the village doctor was contacted</translation>
    </message>
    <message>
        <source>删除这条记录</source>
        <translation>Delete this record</translation>
    </message>
    <message>
        <source>走访类型</source>
        <translation>Visit type</translation>
    </message>
    <message>
        <source>已向农户读回确认</source>
        <translation>Read back to the household and confirmed</translation>
    </message>
</context>
<context>
    <name>WaterSection</name>
    <message>
        <source>饮水安全</source>
        <translation>Drinking water safety</translation>
    </message>
    <message>
        <source>“饮水是否安全”选“否”时，视为饮水安全保障未达标。</source>
        <translation>If &quot;Drinking water safe?&quot; is &quot;No&quot;, the drinking water safety guarantee is not met.</translation>
    </message>
    <message>
        <source>饮水是否安全</source>
        <translation>Drinking water safe?</translation>
    </message>
    <message>
        <source>水质达标</source>
        <translation>Water quality up to standard</translation>
    </message>
    <message>
        <source>水量充足</source>
        <translation>Enough water</translation>
    </message>
    <message>
        <source>取水方便</source>
        <translation>Convenient to fetch</translation>
    </message>
    <message>
        <source>供水有保障</source>
        <translation>Reliable supply</translation>
    </message>
</context>
</TS>
