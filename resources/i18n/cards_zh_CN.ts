<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ApplicationDialog</name>
    <message>
        <location filename="../../ui/cards/dialogs.py" line="+166"/>
        <source>No customer found for {text} in your scope: try the name, the last digits of the ID, a card number or the CIF number.</source>
        <translation>在您的范围内找不到“{text}”对应的客户：请输入姓名、证件号后几位、卡号或客户号。</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Tier: {tier} (entitles to {entitled}) · rolling quarterly average AUM: {average} · exception: {exception} · card held: {held}</source>
        <translation>客户等级：{tier}（对应{entitled}）· 滚动季日均金融资产：{average} · 例外：{exception} · 现持卡：{held}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no VIP card</source>
        <translation>无贵宾卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Eligible.</source>
        <translation>符合条件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not eligible: {reason}</source>
        <translation>不符合条件：{reason}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Find the customer first.</source>
        <translation>请先查找客户。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New card application</source>
        <translation>新建贵宾卡申请</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The branch manager approves it; the counter then issues the card.</source>
        <translation>由行长审批，审批后由柜台发卡。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find customer</source>
        <translation>查找客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name, ID tail, card number or CIF number; Enter</source>
        <translation>姓名、证件号尾号、卡号或客户号，按回车</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Matches</source>
        <translation>查找结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Eligibility</source>
        <translation>资格检查</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Submit for approval</source>
        <translation>提交审批</translation>
    </message>
</context>
<context>
    <name>ApprovalsPage</name>
    <message>
        <location filename="../../ui/cards/page.py" line="+387"/>
        <source>Tier when entered: {tier} · rolling quarterly average AUM: {average} · exception: {exception} · note: {note}</source>
        <translation>录入时等级：{tier} · 滚动季日均金融资产：{average} · 例外：{exception} · 备注：{note}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No. {id} for {name} is approved: the counter can issue the {card} now.</source>
        <translation>第 {id} 号（{name}）已审批通过：柜台现在可以发{card}。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No. {id} for {name} is rejected; the relationship manager sees your comment.</source>
        <translation>第 {id} 号（{name}）已拒绝；客户经理可看到您的审批意见。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision recorded</source>
        <translation>审批已记录</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Applications awaiting your decision. You cannot decide one you entered.</source>
        <translation>待您审批的申请。您不能审批自己录入的申请。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approve…</source>
        <translation>批准…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reject…</source>
        <translation>拒绝…</translation>
    </message>
</context>
<context>
    <name>CancelCardDialog</name>
    <message>
        <location filename="../../ui/cards/dialogs.py" line="+257"/>
        <source>Cancel a VIP card</source>
        <translation>注销贵宾卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The customer&apos;s tier stays as it is.</source>
        <translation>客户等级保持不变。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Why not handed back</source>
        <translation>未交回原因</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel card</source>
        <translation>注销</translation>
    </message>
</context>
<context>
    <name>CardDialogs</name>
    <message>
        <location line="-259"/>
        <source>{name} ({cif}) · {kind} · {card} · entered by {who} on {day}</source>
        <translation>{name}（{cif}）· {kind} · {card} · {who} 于 {day} 录入</translation>
    </message>
    <message>
        <location line="+206"/>
        <source>{name} ({cif}) · {card} {number} · expires {expiry}</source>
        <translation>{name}（{cif}）· {card} {number} · 有效期至 {expiry}</translation>
    </message>
</context>
<context>
    <name>CardPolicyPage</name>
    <message>
        <location filename="../../ui/cards/page.py" line="+76"/>
        <source>Card products</source>
        <translation>卡产品</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The card policy was saved.</source>
        <translation>卡产品设置已保存。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Card numbers must begin with one of the product&apos;s BINs (separate several with commas). Where Luhn is only warned, a number failing it is accepted with a warning.</source>
        <translation>卡号须以该卡产品的某个卡头开头（多个卡头用逗号分隔）。模10校验位仅提示时，未通过校验的卡号在提示后仍可使用。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{card}: {bins} / {luhn}</source>
        <translation>{card}：{bins} / {luhn}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Luhn enforced</source>
        <translation>强制模10校验位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Luhn only warned</source>
        <translation>模10校验位仅提示</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>CardTables</name>
    <message>
        <location filename="../../ui/cards/customer_tab.py" line="+23"/>
        <location line="+13"/>
        <location filename="../../ui/cards/page.py" line="-450"/>
        <location line="+11"/>
        <location line="+9"/>
        <source>Card type</source>
        <translation>卡种</translation>
    </message>
    <message>
        <location line="-12"/>
        <location filename="../../ui/cards/page.py" line="-8"/>
        <location line="+9"/>
        <source>Card number</source>
        <translation>卡号</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+12"/>
        <location filename="../../ui/cards/page.py" line="-20"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="-11"/>
        <location filename="../../ui/cards/page.py" line="+12"/>
        <location line="+9"/>
        <source>Issued on</source>
        <translation>发卡日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/cards/page.py" line="-8"/>
        <source>Expires on</source>
        <translation>到期日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serial</source>
        <translation>凭证号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agreement signed</source>
        <translation>协议签署日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ended</source>
        <translation>终止日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../ui/cards/page.py" line="-19"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/cards/page.py" line="+4"/>
        <source>Kind</source>
        <translation>申请类型</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../ui/cards/page.py" line="+3"/>
        <source>Entered by</source>
        <translation>录入人</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/cards/page.py" line="+1"/>
        <source>Entered on</source>
        <translation>录入日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/cards/page.py" line="+1"/>
        <source>Decided by</source>
        <translation>审批人</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/cards/page.py" line="+1"/>
        <source>Comment</source>
        <translation>审批意见</translation>
    </message>
    <message>
        <location filename="../../ui/cards/page.py" line="-9"/>
        <location line="+12"/>
        <location line="+10"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="-21"/>
        <location line="+12"/>
        <source>CIF number</source>
        <translation>客户号</translation>
    </message>
    <message>
        <location line="-11"/>
        <location line="+12"/>
        <location line="+9"/>
        <source>Branch</source>
        <translation>网点</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Issued by</source>
        <translation>发卡柜员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
</context>
<context>
    <name>CardsPage</name>
    <message>
        <location line="+162"/>
        <source>My drawer holds no blank cards: ask the custodian for a hand-out on the stock page.</source>
        <translation>我的尾箱中没有空白卡：请在库存页向库管员领用。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>My drawer: {stock}</source>
        <translation>我的尾箱：{stock}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{card} {count} (next {serial})</source>
        <translation>{card} {count} 张（下一张 {serial}）</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>{card} {number} (serial {serial}) issued to {name}, valid until {expiry}.</source>
        <translation>{card} {number}（凭证号 {serial}）已发给 {name}，有效期至 {expiry}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print them now: {agreement} and {letter}?</source>
        <translation>现在打印{agreement}和{letter}吗？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Card issued</source>
        <translation>发卡完成</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Renewal letters</source>
        <translation>到期换卡通知函</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} renewal letters recorded for printing.</source>
        <translation>已登记 {count} 封到期换卡通知函待打印。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Expired cards</source>
        <translation>过期卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} cards past their expiry date marked expired.</source>
        <translation>已将 {count} 张超过有效期的卡标记为过期。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Counter</source>
        <translation>柜台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applications</source>
        <translation>申请</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expiring cards</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agreements not signed</source>
        <translation>协议未签署</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issue card…</source>
        <translation>发卡…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New application…</source>
        <translation>新建申请…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel application…</source>
        <translation>撤销申请…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expiring within (days)</source>
        <translation>到期天数内</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply for renewal…</source>
        <translation>申请到期换卡…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record renewal letters</source>
        <translation>登记换卡通知函</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark expired cards</source>
        <translation>标记过期卡</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Issued cards whose service agreement is not marked signed; marked ● once their day is over.</source>
        <translation>已发卡但服务协议未登记签署的卡；发卡当日结束后标记 ●。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark signed…</source>
        <translation>登记已签署…</translation>
    </message>
</context>
<context>
    <name>CardsTab</name>
    <message>
        <location filename="../../ui/cards/customer_tab.py" line="+104"/>
        <source>VIP cards</source>
        <translation>贵宾卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card applications</source>
        <translation>贵宾卡申请</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New application…</source>
        <translation>新建申请…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report lost…</source>
        <translation>挂失…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel card…</source>
        <translation>注销…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agreement signed…</source>
        <translation>协议已签署…</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../../ui/cards/dialogs.py" line="-185"/>
        <source>Approve card application</source>
        <translation>批准贵宾卡申请</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reject card application</source>
        <translation>拒绝贵宾卡申请</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tier when entered: {tier} · AUM: {average} · exception: {exception}</source>
        <translation>录入时等级：{tier} · 金融资产：{average} · 例外：{exception}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reject</source>
        <translation>拒绝</translation>
    </message>
</context>
<context>
    <name>IssueDialog</name>
    <message>
        <location line="+67"/>
        <source>Your drawer holds no blank {card}: ask the custodian for a hand-out (on the stock page) before issuing this card.</source>
        <translation>您的尾箱中没有空白{card}：请先向库管员领用（在库存页），再发此卡。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The number is valid.</source>
        <translation>卡号有效。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Handed back: {kind}, application {id}</source>
        <translation>旧卡交回：{kind}，申请 {id}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Say why the old card was not handed back.</source>
        <translation>请说明旧卡未交回的原因。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Issue a {card} to {name} ({cif}) from serial {serial}, card number {number}.{old}
An agreement and a letter will be recorded for printing.</source>
        <translation>向 {name}（{cif}）发放{card}，凭证号码 {serial}，卡号 {number}。{old}
将登记服务协议和卡函待打印。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The old card is handed back.</source>
        <translation>旧卡已交回。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The old card is not handed back.</source>
        <translation>旧卡未交回。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Issue a VIP card</source>
        <translation>发放贵宾卡</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your drawer holds {count} blank {card} cards; the lowest serial is suggested (scan to replace it).</source>
        <translation>您的尾箱有 {count} 张空白{card}；已填入最小的凭证号码（扫描可替换）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Why not handed back</source>
        <translation>未交回原因</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Issue card</source>
        <translation>确认发卡</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
</context>
<context>
    <name>LossDialog</name>
    <message>
        <location line="+26"/>
        <source>Report a lost card</source>
        <translation>贵宾卡挂失</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The card stops being valid at once. A replacement at the same card type needs an application.</source>
        <translation>挂失后该卡立即失效。按原卡种补卡需另行申请。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Report lost</source>
        <translation>挂失</translation>
    </message>
</context>
<context>
    <name>OldCardRow</name>
    <message>
        <location line="-389"/>
        <source>Handed back (to stock, for destruction)</source>
        <translation>已交回（入库待销毁）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not handed back</source>
        <translation>未交回</translation>
    </message>
</context>
<context>
    <name>SignedDialog</name>
    <message>
        <location line="+443"/>
        <source>Service agreement signed</source>
        <translation>服务协议已签署</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mark signed</source>
        <translation>登记</translation>
    </message>
</context>
<context>
    <name>WithdrawDialog</name>
    <message>
        <location line="-243"/>
        <source>Cancel card application</source>
        <translation>撤销贵宾卡申请</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel application</source>
        <translation>撤销申请</translation>
    </message>
</context>
<context>
    <name>card_kinds</name>
    <message>
        <location filename="../../app/cards/rules.py" line="+48"/>
        <source>New card</source>
        <translation>新办卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renewal</source>
        <translation>到期换卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upgrade</source>
        <translation>升级换卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Downgrade</source>
        <translation>降级换卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace lost card</source>
        <translation>挂失补卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace damaged card</source>
        <translation>损坏换卡</translation>
    </message>
</context>
<context>
    <name>card_status</name>
    <message>
        <location line="+11"/>
        <source>Awaiting approval</source>
        <translation>待审批</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved</source>
        <translation>已审批</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issued</source>
        <translation>已发卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+48"/>
        <source>Cancelled</source>
        <translation>已注销</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Active</source>
        <translation>有效</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lost</source>
        <translation>已挂失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replaced</source>
        <translation>已换卡</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../app/cards/applications.py" line="+74"/>
        <source>Applications are entered by a signed-in person.</source>
        <translation>申请须由已登录的人员录入。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>This customer already has an open card application; decide, issue or cancel it first.</source>
        <translation>该客户已有一笔未办结的贵宾卡申请，请先审批、发卡或撤销。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>must be someone other than the person who entered the application</source>
        <translation>须由录入申请以外的人员审批</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Only the person who entered it or a branch manager may cancel an application.</source>
        <translation>只有申请录入人或行长可以撤销申请。</translation>
    </message>
    <message>
        <location filename="../../app/cards/common.py" line="+21"/>
        <source>That customer does not exist in your scope.</source>
        <translation>您的管辖范围内没有这位客户。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>That card application does not exist in your scope.</source>
        <translation>您的权限范围内没有该贵宾卡申请。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>That VIP card does not exist in your scope.</source>
        <translation>您的权限范围内没有该贵宾卡。</translation>
    </message>
    <message>
        <location filename="../../app/cards/issue.py" line="+41"/>
        <source>This application was issued, changed or cancelled at another counter just now; reload it.</source>
        <translation>该申请刚刚已在其他柜台发卡、变更或撤销，请刷新。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>is already the number of another card</source>
        <translation>已是另一张卡的卡号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The customer already holds an active VIP card; a second one cannot be issued.</source>
        <translation>该客户已持有一张有效贵宾卡，不能再发第二张。</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>say whether the customer handed the old card back</source>
        <translation>请说明客户是否交回旧卡</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Only a signed-in person has a drawer.</source>
        <translation>只有已登录的人员才有尾箱。</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>The card to replace is {status}, not lost; cancel this application.</source>
        <translation>要补发的卡状态为{status}，并非挂失，请撤销此申请。</translation>
    </message>
    <message>
        <location filename="../../app/cards/paperwork.py" line="+173"/>
        <location filename="../../app/cards/rules.py" line="+136"/>
        <location line="+4"/>
        <source>must be a whole number from {low} to {high}</source>
        <translation>必须是 {low} 到 {high} 之间的整数</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+160"/>
        <source>That branch does not exist in your scope.</source>
        <translation>该网点不存在，或不在您的管辖范围内。</translation>
    </message>
    <message>
        <location line="-118"/>
        <source>must be a whole number</source>
        <translation>须为整数</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+31"/>
        <source>That paperwork does not exist in your scope.</source>
        <translation>您的权限范围内没有该单据。</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>must be a date</source>
        <translation>必须是日期</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot be in the future</source>
        <translation>不能晚于今天</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot be before the card was issued ({day})</source>
        <translation>不能早于发卡日期（{day}）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This card&apos;s agreement is already marked signed.</source>
        <translation>该卡的服务协议已登记为已签署。</translation>
    </message>
    <message>
        <location filename="../../app/cards/rules.py" line="-164"/>
        <source>This application is {status}; only one awaiting approval can be approved.</source>
        <translation>该申请状态为{status}，只有待审批的申请才能批准。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This application is {status}; only one awaiting approval can be rejected.</source>
        <translation>该申请状态为{status}，只有待审批的申请才能拒绝。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This application is {status}; a card is issued only on an approved application.</source>
        <translation>该申请状态为{status}，只有已审批的申请才能发卡。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This application is {status}; only an open application can be cancelled.</source>
        <translation>该申请状态为{status}，只有未办结的申请才能撤销。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>This card is {status}; only an active card can be reported lost.</source>
        <translation>该卡状态为{status}，只有有效卡才能挂失。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This card is {status}; only an active card expires.</source>
        <translation>该卡状态为{status}，只有有效卡才会过期。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This card is {status}; only an active or expired card can be replaced.</source>
        <translation>该卡状态为{status}，只有有效或已过期的卡才能换卡。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This card is {status}; only an active card can be cancelled.</source>
        <translation>该卡状态为{status}，只有有效卡才能注销。</translation>
    </message>
    <message>
        <location line="+77"/>
        <location line="+192"/>
        <source>{card} is not a known card type</source>
        <translation>{card} 不是有效的卡种</translation>
    </message>
    <message>
        <location line="-177"/>
        <location line="+39"/>
        <source>every card type needs exactly one product</source>
        <translation>每个卡种须有且只有一个卡产品</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>the {card} card needs at least one BIN</source>
        <translation>{card}至少需要一个卡头</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{bin} is not a BIN of 4 to 10 digits</source>
        <translation>{bin}不是4至10位数字的卡头</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{bin} overlaps {other} of the {card} card</source>
        <translation>{bin}与{card}的卡头 {other}重叠</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>must be enforce or warn</source>
        <translation>须为“强制”或“仅提示”</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>{number} fails the Luhn check digit; this card product accepts it, check the number on the card</source>
        <translation>{number}未通过模10校验位检查；该卡产品允许此类卡号，请核对卡面号码</translation>
    </message>
    <message>
        <location filename="../../app/cards/holder.py" line="+48"/>
        <location filename="../../app/cards/rules.py" line="+21"/>
        <source>is required</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must be 16 or 19 digits</source>
        <translation>须为 16 位或 19 位数字</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no customer of your branches holds card {card}: find them by ID number or name</source>
        <translation>本行辖内没有持卡号 {card} 的客户：请按证件号码或姓名查找</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{card} was reported lost: check the customer&apos;s ID document and find them by it</source>
        <translation>卡 {card} 已挂失：请核验客户身份证件并按证件查找</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{card} belongs to a customer marked inactive</source>
        <translation>卡 {card} 的持卡客户已停用</translation>
    </message>
    <message>
        <location filename="../../app/cards/rules.py" line="+2"/>
        <source>must be digits only</source>
        <translation>只能包含数字</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must be 16 or 19 digits, not {count}</source>
        <translation>须为16位或19位数字，现为{count}位</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>begins with the BIN of the {other} card, not of the {card} card ({bins})</source>
        <translation>以{other}的卡头开头，而不是{card}的卡头（{bins}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>must begin with the {card} card&apos;s BIN ({bins})</source>
        <translation>须以{card}的卡头开头（{bins}）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>fails the Luhn check digit: a digit was mistyped or misread</source>
        <translation>未通过模10校验位检查：有数字录入或识读错误</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>{kind} is not an application kind</source>
        <translation>{kind}不是有效的申请类型</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the customer&apos;s tier ({tier}) entitles to {entitled}, below the {card} card asked for</source>
        <translation>客户等级（{tier}）对应{entitled}，低于所申请的{card}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the customer already holds an active {held} card: apply for a renewal, upgrade, downgrade or replacement instead</source>
        <translation>客户已持有有效的{held}：请改为申请换卡、升级、降级或补卡</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the customer&apos;s {lost} card was reported lost: apply for a lost-card replacement (at the original type) instead</source>
        <translation>客户的{lost}已挂失：请改为申请挂失补卡（按原卡种）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the customer&apos;s {held} card has expired: apply for a renewal instead</source>
        <translation>客户的{held}已过期：请改为申请到期换卡</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the customer holds an active {held} card; no card is lost</source>
        <translation>客户持有有效的{held}，没有挂失的卡</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no lost card awaits replacement: report the loss first</source>
        <translation>没有待补发的挂失卡：请先办理挂失</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a lost card is replaced at its original type ({lost}), not {card}</source>
        <translation>挂失补卡按原卡种（{lost}）补发，不能补发{card}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the customer holds no active VIP card to renew, upgrade, downgrade or replace</source>
        <translation>客户没有可换卡、升级、降级或补卡的有效贵宾卡</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the card is re-issued at its own type ({held}), not {card}: apply for an upgrade or downgrade instead</source>
        <translation>换发的卡须与原卡种（{held}）相同，不能是{card}：请改为申请升级或降级</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the customer&apos;s tier ({tier}) no longer reaches the {card} card (below standard): review it and apply for a downgrade</source>
        <translation>客户等级（{tier}）已达不到{card}的标准（未达标）：请复核后申请降级</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>an upgrade is to a card above the {held} card held</source>
        <translation>升级须换成高于现持{held}的卡种</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a downgrade is to a card below the {held} card held</source>
        <translation>降级须换成低于现持{held}的卡种</translation>
    </message>
</context>
<context>
    <name>exports</name>
    <message>
        <location filename="../../app/cards/views.py" line="+32"/>
        <source>Card ID</source>
        <translation>卡片编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CIF number</source>
        <translation>客户号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Branch</source>
        <translation>网点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card type</source>
        <translation>卡种</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card number (masked)</source>
        <translation>卡号（已掩码）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serial</source>
        <translation>空白卡序号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issued on</source>
        <translation>发卡日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expires on</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replaces card</source>
        <translation>替换卡片编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agreement signed on</source>
        <translation>协议签署日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issued by</source>
        <translation>发卡人</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <location filename="../../app/cards/paperwork.py" line="-332"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../app/cards/rules.py" line="-435"/>
        <source>Application kind</source>
        <translation>申请类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comment</source>
        <translation>审批意见</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved by</source>
        <translation>审批人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed on</source>
        <translation>签署日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agreement witness</source>
        <translation>协议见证人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Old card</source>
        <translation>旧卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BINs</source>
        <translation>卡头</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Luhn check</source>
        <translation>模10校验位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validity (years)</source>
        <translation>有效期（年）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expiring within (days)</source>
        <translation>到期提醒（天内）</translation>
    </message>
    <message>
        <location filename="../../app/cards/policy.py" line="+18"/>
        <source>Card policy</source>
        <translation>贵宾卡政策</translation>
    </message>
</context>
<context>
    <name>paperwork</name>
    <message>
        <location filename="../../app/cards/rules.py" line="+117"/>
        <source>Service agreement</source>
        <translation>贵宾服务协议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Welcome letter</source>
        <translation>欢迎函</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upgrade letter</source>
        <translation>升级函</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Downgrade letter</source>
        <translation>降级函</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replacement letter</source>
        <translation>补换卡函</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renewal letter</source>
        <translation>换卡函</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renewal-due letter</source>
        <translation>到期换卡通知函</translation>
    </message>
</context>
</TS>
