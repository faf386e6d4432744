<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AppointmentsButton</name>
    <message>
        <location filename="../../ui/visit/appointments.py" line="+289"/>
        <source>Appointments…</source>
        <translation>预约…</translation>
    </message>
</context>
<context>
    <name>AppointmentsDialog</name>
    <message>
        <location line="-99"/>
        <location line="+15"/>
        <source>Choose a booked appointment.</source>
        <translation>请选择一条待到店的预约。</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Ticket {number} issued with the appointment&apos;s priority.</source>
        <translation>已发排队号 {number}，按预约优先。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ticket {number} issued as a normal ticket: the appointment&apos;s window has passed.</source>
        <translation>已发排队号 {number}，按普通号：已过预约时段。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Find the customer in the lobby&apos;s search first.</source>
        <translation>请先在大堂查找该客户。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{count} missed appointment(s) recorded as no-shows.</source>
        <translation>已将 {count} 条过时未到的预约记为爽约。</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+12"/>
        <source>Import appointments</source>
        <translation>导入预约</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Import the good lines and skip the bad ones?</source>
        <translation>导入正确的行并跳过有误的行？</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>{count} appointment(s) imported.</source>
        <translation>已导入 {count} 条预约。</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>The appointment {window} was cancelled.</source>
        <translation>预约 {window} 已取消。</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Today&apos;s appointments</source>
        <translation>今日预约</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time</source>
        <translation>时段</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tier</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Service</source>
        <translation>业务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ticket</source>
        <translation>排队号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check in</source>
        <translation>签到取号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Book…</source>
        <translation>登记预约…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel appointment…</source>
        <translation>取消预约…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record no-shows</source>
        <translation>记录爽约</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
</context>
<context>
    <name>ArrivalNotices</name>
    <message>
        <location filename="../../ui/visit/arrivals.py" line="+81"/>
        <source>Could not receive the customer</source>
        <translation>无法接待该客户</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{name} ({tier}) has arrived: ticket {number}, waiting {minutes} min</source>
        <translation>{name}（{tier}）已到店：排队号 {number}，已等候 {minutes} 分钟</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not yet received (manager: {manager}). </source>
        <translation>尚无人接待（理财经理：{manager}）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>I&apos;ll receive them</source>
        <translation>我来接待</translation>
    </message>
</context>
<context>
    <name>BookDialog</name>
    <message>
        <location filename="../../ui/visit/appointments.py" line="-210"/>
        <source>Book an appointment</source>
        <translation>登记预约</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Until</source>
        <translation>结束</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Book</source>
        <translation>登记</translation>
    </message>
</context>
<context>
    <name>CancelAppointmentDialog</name>
    <message>
        <location line="+27"/>
        <source>Cancel an appointment</source>
        <translation>取消预约</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The customer called the appointment off. The reason is optional; it is kept in the audit trail.</source>
        <translation>客户取消了预约。原因可不填；填写的原因记入审计日志。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel appointment</source>
        <translation>取消预约</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep it</source>
        <translation>保留预约</translation>
    </message>
</context>
<context>
    <name>LobbyArrivals</name>
    <message>
        <location filename="../../ui/visit/arrivals.py" line="+45"/>
        <source>{number} {name}: {receiver} is coming</source>
        <translation>{number} {name}：{receiver} 前来接待</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{number} {name}: waiting for {manager}, branch manager told</source>
        <translation>{number} {name}：等候 {manager}，已通知行长</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{number} {name}: waiting for {manager}</source>
        <translation>{number} {name}：等候 {manager}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>VIP arrivals: {list}</source>
        <translation>贵宾到店：{list}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>MyAppointmentsLine</name>
    <message>
        <location filename="../../ui/visit/appointments.py" line="+245"/>
        <source>Cancel an appointment…</source>
        <translation>取消预约…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{starts}–{ends} {name} ({tier}) {service}, {state}</source>
        <translation>{starts}–{ends} {name}（{tier}）{service}，{state}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>My appointments today: {list}</source>
        <translation>我的今日预约：{list}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>RatingWindow</name>
    <message>
        <location filename="../../ui/visit/rating.py" line="+187"/>
        <source>Please choose or type a reason.</source>
        <translation>请选择或填写原因。</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+60"/>
        <source>Thank you for your rating!</source>
        <translation>感谢您的评价！</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>This window closes in {seconds} s</source>
        <translation>{seconds} 秒后自动关闭</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Rate our service</source>
        <translation>服务评价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counter {number} {name}</source>
        <translation>{number} 号窗口 {name}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Served by {clerk}</source>
        <translation>为您服务：{clerk}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Or tell us in your own words</source>
        <translation>其他原因，请在此填写</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sorry! What went wrong?</source>
        <translation>非常抱歉！请告诉我们哪里做得不好</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ticket {number}: how was our service?</source>
        <translation>{number} 号，请您对本次服务进行评价</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Rating</source>
        <translation>评价</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Customer dissatisfied</source>
        <translation>客户不满意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ticket {number} was rated dissatisfied: {reason}.</source>
        <translation>{number} 号评价为“不满意”：{reason}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It was issued to nobody known: if the customer wishes to complain, accept it from their record.</source>
        <translation>该号为未识别客户：如客户要投诉，请在其客户档案中受理。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open a complaint with this reason?</source>
        <translation>是否以此原因登记投诉？</translation>
    </message>
</context>
<context>
    <name>appointment_states</name>
    <message>
        <location filename="../../app/visit/appointment_rules.py" line="+19"/>
        <source>Booked</source>
        <translation>待到店</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checked in</source>
        <translation>已签到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No-show</source>
        <translation>爽约</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../app/visit/arrivals.py" line="+121"/>
        <source>That arrival does not exist in your scope.</source>
        <translation>您的范围内没有该到店记录。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>is for the customer&apos;s relationship manager or a branch manager</source>
        <translation>仅限该客户的理财经理或行长</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name} is already receiving this customer</source>
        <translation>{name} 已在接待该客户</translation>
    </message>
    <message>
        <location filename="../../app/visit/appointment_rules.py" line="+16"/>
        <source>must be two times of day (HH:MM)</source>
        <translation>须为两个时刻（时:分）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must end after it starts</source>
        <translation>结束须晚于开始</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must lie within opening hours ({opens}–{closes})</source>
        <translation>须在营业时间内（{opens}–{closes}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>is in the past</source>
        <translation>已过去</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>has already begun</source>
        <translation>已经开始</translation>
    </message>
    <message>
        <location filename="../../app/visit/appointments.py" line="+78"/>
        <source>the customer is already booked from {starts} to {ends} that day</source>
        <translation>该客户当天 {starts}–{ends} 已有预约</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>has {count} fields</source>
        <translation>有 {count} 个字段</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+18"/>
        <source>no such customer</source>
        <translation>没有该客户</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>no such service at the customer&apos;s branch</source>
        <translation>客户所在网点没有该业务</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>must be a date (YYYY-MM-DD)</source>
        <translation>必须是日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>That appointment does not exist in your scope.</source>
        <translation>您的范围内没有该预约。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>is not booked for today</source>
        <translation>不是今天待到店的预约</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>only a booked appointment can be cancelled</source>
        <translation>只能取消“已预约”的预约</translation>
    </message>
    <message>
        <location filename="../../app/visit/rating_rules.py" line="+54"/>
        <source>choose one of the four ratings</source>
        <translation>请从四个评价中选择一个</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>choose reasons from the list</source>
        <translation>请从列表中选择原因</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>is asked only with a dissatisfied rating</source>
        <translation>仅在“不满意”时填写</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>choose or type why the customer is dissatisfied</source>
        <translation>请选择或填写客户不满意的原因</translation>
    </message>
    <message>
        <location filename="../../app/visit/ratings.py" line="+66"/>
        <source>The rating window for this ticket has closed.</source>
        <translation>该号的评价窗口已关闭。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{number} is not finished yet</source>
        <translation>{number} 尚未办结</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only the clerk who served {number} may take its rating.</source>
        <translation>只有为 {number} 办理业务的柜员才能接收其评价。</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>{number} has been rated already.</source>
        <translation>{number} 已评价过。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>That rating does not exist in your scope.</source>
        <translation>您的范围内没有该评价。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only the clerk who was rated may open a complaint from the rating.</source>
        <translation>只有被评价的柜员才能由该评价登记投诉。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a complaint is opened only from a dissatisfied rating</source>
        <translation>只有“不满意”的评价才能登记投诉</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A complaint has already been opened from this rating.</source>
        <translation>该评价已登记过投诉。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{number} was issued to nobody known: accept the complaint from the customer&apos;s record</source>
        <translation>{number} 为未识别客户的号：请在客户档案中受理投诉</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <location filename="../../app/visit/arrivals.py" line="-101"/>
        <source>Arrival</source>
        <translation>到店</translation>
    </message>
    <message>
        <location filename="../../app/visit/appointment_rules.py" line="-34"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time window</source>
        <translation>预约时段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appointment</source>
        <translation>预约</translation>
    </message>
    <message>
        <location filename="../../app/visit/appointments.py" line="-210"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../app/visit/rating_rules.py" line="-32"/>
        <source>Rating</source>
        <translation>评价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason for the rating</source>
        <translation>评价原因</translation>
    </message>
    <message>
        <location filename="../../app/visit/ratings.py" line="-133"/>
        <source>Ticket</source>
        <translation>排队号</translation>
    </message>
</context>
<context>
    <name>ratings</name>
    <message>
        <location filename="../../app/visit/rating_rules.py" line="-26"/>
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
        <location line="+4"/>
        <source>Waited too long</source>
        <translation>等候时间太长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service attitude</source>
        <translation>服务态度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not skilled enough</source>
        <translation>业务不熟练</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problem not solved</source>
        <translation>问题没有解决</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Environment and facilities</source>
        <translation>环境与设施</translation>
    </message>
</context>
</TS>
