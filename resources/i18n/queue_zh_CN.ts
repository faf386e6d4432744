<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CallOutOfOrderDialog</name>
    <message>
        <location filename="../../ui/queue/dialogs.py" line="+126"/>
        <source>Call {number} out of order</source>
        <translation>插队呼叫 {number}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tickets before it keep their place. The reason goes into the audit trail.</source>
        <translation>排在前面的号保持原位，原因将记入审计日志。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Call</source>
        <translation>呼叫</translation>
    </message>
</context>
<context>
    <name>ClerkPerformancePage</name>
    <message>
        <location filename="../../ui/queue/performance_page.py" line="+55"/>
        <source>Very satisfied</source>
        <translation>非常满意</translation>
    </message>
    <message>
        <location line="+1"/>
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
        <location line="+1"/>
        <source>Unrated</source>
        <translation>未评价</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Nobody served a ticket from {start} to {end}: choose other dates and press Show.</source>
        <translation>{start} 至 {end} 没有办理业务：请另选日期后按“统计”。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Customers&apos; ratings by {subject}</source>
        <translation>客户评价（按{subject}）</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+11"/>
        <source>Export performance</source>
        <translation>导出绩效</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Clerk performance</source>
        <translation>柜员绩效</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{count} rows written.</source>
        <translation>已写入 {count} 行。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exporting performance…</source>
        <translation>正在导出绩效…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Show</source>
        <translation>统计</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report as PDF…</source>
        <translation>生成绩效报表…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every clerk of your branch.</source>
        <translation>本网点全部柜员。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your own figures: the tickets you served and the ratings they got.</source>
        <translation>仅本人数据：本人办理的业务及其客户评价。</translation>
    </message>
</context>
<context>
    <name>CounterCommands</name>
    <message>
        <location filename="../../ui/queue/counter_panels.py" line="+135"/>
        <source>Call next</source>
        <translation>呼叫下一位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recall</source>
        <translation>重呼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No-show</source>
        <translation>过号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start service</source>
        <translation>开始办理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finish</source>
        <translation>办结</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transfer…</source>
        <translation>转移…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel ticket</source>
        <translation>取消排队号</translation>
    </message>
</context>
<context>
    <name>CounterDialog</name>
    <message>
        <location filename="../../ui/queue/setup_page.py" line="+95"/>
        <source>Add a counter</source>
        <translation>新增窗口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Services of counter {number}</source>
        <translation>{number} 号窗口办理的业务</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>CounterPage</name>
    <message>
        <location filename="../../ui/queue/counter.py" line="+169"/>
        <source>Signed in at counter {counter} on {pc}</source>
        <translation>已在 {pc} 签到窗口 {counter}</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Nobody is waiting for this counter.</source>
        <translation>本窗口暂无等候客户。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{number} finished.</source>
        <translation>{number} 已办结。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cancel a ticket</source>
        <translation>取消排队号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel {number}?</source>
        <translation>确定取消 {number} 号？</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Call out of order</source>
        <translation>插队呼叫</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select a waiting ticket (or scan its slip) first.</source>
        <translation>请先选择一个等候中的号（或扫描号票）。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Scanned ticket</source>
        <translation>扫描的排队号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{number}: {state} {counter}</source>
        <translation>{number}：{state} {counter}</translation>
    </message>
</context>
<context>
    <name>HeldTicketPanel</name>
    <message>
        <location filename="../../ui/queue/counter_panels.py" line="-51"/>
        <source>No customer at this counter.</source>
        <translation>本窗口当前没有客户。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose your counter and sign in to start calling.</source>
        <translation>请选择您的窗口并签到后开始叫号。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Anonymous</source>
        <translation>未识别客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{service} · {customer} · {tier} · {state} · recalled {recalls}×</source>
        <translation>{service} · {customer} · {tier} · {state} · 已重呼 {recalls} 次</translation>
    </message>
</context>
<context>
    <name>IssuePanel</name>
    <message>
        <location filename="../../ui/queue/lobby_panels.py" line="+109"/>
        <location line="+9"/>
        <location line="+79"/>
        <source>Anonymous (no customer)</source>
        <translation>不识别客户（匿名取号）</translation>
    </message>
    <message>
        <location line="-70"/>
        <source>Find a customer</source>
        <translation>查找客户</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No customer found.</source>
        <translation>未找到客户。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{number} issued ({tier}), {ahead} ahead</source>
        <translation>已发号 {number}（{tier}），前面 {ahead} 位</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>slip printed on {printer}</source>
        <translation>号票已在 {printer} 打印</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{number} issued; its slip was not printed: print it again when the printer is back</source>
        <translation>{number} 已发号，号票未打印：打印机恢复后请重新打印</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Save the ticket slip</source>
        <translation>保存号票</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ticket</source>
        <translation>排队号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Issue a ticket</source>
        <translation>取号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Swipe a card, or card number, ID number or name</source>
        <translation>刷卡，或输入卡号、证件号码、姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issue ticket</source>
        <translation>发号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print slip</source>
        <translation>打印号票</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save slip…</source>
        <translation>保存号票…</translation>
    </message>
</context>
<context>
    <name>LobbyDisplay</name>
    <message>
        <location filename="../../ui/queue/display.py" line="+234"/>
        <source>Counter {counter}</source>
        <translation>请到 {counter} 号窗口</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{number} → counter {counter}</source>
        <translation>{number} → {counter} 号窗口</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{service}: {count} waiting</source>
        <translation>{service}：{count} 人等候</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Number {number}, please go to counter {counter}</source>
        <translation>请 {number} 号到 {counter} 号窗口办理</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Lobby display</source>
        <translation>叫号屏</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VIP service area</source>
        <translation>贵宾服务区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Now calling</source>
        <translation>正在呼叫</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Welcome</source>
        <translation>欢迎光临</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Please take a seat: your number will show here when it is called.</source>
        <translation>请您稍坐，叫到您的号码时将在这里显示</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last calls</source>
        <translation>最近叫号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting</source>
        <translation>等候人数</translation>
    </message>
</context>
<context>
    <name>LobbyPage</name>
    <message>
        <location filename="../../ui/queue/lobby.py" line="+100"/>
        <source>Waiting now — {counts}</source>
        <translation>当前等候 — {counts}</translation>
    </message>
</context>
<context>
    <name>OpeningHoursDialog</name>
    <message>
        <location filename="../../ui/queue/setup_page.py" line="+25"/>
        <source>Appointments are booked within these hours; those already booked keep their times.</source>
        <translation>预约只能在营业时间内办理；已有预约的时间不变。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opens at</source>
        <translation>开门时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closes at</source>
        <translation>关门时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>PriorityDialog</name>
    <message>
        <location filename="../../ui/queue/dialogs.py" line="-85"/>
        <source>Change the priority of {number}</source>
        <translation>调整 {number} 的优先级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The ticket keeps its place in the queue; the calling order uses the new priority.</source>
        <translation>该号保留排队位置，叫号顺序按新的优先级。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Change priority</source>
        <translation>调整优先级</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <location filename="../../ui/queue/lobby_panels.py" line="+67"/>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lost connection</source>
        <translation>已失联</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not signed in</source>
        <translation>未签到</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>next: {number}</source>
        <translation>下一位：{number}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Queue</source>
        <translation>排队</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Select a ticket first.</source>
        <translation>请先选择一个排队号。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Cancel a ticket</source>
        <translation>取消排队号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel {number}?</source>
        <translation>确定取消 {number} 号？</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Priority…</source>
        <translation>调整优先级…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reserve counter…</source>
        <translation>预留窗口…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transfer…</source>
        <translation>转移…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel ticket</source>
        <translation>取消排队号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reactivate no-show</source>
        <translation>过号恢复排队</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re-queue (counter lost)</source>
        <translation>重新排队（窗口失联）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open lobby display</source>
        <translation>打开大堂叫号屏</translation>
    </message>
</context>
<context>
    <name>QueueSetupPage</name>
    <message>
        <location filename="../../ui/queue/setup_page.py" line="+204"/>
        <source>Services</source>
        <translation>业务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counters</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calling policy</source>
        <translation>叫号策略</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add service…</source>
        <translation>新增业务…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add counter…</source>
        <translation>新增窗口…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Services of counter…</source>
        <translation>窗口业务…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open / close</source>
        <translation>开启 / 关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Strict: higher priority first</source>
        <translation>严格优先：等级高者先叫</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interleaved by ratio</source>
        <translation>按比例交替叫号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tier</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ratio</source>
        <translation>比例</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Maximum wait (min)</source>
        <translation>最长等候（分钟）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alert (min)</source>
        <translation>提醒（分钟）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The display name</source>
        <translation>显示姓名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The staff number</source>
        <translation>工号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nothing</source>
        <translation>不显示</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save policy</source>
        <translation>保存策略</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change…</source>
        <translation>修改…</translation>
    </message>
</context>
<context>
    <name>QueueStatsPage</name>
    <message>
        <location filename="../../ui/queue/stats_page.py" line="+122"/>
        <source>No ticket was taken from {start} to {end}: choose other dates and press Show.</source>
        <translation>{start} 至 {end} 没有取号记录：请换个日期，再按“统计”。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Average wait (min)</source>
        <translation>平均等候（分钟）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>90th percentile wait (min)</source>
        <translation>90% 分位等候（分钟）</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Waiting time by {group}</source>
        <translation>按{group}统计的等候时间</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+8"/>
        <source>Export tickets</source>
        <translation>导出排队号</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Tickets</source>
        <translation>排队记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{count} tickets written.</source>
        <translation>已写出 {count} 个排队号。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exporting tickets…</source>
        <translation>正在导出排队号…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Group by</source>
        <translation>分组</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show</source>
        <translation>统计</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report as PDF…</source>
        <translation>生成统计报表…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export tickets…</source>
        <translation>导出排队号…</translation>
    </message>
</context>
<context>
    <name>QueueTables</name>
    <message>
        <location filename="../../ui/queue/lobby_panels.py" line="-312"/>
        <location filename="../../ui/queue/models.py" line="+79"/>
        <location filename="../../ui/queue/setup_page.py" line="-206"/>
        <source>Counter</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clerk</source>
        <translation>柜员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/queue/models.py" line="-49"/>
        <source>{minutes} min</source>
        <translation>{minutes} 分钟</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../ui/queue/setup_page.py" line="-118"/>
        <source>Service</source>
        <translation>业务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tier</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waited</source>
        <translation>已等候</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Counter lost: re-queue?</source>
        <translation>窗口失联：需重新排队？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>For counter {counter}</source>
        <translation>指定 {counter} 号窗口</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <location filename="../../ui/queue/counter.py" line="-205"/>
        <source>Order</source>
        <translation>顺序</translation>
    </message>
    <message>
        <location filename="../../ui/queue/stats_page.py" line="-147"/>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tickets</source>
        <translation>取号数</translation>
    </message>
    <message>
        <location filename="../../ui/queue/performance_page.py" line="-182"/>
        <location filename="../../ui/queue/stats_page.py" line="+1"/>
        <source>Served</source>
        <translation>已办理</translation>
    </message>
    <message>
        <location filename="../../ui/queue/stats_page.py" line="+1"/>
        <source>No-shows</source>
        <translation>过号数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Avg wait (min)</source>
        <translation>平均等候（分钟）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P90 wait (min)</source>
        <translation>90% 分位等候（分钟）</translation>
    </message>
    <message>
        <location filename="../../ui/queue/performance_page.py" line="-2"/>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clerk or counter</source>
        <translation>柜员或柜台</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../ui/queue/stats_page.py" line="+1"/>
        <source>Avg service (min)</source>
        <translation>平均办理（分钟）</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../ui/queue/stats_page.py" line="+2"/>
        <source>P90 service (min)</source>
        <translation>90% 分位办理（分钟）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Satisfied share</source>
        <translation>满意率</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unrated share</source>
        <translation>未评价率</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Very satisfied</source>
        <translation>非常满意</translation>
    </message>
    <message>
        <location line="+1"/>
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
        <location line="+1"/>
        <source>Unrated</source>
        <translation>未评价</translation>
    </message>
    <message>
        <location filename="../../ui/queue/stats_page.py" line="+2"/>
        <source>Longest wait (min)</source>
        <translation>最长等候（分钟）</translation>
    </message>
    <message>
        <location filename="../../ui/queue/performance_page.py" line="-9"/>
        <location filename="../../ui/queue/stats_page.py" line="+2"/>
        <source>Idle (min)</source>
        <translation>空闲（分钟）</translation>
    </message>
    <message>
        <location filename="../../ui/queue/setup_page.py" line="-1"/>
        <source>Prefix</source>
        <translation>前缀</translation>
    </message>
    <message>
        <location line="+120"/>
        <source>Services</source>
        <translation>业务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>开启</translation>
    </message>
</context>
<context>
    <name>ReserveDialog</name>
    <message>
        <location filename="../../ui/queue/dialogs.py" line="+58"/>
        <source>Reserve a counter for {number}</source>
        <translation>为 {number} 预留窗口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The counter&apos;s next call takes this ticket.</source>
        <translation>该窗口下一次叫号将呼叫此号。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reserve</source>
        <translation>预留</translation>
    </message>
</context>
<context>
    <name>ScanBar</name>
    <message>
        <location filename="../../ui/queue/counter_panels.py" line="+68"/>
        <source>Scan a ticket slip&apos;s QR code here</source>
        <translation>在此扫描号票上的二维码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call selected out of order…</source>
        <translation>插队呼叫所选号…</translation>
    </message>
</context>
<context>
    <name>ServiceDialog</name>
    <message>
        <location filename="../../ui/queue/setup_page.py" line="-100"/>
        <source>Add a service</source>
        <translation>新增业务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Its tickets are numbered with the prefix: W001, W002…, from 001 every day.</source>
        <translation>该业务的号码以前缀开头：W001、W002……，每天从 001 起。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add service</source>
        <translation>新增业务</translation>
    </message>
</context>
<context>
    <name>SignInBar</name>
    <message>
        <location filename="../../ui/queue/counter_panels.py" line="-97"/>
        <source>Sign in at this counter</source>
        <translation>在本窗口签到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign out</source>
        <translation>签退</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../ui/queue/dialogs.py" line="-32"/>
        <source>Transfer {number}</source>
        <translation>转移 {number}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a service, a counter, or both. The customer keeps the number.</source>
        <translation>请选择业务、窗口或两者；客户号码不变。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(the same service)</source>
        <translation>（原业务）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(any counter of the service)</source>
        <translation>（该业务任一窗口）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Place</source>
        <translation>排位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To the front of the queue (otherwise by original arrival)</source>
        <translation>排到队首（否则按原取号时间）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transfer</source>
        <translation>转移</translation>
    </message>
</context>
<context>
    <name>WaitAlerts</name>
    <message>
        <location filename="../../ui/queue/wait_alerts.py" line="+58"/>
        <source>{number} ({tier}) {minutes} min</source>
        <translation>{number}（{tier}）{minutes} 分钟</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, past its maximum wait</source>
        <translation>，已超最长等候</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>and {count} more</source>
        <translation>另有 {count} 张</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting long: {tickets}</source>
        <translation>等候过久：{tickets}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reserve a counter for {number}…</source>
        <translation>为 {number} 预留窗口…</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../app/queue/calling.py" line="+35"/>
        <source>must name this PC (1 to 80 characters)</source>
        <translation>须填写本机名称（1 至 80 个字符）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Only a signed-in person can work at a counter.</source>
        <translation>只有已登录的人员才能在柜台办理业务。</translation>
    </message>
    <message>
        <location filename="../../app/queue/refusals.py" line="+22"/>
        <source>counter {number} is closed</source>
        <translation>{number} 号窗口已关闭</translation>
    </message>
    <message>
        <location filename="../../app/queue/calling.py" line="+10"/>
        <source>Counter {number} is in use by {clerk} on {pc}: sign out there first.</source>
        <translation>{number} 号窗口正由 {clerk} 在 {pc} 上使用：请先在那台电脑上签退。</translation>
    </message>
    <message>
        <location filename="../../app/queue/refusals.py" line="+10"/>
        <source>Counter {counter} still holds {number}: finish it, transfer it or mark a no-show first.</source>
        <translation>{counter} 号窗口仍有 {number} 号未处理：请先办结、转移或标记过号。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>You are not signed in at counter {number} on this PC any more: sign in again.</source>
        <translation>您已不在本机签到 {number} 号窗口：请重新签到。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ticket {number} is not at counter {counter}; only its own counter may do this.</source>
        <translation>{number} 号不在 {counter} 号窗口；只有其所在窗口才能办理。</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>counter {number} has no service assigned: ask the lobby manager to assign one</source>
        <translation>{number} 号窗口未分配任何业务：请大堂经理分配</translation>
    </message>
    <message>
        <location filename="../../app/queue/calling.py" line="+149"/>
        <location filename="../../app/queue/tickets.py" line="+194"/>
        <location line="+121"/>
        <source>is a counter of another branch</source>
        <translation>是其他网点的窗口</translation>
    </message>
    <message>
        <location filename="../../app/queue/refusals.py" line="-8"/>
        <source>That ticket does not exist in your scope.</source>
        <translation>该排队号不存在或不在您的权限范围内。</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>That counter does not exist in your scope.</source>
        <translation>该窗口不存在或不在您的权限范围内。</translation>
    </message>
    <message>
        <location filename="../../app/queue/common.py" line="+109"/>
        <source>That service does not exist in your scope.</source>
        <translation>该业务不存在或不在您的权限范围内。</translation>
    </message>
    <message>
        <location filename="../../app/queue/rules.py" line="+146"/>
        <location line="+7"/>
        <source>must be a whole number from {low} to {high}</source>
        <translation>必须是 {low} 到 {high} 之间的整数</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>must be strict or interleaved</source>
        <translation>须为严格优先或按比例交替</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>must be less than the same tier&apos;s maximum wait ({minutes} minutes)</source>
        <translation>须小于同一等级的最长等候时间（{minutes} 分钟）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>must be two times of day (HH:MM), opening first</source>
        <translation>须为两个时刻（时:分），开门在前</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>choose a tier</source>
        <translation>请选择客户等级</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must be one of {choices}</source>
        <translation>必须是以下之一：{choices}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{zone} is not a known time zone</source>
        <translation>{zone} 不是已知的时区</translation>
    </message>
    <message>
        <location line="+160"/>
        <source>Ticket {number} cannot be {verb} now: it is {state}.</source>
        <translation>{number} 号现在不能{verb}：当前状态为{state}。</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>has been recalled {count} times already: mark the ticket a no-show</source>
        <translation>已重呼 {count} 次：请标记为过号</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>was called moments ago: recall again in {seconds} seconds</source>
        <translation>刚刚呼叫过：请 {seconds} 秒后再重呼</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>recall the ticket {needed} times before marking a no-show ({count} so far)</source>
        <translation>标记过号前须重呼 {needed} 次（目前 {count} 次）</translation>
    </message>
    <message>
        <location filename="../../app/queue/setup.py" line="+41"/>
        <source>must be one or two letters A-Z</source>
        <translation>须为一到两个字母 A-Z</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{prefix} is already the prefix of another service of this branch</source>
        <translation>{prefix} 已是本网点另一业务的号码前缀</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>must be 1 to 8 letters or digits</source>
        <translation>必须是 1 到 8 位字母或数字</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>counter {number} already exists in this branch</source>
        <translation>本网点已有 {number} 号窗口</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>must be a list of services</source>
        <translation>须为业务列表</translation>
    </message>
    <message>
        <location filename="../../app/queue/tickets.py" line="-197"/>
        <location line="+207"/>
        <source>{name} is not offered at the moment</source>
        <translation>{name}暂不办理</translation>
    </message>
    <message>
        <location line="-197"/>
        <source>That customer does not exist in your scope.</source>
        <translation>您的管辖范围内没有这位客户。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>is marked inactive</source>
        <translation>已标记为停用</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>must be one of the tiers</source>
        <translation>须为客户等级之一</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>is the ticket&apos;s priority already</source>
        <translation>已是该排队号的优先级</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Counter {counter} is still connected: ask there before taking {number} away.</source>
        <translation>{counter} 号窗口仍在线：请先与该窗口确认，再收回 {number} 号。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>is from {day}: issue a new ticket today</source>
        <translation>是 {day} 的号：请今天重新取号</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Ticket {number} is at a counter: only that counter or the lobby manager may do this.</source>
        <translation>{number} 号正在窗口办理：只有该窗口或大堂经理可以操作。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>choose a service or a counter to transfer to</source>
        <translation>请选择要转入的业务或窗口</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the ticket is at this counter already</source>
        <translation>该号已在此窗口</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the ticket is in this service already</source>
        <translation>该号已在此业务</translation>
    </message>
    <message>
        <location filename="../../app/queue/views.py" line="+199"/>
        <source>is not the code of a queue ticket</source>
        <translation>不是排队号的二维码</translation>
    </message>
    <message>
        <location filename="../../app/queue/stats.py" line="+94"/>
        <source>the end must not be before the start</source>
        <translation>结束日期不能早于开始日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>may cover at most {days} days</source>
        <translation>最多只能统计 {days} 天</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>must be one of day, hour, service, tier, counter, clerk</source>
        <translation>须为日、时段、业务、客户等级、窗口或柜员之一</translation>
    </message>
    <message>
        <location filename="../../app/queue/performance.py" line="+102"/>
        <source>must be by day or by month</source>
        <translation>须为按日或按月</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must be per clerk or per counter</source>
        <translation>须为按柜员或按柜台</translation>
    </message>
</context>
<context>
    <name>exports</name>
    <message>
        <location filename="../../app/queue/stats.py" line="+99"/>
        <source>Business date</source>
        <translation>营业日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service</source>
        <translation>业务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tier</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issued at</source>
        <translation>取号时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First called at</source>
        <translation>首次叫号时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Started at</source>
        <translation>开始办理时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finished at</source>
        <translation>办结时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counter</source>
        <translation>柜台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clerk</source>
        <translation>柜员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recalls</source>
        <translation>重呼次数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait (seconds)</source>
        <translation>等候时长（秒）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service (seconds)</source>
        <translation>办理时长（秒）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../app/queue/performance.py" line="+100"/>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clerk or counter</source>
        <translation>柜员或柜台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tickets served</source>
        <translation>办理笔数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Average service (minutes)</source>
        <translation>平均办理时长（分钟）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>90th percentile service (minutes)</source>
        <translation>90%办理时长（分钟）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Idle (minutes)</source>
        <translation>空闲时长（分钟）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Very satisfied</source>
        <translation>非常满意</translation>
    </message>
    <message>
        <location line="+1"/>
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
        <location line="+1"/>
        <source>Unrated</source>
        <translation>未评价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Satisfied share</source>
        <translation>满意率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unrated share</source>
        <translation>未评价率</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <location filename="../../app/queue/calling.py" line="-176"/>
        <source>PC</source>
        <translation>电脑</translation>
    </message>
    <message>
        <location filename="../../app/queue/refusals.py" line="-4"/>
        <source>Counter</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../app/queue/common.py" line="-84"/>
        <source>Service</source>
        <translation>业务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../app/queue/rules.py" line="-370"/>
        <source>Calling order</source>
        <translation>叫号方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ratio</source>
        <translation>比例</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maximum wait (minutes)</source>
        <translation>最长等候（分钟）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alert the lobby after (minutes)</source>
        <translation>等候提醒时限（分钟）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minimum gap between recalls (seconds)</source>
        <translation>重呼最短间隔（秒）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recalls before a no-show</source>
        <translation>过号前重呼次数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counter lost after (seconds)</source>
        <translation>窗口失联判定（秒）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ticket</source>
        <translation>排队号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tell the branch manager after (minutes)</source>
        <translation>超时通知行长（分钟）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opening hours</source>
        <translation>营业时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Priority of a kept appointment</source>
        <translation>按时预约的优先级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rating window open for (seconds)</source>
        <translation>评价窗口等待时间（秒）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rating window shows the clerk</source>
        <translation>评价窗口显示柜员</translation>
    </message>
    <message>
        <location filename="../../app/queue/setup.py" line="-70"/>
        <source>Number prefix</source>
        <translation>号码前缀</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service name</source>
        <translation>业务名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counter name</source>
        <translation>窗口名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counter number</source>
        <translation>窗口号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Services</source>
        <translation>业务</translation>
    </message>
    <message>
        <location filename="../../app/queue/stats.py" line="-172"/>
        <source>Group by</source>
        <translation>分组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <location filename="../../app/queue/performance.py" line="-164"/>
        <source>Period by</source>
        <translation>统计周期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Figures per</source>
        <translation>统计对象</translation>
    </message>
</context>
<context>
    <name>queue_actions</name>
    <message>
        <location filename="../../app/queue/rules.py" line="+317"/>
        <source>called</source>
        <translation>叫号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>recalled</source>
        <translation>重呼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>marked a no-show</source>
        <translation>标记过号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>started</source>
        <translation>开始办理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>finished</source>
        <translation>办结</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>transferred</source>
        <translation>转移</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancelled</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reactivated</source>
        <translation>恢复排队</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>given another priority</source>
        <translation>调整优先级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reserved for a counter</source>
        <translation>预留给窗口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>put back in the queue</source>
        <translation>重新排队</translation>
    </message>
</context>
<context>
    <name>queue_states</name>
    <message>
        <location line="-355"/>
        <source>Waiting</source>
        <translation>等候中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Called</source>
        <translation>已叫号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serving</source>
        <translation>办理中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No-show</source>
        <translation>过号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transferred</source>
        <translation>已转移</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
</context>
<context>
    <name>queue_stats</name>
    <message>
        <location filename="../../app/queue/stats.py" line="-9"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hour</source>
        <translation>时段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service</source>
        <translation>业务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tier</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <location filename="../../app/queue/performance.py" line="-11"/>
        <source>By day</source>
        <translation>按日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By month</source>
        <translation>按月</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../app/queue/stats.py" line="+1"/>
        <source>Counter</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location line="-1"/>
        <location filename="../../app/queue/stats.py" line="+1"/>
        <source>Clerk</source>
        <translation>柜员</translation>
    </message>
</context>
</TS>
