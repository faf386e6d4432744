<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>documents</name>
    <message>
        <location filename="../../app/documents/register.py" line="+39"/>
        <location filename="../../app/documents/templates.py" line="+69"/>
        <source>Service agreement</source>
        <translation>贵宾服务协议</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../app/documents/templates.py" line="+1"/>
        <source>Welcome letter</source>
        <translation>开卡欢迎函</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../app/documents/templates.py" line="+1"/>
        <source>Upgrade letter</source>
        <translation>升级通知函</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../app/documents/templates.py" line="+1"/>
        <source>Downgrade letter</source>
        <translation>卡种调整通知函</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../app/documents/templates.py" line="+1"/>
        <source>Replacement letter</source>
        <translation>补换卡通知函</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../app/documents/templates.py" line="+1"/>
        <source>Renewal-due letter</source>
        <translation>到期续卡提示函</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../app/documents/templates.py" line="+1"/>
        <source>Expiry letter</source>
        <translation>到期通知函</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renewal-due letters (batch)</source>
        <translation>到期续卡提示函（批量）</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../app/documents/templates.py" line="+1"/>
        <source>Stock reconciliation</source>
        <translation>空白卡日终轧账表</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../app/documents/templates.py" line="+1"/>
        <source>Physical count</source>
        <translation>空白卡盘点表</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../app/documents/templates.py" line="+1"/>
        <source>Destruction register</source>
        <translation>空白卡销毁登记簿</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../app/documents/templates.py" line="+1"/>
        <source>Tier worklist</source>
        <translation>等级评定工作清单</translation>
    </message>
    <message>
        <location filename="../../app/documents/templates.py" line="-12"/>
        <source>Letterhead</source>
        <translation>信头</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rights of each card type</source>
        <translation>各卡种权益</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../app/documents/files.py" line="+36"/>
        <source>the disk is full; nothing was saved to {path}</source>
        <translation>磁盘已满，未保存任何内容到 {path}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>could not be written to {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/documents/fonts.py" line="+20"/>
        <source>The document font {path} is missing or cannot be read, so no document can be made. Reinstall VIP Desk.</source>
        <translation>文档字体 {path} 缺失或无法读取，无法生成任何文档。请重新安装 VIP Desk。</translation>
    </message>
    <message>
        <location filename="../../app/documents/qr.py" line="+71"/>
        <source>This is not a VIP Desk document code.</source>
        <translation>这不是 VIP Desk 的文档二维码。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The code is incomplete or damaged: it may have been cut short or changed.</source>
        <translation>二维码内容不完整或已损坏：可能被截断或改动。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The code does not match its signature: it was altered, or it comes from another store.</source>
        <translation>二维码内容与签名不符：已被篡改，或来自其他数据库。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This store has never signed a document, so the code is not one of its own.</source>
        <translation>本数据库从未签发过文档，此二维码不是本库签发的。</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>The store&apos;s document-signing key is damaged; ask an administrator.</source>
        <translation>本库的文档签名密钥已损坏，请联系管理员。</translation>
    </message>
    <message>
        <location filename="../../app/documents/register.py" line="+141"/>
        <source>There is no such branch.</source>
        <translation>没有这个网点。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>There is nothing to print.</source>
        <translation>没有可打印的内容。</translation>
    </message>
    <message>
        <location line="+72"/>
        <location line="+106"/>
        <source>There is no such document in your branches.</source>
        <translation>您所辖网点中没有这份文档。</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>cannot be read: {reason}</source>
        <translation>无法读取：{reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>must be a PDF or an image (PNG, JPEG, TIFF) of at most 50 MB</source>
        <translation>必须是不超过 50 MB 的 PDF 或图片（PNG、JPEG、TIFF）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a signed scan belongs to an agreement, not to this document</source>
        <translation>签字扫描件只能附加到协议上，不能附加到这份文档</translation>
    </message>
    <message>
        <location filename="../../app/documents/templates.py" line="+54"/>
        <source>“{{{name}}}” is not a placeholder (write a name between braces, or {{{{ and }}}} for a brace)</source>
        <translation>“{{{name}}}”不是有效的占位符（花括号内只能写名称；要印出花括号请写 {{{{ 和 }}}}）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>has a brace that is not closed (write {{{{ and }}}} for a brace)</source>
        <translation>有未闭合的花括号（要印出花括号请写 {{{{ 和 }}}}）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>There is no template called {key}.</source>
        <translation>没有名为 {key} 的模板。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>is longer than {limit} characters</source>
        <translation>超过 {limit} 个字符</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>needs a header (version: and title:) and a line with --- before the text</source>
        <translation>需要文件头（version: 和 title:），并在正文前加一行 ---</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>header line “{line}” is not version: or title:</source>
        <translation>文件头中的“{line}”不是 version: 或 title:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>needs a version: line with a number from 1</source>
        <translation>需要一行 version:，版本号从 1 起</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>uses the unknown placeholder {{{name}}}; this template may use: {allowed}</source>
        <translation>使用了未知的占位符 {{{name}}}；本模板可用：{allowed}</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>The template file {path} is missing.</source>
        <translation>模板文件 {path} 缺失。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Version {version} of template {key} is not kept.</source>
        <translation>模板 {key} 的第 {version} 版未保存。</translation>
    </message>
    <message>
        <location filename="../../app/documents/verify.py" line="+28"/>
        <source>The signature is right, but there is no such document on record in this store.</source>
        <translation>签名正确，但本库的登记簿中没有这份文档。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The signature is right, but this store does not know codes of kind {kind}.</source>
        <translation>签名正确，但本库不认识类型为 {kind} 的二维码。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The document is genuine; it belongs to a branch outside yours.</source>
        <translation>文档为真，但属于您所辖范围以外的网点。</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <location filename="../../app/documents/files.py" line="-21"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../app/documents/register.py" line="-303"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan</source>
        <translation>扫描件</translation>
    </message>
    <message>
        <location filename="../../app/documents/templates.py" line="-206"/>
        <source>Template</source>
        <translation>模板</translation>
    </message>
</context>
</TS>
