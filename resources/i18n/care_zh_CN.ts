<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>care</name>
    <message>
        <location filename="../../app/care/rules.py" line="+55"/>
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
        <translation>电子邮件</translation>
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
        <location filename="../../app/care/assignment.py" line="+31"/>
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
        <location filename="../../app/care/common.py" line="+20"/>
        <source>That customer does not exist in your scope.</source>
        <translation>您的管辖范围内没有该客户。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>That account does not exist in your scope.</source>
        <translation>您的管辖范围内没有该账号。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must be someone else</source>
        <translation>必须是另一位员工</translation>
    </message>
    <message>
        <location filename="../../app/care/common.py" line="+63"/>
        <source>must be an enabled relationship manager, lobby manager or teller of your branch subtree</source>
        <translation>必须是您辖内在用的理财经理、大堂经理或柜员</translation>
    </message>
    <message>
        <location filename="../../app/care/complaints.py" line="+32"/>
        <source>That complaint does not exist in your scope.</source>
        <translation>您的管辖范围内没有该投诉。</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>choose how the complaint came in</source>
        <translation>请选择投诉渠道</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../app/care/rules.py" line="+216"/>
        <source>must be 1, 2 or 3</source>
        <translation>必须是 1、2 或 3</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>This complaint is assigned to {name}; only they or a branch manager may work on it.</source>
        <translation>该投诉已分派给{name}，只有其本人或行长可以处理。</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>ask the customer and choose how satisfied they are</source>
        <translation>请回访客户并选择满意度</translation>
    </message>
    <message>
        <location filename="../../app/care/contacts.py" line="+63"/>
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
        <location line="+42"/>
        <location line="+23"/>
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
        <location filename="../../app/care/rules.py" line="-198"/>
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
        <location line="+4"/>
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
        <location filename="../../app/care/worklist.py" line="+68"/>
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
        <location filename="../../app/care/complaints.py" line="-172"/>
        <source>Handled by</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up note</source>
        <translation>回访记录</translation>
    </message>
    <message>
        <location filename="../../app/care/rules.py" line="-275"/>
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
        <location line="+190"/>
        <source>Care policy</source>
        <translation>客户维护策略</translation>
    </message>
</context>
</TS>
