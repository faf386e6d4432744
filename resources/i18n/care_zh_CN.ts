<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AssignmentPage</name>
    <message>
        <location filename="../../ui/care/assignment_page.py" line="+133"/>
        <source>{count} customers with no one looking after them or lost contact</source>
        <translation>{count} 名客户无人维护或已失联</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+7"/>
        <location line="+34"/>
        <source>Customer assignment</source>
        <translation>客户分配</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>Select customers in the list first.</source>
        <translation>请先在列表中选择客户。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{count} customers assigned to {name}.</source>
        <translation>已将 {count} 名客户分配给{name}。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Of {considered} customers without a relationship manager, by the AUM bands:
{plan}
{below} are below every band and {missing} find no one with room. Assign them now?</source>
        <translation>在 {considered} 名没有理财经理的客户中，按金融资产分层：
{plan}
{below} 名低于所有分层，{missing} 名找不到尚有名额的维护人。现在分配吗？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Assign by AUM band</source>
        <translation>按资产分层分配</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{count} customers assigned by AUM band.</source>
        <translation>已按资产分层分配 {count} 名客户。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Select the person who leaves or moves in the staff list first.</source>
        <translation>请先在员工列表中选择离职或调岗的人员。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hand over a book</source>
        <translation>移交客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hand all {count} customers and the open complaints of {name} to {to}?</source>
        <translation>将{name}的全部 {count} 名客户及未结投诉移交给{to}？</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{count} customers handed over from {name} to {to}.</source>
        <translation>已将 {count} 名客户从{name}移交给{to}。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Staff and their customers (cap {cap})</source>
        <translation>员工及其维护客户（上限 {cap} 名）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hand the selected person&apos;s book to</source>
        <translation>将所选人员的客户移交给</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hand over…</source>
        <translation>移交…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VIPs only</source>
        <translation>仅贵宾客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assign selected to</source>
        <translation>将所选客户分配给</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assign</source>
        <translation>分配</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assign by AUM band…</source>
        <translation>按资产分层分配…</translation>
    </message>
</context>
<context>
    <name>CareKinds</name>
    <message>
        <location filename="../../ui/care/common.py" line="+21"/>
        <source>Contact overdue</source>
        <translation>联系已逾期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact due today</source>
        <translation>今日应联系</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Important date</source>
        <translation>重要日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up due</source>
        <translation>待跟进</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VIP card expiring</source>
        <translation>贵宾卡即将到期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No relationship manager</source>
        <translation>无理财经理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manager&apos;s account disabled</source>
        <translation>维护人账号已停用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No valid phone (lost contact)</source>
        <translation>无有效电话（失联）</translation>
    </message>
</context>
<context>
    <name>CarePage</name>
    <message>
        <location filename="../../ui/care/page.py" line="+29"/>
        <source>Everything</source>
        <translation>全部</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contacts due or overdue</source>
        <translation>应联系和逾期联系</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birthdays and important dates</source>
        <translation>生日和重要日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-ups</source>
        <translation>跟进事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+239"/>
        <location line="+3"/>
        <location line="+21"/>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location line="-262"/>
        <source>VIP cards expiring</source>
        <translation>贵宾卡即将到期</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open</source>
        <translation>未结</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assigned to me</source>
        <translation>分派给我</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location line="+167"/>
        <source>{name}: {customers} customers. Today {today}: {overdue} contacts overdue, {due} due, {dates} birthdays and dates ahead, {follow} follow-ups, {complaints} complaints, {cards} VIP cards expiring.</source>
        <translation>{name}：维护 {customers} 名客户。今天 {today}：逾期联系 {overdue} 名，今日应联系 {due} 名，近期生日和重要日期 {dates} 个，待跟进 {follow} 项，投诉 {complaints} 件，贵宾卡即将到期 {cards} 张。</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+92"/>
        <source>{count} complaints</source>
        <translation>共 {count} 件投诉</translation>
    </message>
    <message>
        <location line="-81"/>
        <location line="+17"/>
        <source>Customer care</source>
        <translation>客户维护</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Select a line of the worklist first.</source>
        <translation>请先在工作清单中选择一行。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Select a follow-up line.</source>
        <translation>请选择一条跟进事项。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Select a complaint first.</source>
        <translation>请先选择一件投诉。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This complaint is already closed.</source>
        <translation>该投诉已关闭。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Today</source>
        <translation>今日工作</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Worklist of</source>
        <translation>查看工作清单</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Record contact…</source>
        <translation>记录联系…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up done</source>
        <translation>完成跟进</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accept a complaint…</source>
        <translation>受理投诉…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reload</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assign…</source>
        <translation>分派…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Investigate…</source>
        <translation>调查…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolve…</source>
        <translation>处理…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow up and close…</source>
        <translation>回访并关闭…</translation>
    </message>
</context>
<context>
    <name>CarePolicyPage</name>
    <message>
        <location filename="../../ui/care/policy_page.py" line="+130"/>
        <source>{role}: write an amount such as 200000</source>
        <translation>{role}：请填写金额，例如 200000</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Care policy</source>
        <translation>客户维护策略</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The care policy was saved.</source>
        <translation>客户维护策略已保存。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Figures a bank sets for customer care; 0 days means no planned contact for that tier. Saving takes effect at once for everyone.</source>
        <translation>以下为本行客户维护的各项参数；联系周期为 0 天表示该等级不安排定期联系。保存后对所有人立即生效。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contact plan</source>
        <translation>联系计划</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{tier}: contact every (days)</source>
        <translation>{tier}：联系周期（天）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birthdays and dates shown ahead (days)</source>
        <translation>生日和重要日期提前提醒（天）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{level}: hours</source>
        <translation>{level}：时限（小时）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weekends do not count towards deadlines and due dates</source>
        <translation>周末不计入处理时限和联系到期日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Branches&apos; time zone</source>
        <translation>网点时区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who looks after customers</source>
        <translation>客户维护分工</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customers per keeper at most</source>
        <translation>每人最多维护客户数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{role} from AUM (CNY)</source>
        <translation>{role}：金融资产起点（元）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>CareTab</name>
    <message>
        <location filename="../../ui/care/customer_tab.py" line="+115"/>
        <source>Select a contact record to change.</source>
        <translation>请选择要修改的联系记录。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Contacts ({count})</source>
        <translation>联系记录（{count}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaints ({count})</source>
        <translation>投诉（{count}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record contact…</source>
        <translation>记录联系…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accept a complaint…</source>
        <translation>受理投诉…</translation>
    </message>
</context>
<context>
    <name>CareTables</name>
    <message>
        <location filename="../../ui/care/assignment_page.py" line="-179"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+9"/>
        <location filename="../../ui/care/dashboard_page.py" line="+107"/>
        <source>Branch</source>
        <translation>网点</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Room under the cap</source>
        <translation>剩余名额</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CIF number</source>
        <translation>客户号</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/care/page.py" line="-228"/>
        <location line="+43"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/care/page.py" line="-42"/>
        <source>Tier</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Looked after by</source>
        <translation>维护人</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/care/page.py" line="+1"/>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why listed</source>
        <translation>列入原因</translation>
    </message>
    <message>
        <location filename="../../ui/care/customer_tab.py" line="-91"/>
        <source>Contacted at</source>
        <translation>联系时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+10"/>
        <location filename="../../ui/care/page.py" line="+52"/>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Customer needs</source>
        <translation>客户需求</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../ui/care/page.py" line="-1"/>
        <source>Accepted</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/care/page.py" line="-1"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/care/page.py" line="-7"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/care/page.py" line="+1"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/care/page.py" line="+4"/>
        <source>Handled by</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resolution</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location filename="../../ui/care/dashboard_page.py" line="+1"/>
        <source>VIPs</source>
        <translation>贵宾客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With a contact plan</source>
        <translation>需定期联系</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contacted in time</source>
        <translation>按时联系</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan kept</source>
        <translation>联系达标率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answered on time</source>
        <translation>按时处理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open past deadline</source>
        <translation>超时未结</translation>
    </message>
    <message>
        <location filename="../../ui/care/page.py" line="-86"/>
        <location line="+80"/>
        <source>VIP</source>
        <translation>贵宾</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>To do</source>
        <translation>事项</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days late / time left</source>
        <translation>逾期天数/剩余时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last contact</source>
        <translation>上次联系</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Detail</source>
        <translation>说明</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deadline</source>
        <translation>处理时限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Escalated to</source>
        <translation>已升级至</translation>
    </message>
</context>
<context>
    <name>ComplaintDialog</name>
    <message>
        <location filename="../../ui/care/dialogs.py" line="+164"/>
        <source>Accept a complaint</source>
        <translation>受理投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer: {name}. The deadline runs from now.</source>
        <translation>客户：{name}。处理时限从现在起计算。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{level}: answer within {hours} h</source>
        <translation>{level}：{hours} 小时内答复</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Accept</source>
        <translation>受理</translation>
    </message>
</context>
<context>
    <name>ComplaintStepDialog</name>
    <message>
        <location line="+57"/>
        <source>Assign the complaint</source>
        <translation>分派投诉</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start the investigation</source>
        <translation>开始调查</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolve the complaint</source>
        <translation>处理投诉</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Follow up and close</source>
        <translation>回访并关闭</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{customer}: {content}</source>
        <translation>{customer}：{content}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>— ask the customer —</source>
        <translation>—— 请回访客户 ——</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Assign</source>
        <translation>分配</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Resolve</source>
        <translation>处理完毕</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close the complaint</source>
        <translation>关闭投诉</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <location line="-138"/>
        <source>Record a contact</source>
        <translation>记录客户联系</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change a contact record</source>
        <translation>修改联系记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer: {name}</source>
        <translation>客户：{name}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>e.g. VIP room, customer&apos;s office</source>
        <translation>如：贵宾室、客户单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow up on</source>
        <translation>跟进日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../ui/care/dashboard_page.py" line="+44"/>
        <source>{branch}, {today}: {vips} VIPs; contact plan kept for {kept} of {planned} ({rate}); complaints since {since}: {complaints}, answered on time {on_time} ({weighted} with VIP complaints counted twice), {late} open past the deadline.</source>
        <translation>{branch}，{today}：贵宾客户 {vips} 名；按计划联系 {kept}/{planned} 名（{rate}）；{since} 以来投诉 {complaints} 件，按时处理率 {on_time}（贵宾投诉加倍计算为 {weighted}），超时未结 {late} 件。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>VIPs by tier and contact plan</source>
        <translation>各等级贵宾客户及按时联系</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+23"/>
        <source>VIPs</source>
        <translation>贵宾客户</translation>
    </message>
    <message>
        <location line="-22"/>
        <location line="+25"/>
        <source>Contacted in time</source>
        <translation>按时联系</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>VIPs at each month&apos;s end, last 12 months</source>
        <translation>近 12 个月各月末贵宾客户数</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tier changes and cards cancelled by month</source>
        <translation>各月等级变动与销卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+16"/>
        <source>Upgrades</source>
        <translation>升级</translation>
    </message>
    <message>
        <location line="-15"/>
        <location line="+15"/>
        <source>Downgrades</source>
        <translation>降级</translation>
    </message>
    <message>
        <location line="-14"/>
        <location line="+15"/>
        <source>Tier lost</source>
        <translation>失去贵宾等级</translation>
    </message>
    <message>
        <location line="-14"/>
        <location line="+14"/>
        <source>Cards cancelled</source>
        <translation>销卡</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Export the care dashboard</source>
        <translation>导出客户维护看板</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Section</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>VIPs at month end</source>
        <translation>月末贵宾客户数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tier changes</source>
        <translation>等级变动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact plan</source>
        <translation>联系计划</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>With a contact plan</source>
        <translation>需定期联系</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Branches</source>
        <translation>网点</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answered on time</source>
        <translation>按时处理</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open past deadline</source>
        <translation>超时未结</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file could not be written: {reason}</source>
        <translation>无法写入文件：{reason}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export finished</source>
        <translation>导出完成</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Saved to {path}.</source>
        <translation>已保存到 {path}。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Branch and its sub-branches</source>
        <translation>网点（含下辖网点）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reload</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
</context>
<context>
    <name>care</name>
    <message>
        <location filename="../../app/care/rules.py" line="+57"/>
        <location line="+17"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Visit</source>
        <translation>上门拜访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+17"/>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location line="-16"/>
        <location line="+15"/>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>In branch</source>
        <translation>网点面谈</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No follow-up</source>
        <translation>无需跟进</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up open</source>
        <translation>待跟进</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Followed up</source>
        <translation>已跟进</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>At the counter</source>
        <translation>柜台</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Letter</source>
        <translation>信函</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Via the regulator</source>
        <translation>监管转办</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Level 1 (within the manager&apos;s authority)</source>
        <translation>一级（客户经理职权内可解决）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level 2 (needs other departments)</source>
        <translation>二级（需相关部门协同）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level 3 (major issue)</source>
        <translation>三级（重大问题）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Neutral</source>
        <translation>一般</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assigned</source>
        <translation>已分派</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Investigating</source>
        <translation>调查中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../app/care/assignment.py" line="+34"/>
        <source>{name} would look after {count} customers; the cap is {cap}. Nothing was changed.</source>
        <translation>{name}将维护 {count} 名客户，超过上限 {cap} 名。未做任何更改。</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>choose at least one customer</source>
        <translation>请至少选择一名客户</translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../../app/care/common.py" line="+23"/>
        <source>That customer does not exist in your scope.</source>
        <translation>您的管辖范围内没有这位客户。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>That account does not exist in your scope.</source>
        <translation>该账户不存在，或不在您的管辖范围内。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must be someone else</source>
        <translation>必须是另一位员工</translation>
    </message>
    <message>
        <location filename="../../app/care/common.py" line="+58"/>
        <source>must be an enabled relationship manager, lobby manager or teller of your branch subtree</source>
        <translation>必须是您辖内在用的理财经理、大堂经理或柜员</translation>
    </message>
    <message>
        <location filename="../../app/care/complaints.py" line="+34"/>
        <source>That complaint does not exist in your scope.</source>
        <translation>您的管辖范围内没有该投诉。</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>choose how the complaint came in</source>
        <translation>请选择投诉渠道</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../app/care/rules.py" line="+226"/>
        <source>must be 1, 2 or 3</source>
        <translation>必须是 1、2 或 3</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>This complaint is assigned to {name}; only they or a branch manager may work on it.</source>
        <translation>该投诉已分派给{name}，只有其本人或行长可以处理。</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>ask the customer and choose how satisfied they are</source>
        <translation>请回访客户并选择满意度</translation>
    </message>
    <message>
        <location filename="../../app/care/contacts.py" line="+65"/>
        <source>choose how the customer was contacted</source>
        <translation>请选择联系方式</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>must not be in the future</source>
        <translation>不能是将来的时间</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>needs a follow-up date</source>
        <translation>需要填写跟进日期</translation>
    </message>
    <message>
        <location line="+59"/>
        <location line="+24"/>
        <location line="+37"/>
        <source>That contact record does not exist in your scope.</source>
        <translation>您的管辖范围内没有该联系记录。</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>there is no open follow-up</source>
        <translation>没有待跟进事项</translation>
    </message>
    <message>
        <location filename="../../app/care/rules.py" line="-199"/>
        <source>this step is not possible in the complaint&apos;s current state; reload it</source>
        <translation>投诉当前状态下不能执行此步骤，请重新加载</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>is required: say how the complaint was resolved</source>
        <translation>必须填写：请说明投诉如何解决</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>must have at most {max} characters</source>
        <translation>最多 {max} 个字符</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>must be 1 to 366 days ({tier} is not)</source>
        <translation>必须为 1 至 366 天（{tier} 不符合）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>needs an entry for levels 1, 2 and 3</source>
        <translation>必须为一、二、三级分别设置</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>must be 1 to 720 hours (level {level} is not)</source>
        <translation>必须为 1 至 720 小时（{level} 级不符合）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>must be a whole number from 1 to 100000</source>
        <translation>必须是 1 至 100000 的整数</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>must be a whole number from 0 to 60</source>
        <translation>必须是 0 至 60 的整数</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{zone} is not a known time zone</source>
        <translation>{zone} 不是已知的时区</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>lower bounds must increase</source>
        <translation>下限必须逐级递增</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>is not a valid care policy</source>
        <translation>不是有效的客户维护策略</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>must not be in the past (today is {today})</source>
        <translation>不能早于今天（今天是 {today}）</translation>
    </message>
    <message>
        <location filename="../../app/care/worklist.py" line="+73"/>
        <source>You may open only your own worklist.</source>
        <translation>您只能打开自己的工作清单。</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <location filename="../../app/care/assignment.py" line="-74"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hand over to</source>
        <translation>移交给</translation>
    </message>
    <message>
        <location filename="../../app/care/complaints.py" line="-178"/>
        <source>Handled by</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up note</source>
        <translation>回访记录</translation>
    </message>
    <message>
        <location filename="../../app/care/rules.py" line="-285"/>
        <source>Contact method</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contacted at</source>
        <translation>联系时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer needs</source>
        <translation>客户需求</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up date</source>
        <translation>跟进日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up status</source>
        <translation>跟进状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolution</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Investigation</source>
        <translation>调查情况</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relationship manager</source>
        <translation>理财经理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact every (days)</source>
        <translation>联系周期（天）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaint deadline (hours)</source>
        <translation>投诉处理时限（小时）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customers per manager</source>
        <translation>每人维护客户上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days ahead</source>
        <translation>提前天数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maintenance bands</source>
        <translation>维护分层</translation>
    </message>
    <message>
        <location filename="../../app/care/common.py" line="-61"/>
        <location filename="../../app/care/rules.py" line="+200"/>
        <source>Care policy</source>
        <translation>客户维护策略</translation>
    </message>
</context>
<context>
    <name>lists</name>
    <message>
        <location filename="../../ui/care/common.py" line="+38"/>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
</TS>
