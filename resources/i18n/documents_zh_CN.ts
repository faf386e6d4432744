<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>DocumentsPage</name>
    <message>
        <location filename="../../ui/documents/page.py" line="+50"/>
        <source>Register</source>
        <translation>登记簿</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Verify</source>
        <translation>验真</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Card paperwork</source>
        <translation>卡片文书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Templates</source>
        <translation>模板</translation>
    </message>
</context>
<context>
    <name>DocumentsTable</name>
    <message>
        <location filename="../../ui/documents/models.py" line="+19"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+21"/>
        <source>Branch</source>
        <translation>网点</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Made at</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Made by</source>
        <translation>生成人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+18"/>
        <source>Printed</source>
        <translation>打印次数</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Copy of</source>
        <translation>原件编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed scan</source>
        <translation>签字扫描件</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card type</source>
        <translation>卡种</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card number</source>
        <translation>卡号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Due since</source>
        <translation>待打印起始时间</translation>
    </message>
</context>
<context>
    <name>PaperworkTab</name>
    <message>
        <location filename="../../ui/documents/paperwork_tab.py" line="+35"/>
        <source>Show what was printed too</source>
        <translation>同时显示已打印的</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Card paperwork</source>
        <translation>卡片文书</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Select a document first.</source>
        <translation>请先选择一份文档。</translation>
    </message>
</context>
<context>
    <name>RegisterTab</name>
    <message>
        <location filename="../../ui/documents/register_tab.py" line="+56"/>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Subject or document number…</source>
        <translation>内容或文档编号…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show copies</source>
        <translation>显示副本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reprint as copy…</source>
        <translation>重印副本…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attach signed scan…</source>
        <translation>附加签字扫描件…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Reprint</source>
        <translation>重印</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Select a document first.</source>
        <translation>请先选择一份文档。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Making the copy…</source>
        <translation>正在生成副本…</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+11"/>
        <source>Signed scan</source>
        <translation>签字扫描件</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Select a service agreement first.</source>
        <translation>请先选择一份贵宾服务协议。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The scan of the signed agreement</source>
        <translation>已签字协议的扫描件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scans (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)</source>
        <translation>扫描件 (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The scan {name} is recorded with the agreement (SHA-256 {sha}).</source>
        <translation>扫描件 {name} 已登记到该协议（SHA-256 {sha}）。</translation>
    </message>
</context>
<context>
    <name>ReportsTab</name>
    <message>
        <location filename="../../ui/documents/reports_tab.py" line="+79"/>
        <source>Renewal-due letters</source>
        <translation>到期续卡提示函</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Branch and month the cards expire</source>
        <translation>网点及卡片到期月份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make all the letters</source>
        <translation>生成全部提示函</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blank-card stock</source>
        <translation>空白卡库存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Business day</source>
        <translation>营业日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Day-end reconciliation</source>
        <translation>日终轧账表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Physical counts</source>
        <translation>盘点表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Destruction register</source>
        <translation>空白卡销毁登记簿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tier evaluation</source>
        <translation>客户等级评定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Worklist of the latest evaluation</source>
        <translation>最近一次评定的工作清单</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Make the worklist</source>
        <translation>生成工作清单</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Making the document…</source>
        <translation>正在生成文档…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Tier worklist</source>
        <translation>等级评定工作清单</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No evaluation has been run yet.</source>
        <translation>尚未进行过客户等级评定。</translation>
    </message>
</context>
<context>
    <name>TemplatesTab</name>
    <message>
        <location filename="../../ui/documents/templates_tab.py" line="+44"/>
        <source>Save as new version</source>
        <translation>保存为新版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo changes</source>
        <translation>撤销修改</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>edited</source>
        <translation>已修改</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>shipped</source>
        <translation>出厂</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} (v{version}, {source})</source>
        <translation>{name}（第 {version} 版，{source}）</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Placeholders this template may use: {names}</source>
        <translation>本模板可用的占位符：{names}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Template saved</source>
        <translation>模板已保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version {version} of this template is used for new documents from now on; documents already made keep the version they were made with.</source>
        <translation>从现在起新生成的文档使用本模板第 {version} 版；已生成的文档仍保留其生成时所用的版本。</translation>
    </message>
</context>
<context>
    <name>VerifyTab</name>
    <message>
        <location filename="../../ui/documents/verify_tab.py" line="+44"/>
        <source>Scan the QR code of a printed document (or type what it says), then press Enter.</source>
        <translation>用扫码枪扫描纸质文档上的二维码（或手工输入其内容），然后按回车键。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The text of the QR code</source>
        <translation>二维码内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verify</source>
        <translation>验真</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Genuine</source>
        <translation>真实有效</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Altered or damaged</source>
        <translation>已被篡改或损坏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown</source>
        <translation>无法识别</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>What: {kind} — {subject}</source>
        <translation>文档：{kind} — {subject}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (item {item} of {items})</source>
        <translation>（第 {item} 份，共 {items} 份）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Document No.: {number}</source>
        <translation>文档编号：{number}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This is a reprinted copy.</source>
        <translation>这是一份重印副本。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Made {time} by {person} at {branch}</source>
        <translation>{time} 由 {person} 在 {branch} 生成</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Template: {template}</source>
        <translation>模板：{template}</translation>
    </message>
</context>
<context>
    <name>documents</name>
    <message>
        <location filename="../../app/documents/register.py" line="+44"/>
        <location filename="../../app/documents/templates.py" line="+86"/>
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
        <source>Renewal letter</source>
        <translation>续卡通知函</translation>
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
        <location line="+1"/>
        <location filename="../../app/documents/templates.py" line="+1"/>
        <source>Queue statistics</source>
        <translation>排队服务统计报表</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../app/documents/templates.py" line="+1"/>
        <source>Clerk performance</source>
        <translation>柜员绩效</translation>
    </message>
    <message>
        <location filename="../../app/documents/templates.py" line="-15"/>
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
        <location filename="../../app/documents/fonts.py" line="+20"/>
        <source>The document font {path} is missing or cannot be read, so no document can be made. Reinstall VIP Desk.</source>
        <translation>文档字体 {path} 缺失或无法读取，无法生成任何文档。请重新安装 VIP Desk。</translation>
    </message>
    <message>
        <location filename="../../app/documents/qr.py" line="+89"/>
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
        <location line="+1"/>
        <source>The store has no document-signing key; ask an administrator to run db upgrade.</source>
        <translation>数据库中没有文档签名密钥，请联系管理员执行 db upgrade。</translation>
    </message>
    <message>
        <location line="+163"/>
        <source>The store&apos;s document-signing key is damaged; ask an administrator.</source>
        <translation>本库的文档签名密钥已损坏，请联系管理员。</translation>
    </message>
    <message>
        <location filename="../../app/documents/register.py" line="+164"/>
        <location filename="../../app/documents/reports.py" line="+194"/>
        <source>There is no such branch.</source>
        <translation>没有这个网点。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>There is nothing to print.</source>
        <translation>没有可打印的内容。</translation>
    </message>
    <message>
        <location line="+88"/>
        <location line="+110"/>
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
        <location filename="../../app/documents/templates.py" line="+57"/>
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
        <location line="+8"/>
        <source>needs one [table: ...] line naming its {count} columns, separated by |</source>
        <translation>需要一行 [table: ...]，列出全部 {count} 个列名，用 | 分隔</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>needs {tables} [table: ...] lines, in order naming {counts} columns, separated by |</source>
        <translation>需要 {tables} 行 [table: ...]，依次列出 {counts} 个列名，用 | 分隔</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>this document has no table; remove the [table] line</source>
        <translation>此类文档没有表格，请删除 [table] 行</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>The template file {path} is missing.</source>
        <translation>模板文件 {path} 缺失。</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Version {version} of template {key} is not kept.</source>
        <translation>模板 {key} 的第 {version} 版未保存。</translation>
    </message>
    <message>
        <location filename="../../app/documents/verify.py" line="+32"/>
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
    <message>
        <location filename="../../app/documents/reports.py" line="-148"/>
        <source>the end is before the start</source>
        <translation>结束日期早于开始日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>can cover at most {days} days</source>
        <translation>最多只能包含 {days} 天</translation>
    </message>
    <message>
        <location line="+123"/>
        <source>There is no such worklist.</source>
        <translation>没有这个工作清单。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>There is no such evaluation.</source>
        <translation>没有这次评定。</translation>
    </message>
    <message>
        <location filename="../../app/documents/letters.py" line="+98"/>
        <source>There is no such document for a card.</source>
        <translation>卡片没有这种文档。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>{value} is not a month (YYYY-MM)</source>
        <translation>{value} 不是月份（格式 YYYY-MM）</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>No card of {branch} expires in {month}: there is no renewal letter to print.</source>
        <translation>{branch} 没有在 {month} 到期的贵宾卡，没有需要打印的续卡提示函。</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <location filename="../../app/documents/register.py" line="-361"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan</source>
        <translation>扫描件</translation>
    </message>
    <message>
        <location filename="../../app/documents/templates.py" line="-256"/>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../../app/documents/reports.py" line="-146"/>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <location filename="../../app/documents/letters.py" line="-125"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
</context>
</TS>
