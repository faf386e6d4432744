<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
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
    <name>LobbyArrivals</name>
    <message>
        <location line="+45"/>
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
    <name>errors</name>
    <message>
        <location filename="../../app/visit/arrivals.py" line="+131"/>
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
</context>
<context>
    <name>fields</name>
    <message>
        <location line="-113"/>
        <source>Arrival</source>
        <translation>到店</translation>
    </message>
</context>
</TS>
