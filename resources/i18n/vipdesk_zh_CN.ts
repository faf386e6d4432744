<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AccountDialog</name>
    <message>
        <location filename="../../ui/accounts/dialogs.py" line="+100"/>
        <source>New account</source>
        <translation>新建账户</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit account</source>
        <translation>修改账户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Branch</source>
        <translation>所属网点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The person signs in with the first password you give here and must then choose their own.</source>
        <translation>员工用这里设置的初始密码登录，登录后必须改为自己的密码。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. zhang_wei</source>
        <translation>例如 zhang_wei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First password</source>
        <translation>初始密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat first password</source>
        <translation>再次输入初始密码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User name: 3 to 32 lower-case letters, digits or _. Password: at least {min} characters, not containing the user name.</source>
        <translation>用户名：3 到 32 个小写字母、数字或下划线。密码：至少 {min} 个字符，且不能包含用户名。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create account</source>
        <translation>创建账户</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>AccountsModel</name>
    <message>
        <location filename="../../ui/accounts/model.py" line="+88"/>
        <source>Never</source>
        <translation>从未登录</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Locked until {time}</source>
        <translation>锁定至 {time}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enabled, new password pending</source>
        <translation>启用（待设新密码）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enabled</source>
        <translation>启用</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Branch</source>
        <translation>所属网点</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last sign-in</source>
        <translation>最近登录</translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <location filename="../../ui/accounts/page.py" line="+135"/>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Enable account</source>
        <translation>启用账户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enable the account of {name}? The person can sign in again.</source>
        <translation>启用 {name} 的账户？启用后此人可以重新登录。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disable account</source>
        <translation>停用账户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disable the account of {name}? The person can no longer sign in; their records stay.</source>
        <translation>停用 {name} 的账户？停用后此人无法登录，其记录仍然保留。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Your own account</source>
        <translation>您本人的账户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You changed your own account. The change applies from your next sign-in.</source>
        <translation>您修改了自己的账户，修改将在下次登录时生效。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Filter: name, user name, branch, role…</source>
        <translation>筛选：姓名、用户名、网点、角色…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New account…</source>
        <translation>新建账户…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unlock</source>
        <translation>解除锁定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reload</source>
        <translation>刷新</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../../ui/audit/model.py" line="+72"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Branch</source>
        <translation>网点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Record</source>
        <translation>对象</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Record ID</source>
        <translation>对象编号</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../ui/audit/page.py" line="+222"/>
        <source>{count}{more} events</source>
        <translation>共 {count}{more} 条</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Select an event to see what changed.</source>
        <translation>选择一条记录，查看改动内容。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Event No. {seq}</source>
        <translation>第 {seq} 号记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time: {time}</source>
        <translation>时间：{time}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Branch: {branch}</source>
        <translation>网点：{branch}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action: {label} ({code})</source>
        <translation>操作：{label}（{code}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record: {label} {id}</source>
        <translation>对象：{label} {id}</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>By: {actor} ({user})</source>
        <translation>操作人：{actor}（{user}）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>What was recorded:</source>
        <translation>记录内容：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Audit trail</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export the audit trail</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Export cancelled; no file was written.</source>
        <translation>导出已取消，未写入任何文件。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exporting the audit trail…</source>
        <translation>正在导出审计日志…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{count} events exported to {path}.</source>
        <translation>已导出 {count} 条记录到 {path}。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export finished</source>
        <translation>导出完成</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file could not be written: {reason}</source>
        <translation>无法写入文件：{reason}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Check cancelled.</source>
        <translation>校验已取消。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checking the audit chain…</source>
        <translation>正在校验审计链…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The audit chain is intact: {count} events checked.</source>
        <translation>审计链完整：已校验 {count} 条记录。</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+6"/>
        <source>Audit chain</source>
        <translation>审计链校验</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>The audit chain is broken at event No. {seq}: an event was changed, removed or inserted after it was written. Tell the security officer.</source>
        <translation>审计链在第 {seq} 号记录处断开：有记录在写入后被修改、删除或插入。请立即报告安全负责人。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Filter</source>
        <translation>筛选条件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Any day</source>
        <translation>不限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name or user name…</source>
        <translation>姓名或用户名…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Any action</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Record</source>
        <translation>对象</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Any record</source>
        <translation>全部对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record ID</source>
        <translation>对象编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exact ID</source>
        <translation>完整编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verify chain</source>
        <translation>校验审计链</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reload</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audit anchor:</source>
        <translation>审计锚点：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note this anchor down, or keep the day&apos;s stock reconciliation report, which prints it: “python main.py audit verify --anchor …” then proves that the trail has only grown since.</source>
        <translation>请记下此锚点，或保存打印有它的当日空白卡日终轧账表：日后运行“python main.py audit verify --anchor …”即可证明审计记录此后只增未删改。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
</context>
<context>
    <name>AumImportPage</name>
    <message>
        <location filename="../../ui/tiers/aum_page.py" line="+86"/>
        <source>Import AUM extract</source>
        <translation>导入金融资产数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV 文件 (*.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Importing {file}…</source>
        <translation>正在导入 {file}…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{file}: {read} lines read, {changed} values changed, {unchanged} unchanged, {skipped} bad lines skipped.</source>
        <translation>{file}：读取 {read} 行，{changed} 个数值有变化，{unchanged} 个未变，跳过错误行 {skipped} 行。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This file had been imported before.</source>
        <translation>此文件以前已导入过。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{count} bad lines: nothing was imported. Correct them, or tick “Skip bad lines” to import the good ones.</source>
        <translation>有 {count} 行错误，未导入任何数据。请更正这些行，或勾选“跳过错误行”只导入正确的行。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Import cancelled; nothing was imported.</source>
        <translation>导入已取消，未导入任何数据。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The monthly extract from core banking: columns cif_no, month, avg_daily_aum (headers in English or Chinese), UTF-8 or GB18030. The import is all or nothing unless bad lines are skipped; importing the same file again changes nothing.</source>
        <translation>核心系统每月下发的数据文件：列为客户号、月份、月日均资产（表头可用英文或中文），编码 UTF-8 或 GB18030。除非选择跳过错误行，导入要么全部成功，要么什么都不导入；重复导入同一文件不会改变任何数据。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import AUM file…</source>
        <translation>导入金融资产文件…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip bad lines</source>
        <translation>跳过错误行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bad lines</source>
        <translation>错误行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latest imports</source>
        <translation>最近的导入</translation>
    </message>
</context>
<context>
    <name>BranchDialog</name>
    <message>
        <location filename="../../ui/branches/dialog.py" line="+74"/>
        <source>New branch</source>
        <translation>新增网点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Below</source>
        <translation>上级网点</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add branch</source>
        <translation>新增网点</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit branch</source>
        <translation>修改网点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Branch</source>
        <translation>网点</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open (an inactive branch stays in the records)</source>
        <translation>营业中（停用的网点仍保留在记录中）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>2 to 16 capital letters or digits, e.g. BJ0103</source>
        <translation>2 到 16 位大写字母或数字，例如 BJ0103</translation>
    </message>
</context>
<context>
    <name>BranchesPage</name>
    <message>
        <location filename="../../ui/branches/page.py" line="+93"/>
        <source>Open</source>
        <translation>营业中</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Inactive</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Branches of your part of the bank. Branches are never deleted: mark a closed one inactive.</source>
        <translation>您管辖范围内的网点。网点不能删除：撤并的网点请设为停用。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add child branch…</source>
        <translation>新增下级网点…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reload</source>
        <translation>刷新</translation>
    </message>
</context>
<context>
    <name>CardDocuments</name>
    <message>
        <location filename="../../ui/card_documents.py" line="+32"/>
        <source>Making the document…</source>
        <translation>正在生成文档…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Print agreement…</source>
        <translation>打印协议…</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../ui/login/change_password.py" line="+41"/>
        <source>Choose your password</source>
        <translation>设置您的密码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name}, your password was set by an administrator. Choose your own password before you continue.</source>
        <translation>{name}，您的密码由管理员设置。请先设置您自己的密码再继续。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat new password</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At least {min} characters; not your user name.</source>
        <translation>至少 {min} 个字符，且不能包含您的用户名。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save password</source>
        <translation>保存密码</translation>
    </message>
</context>
<context>
    <name>CountDialog</name>
    <message>
        <location filename="../../ui/stock/dialogs.py" line="+217"/>
        <source>Physical count</source>
        <translation>盘点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A blind count: enter or scan every serial physically present. The books are shown only after the count is recorded.</source>
        <translation>盲盘：逐一录入或扫描实物在库的每个号码。盘点登记后才显示账面数。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Serials counted</source>
        <translation>实盘号码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record count</source>
        <translation>登记盘点</translation>
    </message>
</context>
<context>
    <name>CountersignDialog</name>
    <message>
        <location filename="../../ui/countersign.py" line="+50"/>
        <source>Authorise on the spot</source>
        <translation>现场授权</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The second person enters their own user name and password here. It is checked as their sign-in and recorded in their name.</source>
        <translation>由复核人在此输入本人的用户名和密码。系统按其本人登录进行校验，并以其名义记录。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Their password</source>
        <translation>授权人密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authorise</source>
        <translation>授权</translation>
    </message>
</context>
<context>
    <name>CustomerForm</name>
    <message>
        <location filename="../../ui/customers/form.py" line="+122"/>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit customer {name}</source>
        <translation>编辑客户 {name}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CIF number</source>
        <translation>客户号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ID type</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birthday</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Postcode</source>
        <translation>邮编</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Employer</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Occupation</source>
        <translation>职业</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Important dates</source>
        <translation>重要日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Close relatives</source>
        <translation>直系亲属</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Home branch</source>
        <translation>归属网点</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Relationship manager</source>
        <translation>理财经理</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>From the ID number</source>
        <translation>按证件号码</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>One per line, the date last, e.g.
Wedding anniversary 05-20</source>
        <translation>每行一项，日期放在最后，例如：
结婚纪念日 05-20</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One per line: relation, name, birthday if known, e.g.
Spouse Wang Fang 1980-05-17</source>
        <translation>每行一人：关系、姓名，知道的话再写生日，例如：
配偶 王芳 1980-05-17</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For a resident ID card the birthday comes from the ID number.</source>
        <translation>居民身份证的出生日期取自证件号码。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Leave the ID number and phone empty to keep them as they are.</source>
        <translation>证件号码和手机号留空则保持不变。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>CustomerModel</name>
    <message>
        <location filename="../../ui/customers/model.py" line="+59"/>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Inactive</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>CIF number</source>
        <translation>客户号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Branch</source>
        <translation>网点</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tier</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>CustomerTabs</name>
    <message>
        <location filename="../../ui/customers/tabs.py" line="+40"/>
        <source>Tier &amp;&amp; AUM</source>
        <translation>等级与金融资产</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contacts &amp;&amp; complaints</source>
        <translation>联系与投诉</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Viewed by</source>
        <translation>查阅记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VIP cards</source>
        <translation>贵宾卡</translation>
    </message>
</context>
<context>
    <name>CustomerView</name>
    <message>
        <location filename="../../ui/customers/view.py" line="+145"/>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Inactive</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+1"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+52"/>
        <source>Mark inactive</source>
        <translation>停用</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>Mark active</source>
        <translation>恢复正常</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Mark {name} inactive? The record is kept and can be made active again.</source>
        <translation>停用客户 {name}？档案会保留，可以再恢复。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Record</source>
        <translation>客户档案</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>CIF number</source>
        <translation>客户号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ID type</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Birthday</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Postcode</source>
        <translation>邮编</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Home branch</source>
        <translation>归属网点</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Relationship manager</source>
        <translation>理财经理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tier</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Employer</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Occupation</source>
        <translation>职业</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Important dates</source>
        <translation>重要日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Close relatives</source>
        <translation>直系亲属</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show in full; this is recorded in the audit trail</source>
        <translation>显示完整信息；此操作会记入审计日志</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message>
        <location filename="../../ui/customers/page.py" line="+185"/>
        <source>No customer found.</source>
        <translation>未找到客户。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} customers found.</source>
        <translation>找到 {count} 位客户。</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Import customers</source>
        <translation>导入客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV 文件 (*.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Import cancelled; nothing was imported.</source>
        <translation>导入已取消，未导入任何数据。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Importing {file}…</source>
        <translation>正在导入 {file}…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{file}: {read} lines read, {new} new, {updated} updated, {unchanged} unchanged, {skipped} bad lines skipped.</source>
        <translation>{file}：读取 {read} 行，新增 {new}，更新 {updated}，未变 {unchanged}，跳过错误行 {skipped}。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{count} bad lines: nothing was imported. Correct them, or tick “Skip bad lines” to import the good ones.</source>
        <translation>{count} 行有误，未导入任何数据。请更正，或勾选“跳过错误行”只导入正确的行。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Export customers</source>
        <translation>导出客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{count} customers written to {file} (ID numbers and phones masked).</source>
        <translation>已将 {count} 位客户写入 {file}（证件号码和手机号已脱敏）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exporting customers…</source>
        <translation>正在导出客户…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Type a name (张三), its pinyin or initials (zhangsan, zs), the last 4 to 8 digits of an ID number or phone, a whole ID number or mobile number, or a CIF number. Double-click or press Enter to open a customer.</source>
        <translation>输入姓名（张三）、拼音或首字母（zhangsan、zs）、证件号码或手机号的后 4 至 8 位、完整的证件号码或手机号，或客户号。双击或按回车键打开客户。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Find a customer…</source>
        <translation>查找客户…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New customer…</source>
        <translation>新建客户…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import customers…</source>
        <translation>导入客户…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip bad lines</source>
        <translation>跳过错误行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bad lines</source>
        <translation>错误行</translation>
    </message>
</context>
<context>
    <name>DayEndTab</name>
    <message>
        <location filename="../../ui/stock/day_tab.py" line="+55"/>
        <source>Business date</source>
        <translation>营业日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reconcile</source>
        <translation>对账</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign off…</source>
        <translation>签退…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{count} unexplained difference(s): explain each before signing off.</source>
        <translation>{count} 处未说明的差错：签退前请逐一说明。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The books balance: opening + in − out = closing.</source>
        <translation>账实相符：上日结存 + 收入 − 付出 = 本日结存。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Day signed off</source>
        <translation>签退完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{location}, {card}, {day} is signed off: the day is closed to back-dated moves.</source>
        <translation>{location}，{card}，{day} 已签退：该日不再接受补记业务。</translation>
    </message>
</context>
<context>
    <name>DemoLoginsCard</name>
    <message>
        <location filename="../../ui/login/demo_logins.py" line="+68"/>
        <source>Demo logins</source>
        <translation>演示账户</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This is a demo store with made-up data. Click a login to fill in the form; every demo account has the password {password}.</source>
        <translation>这是一个使用虚构数据的演示数据库。点击一个账户即可填入登录表单；所有演示账户的密码均为 {password}。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Branch</source>
        <translation>网点</translation>
    </message>
</context>
<context>
    <name>DeskFlow</name>
    <message>
        <location filename="../../ui/flow.py" line="+81"/>
        <source>VIP Desk cannot start</source>
        <translation>贵宾服务台无法启动</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>You must choose your own password before you can continue.</source>
        <translation>您必须先设置自己的密码才能继续。</translation>
    </message>
</context>
<context>
    <name>DestroyDialog</name>
    <message>
        <location filename="../../ui/stock/dialogs.py" line="-40"/>
        <source>Destruction session</source>
        <translation>销毁</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spoiled and returned cards are destroyed before two witnesses; the destruction register lists every serial.</source>
        <translation>作废卡和客户交回卡在两名监销人见证下销毁；销毁登记簿逐号列明。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>First witness</source>
        <translation>监销人一</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Second witness</source>
        <translation>监销人二</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Destroy</source>
        <translation>销毁</translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <location filename="../../ui/document_viewer.py" line="+70"/>
        <source>Document {number}</source>
        <translation>文档 {number}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{subject} · No. {number} · {pages} page(s) · printed {printed} time(s)</source>
        <translation>{subject} · 编号 {number} · 共 {pages} 页 · 已打印 {printed} 次</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Could not complete the action</source>
        <translation>操作未能完成</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Save the document</source>
        <translation>保存文档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The document was saved to {path}.</source>
        <translation>文档已保存到 {path}。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Making the document…</source>
        <translation>正在生成文档…</translation>
    </message>
</context>
<context>
    <name>FirstAdministratorDialog</name>
    <message>
        <location filename="../../ui/login/first_run.py" line="+57"/>
        <source>Set up VIP Desk</source>
        <translation>初始化贵宾服务台</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This store has no accounts yet. Name the head office and create the first administrator&apos;s account. There is no built-in password: this one is the key to the whole store, so keep it safe.</source>
        <translation>此数据库还没有任何账户。请填写总行信息并创建第一个系统管理员账户。系统没有内置密码：这个密码掌管整个数据库，请妥善保管。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Head office code</source>
        <translation>总行代码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Head office name</source>
        <translation>总行名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administrator&apos;s user name</source>
        <translation>管理员用户名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administrator&apos;s full name</source>
        <translation>管理员姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. HO</source>
        <translation>例如 HO</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. admin</source>
        <translation>例如 admin</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User name: 3 to 32 lower-case letters, digits or _. Password: at least {min} characters, not containing the user name.</source>
        <translation>用户名：3 到 32 个小写字母、数字或下划线。密码：至少 {min} 个字符，且不能包含用户名。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create</source>
        <translation>创建</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../../ui/forms.py" line="+215"/>
        <source>The two passwords are not the same.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>GotoMenu</name>
    <message>
        <location filename="../../ui/shell/goto.py" line="+67"/>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Navigation list</source>
        <translation>导航列表(&amp;N)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Pages ({key}: the keyboard goes here)</source>
        <translation>页面（{key}：键盘移到这里）</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <location filename="../../ui/stock/history_tab.py" line="+38"/>
        <source>Serial, e.g. A00001000</source>
        <translation>号码，如 A00001000</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show history</source>
        <translation>查看履历</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No such serial in your scope.</source>
        <translation>您的权限范围内没有该号码。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{serial}: {card}, {state}, at {location} ({branch})</source>
        <translation>{serial}：{card}，{state}，位于 {location}（{branch}）</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../ui/shell/lock.py" line="+81"/>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Screen locked</source>
        <translation>屏幕已锁定</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The screen was locked to protect customer data. {name} ({user}), enter your password to continue.</source>
        <translation>为保护客户信息，屏幕已锁定。{name}（{user}），请输入密码继续。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
</context>
<context>
    <name>LoginWindow</name>
    <message>
        <location filename="../../ui/login/window.py" line="+204"/>
        <source>Enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>VIP Desk — Sign in</source>
        <translation>贵宾服务台 — 登录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VIP Desk</source>
        <translation>贵宾服务台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in with your staff account.</source>
        <translation>请使用您的员工账户登录。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create the first administrator…</source>
        <translation>创建第一个管理员…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opening the store…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This store has no accounts yet. Create the first administrator to begin.</source>
        <translation>此数据库还没有任何账户。请先创建第一个管理员。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The store could not be opened.</source>
        <translation>无法打开数据库。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Store: {store}</source>
        <translation>数据库：{store}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/shell/window.py" line="+291"/>
        <source>VIP Desk — {branch}</source>
        <translation>贵宾服务台 — {branch}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Session</source>
        <translation>会话(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Lock screen</source>
        <translation>锁定屏幕(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>退出程序(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L&amp;anguage</source>
        <translation>语言(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User: {name} ({user})</source>
        <translation>用户：{name}（{user}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Branch: {code} {name}</source>
        <translation>网点：{code} {name}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Store: {store}</source>
        <translation>数据库：{store}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language: {language}</source>
        <translation>语言：{language}</translation>
    </message>
</context>
<context>
    <name>MinimumDialog</name>
    <message>
        <location filename="../../ui/stock/dialogs.py" line="+130"/>
        <source>Minimum stock</source>
        <translation>最低库存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Below this level the stock page warns, with the weeks of issuing left at the rate of the last four weeks.</source>
        <translation>库存低于此数时，库存页面将发出提醒，并按最近四周的出库速度显示可用周数。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>MovementRegisterTab</name>
    <message>
        <location filename="../../ui/stock/register_tab.py" line="+52"/>
        <source>Every move</source>
        <translation>全部业务</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every card type</source>
        <translation>全部卡种</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export stock (CSV)…</source>
        <translation>导出库存 (CSV)…</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+6"/>
        <source>Export stock</source>
        <translation>导出库存</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{count} serials written to {file}.</source>
        <translation>已将 {count} 个号码写入 {file}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exporting the stock…</source>
        <translation>正在导出库存…</translation>
    </message>
</context>
<context>
    <name>MyAccountPage</name>
    <message>
        <location filename="../../ui/myaccount/page.py" line="+101"/>
        <source>Enter your current password.</source>
        <translation>请输入当前密码。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Your password has been changed.</source>
        <translation>密码已修改。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The current password is not right.</source>
        <translation>当前密码不正确。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Who I am</source>
        <translation>我的信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Branch</source>
        <translation>所属网点</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Change my password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat new password</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At least {min} characters; not your user name.</source>
        <translation>至少 {min} 个字符，且不能包含您的用户名。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
</context>
<context>
    <name>Page</name>
    <message>
        <location filename="../../ui/page.py" line="+139"/>
        <source>Could not complete the action</source>
        <translation>操作未能完成</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <location filename="../../ui/shell/pages.py" line="+60"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Branches</source>
        <translation>网点管理</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accounts</source>
        <translation>账户管理</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Audit trail</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign-in policy</source>
        <translation>登录策略</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tier worklists</source>
        <translation>等级工作清单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tier exceptions</source>
        <translation>等级例外审批</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AUM import</source>
        <translation>金融资产导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tier policy</source>
        <translation>客户等级政策</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blank-card stock</source>
        <translation>空白卡库存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer care</source>
        <translation>客户维护</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer assignment</source>
        <translation>客户分配</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Care dashboard</source>
        <translation>客户维护看板</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Care policy</source>
        <translation>客户维护策略</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VIP cards</source>
        <translation>贵宾卡</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Card approvals</source>
        <translation>贵宾卡审批</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Card products</source>
        <translation>卡产品设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lobby queue</source>
        <translation>大堂排队</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counter calling</source>
        <translation>窗口叫号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queue statistics</source>
        <translation>排队统计</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clerk performance</source>
        <translation>柜员绩效</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queue setup</source>
        <translation>排队设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This PC</source>
        <translation>本机设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>My account</source>
        <translation>我的账户</translation>
    </message>
</context>
<context>
    <name>PcSettingsPage</name>
    <message>
        <location filename="../../ui/pcsettings/page.py" line="+84"/>
        <source>Default (the system&apos;s print queue)</source>
        <translation>默认（系统打印队列）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System print queue (CUPS, Windows)</source>
        <translation>系统打印队列（CUPS、Windows）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ESC/POS over the network</source>
        <translation>ESC/POS 网络打印机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ESC/POS over USB</source>
        <translation>ESC/POS USB 打印机</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ESC/POS on a serial port</source>
        <translation>ESC/POS 串口打印机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ESC/POS to a device file</source>
        <translation>ESC/POS 设备文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Default (80 mm)</source>
        <translation>默认（80 毫米）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{width} mm</source>
        <translation>{width} 毫米</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Settings file: {path}</source>
        <translation>设置文件：{path}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A store password is kept in the system keyring ({keyring}).</source>
        <translation>数据库密码保存在系统密钥环中（{keyring}）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This PC has no system keyring: leave the password out of the store URL and put it in a pgpass file (PGPASSFILE) that only this PC&apos;s account can read.</source>
        <translation>本机没有系统密钥环：数据库地址中请不要包含密码，请把密码放入只有本机账户可读的 pgpass 文件（PGPASSFILE）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Set by environment variables on this PC, which win over the file: {settings}</source>
        <translation>以下设置由本机环境变量指定，优先于设置文件：{settings}</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>{path} could not be written ({reason}). Ask IT to push the settings file, or to let administrators write it.</source>
        <translation>无法写入 {path}（{reason}）。请联系信息科技部门推送设置文件，或允许管理员写入该文件。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved. The store and the language count from the next start; the PC name, counter, printer and lobby screen from their next use.</source>
        <translation>已保存。数据库和界面语言在下次启动时生效；本机名称、窗口、打印机和大堂显示屏在下次使用时生效。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The settings of this PC, in a file IT can also push to every PC. Empty means the default: the store in the user&apos;s data folder, the PC&apos;s host name, the second monitor for the lobby display, the system&apos;s default printer, slips on 80 mm paper through the system&apos;s print queue, and Chinese. With no slip printer, slips are printed or saved by hand.</source>
        <translation>本机的设置，保存在信息科也可统一下发到各台电脑的文件中。留空即用默认值：用户数据文件夹中的数据库、本机主机名、第二台显示器作大堂叫号屏、系统默认打印机、号票经系统打印队列打印在 80 毫米纸上、中文界面。未设号票打印机时，号票需手动打印或保存。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This PC</source>
        <translation>本机设置</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>queue name · 192.168.1.60:9100 · USB 0416:5011 · /dev/ttyUSB0@19200 · /dev/usb/lp0</source>
        <translation>队列名 · 192.168.1.60:9100 · USB 0416:5011 · /dev/ttyUSB0@19200 · /dev/usb/lp0</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reload</source>
        <translation>刷新</translation>
    </message>
</context>
<context>
    <name>PendingTab</name>
    <message>
        <location filename="../../ui/stock/pending_tab.py" line="+58"/>
        <source>Confirm</source>
        <translation>复核确认</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send back…</source>
        <translation>退回…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authorise on the spot…</source>
        <translation>现场授权…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdraw…</source>
        <translation>撤回…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>For you to confirm as the second person: {count}</source>
        <translation>待我复核：{count}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing awaits your confirmation: moves that others make into or out of a place you keep appear here.</source>
        <translation>暂无待我复核的业务：他人经办、涉及您保管位置的调拨或入库会显示在这里。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your moves awaiting a second person: {count}</source>
        <translation>我经办、待他人复核：{count}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None of your moves awaits a second person.</source>
        <translation>我经办的业务均已复核完毕。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>No. {id} confirmed by {who}: {card} ×{count} now in {target}.</source>
        <translation>第 {id} 号已由 {who} 复核：{card} ×{count} 已入 {target}。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No. {id} confirmed by {who}: {card} ×{count} moved from {source} to {target}.</source>
        <translation>第 {id} 号已由 {who} 复核：{card} ×{count} 已从 {source} 调至 {target}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move confirmed</source>
        <translation>复核完成</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Nothing was received; its serials left the books.</source>
        <translation>未入库，这些号码已从账中删除。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing moved; the cards stay at {source}.</source>
        <translation>卡片未调动，仍在{source}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No. {id} withdrawn.</source>
        <translation>第 {id} 号已撤回。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No. {id} sent back to {maker}.</source>
        <translation>第 {id} 号已退回给 {maker}。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move sent back</source>
        <translation>已退回</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <location filename="../../ui/period.py" line="+50"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to</source>
        <translation>至</translation>
    </message>
</context>
<context>
    <name>PolicyPage</name>
    <message>
        <location filename="../../ui/policy/page.py" line="+116"/>
        <source>Saved. The new policy applies from now on.</source>
        <translation>已保存，新策略即刻生效。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>These rules apply to every account in the store. The defaults follow PCI DSS: passwords of at least 12 characters, lock-out after 5 failed sign-ins for 30 minutes, and the screen locks after 15 idle minutes.</source>
        <translation>以下规则适用于数据库中的所有账户。默认值遵循 PCI DSS：密码至少 12 个字符；连续 5 次登录失败后锁定 30 分钟；空闲 15 分钟后锁定屏幕。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sign-in rules</source>
        <translation>登录规则</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore defaults</source>
        <translation>恢复默认值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reload</source>
        <translation>刷新</translation>
    </message>
</context>
<context>
    <name>ProposeExceptionDialog</name>
    <message>
        <location filename="../../ui/tiers/exceptions_page.py" line="+82"/>
        <source>Propose a tier exception</source>
        <translation>申请等级例外</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For a notable or high-potential customer: a tier above what their AUM reaches, until an end date. A branch manager decides; the next evaluation applies it.</source>
        <translation>适用于知名人士或潜力客户：在截止日期前给予高于其资产所达等级的客户等级。由网点负责人审批，下一次等级评定时生效。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Propose</source>
        <translation>提交申请</translation>
    </message>
</context>
<context>
    <name>ReceiveDialog</name>
    <message>
        <location filename="../../ui/stock/dialogs.py" line="-258"/>
        <source>Receive blank cards into the vault</source>
        <translation>空白卡入库</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A range such as {first}-{last}, or serials one per line (scanned). The stock counts once a second person confirms.</source>
        <translation>号段如 {first}-{last}，或每行一个号码（扫描）。经第二人复核确认后才计入库存。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Receive</source>
        <translation>入库</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../../ui/accounts/dialogs.py" line="+28"/>
        <location line="+10"/>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Give the person a temporary password in person. It also lifts a lock-out; at the next sign-in they must choose their own password.</source>
        <translation>请当面将临时密码交给本人。重置同时解除锁定；本人下次登录时必须设置自己的密码。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Temporary password</source>
        <translation>临时密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat temporary password</source>
        <translation>再次输入临时密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At least {min} characters; not the user name.</source>
        <translation>至少 {min} 个字符，且不能包含用户名。</translation>
    </message>
</context>
<context>
    <name>SendBackDialog</name>
    <message>
        <location filename="../../ui/stock/dialogs.py" line="+179"/>
        <source>Withdraw the move</source>
        <translation>撤回该业务</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Send the move back</source>
        <translation>退回该业务</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing is received: the serials leave the books.</source>
        <translation>不予入库：这些号码将从账中删除。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing moves: the cards stay at {source}.</source>
        <translation>卡片不调动，仍留在{source}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Send back</source>
        <translation>退回</translation>
    </message>
</context>
<context>
    <name>SignOffDialog</name>
    <message>
        <location line="+27"/>
        <source>Sign off the day</source>
        <translation>日终轧账签退</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{location}, {card}, {day}: opening {opening} + in {received} − out {sent} = {expected}; on hand {closing}.</source>
        <translation>{location}，{card}，{day}：上日结存 {opening} + 收入 {received} − 付出 {sent} = {expected}；实存 {closing}。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The books differ by {difference}: explain the difference.</source>
        <translation>账实相差 {difference}：请说明差错原因。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sign off</source>
        <translation>签退</translation>
    </message>
</context>
<context>
    <name>SpoilDialog</name>
    <message>
        <location line="-153"/>
        <source>Record a returned card</source>
        <translation>登记客户交回卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A card the customer gives back (replaced, upgraded, cancelled); it is held for destruction.</source>
        <translation>客户交回的卡（换卡、升级、注销），留存待销毁。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record return</source>
        <translation>登记交回</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Spoil a card</source>
        <translation>作废空白卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A card from your drawer that cannot be used (misprint, damaged); an issued card only on its day of issue. It is held for destruction.</source>
        <translation>本人尾箱中无法使用的卡（印刷错误、损坏）；已出库的卡仅限当日作废。作废卡留存待销毁。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Spoil</source>
        <translation>作废</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../ui/startup.py" line="+47"/>
        <source>The store {where} has no VIP Desk tables yet. Ask the administrator to run:

python main.py db upgrade --db {url}</source>
        <translation>数据库 {where} 中还没有贵宾服务台的数据表。请联系管理员运行：

python main.py db upgrade --db {url}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The store {where} was made by an older VIP Desk (schema {current}; this program needs {expected}). Ask the administrator to back it up and then run:

python main.py db upgrade --db {url}</source>
        <translation>数据库 {where} 由旧版贵宾服务台创建（结构版本 {current}，本程序需要 {expected}）。请联系管理员先备份，再运行：

python main.py db upgrade --db {url}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The store {where} was made by a newer VIP Desk (schema {current}; this program knows up to {expected}). Install the newer VIP Desk version on this PC.</source>
        <translation>数据库 {where} 由新版贵宾服务台创建（结构版本 {current}，本程序最高支持 {expected}）。请在本机安装新版贵宾服务台。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The store {where} did not answer. Check the network connection and that the database server is running, then start VIP Desk again.</source>
        <translation>数据库 {where} 没有响应。请检查网络连接和数据库服务器是否运行，然后重新启动贵宾服务台。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The store {url} cannot be used. Check the address given with --db or VIPDESK_DB_URL. The details below say why.</source>
        <translation>无法使用数据库 {url}。请检查 --db 参数或 VIPDESK_DB_URL 环境变量中的地址，原因见下方详细信息。</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>This PC has not the store&apos;s master key: ID numbers, phones and card numbers cannot be searched, revealed or written here. An administrator sets the master key file under This PC.</source>
        <translation>本机没有该数据库的主密钥:此处不能按证件号码、手机号或卡号查找、显示或录入。请管理员在“本机设置”中指定主密钥文件。</translation>
    </message>
</context>
<context>
    <name>StockDialogs</name>
    <message>
        <location filename="../../ui/stock/dialogs.py" line="+75"/>
        <source>No. {id}: {move}, {card} ×{count} ({serials}), {source} → {target}, made by {maker}</source>
        <translation>第 {id} 号：{move}，{card} ×{count}（{serials}），{source} → {target}，经办人 {maker}</translation>
    </message>
</context>
<context>
    <name>StockPage</name>
    <message>
        <location filename="../../ui/stock/page.py" line="+84"/>
        <source>No. {id} is recorded: {card} ×{count}. It takes effect once a second person confirms it.</source>
        <translation>第 {id} 号已登记：{card} ×{count}。经复核人复核后生效。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Is the second person here? They can authorise it on this PC now.</source>
        <translation>复核人在场吗？可以现在在本机现场授权。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Awaiting a second person</source>
        <translation>待复核</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Awaiting confirmation</source>
        <translation>待复核</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Day end</source>
        <translation>日终轧账</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serial history</source>
        <translation>号码履历</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Movement register</source>
        <translation>出入库登记簿</translation>
    </message>
</context>
<context>
    <name>StockStatus</name>
    <message>
        <location filename="../../ui/stock/models.py" line="+14"/>
        <source>Awaiting confirmation</source>
        <translation>待复核</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected</source>
        <translation>已退回</translation>
    </message>
</context>
<context>
    <name>StockTab</name>
    <message>
        <location filename="../../ui/stock/stock_tab.py" line="+56"/>
        <source>Receive…</source>
        <translation>入库…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transfer…</source>
        <translation>领用/上缴…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spoil…</source>
        <translation>作废…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer return…</source>
        <translation>客户交回…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Destruction…</source>
        <translation>销毁…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Physical count…</source>
        <translation>盘点…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minimum stock…</source>
        <translation>最低库存…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{branch} {card}: {on_hand} in stock, below the minimum of {minimum}.</source>
        <translation>{branch} {card}：库存 {on_hand} 张，低于最低库存 {minimum} 张。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>About {weeks:.1f} weeks of issuing left at the recent rate.</source>
        <translation>按近期出库速度约可用 {weeks:.1f} 周。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Card recorded</source>
        <translation>已登记</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{card} {serial} is recorded as handed back by the customer; it is held for destruction.</source>
        <translation>{card} {serial} 已登记为客户交回，留存待销毁。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{card} {serial} is spoiled; it is held for destruction.</source>
        <translation>{card} {serial} 已作废，留存待销毁。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Destruction recorded</source>
        <translation>销毁已登记</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No. {id}: {card} ×{count} destroyed ({serials}); the destruction register lists every serial.</source>
        <translation>第 {id} 号：{card} ×{count} 已销毁（{serials}）；销毁登记簿逐一列明号码。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Expected {expected}, counted {counted}.</source>
        <translation>账面 {expected} 张，实盘 {counted} 张。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The count agrees with the books.</source>
        <translation>账实相符。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Missing: {missing}. Unexpected: {unexpected}.</source>
        <translation>短缺：{missing}。账外：{unexpected}。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Count recorded</source>
        <translation>盘点已登记</translation>
    </message>
</context>
<context>
    <name>StockTables</name>
    <message>
        <location filename="../../app/stock/common.py" line="+20"/>
        <source>Vault</source>
        <translation>金库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drawer</source>
        <translation>尾箱</translation>
    </message>
    <message>
        <location filename="../../ui/stock/columns.py" line="+11"/>
        <source>Branch</source>
        <translation>网点</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+26"/>
        <source>Location</source>
        <translation>保管位置</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+10"/>
        <location line="+15"/>
        <source>Card type</source>
        <translation>卡种</translation>
    </message>
    <message>
        <location line="-24"/>
        <location line="+40"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="-39"/>
        <location line="+11"/>
        <source>Count</source>
        <translation>张数</translation>
    </message>
    <message>
        <location line="-10"/>
        <location line="+11"/>
        <source>Serials</source>
        <translation>号码</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+30"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="-29"/>
        <location line="+30"/>
        <source>Move</source>
        <translation>业务</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+28"/>
        <source>From</source>
        <translation>调出</translation>
    </message>
    <message>
        <location line="-27"/>
        <location line="+28"/>
        <source>To</source>
        <translation>调入</translation>
    </message>
    <message>
        <location line="-25"/>
        <location line="+27"/>
        <source>Made by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location line="-26"/>
        <location line="+27"/>
        <source>Confirmed or witnessed by</source>
        <translation>复核/监销人</translation>
    </message>
    <message>
        <location line="-25"/>
        <location line="+26"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Opening</source>
        <translation>上日结存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In</source>
        <translation>收入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Out</source>
        <translation>付出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closing</source>
        <translation>本日结存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Difference</source>
        <translation>差额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missing / unexpected</source>
        <translation>短缺 / 账外</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed off by</source>
        <translation>签退人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Explanation</source>
        <translation>差错说明</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <location filename="../../ui/background.py" line="+112"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Please wait</source>
        <translation>请稍候</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
</context>
<context>
    <name>TierExceptionsPage</name>
    <message>
        <location filename="../../ui/tiers/exceptions_page.py" line="+83"/>
        <source>Pending your decision: {count}</source>
        <translation>待您审批：{count}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tier exceptions</source>
        <translation>等级例外</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Select an exception first.</source>
        <translation>请先选择一条例外申请。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pending</source>
        <translation>待审批</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Propose…</source>
        <translation>申请…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reject</source>
        <translation>拒绝</translation>
    </message>
</context>
<context>
    <name>TierPolicyPage</name>
    <message>
        <location filename="../../ui/tiers/policy_page.py" line="+230"/>
        <source>Saved as version {version}, in force from {date}.</source>
        <translation>已保存为第 {version} 版，自 {date} 起生效。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>A customer&apos;s tier comes from the rolling quarterly daily-average AUM as of last month. Each band starts at its lower bound (inclusive) and ends where the next begins. Saving adds a new version from its effective date; earlier evaluations keep the version they used.</source>
        <translation>客户等级按截至上月末的滚动季日均金融资产确定。每一档从其下限（含）起，到下一档下限为止。保存即新增一个自生效日期起适用的版本；以前的等级评定仍对应其当时使用的版本。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tiers and bands (CNY)</source>
        <translation>等级与资产档位（人民币元）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lower bound</source>
        <translation>下限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card type</source>
        <translation>卡种</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Effective from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Below standard (downgrade review)</source>
        <translation>未达标（降级复核）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Months below standard before review</source>
        <translation>连续未达标月数（达到后复核）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Below-standard tolerance (%)</source>
        <translation>未达标容差（%）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A cardholder whose card is above what their tier entitles to goes on the downgrade-review list once their average has stayed under the card&apos;s band, less the tolerance, at this many month-ends in a row. Nobody&apos;s card is changed without an application.</source>
        <translation>持卡客户所持卡片高于其层级应得卡片时，若其日均资产连续在此数量的月末低于该卡片档位下限（扣除容差），即列入降级复核清单。未经申请，任何人的卡片都不会变更。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add tier</source>
        <translation>添加等级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove tier</source>
        <translation>删除等级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as new version</source>
        <translation>保存为新版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Versions</source>
        <translation>版本历史</translation>
    </message>
</context>
<context>
    <name>TierTab</name>
    <message>
        <location filename="../../ui/tiers/customer_tab.py" line="+109"/>
        <source>since {date}</source>
        <translation>自 {date} 起</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{average} as of {month}</source>
        <translation>{average}（截至 {month}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No AUM figures for the last quarter</source>
        <translation>最近一个季度没有金融资产数据</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exception until {date}, approved by {who}: {reason}</source>
        <translation>例外有效期至 {date}，审批人 {who}：{reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The average reaches the {tier} band (from {bound}), policy version {version}</source>
        <translation>日均资产达到{tier}档（{bound} 起），政策第 {version} 版</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No evaluation data yet</source>
        <translation>尚无评定数据</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tier</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Current tier</source>
        <translation>当前等级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why</source>
        <translation>依据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rolling quarterly average</source>
        <translation>滚动季日均</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monthly average daily AUM</source>
        <translation>月日均金融资产</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tier history</source>
        <translation>等级变动历史</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exceptions</source>
        <translation>等级例外</translation>
    </message>
</context>
<context>
    <name>TierTables</name>
    <message>
        <location filename="../../ui/import_problems.py" line="+28"/>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/tiers/customer_tab.py" line="-96"/>
        <location filename="../../ui/tiers/exceptions_page.py" line="-188"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/tiers/aum_page.py" line="-113"/>
        <source>Imported at</source>
        <translation>导入时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lines</source>
        <translation>行数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changed</source>
        <translation>变化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skipped</source>
        <translation>跳过</translation>
    </message>
    <message>
        <location filename="../../ui/customers/viewers_tab.py" line="+27"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/tiers/aum_page.py" line="+1"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../ui/tiers/aum_page.py" line="+1"/>
        <source>SHA-256</source>
        <translation>文件摘要</translation>
    </message>
    <message>
        <location filename="../../ui/tiers/customer_tab.py" line="-17"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Average daily AUM</source>
        <translation>月日均资产</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Changed at</source>
        <translation>变动时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>原等级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>新等级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Average</source>
        <translation>滚动季日均</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Policy version</source>
        <translation>政策版本</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../ui/tiers/exceptions_page.py" line="-5"/>
        <source>Tier</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/tiers/exceptions_page.py" line="+1"/>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/tiers/exceptions_page.py" line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/tiers/exceptions_page.py" line="+1"/>
        <source>Proposed by</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/tiers/exceptions_page.py" line="+1"/>
        <source>Decided by</source>
        <translation>审批人</translation>
    </message>
    <message>
        <location filename="../../ui/tiers/exceptions_page.py" line="-7"/>
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
        <location filename="../../ui/tiers/policy_page.py" line="-227"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Effective from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Below standard</source>
        <translation>未达标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved by</source>
        <translation>保存人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved at</source>
        <translation>保存时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tiers (CNY)</source>
        <translation>等级档位（元）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>after {months} month-end(s), {tolerance}% tolerance</source>
        <translation>连续 {months} 个月末，容差 {tolerance}%</translation>
    </message>
</context>
<context>
    <name>TierWorklistsPage</name>
    <message>
        <location filename="../../ui/tiers/worklists_page.py" line="+114"/>
        <source>No tier evaluation has been run for your branches yet.</source>
        <translation>您所辖网点尚未进行过等级评定。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Evaluation of {as_of} (policy version {version}), run {when} by {who}: {customers} customers, {changed} tier changes.</source>
        <translation>{as_of} 等级评定（政策第 {version} 版），{who} 于 {when} 执行：共 {customers} 位客户，{changed} 位等级变动。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Evaluating tiers…</source>
        <translation>正在评定客户等级…</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+8"/>
        <source>Export worklist</source>
        <translation>导出工作清单</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{count} customers written to {file}.</source>
        <translation>已将 {count} 位客户写入 {file}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>As of month</source>
        <translation>评定月份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run evaluation</source>
        <translation>执行等级评定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../ui/stock/dialogs.py" line="-115"/>
        <source>Transfer blank cards</source>
        <translation>空白卡领用/上缴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From the vault to a drawer (hand-out) or from a drawer back to the vault (hand-back). The cards move once the other side confirms.</source>
        <translation>从金库到尾箱（领用），或从尾箱交回金库（上缴）。对方复核确认后卡片才转移。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From</source>
        <translation>调出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>调入</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Request transfer</source>
        <translation>提交调拨</translation>
    </message>
</context>
<context>
    <name>ViewersTab</name>
    <message>
        <location filename="../../ui/customers/viewers_tab.py" line="-9"/>
        <source>Opened the record</source>
        <translation>打开了档案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revealed: {field}</source>
        <translation>查看完整：{field}</translation>
    </message>
</context>
<context>
    <name>WorklistModel</name>
    <message>
        <location filename="../../ui/tiers/models.py" line="+54"/>
        <source>CIF number</source>
        <translation>客户号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Branch</source>
        <translation>网点</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rolling quarterly average</source>
        <translation>滚动季日均</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Computed tier</source>
        <translation>资产对应等级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Effective tier</source>
        <translation>生效等级</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Card held</source>
        <translation>持有卡种</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Not recorded</source>
        <translation>未登记</translation>
    </message>
</context>
<context>
    <name>audit</name>
    <message>
        <location filename="../../app/glossary.py" line="+83"/>
        <source>Account created</source>
        <translation>创建账户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account changed</source>
        <translation>修改账户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account disabled</source>
        <translation>停用账户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account enabled</source>
        <translation>启用账户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password reset</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account unlocked</source>
        <translation>解除锁定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Own password changed</source>
        <translation>修改本人密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password changed outside VIP Desk: account blocked</source>
        <translation>密码在贵宾服务台之外被修改：已禁止登录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password set outside VIP Desk accepted by the store&apos;s owner</source>
        <translation>数据库所有者认可了在贵宾服务台之外设置的密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Branch added</source>
        <translation>新增网点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Branch changed</source>
        <translation>修改网点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed in</source>
        <translation>登录成功</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign-in failed</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign-in refused: locked</source>
        <translation>拒绝登录：已锁定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign-in refused: disabled</source>
        <translation>拒绝登录：已停用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign-in refused: password reset needed</source>
        <translation>拒绝登录：需重置密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Setting changed</source>
        <translation>修改设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audit trail exported</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Blank cards received (awaiting confirmation)</source>
        <translation>空白卡入库（待复核）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blank-card receipt confirmed</source>
        <translation>空白卡入库已复核</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blank-card receipt rejected</source>
        <translation>空白卡入库已退回</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blank-card transfer requested</source>
        <translation>空白卡调拨申请</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blank-card transfer confirmed</source>
        <translation>空白卡调拨已复核</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blank-card transfer rejected</source>
        <translation>空白卡调拨已退回</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blank card issued</source>
        <translation>空白卡出库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blank card spoiled</source>
        <translation>空白卡作废</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card returned by the customer</source>
        <translation>客户交回卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blank cards destroyed</source>
        <translation>空白卡销毁</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stock day signed off</source>
        <translation>空白卡日终签退</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stock counted</source>
        <translation>空白卡盘点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minimum stock set</source>
        <translation>设置最低库存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stock exported</source>
        <translation>空白卡库存已导出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact recorded</source>
        <translation>记录客户联系</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact record changed</source>
        <translation>修改联系记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up done</source>
        <translation>完成跟进</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaint accepted</source>
        <translation>受理投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaint assigned</source>
        <translation>分派投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaint investigation started</source>
        <translation>开始调查投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaint resolved</source>
        <translation>投诉已解决</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaint closed after follow-up</source>
        <translation>回访后关闭投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue complaint escalated</source>
        <translation>超时投诉升级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customers assigned</source>
        <translation>分配客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customers assigned by rule</source>
        <translation>按规则分配客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer book handed over</source>
        <translation>移交客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Important dates written</source>
        <translation>写入重要日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card application entered</source>
        <translation>录入贵宾卡申请</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card application approved</source>
        <translation>批准贵宾卡申请</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card application rejected</source>
        <translation>拒绝贵宾卡申请</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card application cancelled</source>
        <translation>撤销贵宾卡申请</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VIP card issued</source>
        <translation>发放贵宾卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VIP card replaced</source>
        <translation>贵宾卡换卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VIP card reported lost</source>
        <translation>贵宾卡挂失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VIP card cancelled</source>
        <translation>贵宾卡注销</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VIP card expired</source>
        <translation>贵宾卡过期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service agreement marked signed</source>
        <translation>登记服务协议已签署</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VIP cards exported</source>
        <translation>导出贵宾卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card paperwork printed</source>
        <translation>打印卡单据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renewal letters recorded</source>
        <translation>登记到期换卡通知函</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Queue service added</source>
        <translation>新增排队业务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counter added</source>
        <translation>新增窗口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counter changed</source>
        <translation>修改窗口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed in at a counter</source>
        <translation>窗口签到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed out of a counter</source>
        <translation>窗口签退</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calling policy saved</source>
        <translation>保存叫号策略</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opening hours changed</source>
        <translation>营业时间已修改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clerk performance exported</source>
        <translation>柜员绩效已导出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queue ticket issued</source>
        <translation>发放排队号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VIP arrival told to the relationship manager</source>
        <translation>贵宾到店已通知理财经理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VIP arrival received</source>
        <translation>贵宾到店已接待</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appointment booked</source>
        <translation>预约已登记</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appointment checked in</source>
        <translation>预约已签到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appointment missed (no-show)</source>
        <translation>预约爽约</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appointment cancelled</source>
        <translation>预约已取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service rated by the customer</source>
        <translation>客户评价服务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaint opened from a rating</source>
        <translation>由评价转为投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ticket called</source>
        <translation>叫号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ticket called out of order</source>
        <translation>插队叫号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ticket recalled</source>
        <translation>重呼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ticket marked a no-show</source>
        <translation>标记过号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service started</source>
        <translation>开始办理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service finished</source>
        <translation>办结</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ticket transferred</source>
        <translation>转移排队号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ticket cancelled</source>
        <translation>取消排队号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No-show reactivated</source>
        <translation>过号恢复排队</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ticket priority changed</source>
        <translation>调整优先级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counter&apos;s next call reserved</source>
        <translation>预留窗口下一号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ticket put back in the queue</source>
        <translation>重新排队</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open tickets of earlier days expired</source>
        <translation>前日未办结排队号作过期处理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Demo queue day written</source>
        <translation>写入演示排队数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tickets exported</source>
        <translation>导出排队号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Row added with a SQL tool</source>
        <translation>直接在数据库中新增的记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Row changed with a SQL tool</source>
        <translation>直接在数据库中修改的记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Row deleted with a SQL tool</source>
        <translation>直接在数据库中删除的记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Session ended by the store: it held others up</source>
        <translation>数据库结束了阻塞他人的会话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action lost with the connection at saving (not saved)</source>
        <translation>保存时连接中断，操作未保存</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer added</source>
        <translation>新增客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer record changed</source>
        <translation>修改客户档案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer record reactivated</source>
        <translation>恢复客户档案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer record deactivated</source>
        <translation>停用客户档案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customers imported</source>
        <translation>导入客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customers exported</source>
        <translation>导出客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer record viewed</source>
        <translation>查看客户档案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Masked field shown in full</source>
        <translation>查看完整敏感信息</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Document made</source>
        <translation>生成单据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document copy made</source>
        <translation>补打单据副本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document printed</source>
        <translation>打印单据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed scan attached</source>
        <translation>上传签字扫描件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document template saved</source>
        <translation>保存单据模板</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document signing key created</source>
        <translation>生成单据签名密钥</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Blank-card destruction confirmed</source>
        <translation>空白卡销毁已复核</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blank-card destruction rejected</source>
        <translation>空白卡销毁被退回</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card paperwork printed in a batch</source>
        <translation>批量打印卡单据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Care figures rebuilt</source>
        <translation>重算客户维护指标</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Personal-data encryption keys made</source>
        <translation>已生成个人信息加密密钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personal-data keys re-wrapped under a new master key</source>
        <translation>个人信息数据密钥已用新主密钥重新包装</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personal data encrypted in place</source>
        <translation>已就地加密个人信息</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All account actions</source>
        <translation>全部账户操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All branch actions</source>
        <translation>全部网点操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All sign-in actions</source>
        <translation>全部登录操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All setting changes</source>
        <translation>全部设置修改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All audit trail actions</source>
        <translation>全部审计日志操作</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All blank-card stock actions</source>
        <translation>全部空白卡业务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All complaint actions</source>
        <translation>全部投诉操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All contact record actions</source>
        <translation>全部联系记录操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All VIP card actions</source>
        <translation>全部贵宾卡操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All queue actions</source>
        <translation>全部排队操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All VIP arrival and appointment actions</source>
        <translation>所有贵宾到店及预约操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All customer record actions</source>
        <translation>全部客户档案操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All document actions</source>
        <translation>全部单据操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All personal-data encryption actions</source>
        <translation>全部个人信息加密操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All AUM actions</source>
        <translation>全部金融资产操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All customer care actions</source>
        <translation>全部客户维护操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All changes made with a SQL tool</source>
        <translation>全部直接在数据库中所做的改动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All sessions ended by the store</source>
        <translation>全部被数据库结束的会话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All actions lost with the connection</source>
        <translation>所有因连接中断而未保存的操作</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Staff account</source>
        <translation>员工账户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Branch</source>
        <translation>网点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audit trail</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stock move</source>
        <translation>库存业务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blank card</source>
        <translation>空白卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stock day</source>
        <translation>库存营业日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stock count</source>
        <translation>盘点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minimum stock</source>
        <translation>最低库存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact record</source>
        <translation>联系记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card application</source>
        <translation>贵宾卡申请</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VIP card</source>
        <translation>贵宾卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card paperwork</source>
        <translation>卡单据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queue ticket</source>
        <translation>排队号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VIP arrival</source>
        <translation>贵宾到店</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appointment</source>
        <translation>预约</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service rating</source>
        <translation>服务评价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counter</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queue service</source>
        <translation>排队业务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calling policy</source>
        <translation>叫号策略</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queue day</source>
        <translation>排队营业日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document</source>
        <translation>单据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Care figures</source>
        <translation>客户维护指标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer export</source>
        <translation>客户导出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer import</source>
        <translation>客户导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personal-data encryption key</source>
        <translation>个人信息加密密钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+10"/>
        <source>Document signing key</source>
        <translation>单据签名密钥</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Document template</source>
        <translation>单据模板</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action key</source>
        <translation>操作标识</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sign-in policy</source>
        <translation>登录策略</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card products</source>
        <translation>卡产品设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Care policy</source>
        <translation>客户维护策略</translation>
    </message>
    <message>
        <location line="-181"/>
        <source>AUM extract imported</source>
        <translation>金融资产数据已导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Demo AUM written</source>
        <translation>已写入演示金融资产</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tier policy version saved</source>
        <translation>客户等级政策新版本已保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tiers evaluated</source>
        <translation>客户等级已评定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tier worklist exported</source>
        <translation>等级工作清单已导出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tier exception proposed</source>
        <translation>已申请等级例外</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tier exception approved</source>
        <translation>等级例外已批准</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tier exception rejected</source>
        <translation>等级例外已拒绝</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tier exception withdrawn</source>
        <translation>等级例外已撤回</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>All tier actions</source>
        <translation>全部等级相关操作</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>AUM import</source>
        <translation>金融资产导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monthly AUM</source>
        <translation>月日均金融资产</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tier policy</source>
        <translation>客户等级政策</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tier evaluation</source>
        <translation>客户等级评定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tier exception</source>
        <translation>等级例外</translation>
    </message>
    <message>
        <location filename="../../ui/audit/labels.py" line="+49"/>
        <source>Sign-in as {name}</source>
        <translation>登录：{name}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>{field}: {value}</source>
        <translation>{field}：{value}</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>{field}: {before} → {after}</source>
        <translation>{field}：{before} → {after}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{field}: {value} (removed)</source>
        <translation>{field}：{value}（已删除）</translation>
    </message>
</context>
<context>
    <name>audit_fields</name>
    <message>
        <location filename="../../app/glossary.py" line="+40"/>
        <source>Active</source>
        <translation>有效</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agreement signed on</source>
        <translation>协议签署日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Application</source>
        <translation>申请</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As of</source>
        <translation>评定月份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assigned to</source>
        <translation>分配给</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rolling quarterly average</source>
        <translation>滚动季日均</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Branch</source>
        <translation>网点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VIP card</source>
        <translation>贵宾卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card number</source>
        <translation>卡号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card type</source>
        <translation>卡种</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CIF number</source>
        <translation>客户号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+8"/>
        <source>Comment</source>
        <translation>意见</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Contacted at</source>
        <translation>联系时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counter</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deadline</source>
        <translation>处理时限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expires on</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>文件</translation>
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
        <source>From</source>
        <translation>调出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Locked until</source>
        <translation>锁定至</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact method</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minimum</source>
        <translation>最低库存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stock move</source>
        <translation>库存变动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Must change password</source>
        <translation>须修改密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parent branch</source>
        <translation>上级网点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Policy version</source>
        <translation>政策版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relationship manager</source>
        <translation>理财经理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serial</source>
        <translation>凭证号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serials</source>
        <translation>凭证号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tier</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>调入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Witness</source>
        <translation>监盘/监销人</translation>
    </message>
</context>
<context>
    <name>card_types</name>
    <message>
        <location filename="../../app/tiers/rules.py" line="+55"/>
        <source>Gold card</source>
        <translation>金卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Platinum card</source>
        <translation>白金卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diamond card</source>
        <translation>钻石卡</translation>
    </message>
    <message>
        <location filename="../../ui/tier_labels.py" line="+30"/>
        <source>No VIP card</source>
        <translation>无贵宾卡</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="+94"/>
        <source>no VIP card</source>
        <translation>无贵宾卡</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../app/auth/accounts.py" line="+73"/>
        <source>must be 3 to 32 lower-case letters, digits or _, starting with a letter</source>
        <translation>必须是 3 到 32 个小写字母、数字或下划线，并以字母开头</translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../../app/auth/branches.py" line="+67"/>
        <location line="+65"/>
        <location filename="../../app/auth/countersign.py" line="+42"/>
        <location filename="../../app/customers/fields.py" line="+183"/>
        <location filename="../../app/customers/records.py" line="+200"/>
        <location filename="../../app/customers/rules.py" line="+602"/>
        <location filename="../../app/text.py" line="+107"/>
        <location filename="../../app/tiers/rules.py" line="+182"/>
        <source>is required</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../app/auth/branches.py" line="-63"/>
        <location line="+17"/>
        <location filename="../../app/auth/policy.py" line="+70"/>
        <location filename="../../app/customers/rules.py" line="-459"/>
        <location filename="../../app/text.py" line="-25"/>
        <location line="+28"/>
        <source>must have at most {max} characters</source>
        <translation>最多 {max} 个字符</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>contains an unknown role</source>
        <translation>包含未知角色</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>choose at least one role</source>
        <translation>至少选择一个角色</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>contains a role that cannot be given to a person</source>
        <translation>包含不能授予员工的角色</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>That account does not exist in your scope.</source>
        <translation>该账户不存在，或不在您的管辖范围内。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{name} is already taken</source>
        <translation>{name} 已被占用</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>You cannot take the administrator role from your own account.</source>
        <translation>不能取消您本人账户的系统管理员角色。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>You cannot disable your own account.</source>
        <translation>不能停用您本人的账户。</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>At least one enabled administrator must remain.</source>
        <translation>必须至少保留一个启用的系统管理员。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{name} still looks after {count} customers: hand them over first</source>
        <translation>{name}仍在维护 {count} 名客户：请先移交</translation>
    </message>
    <message>
        <location filename="../../app/auth/branches.py" line="-8"/>
        <source>must be 2 to 16 letters or digits</source>
        <translation>必须是 2 到 16 位字母或数字</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>No branch with code {code} in your scope.</source>
        <translation>您的管辖范围内没有代码为 {code} 的网点。</translation>
    </message>
    <message>
        <location line="+8"/>
        <location filename="../../app/stock/common.py" line="+20"/>
        <source>That branch does not exist in your scope.</source>
        <translation>该网点不存在，或不在您的管辖范围内。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>is not a known level</source>
        <translation>不是有效的级别</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>{code} is already used</source>
        <translation>{code} 已被使用</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>the top of the tree must be the head office</source>
        <translation>最上级必须是总行</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>must be below the parent&apos;s level</source>
        <translation>必须低于上级网点的级别</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>You cannot deactivate your own branch.</source>
        <translation>不能停用您本人所在的网点。</translation>
    </message>
    <message>
        <location filename="../../app/auth/permissions.py" line="+129"/>
        <source>You do not have the permission to {action}.</source>
        <translation>您没有{action}的权限。</translation>
    </message>
    <message>
        <location filename="../../app/auth/pg_roles.py" line="+96"/>
        <location filename="../../app/opening.py" line="+163"/>
        <source>The store {where} did not answer: {reason}</source>
        <translation>数据库 {where} 没有响应：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/auth/policy.py" line="-25"/>
        <location filename="../../app/customers/rules.py" line="+365"/>
        <location filename="../../app/pcsettings/fields.py" line="+143"/>
        <source>must be a whole number from {low} to {high}</source>
        <translation>必须是 {low} 到 {high} 之间的整数</translation>
    </message>
    <message>
        <location line="+22"/>
        <location filename="../../app/customers/rules.py" line="-368"/>
        <source>must have at least {min} characters</source>
        <translation>至少需要 {min} 个字符</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../app/text.py" line="-22"/>
        <source>must not contain control characters</source>
        <translation>不能包含控制字符</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>must not contain the user name</source>
        <translation>不能包含用户名</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>is too simple: use more different characters</source>
        <translation>过于简单：请使用更多不同的字符</translation>
    </message>
    <message>
        <location filename="../../app/auth/gate.py" line="+18"/>
        <source>This store already has accounts; ask an administrator to create yours.</source>
        <translation>此数据库已有账户，请联系管理员为您创建账户。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too many failed sign-ins: this account is locked until {until} (Beijing time). An administrator can unlock it sooner.</source>
        <translation>登录失败次数过多：此账户已锁定至 {until}（北京时间）。管理员可提前解除锁定。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This account is disabled. Ask an administrator.</source>
        <translation>此账户已停用，请联系管理员。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The password of this account was changed outside VIP Desk, so the account cannot sign in. Ask an administrator to reset your password.</source>
        <translation>此账户的密码在贵宾服务台之外被修改，账户已无法登录。请联系管理员重置密码。</translation>
    </message>
    <message>
        <location filename="../../app/backup.py" line="+18"/>
        <source>PostgreSQL stores are backed up on the server: pg_dump -Fc -h {host} -p {port} -U &lt;owner&gt; -d {database} -f &lt;file&gt;.dump</source>
        <translation>PostgreSQL 数据库请在服务器上备份：pg_dump -Fc -h {host} -p {port} -U &lt;owner&gt; -d {database} -f &lt;file&gt;.dump</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{path} already exists; choose a new file</source>
        <translation>{path} 已存在，请另选一个文件</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The backup could not be written: {reason}</source>
        <translation>无法写入备份：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/demo/__init__.py" line="+68"/>
        <source>This store already has data; demo data goes into an empty store.</source>
        <translation>此数据库已有数据；演示数据只能写入空数据库。</translation>
    </message>
    <message>
        <location filename="../../app/errors.py" line="+82"/>
        <source>This record was changed by someone else. Reload it and make your change again.</source>
        <translation>此记录已被他人修改。请刷新后重新修改。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The store is busy: another program has been writing to it for too long. Nothing was saved; try again in a moment.</source>
        <translation>数据库正忙：另一个程序写入时间过长。未保存任何内容，请稍后重试。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The store did not answer; nothing was saved. Check the connection and try again.</source>
        <translation>数据库没有响应，未保存任何内容。请检查连接后重试。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The connection to the store was lost as this was being saved. The store says it was not saved: do it again.</source>
        <translation>保存时与数据库的连接中断。数据库确认未保存：请重新办理。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The connection to the store was lost during this, so whether it was done is not known. The screen shows what the store holds as soon as it answers again.</source>
        <translation>办理过程中与数据库的连接中断，无法确定是否已办理。数据库恢复响应后，屏幕会显示数据库中的实际情况。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The connection to the store was lost as this was being saved, and the store has not answered since: whether it was saved is not known. Look for it in the lists before doing it again.</source>
        <translation>保存时与数据库的连接中断，此后数据库一直没有响应：尚不知道是否已保存。请先在列表中查找，再决定是否重新办理。</translation>
    </message>
    <message>
        <location filename="../../app/opening.py" line="-134"/>
        <source>There is no store at {path}: check the URL, or create one with `python main.py db upgrade`.</source>
        <translation>{path} 处没有数据库：请检查地址，或用 `python main.py db upgrade` 创建一个。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The folder {folder} does not exist: check the URL, or make the folder first.</source>
        <translation>文件夹 {folder} 不存在：请检查地址，或先创建该文件夹。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The store {where} is on a read-only disk or folder; SQLite must write beside it even to read it. Copy it to a folder you may write to.</source>
        <translation>数据库 {where} 位于只读磁盘或文件夹；SQLite 即使只读取也需要在其旁边写入。请将其复制到可写入的文件夹。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The disk of the store {where} is full; free some space on it and try again.</source>
        <translation>数据库 {where} 所在磁盘已满；请释放一些空间后重试。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The store {where} still holds ID numbers, phones or card numbers in clear and this PC has not its master key: run `python main.py pii encrypt --key-file PATH`, which seals them and completes the upgrade.</source>
        <translation>数据库 {where} 仍以明文保存证件号码、手机号或卡号,而本机没有其主密钥:请运行 `python main.py pii encrypt --key-file PATH`,加密这些数据并完成升级。</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+12"/>
        <source>{reason}</source>
        <translation>{reason}</translation>
    </message>
    <message>
        <location filename="../../app/faults.py" line="+28"/>
        <source>The store refused this for your account (branch scope or permission); nothing was saved.</source>
        <translation>数据库拒绝了您账户的此项操作（网点范围或权限不足），未保存任何内容。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The store&apos;s disk is full; nothing was saved. Free some space on it and try again.</source>
        <translation>数据库所在磁盘已满，未保存任何内容。请释放一些空间后重试。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The store can only be read here (a read-only file, disk or server); nothing was saved.</source>
        <translation>此处的数据库只能读取（只读文件、磁盘或服务器），未保存任何内容。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The store&apos;s disk failed to read or write (full, read-only or failing); nothing was saved.</source>
        <translation>数据库所在磁盘读写失败（已满、只读或故障），未保存任何内容。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A figure is larger than the store can compute with; nothing was saved.</source>
        <translation>有数值超出数据库可计算的范围，未保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../app/store.py" line="+305"/>
        <source>Your account has been disabled. Your session has ended; nothing was saved.</source>
        <translation>您的账户已被停用，会话已结束，未保存任何内容。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your account is locked. Your session has ended; nothing was saved.</source>
        <translation>您的账户已被锁定，会话已结束，未保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/import_problems.py" line="-5"/>
        <location filename="../../ui/messages.py" line="+22"/>
        <source>{field}: {reason}</source>
        <translation>{field}：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/text.py" line="+11"/>
        <source>contains an invisible or unassigned character</source>
        <translation>包含不可见或未分配的字符</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>must not contain emoji or other special symbols</source>
        <translation>不能包含表情符号或其他特殊符号</translation>
    </message>
    <message>
        <location filename="../../app/customers/rules.py" line="-63"/>
        <source>is not a known ID type</source>
        <translation>不是有效的证件类型</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>has a wrong check digit: a character was mistyped, check it against the card</source>
        <translation>校验位错误：有字符输入有误，请对照证件核对</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>must be 5 to 17 letters or digits</source>
        <translation>必须是 5 到 17 位字母或数字</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>must be H or M followed by 8 or 10 digits</source>
        <translation>必须以 H 或 M 开头，后跟 8 位或 10 位数字</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>must be 8 or 10 digits</source>
        <translation>必须是 8 位或 10 位数字</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>must be 3 letters and 12 digits, or 18 characters beginning with 9</source>
        <translation>必须是 3 个字母加 12 位数字，或以 9 开头的 18 位字符</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>must have 18 characters, not {length}</source>
        <translation>必须是 18 位，而不是 {length} 位</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>must be 17 digits followed by a digit or X</source>
        <translation>必须是 17 位数字加 1 位数字或 X</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>contains an impossible birth date</source>
        <translation>包含不存在的出生日期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>contains a birth date in the future</source>
        <translation>包含未来的出生日期</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>does not match the birth date in the ID number</source>
        <translation>与身份证号码中的出生日期不符</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>does not match the gender in the ID number</source>
        <translation>与身份证号码中的性别不符</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>must be an 11-digit mobile number or a landline number with its area code</source>
        <translation>必须是 11 位手机号码，或带区号的固定电话号码</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>a mobile number has no extension</source>
        <translation>手机号码不能带分机号</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>has an extension longer than {max} digits</source>
        <translation>分机号超过 {max} 位</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>is not a valid e-mail address</source>
        <translation>不是有效的电子邮件地址</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>must be 6 digits</source>
        <translation>必须是 6 位数字</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>must be 6 to 32 letters or digits</source>
        <translation>必须是 6 到 32 位字母或数字</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>must not contain digits</source>
        <translation>不能包含数字</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must not contain &lt; or &gt;</source>
        <translation>不能包含 &lt; 或 &gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>may contain only letters, spaces, the middle dot ·, hyphens and apostrophes</source>
        <translation>只能包含文字、空格、间隔号 ·、连字符和撇号</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>must contain letters</source>
        <translation>必须包含文字</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>has a misplaced middle dot ·</source>
        <translation>间隔号 · 的位置不正确</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>must be one symbol that is not a letter or digit</source>
        <translation>必须是一个非字母、非数字的符号</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>is not an amount: write digits with an optional decimal point, like 1,234,567.89</source>
        <translation>不是有效金额：请用数字书写，可带小数点，例如 1,234,567.89</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>must not be negative</source>
        <translation>不能为负数</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>must be written out in digits, not as an exponent</source>
        <translation>必须用数字写出，不能使用科学计数法</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>looks like the European format (1.234,56): write a point for decimals and commas for thousands, like 1,234.56</source>
        <translation>看起来是欧式写法（1.234,56）：请用小数点表示小数、逗号分隔千位，例如 1,234.56</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>has misplaced thousands separators: group digits by three, like 1,234,567</source>
        <translation>千位分隔符位置不正确：请每三位一组，例如 1,234,567</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>must have at most 2 decimal places</source>
        <translation>最多保留 2 位小数</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>is too large: at most {max} digits before the decimal point</source>
        <translation>数值过大：整数部分最多 {max} 位</translation>
    </message>
    <message>
        <location filename="../../app/stock/rules.py" line="+55"/>
        <location filename="../../app/tiers/rules.py" line="-171"/>
        <source>{card} is not a known card type</source>
        <translation>{card} 不是有效的卡种</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{serial} is not a serial number (an optional letter, then digits)</source>
        <translation>{serial} 不是凭证号码（可选一个字母，后接数字）</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>the range {first}–{last} mixes prefixes</source>
        <translation>号段 {first}–{last} 的字母前缀不一致</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the range {first}–{last} mixes widths</source>
        <translation>号段 {first}–{last} 的位数不一致</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the range {first}–{last} runs backwards</source>
        <translation>号段 {first}–{last} 起止颠倒</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+22"/>
        <source>at most {limit} serials at a time</source>
        <translation>每次最多 {limit} 个号码</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>no serial given</source>
        <translation>未填写号码</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>mixes serials of different prefixes</source>
        <translation>混有不同前缀的号码</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>mixes serials of different widths</source>
        <translation>混有不同位数的号码</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{serial} is given more than once</source>
        <translation>{serial} 重复填写</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>is {count} but the serials given are {actual}</source>
        <translation>为 {count}，但所填号码为 {actual} 个</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>{serial} is {state}; this move is not allowed for it</source>
        <translation>{serial} 当前状态为 {state}，不能办理此业务</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>{serial} is not held at this location</source>
        <translation>{serial} 不在此保管位置</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a location is needed</source>
        <translation>需要指定保管位置</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the source and the destination are the same</source>
        <translation>调出与调入位置相同</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a serial is given more than once</source>
        <translation>有号码重复填写</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>serials are used in order: issue {lowest} first, or spoil it with a reason</source>
        <translation>号码须按顺序使用：请先出库 {lowest}，或注明原因将其作废</translation>
    </message>
    <message>
        <location filename="../../app/tiers/rules.py" line="+41"/>
        <location line="+40"/>
        <location line="+116"/>
        <source>must be a whole number from 1 to {max}</source>
        <translation>须为 1 至 {max} 的整数</translation>
    </message>
    <message>
        <location line="-150"/>
        <location line="+51"/>
        <source>must be a percentage from 0 to {max} with at most 2 decimals</source>
        <translation>须为 0 至 {max} 的百分比，最多两位小数</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>must be a percentage written as text</source>
        <translation>须为以文本书写的百分比</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>{tier} is not a tier of this policy</source>
        <translation>{tier} 不是此策略中的客户等级</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>must be a whole number of at least 1</source>
        <translation>必须是不小于 1 的整数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>must be a date</source>
        <translation>必须是日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must have at least two tiers</source>
        <translation>至少需要两个客户等级</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>must be 1 to 32 lower-case letters, digits or _, beginning with a letter</source>
        <translation>必须是 1 到 32 个小写字母、数字或下划线，并以字母开头</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{tier} is used twice</source>
        <translation>{tier} 重复使用</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>must not have surrounding or repeated spaces</source>
        <translation>首尾不能有空格，也不能有连续空格</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>must be {tier} for the lowest tier</source>
        <translation>最低一级必须是 {tier}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>must be 0 for the lowest tier</source>
        <translation>最低等级必须为 0</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>must increase from tier to tier ({tier} does not)</source>
        <translation>必须随等级逐级升高（{tier} 没有升高）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>must not go down from tier to tier ({tier} does)</source>
        <translation>不能随等级升高而降低（{tier} 降低了）</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+9"/>
        <source>must be a list of tiers</source>
        <translation>必须是客户等级列表</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>must be a date (YYYY-MM-DD)</source>
        <translation>必须是日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>must be an amount written as text</source>
        <translation>必须是以文本书写的金额</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>must be an amount of at least 0 with at most 2 decimals</source>
        <translation>必须是不小于 0、最多 2 位小数的金额</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>must be above the lowest tier</source>
        <translation>必须高于最低等级</translation>
    </message>
    <message>
        <location filename="../../app/customers/records.py" line="-158"/>
        <location filename="../../app/tiers/exceptions.py" line="+72"/>
        <location filename="../../app/tiers/summary.py" line="+66"/>
        <source>That customer does not exist in your scope.</source>
        <translation>您的管辖范围内没有这位客户。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is already the CIF number of another customer</source>
        <translation>已是另一位客户的客户号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is already registered for another customer</source>
        <translation>已登记在另一位客户名下</translation>
    </message>
    <message>
        <location line="+159"/>
        <source>must be a branch in your scope</source>
        <translation>必须是您管辖范围内的网点</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>must be an enabled relationship manager, lobby manager or teller of your branch subtree</source>
        <translation>必须是您辖内在用的理财经理、大堂经理或柜员</translation>
    </message>
    <message>
        <location line="+164"/>
        <source>cannot be revealed</source>
        <translation>不能显示完整信息</translation>
    </message>
    <message>
        <location filename="../../app/tiers/exceptions.py" line="+21"/>
        <source>Exceptions are proposed by a signed-in relationship manager.</source>
        <translation>等级例外须由已登录的理财经理申请。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>must be above the tier the customer&apos;s AUM already reaches ({tier})</source>
        <translation>必须高于客户资产已达到的等级（{tier}）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>must be at most {years} years ahead</source>
        <translation>最多只能在 {years} 年以内</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This customer already has a pending exception; decide or withdraw it first.</source>
        <translation>这位客户已有一条待审批的例外申请，请先审批或撤回。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>That exception does not exist in your scope.</source>
        <translation>您的管辖范围内没有这条例外申请。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This exception has already been decided or withdrawn.</source>
        <translation>这条例外申请已经审批或撤回。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>is required to reject</source>
        <translation>拒绝时必须填写</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../app/tiers/rules.py" line="+5"/>
        <source>must be someone other than the person who proposed it</source>
        <translation>必须由发起人以外的人员审批</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>has already passed</source>
        <translation>已经过期</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Only the person who proposed it may withdraw it.</source>
        <translation>只有申请人本人可以撤回。</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>No customer with CIF number {cif} in your scope.</source>
        <translation>您的管辖范围内没有客户号为 {cif} 的客户。</translation>
    </message>
    <message>
        <location line="-152"/>
        <location filename="../../app/tiers/rules.py" line="+3"/>
        <source>must be a date from today on</source>
        <translation>必须是今天或以后的日期</translation>
    </message>
    <message>
        <location filename="../../app/csvio.py" line="+45"/>
        <source>is larger than {max} GB</source>
        <translation>大于 {max} GB</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot be read: {reason}</source>
        <translation>无法读取：{reason}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>the header names column {column} twice</source>
        <translation>表头中 {column} 列出现了两次</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the header lacks the column(s) {columns}</source>
        <translation>表头缺少以下列：{columns}</translation>
    </message>
    <message>
        <location line="+18"/>
        <location filename="../../app/tiers/aum_import.py" line="+175"/>
        <source>is empty</source>
        <translation>为空</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+11"/>
        <location filename="../../app/tiers/aum_import.py" line="+2"/>
        <location line="+18"/>
        <source>line {line}: {reason}</source>
        <translation>第 {line} 行：{reason}</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>{count} bad line(s), nothing was imported. First: {first}</source>
        <translation>有 {count} 行错误，未导入任何数据。第一处：{first}</translation>
    </message>
    <message>
        <location filename="../../app/customers/transfer.py" line="+143"/>
        <source>has {found} fields, the header has {expected}</source>
        <translation>有 {found} 个字段，表头有 {expected} 个</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>is not a branch in your scope</source>
        <translation>不是您管辖范围内的网点</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>CIF number {cif} is also on line {other}</source>
        <translation>客户号 {cif} 在第 {other} 行也出现了</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the same ID number is also on line {other}</source>
        <translation>同一证件号码在第 {other} 行也出现了</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>is already used by a customer outside your branch scope; nothing was imported</source>
        <translation>已被您管辖范围以外的客户使用，未导入任何数据</translation>
    </message>
    <message>
        <location filename="../../app/tiers/aum_import.py" line="-92"/>
        <source>must be a month like 2026-03, 202603 or 2026/03</source>
        <translation>必须是月份，例如 2026-03、202603 或 2026/03</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{value} is not a valid month</source>
        <translation>{value} 不是有效的月份</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../app/tiers/evaluation.py" line="+456"/>
        <source>{value} is in the future</source>
        <translation>{value} 尚未到来</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>is larger than the largest accepted, {max}</source>
        <translation>超过允许的最大值 {max}</translation>
    </message>
    <message>
        <location line="+223"/>
        <source>has {found} fields where the header has {expected}</source>
        <translation>有 {found} 个字段，而表头有 {expected} 个</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{cif} is not a known customer</source>
        <translation>{cif} 不是已知客户</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>repeats customer {cif} for month {month} (first on line {first})</source>
        <translation>重复了客户 {cif} 在 {month} 的数据（首次出现在第 {first} 行）</translation>
    </message>
    <message>
        <location filename="../../app/tiers/evaluation.py" line="+117"/>
        <source>There is no such worklist.</source>
        <translation>没有这个工作清单。</translation>
    </message>
    <message>
        <location filename="../../app/tiers/policy_store.py" line="+80"/>
        <source>version {version} does not exist</source>
        <translation>第 {version} 版不存在</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>must not be before {date}, when version {version} took effect</source>
        <translation>不得早于第 {version} 版的生效日期 {date}</translation>
    </message>
    <message>
        <location filename="../../app/customers/fields.py" line="-107"/>
        <source>is not a date: write it like 1980-05-17</source>
        <translation>不是日期，请写成 1980-05-17 的格式</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>is not a possible birth date</source>
        <translation>不是有效的出生日期</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>must be male or female</source>
        <translation>必须是男或女</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>is required when the ID type changes</source>
        <translation>更改证件类型时必须填写</translation>
    </message>
    <message>
        <location filename="../../app/stock/books.py" line="+145"/>
        <source>You may sign off only your own drawer.</source>
        <translation>您只能签退本人的尾箱。</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../app/stock/common.py" line="+79"/>
        <source>cannot be in the future</source>
        <translation>不能晚于今天</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the books differ by {difference}; explain the difference before signing off</source>
        <translation>账实相差 {difference}；签退前请说明差错原因</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>This day is already signed off.</source>
        <translation>该日已签退。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>{count} move(s) of this location still await a second person: {moves}. Have each confirmed or sent back before signing off the day.</source>
        <translation>该位置尚有 {count} 笔业务待复核：{moves}。请先逐笔复核或退回，再签退。</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>must be someone other than the counter</source>
        <translation>须由盘点人以外的人担任</translation>
    </message>
    <message>
        <location line="+8"/>
        <location filename="../../app/stock/moves.py" line="+424"/>
        <source>must be a colleague in your scope</source>
        <translation>须为您权限范围内的同事</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>must be a whole number from 0 to 1,000,000</source>
        <translation>须为 0 到 1,000,000 之间的整数</translation>
    </message>
    <message>
        <location filename="../../app/stock/common.py" line="-48"/>
        <source>Only a signed-in person has a drawer.</source>
        <translation>只有已登录的人员才有尾箱。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>That stock location does not exist in your scope.</source>
        <translation>您的权限范围内没有该保管位置。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>You may not confirm stock moves.</source>
        <translation>您无权复核库存业务。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>You may move blank cards only in your own drawer.</source>
        <translation>您只能操作本人尾箱中的空白卡。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{day} is signed off; the day is closed to back-dated moves</source>
        <translation>{day} 已签退，不能补记该日及以前的业务</translation>
    </message>
    <message>
        <location line="+22"/>
        <location filename="../../app/stock/rules.py" line="-138"/>
        <source>{serial} is not in the stock books</source>
        <translation>{serial} 不在库存账中</translation>
    </message>
    <message>
        <location filename="../../app/stock/moves.py" line="-338"/>
        <source>{serial} is already in the stock books</source>
        <translation>{serial} 已在库存账中</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>some of these serials are already in the stock books (perhaps of another branch)</source>
        <translation>部分号码已在库存账中（可能属于其他网点）</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>a transfer goes between the branch vault and a drawer of the same branch</source>
        <translation>调拨只能在本网点金库与本网点尾箱之间进行</translation>
    </message>
    <message>
        <location line="+35"/>
        <location line="+215"/>
        <location filename="../../app/stock/rules.py" line="-151"/>
        <location line="+177"/>
        <source>{serial} is not a serial of this card type (expected like {example})</source>
        <translation>{serial} 不是该卡种的号码（应形如 {example}）</translation>
    </message>
    <message>
        <location line="-211"/>
        <source>{serial} is not in stock at {location}</source>
        <translation>{serial} 不在 {location} 的库存中</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+164"/>
        <source>{serial} is already in another move awaiting confirmation</source>
        <translation>{serial} 已在另一笔待复核的业务中</translation>
    </message>
    <message>
        <location line="-156"/>
        <source>That stock move does not exist in your scope.</source>
        <translation>您的权限范围内没有该笔库存业务。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This move has already been confirmed or rejected.</source>
        <translation>该笔业务已复核或已退回。</translation>
    </message>
    <message>
        <location filename="../../app/stock/common.py" line="-46"/>
        <source>must be someone other than the person who made the move</source>
        <translation>须由经办人以外的人复核</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>You may confirm only a transfer into or out of your own drawer.</source>
        <translation>您只能复核调入或调出本人尾箱的业务。</translation>
    </message>
    <message>
        <location filename="../../app/stock/moves.py" line="+112"/>
        <source>{serial} is not in stock in your drawer (issued, moved or held by another move)</source>
        <translation>{serial} 不在您的尾箱库存中（已出库、已调出或在其他待复核业务中）</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>You may spoil only a card from your own drawer.</source>
        <translation>您只能作废本人尾箱中的卡。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{serial} was issued on another day; record it as a customer return</source>
        <translation>{serial} 非当日出库，请按客户交回登记</translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+67"/>
        <source>{serial} belongs to the stock of another branch</source>
        <translation>{serial} 属于其他网点的库存</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>two different people, neither of them the custodian, witness a destruction</source>
        <translation>销毁须由库管员以外的两名不同人员监销</translation>
    </message>
    <message>
        <location filename="../../app/customers/occasions.py" line="+29"/>
        <source>line {line}: write the relation, then the name (and a birthday if known)</source>
        <translation>第 {line} 行：请先写关系，再写姓名（知道的话再写生日）</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>at most {count} entries</source>
        <translation>最多 {count} 项</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>line {line}: at most {count} characters</source>
        <translation>第 {line} 行：最多 {count} 个字</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>line {line}: end it with a date like 05-20 or 2010-03-01</source>
        <translation>第 {line} 行：请以日期结尾，如 05-20 或 2010-03-01</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>line {line}: write what the day is before the date</source>
        <translation>第 {line} 行：请在日期前写明是什么日子</translation>
    </message>
    <message>
        <location filename="../../app/audit/anchor.py" line="+59"/>
        <source>is not an audit anchor (one starts with VDA1-)</source>
        <translation>不是审计锚点（审计锚点以 VDA1- 开头）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is not written as VDA1-lane:event:hash,…-digest-check; compare it with the paper again</source>
        <translation>格式不符（应为 VDA1-通道:序号:哈希,…-摘要-校验码），请再与纸质存档核对</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>has a typing mistake (its last 4 characters do not match the rest); compare it with the paper again</source>
        <translation>有输入错误（末 4 位校验码与其余部分不符），请再与纸质存档核对</translation>
    </message>
    <message>
        <location filename="../../app/auth/countersign.py" line="-16"/>
        <source>{name} still has the temporary password an administrator gave: they sign in on their own PC and choose their own password first</source>
        <translation>{name} 仍在使用管理员设置的临时密码：请其先在本人电脑登录并设置自己的密码</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>must be someone other than {name}, who is signed in on this PC</source>
        <translation>须为本机登录人 {name} 以外的人员</translation>
    </message>
    <message>
        <location filename="../../app/encoding.py" line="+50"/>
        <source>{value} is not an encoding VIP Desk reads (utf-8 or gb18030)</source>
        <translation>{value} 不是 VIP Desk 可读取的编码（utf-8 或 gb18030）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>line {line} is neither UTF-8 nor GB18030 text</source>
        <translation>第 {line} 行既不是 UTF-8 也不是 GB18030 文本</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>is not {encoding} text</source>
        <translation>不是 {encoding} 文本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>line {line} is not {encoding} text</source>
        <translation>第 {line} 行不是 {encoding} 文本</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>is UTF-16 text without a byte-order mark; save it as UTF-8 or GB18030 (or as UTF-16 with its mark)</source>
        <translation>是没有字节顺序标记的 UTF-16 文本；请另存为 UTF-8 或 GB18030（或带标记的 UTF-16）</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>line {line} reads as “{read}” in {encoding} but as “{other_read}” in {other}: the file mixes encodings, or is in the other one; say which with --encoding</source>
        <translation>第 {line} 行按 {encoding} 读作“{read}”，按 {other} 读作“{other_read}”：文件混用了编码，或使用的是另一种编码；请用 --encoding 指明</translation>
    </message>
    <message>
        <location filename="../../app/outfile.py" line="+64"/>
        <source>the disk is full; nothing was saved to {path}</source>
        <translation>磁盘已满，未向 {path} 保存任何内容</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>could not be written to {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/pcsettings/fields.py" line="-57"/>
        <source>must be at most {limit} characters</source>
        <translation>最多 {limit} 个字符</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>must not hold control or invisible characters</source>
        <translation>不能包含控制字符或不可见字符</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>is not a store URL (sqlite:///PATH or postgresql://USER@HOST/DATABASE)</source>
        <translation>不是有效的数据库地址（sqlite:///路径 或 postgresql://用户@主机/数据库）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>must be a SQLite or PostgreSQL URL, not {driver}</source>
        <translation>必须是 SQLite 或 PostgreSQL 地址，不能是 {driver}</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>must be 1 to 8 letters or digits</source>
        <translation>必须是 1 到 8 位字母或数字</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>must be one of {choices}</source>
        <translation>必须是以下之一：{choices}</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>is not a setting; the settings are {keys}</source>
        <translation>不是有效的设置项；可用的设置项为 {keys}</translation>
    </message>
    <message>
        <location filename="../../app/pcsettings/file.py" line="+52"/>
        <source>could not be read: {reason}</source>
        <translation>无法读取：{reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>is not a settings file: {reason}</source>
        <translation>不是有效的设置文件：{reason}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>has a section [{name}]; the settings go in [{section}]</source>
        <translation>含有 [{name}] 节；设置应写在 [{section}] 节中</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>must not hold a password in the settings file</source>
        <translation>设置文件中不能包含密码</translation>
    </message>
    <message>
        <location filename="../../app/pcsettings/secret.py" line="+64"/>
        <source>only a PostgreSQL store takes a password</source>
        <translation>只有 PostgreSQL 数据库需要密码</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>holds a password, and this PC has no system keyring to keep it in: leave the password out and put it in a pgpass file (PGPASSFILE) readable only by this PC&apos;s account</source>
        <translation>包含密码，但本机没有可保存密码的系统密钥环：请去掉密码，并把密码放入只有本机账户可读的 pgpass 文件（PGPASSFILE）</translation>
    </message>
    <message>
        <location filename="../../app/printing/failures.py" line="+17"/>
        <source>{printer} did not print ({reason}). Check that it is switched on, connected and has paper, then print again.</source>
        <translation>{printer} 未能打印（{reason}）。请检查打印机已开机、已连接且有纸，然后重新打印。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{printer} is out of paper: load a new roll, then print again.</source>
        <translation>{printer} 缺纸：请装入新纸卷，然后重新打印。</translation>
    </message>
    <message>
        <location filename="../../app/printing/slips.py" line="+25"/>
        <source>is not set on this PC: choose it in this PC&apos;s settings</source>
        <translation>本机未设置：请在“本机设置”中选择</translation>
    </message>
    <message>
        <location filename="../../app/printing/targets.py" line="+70"/>
        <source>must be a host name or address, and a port if not 9100 (192.168.1.60:9100)</source>
        <translation>须为主机名或 IP 地址，端口不是 9100 时一并填写（如 192.168.1.60:9100）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>must be the printer&apos;s USB vendor and product id in hexadecimal (0416:5011)</source>
        <translation>须为打印机 USB 厂商号与产品号（十六进制，如 0416:5011）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>must be a serial port, and a speed if not 9600 (/dev/ttyUSB0@19200 or COM3)</source>
        <translation>须为串口，波特率不是 9600 时一并填写（如 /dev/ttyUSB0@19200 或 COM3）</translation>
    </message>
    <message>
        <location filename="../../app/settings.py" line="+32"/>
        <source>the stored value is refused ({problem}); an administrator must save this policy again</source>
        <translation>已保存的设置无效（{problem}），须由管理员重新保存此策略</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>must be a JSON object</source>
        <translation>必须是 JSON 对象</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>is not JSON: {reason}</source>
        <translation>不是有效的 JSON：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/swipe.py" line="+46"/>
        <source>the swipe was not read whole or is damaged: swipe the card again, or type the number</source>
        <translation>刷卡数据不完整或已损坏：请重新刷卡，或手工输入卡号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the reader could not read the card: swipe it again</source>
        <translation>读卡器未能读出此卡：请重新刷卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the card&apos;s two tracks hold different numbers: swipe the card again</source>
        <translation>卡片两个磁道的卡号不一致：请重新刷卡</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the swiped card&apos;s number has {count} digits, not 16 or 19: not a card VIP Desk knows</source>
        <translation>所刷卡号为 {count} 位，不是 16 位或 19 位：不是本系统可识别的卡</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the swiped card&apos;s number fails the Luhn check digit: swipe the card again</source>
        <translation>所刷卡号未通过 Luhn 校验位检查：请重新刷卡</translation>
    </message>
</context>
<context>
    <name>exception_status</name>
    <message>
        <location filename="../../app/tiers/exceptions.py" line="-71"/>
        <source>Pending</source>
        <translation>待审批</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
</context>
<context>
    <name>exports</name>
    <message>
        <location filename="../../app/audit/trail.py" line="+218"/>
        <source>Event</source>
        <translation>事件编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Occurred at</source>
        <translation>发生时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Actor</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../app/stock/views.py" line="+29"/>
        <location filename="../../app/tiers/evaluation.py" line="+43"/>
        <source>Branch</source>
        <translation>网点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record ID</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After</source>
        <translation>修改后</translation>
    </message>
    <message>
        <location filename="../../app/customers/transfer.py" line="+16"/>
        <location filename="../../app/tiers/evaluation.py" line="-2"/>
        <source>CIF number</source>
        <translation>客户号</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../app/tiers/evaluation.py" line="+1"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Branch code</source>
        <translation>网点代码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tier</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID number (masked)</source>
        <translation>证件号码（已掩码）</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../app/tiers/evaluation.py" line="+2"/>
        <source>Phone (masked)</source>
        <translation>手机号（已掩码）</translation>
    </message>
    <message>
        <location filename="../../app/stock/views.py" line="-3"/>
        <source>Serial</source>
        <translation>空白卡序号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card type</source>
        <translation>卡种</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Location</source>
        <translation>库位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Location kind</source>
        <translation>库位类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Updated at</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <location filename="../../app/tiers/evaluation.py" line="+1"/>
        <source>Rolling quarterly average</source>
        <translation>季度日均资产</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Computed tier</source>
        <translation>测算等级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Effective tier</source>
        <translation>生效等级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card held</source>
        <translation>持有卡种</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <location filename="../../app/auth/accounts.py" line="-203"/>
        <location line="+61"/>
        <location filename="../../ui/accounts/dialogs.py" line="-140"/>
        <location filename="../../ui/login/first_run.py" line="-58"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location line="-55"/>
        <location filename="../../ui/accounts/dialogs.py" line="+1"/>
        <location filename="../../ui/login/first_run.py" line="+1"/>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+10"/>
        <location filename="../../ui/accounts/dialogs.py" line="+1"/>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+188"/>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <location filename="../../app/auth/branches.py" line="-104"/>
        <location filename="../../ui/branches/dialog.py" line="-77"/>
        <location filename="../../ui/login/first_run.py" line="-2"/>
        <source>Branch name</source>
        <translation>网点名称</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+70"/>
        <location filename="../../app/customers/transfer.py" line="-248"/>
        <location filename="../../ui/branches/dialog.py" line="-1"/>
        <location filename="../../ui/login/first_run.py" line="-1"/>
        <source>Branch code</source>
        <translation>网点代码</translation>
    </message>
    <message>
        <location line="-28"/>
        <location line="+41"/>
        <location filename="../../app/customers/fields.py" line="-131"/>
        <location filename="../../ui/branches/dialog.py" line="+3"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="-40"/>
        <location line="+41"/>
        <location filename="../../ui/branches/dialog.py" line="+1"/>
        <source>Telephone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../app/customers/rules.py" line="-596"/>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../app/auth/branches.py" line="-36"/>
        <location line="+9"/>
        <location line="+7"/>
        <location filename="../../ui/branches/dialog.py" line="-2"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Parent branch</source>
        <translation>上级网点</translation>
    </message>
    <message>
        <location filename="../../app/auth/policy.py" line="-64"/>
        <source>Sign-in policy</source>
        <translation>登录策略</translation>
    </message>
    <message>
        <location line="+21"/>
        <location filename="../../ui/policy/page.py" line="-111"/>
        <source>Minimum password length</source>
        <translation>密码最短长度</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/policy/page.py" line="+1"/>
        <source>Failed sign-ins before lock-out</source>
        <translation>锁定前允许的登录失败次数</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/policy/page.py" line="+1"/>
        <source>Lock-out minutes</source>
        <translation>锁定时长（分钟）</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/policy/page.py" line="+1"/>
        <source>Idle minutes before the screen locks</source>
        <translation>锁屏前的空闲分钟数</translation>
    </message>
    <message>
        <location line="+26"/>
        <location filename="../../ui/accounts/dialogs.py" line="+1"/>
        <location filename="../../ui/login/change_password.py" line="-36"/>
        <location filename="../../ui/login/first_run.py" line="+4"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../app/backup.py" line="-13"/>
        <source>Backup file</source>
        <translation>备份文件</translation>
    </message>
    <message>
        <location filename="../../app/customers/rules.py" line="-2"/>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID type</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Postcode</source>
        <translation>邮编</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CIF number</source>
        <translation>客户号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birthday</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location line="+457"/>
        <source>ID number: characters shown at the start</source>
        <translation>证件号码：开头显示的位数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID number: characters shown at the end</source>
        <translation>证件号码：末尾显示的位数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone: digits shown at the start</source>
        <translation>手机号：开头显示的位数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone: digits shown at the end</source>
        <translation>手机号：末尾显示的位数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card number: digits shown at the start</source>
        <translation>卡号：开头显示的位数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card number: digits shown at the end</source>
        <translation>卡号：末尾显示的位数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Characters always masked</source>
        <translation>始终遮蔽的位数</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Mask character</source>
        <translation>遮蔽字符</translation>
    </message>
    <message>
        <location filename="../../app/tiers/rules.py" line="-399"/>
        <source>Tiers</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tier</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tier code</source>
        <translation>等级代码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tier name</source>
        <translation>等级名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lower bound</source>
        <translation>下限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card type</source>
        <translation>卡种</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Months below standard before review</source>
        <translation>连续未达标月数（达到后复核）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Below-standard tolerance</source>
        <translation>未达标容差</translation>
    </message>
    <message>
        <location filename="../../app/tiers/policy_store.py" line="-22"/>
        <location filename="../../app/tiers/rules.py" line="-6"/>
        <source>Policy version</source>
        <translation>策略版本</translation>
    </message>
    <message>
        <location filename="../../app/tiers/rules.py" line="+1"/>
        <source>Effective from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location filename="../../app/stock/rules.py" line="-239"/>
        <source>Serials</source>
        <translation>号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serial</source>
        <translation>号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Count</source>
        <translation>张数</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../app/tiers/rules.py" line="+1"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Explanation</source>
        <translation>差错说明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/tiers/rules.py" line="+1"/>
        <source>Approved by</source>
        <translation>审批人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../app/csvio.py" line="-116"/>
        <location filename="../../app/encoding.py" line="-143"/>
        <location filename="../../app/outfile.py" line="-30"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../app/tiers/aum_import.py" line="-318"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Average daily AUM</source>
        <translation>月日均资产</translation>
    </message>
    <message>
        <location filename="../../app/tiers/evaluation.py" line="-551"/>
        <source>As of</source>
        <translation>评定月份</translation>
    </message>
    <message>
        <location filename="../../app/tiers/exceptions.py" line="+2"/>
        <source>Comment</source>
        <translation>审批意见</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../app/customers/fields.py" line="+1"/>
        <source>Employer</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Occupation</source>
        <translation>职业</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Home branch</source>
        <translation>归属网点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relationship manager</source>
        <translation>理财经理</translation>
    </message>
    <message>
        <location filename="../../app/customers/records.py" line="-343"/>
        <source>Masking policy</source>
        <translation>掩码策略</translation>
    </message>
    <message>
        <location line="+344"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../app/stock/books.py" line="-252"/>
        <source>Minimum</source>
        <translation>最低库存</translation>
    </message>
    <message>
        <location filename="../../app/stock/common.py" line="-85"/>
        <source>Branch</source>
        <translation>网点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Location</source>
        <translation>保管位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Business date</source>
        <translation>营业日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Witness</source>
        <translation>监盘/监销人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirmed by</source>
        <translation>复核人</translation>
    </message>
    <message>
        <location filename="../../app/customers/occasions.py" line="-55"/>
        <source>Important dates</source>
        <translation>重要日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close relatives</source>
        <translation>直系亲属</translation>
    </message>
    <message>
        <location filename="../../app/audit/anchor.py" line="-4"/>
        <source>Audit anchor</source>
        <translation>审计锚点</translation>
    </message>
    <message>
        <location filename="../../app/auth/countersign.py" line="-4"/>
        <source>Authorising person</source>
        <translation>授权人</translation>
    </message>
    <message>
        <location filename="../../app/encoding.py" line="+16"/>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../app/pcsettings/fields.py" line="-114"/>
        <source>Store URL</source>
        <translation>数据库地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PC name</source>
        <translation>本机名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counter</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A4 printer</source>
        <translation>A4 打印机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Slip printer connection</source>
        <translation>号票打印机连接方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Slip printer</source>
        <translation>号票打印机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Slip paper width (mm)</source>
        <translation>号票纸宽（毫米）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lobby screen</source>
        <translation>大堂显示屏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer rating screen</source>
        <translation>客户评价显示屏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Master key file</source>
        <translation>主密钥文件</translation>
    </message>
    <message>
        <location filename="../../app/printing/failures.py" line="-14"/>
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location filename="../../app/swipe.py" line="-20"/>
        <source>Card number</source>
        <translation>卡号</translation>
    </message>
</context>
<context>
    <name>formatting</name>
    <message>
        <location filename="../../ui/formatting.py" line="+41"/>
        <source>CNY {amount}</source>
        <translation>{amount} 元</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{month}</source>
        <translation>{month}月</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{month}/{year}</source>
        <translation>{year}年{month}月</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{first} – {last}</source>
        <translation>{first} – {last}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>overdue {days} d {hours} h</source>
        <translation>逾期 {days} 天 {hours} 小时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>overdue {hours} h {minutes} min</source>
        <translation>逾期 {hours} 小时 {minutes} 分钟</translation>
    </message>
</context>
<context>
    <name>genders</name>
    <message>
        <location filename="../../app/customers/rules.py" line="-305"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
</context>
<context>
    <name>id_types</name>
    <message>
        <location line="-130"/>
        <source>Resident ID card</source>
        <translation>居民身份证</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passport</source>
        <translation>护照</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mainland travel permit for Hong Kong and Macau residents</source>
        <translation>港澳居民来往内地通行证</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mainland travel permit for Taiwan residents</source>
        <translation>台湾居民来往大陆通行证</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Foreign permanent resident ID card</source>
        <translation>外国人永久居留身份证</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Other ID document</source>
        <translation>其他证件</translation>
    </message>
</context>
<context>
    <name>levels</name>
    <message>
        <location filename="../../app/auth/branches.py" line="-103"/>
        <source>Head office</source>
        <translation>总行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Branch</source>
        <translation>分行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sub-branch</source>
        <translation>支行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outlet</source>
        <translation>网点</translation>
    </message>
</context>
<context>
    <name>lists</name>
    <message>
        <location filename="../../ui/messages.py" line="-41"/>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>permissions</name>
    <message>
        <location line="-49"/>
        <source>manage branches</source>
        <translation>管理网点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>manage staff accounts</source>
        <translation>管理员工账户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>edit the sign-in policy</source>
        <translation>修改登录策略</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>view the audit trail</source>
        <translation>查看审计日志</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>export the audit trail</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>find and open customer records</source>
        <translation>查找和打开客户档案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>create and edit customer records</source>
        <translation>新建和编辑客户档案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>show a masked ID number or phone in full</source>
        <translation>显示完整的证件号码或手机号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>export the customer list</source>
        <translation>导出客户名单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>import core-banking extracts</source>
        <translation>导入核心系统数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>run the tier evaluation</source>
        <translation>执行客户等级评定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>propose a tier exception</source>
        <translation>申请等级例外</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>approve a tier exception</source>
        <translation>审批等级例外</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>view the blank-card stock</source>
        <translation>查看空白卡库存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>receive and hand out blank cards</source>
        <translation>办理空白卡入库和领用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>confirm a blank-card move</source>
        <translation>复核空白卡业务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>count and sign off blank-card stock</source>
        <translation>盘点和签退空白卡库存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>use a blank-card drawer</source>
        <translation>使用空白卡尾箱</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>record contacts and handle complaints</source>
        <translation>记录客户联系并处理投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>assign customers and complaints to staff</source>
        <translation>向员工分配客户和投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>view the care dashboard</source>
        <translation>查看客户维护看板</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>see the document register and verify documents</source>
        <translation>查看文档登记簿并验证文档真伪</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>edit document templates</source>
        <translation>编辑文档模板</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>enter a VIP card application</source>
        <translation>录入贵宾卡申请</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>approve a VIP card application</source>
        <translation>审批贵宾卡申请</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>issue a VIP card at the counter</source>
        <translation>在柜台发放贵宾卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>report a lost card, cancel a card or mark an agreement signed</source>
        <translation>办理挂失、注销或登记协议签署</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>issue queue tickets</source>
        <translation>发放排队号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>call and serve queue tickets</source>
        <translation>叫号并办理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>manage the queue</source>
        <translation>管理排队</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>view queue statistics</source>
        <translation>查看排队统计</translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <location filename="../../app/auth/permissions.py" line="-97"/>
        <source>Counter staff</source>
        <translation>柜员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lobby manager</source>
        <translation>大堂经理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relationship manager</source>
        <translation>理财经理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Branch manager</source>
        <translation>网点负责人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custodian</source>
        <translation>库管员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auditor</source>
        <translation>审计员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batch job</source>
        <translation>批处理任务</translation>
    </message>
</context>
<context>
    <name>stock_moves</name>
    <message>
        <location filename="../../app/stock/rules.py" line="+168"/>
        <source>Receipt (awaiting confirmation)</source>
        <translation>入库（待复核）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipt</source>
        <translation>入库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transfer</source>
        <translation>调拨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issue</source>
        <translation>出库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spoilage</source>
        <translation>作废</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer return</source>
        <translation>客户交回</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Destruction</source>
        <translation>销毁</translation>
    </message>
</context>
<context>
    <name>stock_states</name>
    <message>
        <location line="-18"/>
        <source>Awaiting confirmation</source>
        <translation>待复核</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In stock</source>
        <translation>在库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issued</source>
        <translation>已出库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spoiled</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Returned</source>
        <translation>客户交回</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Destroyed</source>
        <translation>已销毁</translation>
    </message>
</context>
<context>
    <name>tier_causes</name>
    <message>
        <location filename="../../ui/tier_labels.py" line="-16"/>
        <source>Evaluation</source>
        <translation>等级评定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exception</source>
        <translation>等级例外</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exception ended</source>
        <translation>例外到期</translation>
    </message>
</context>
<context>
    <name>tiers</name>
    <message>
        <location filename="../../app/glossary.py" line="-288"/>
        <source>Ordinary</source>
        <translation>普通</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gold</source>
        <translation>金卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Platinum</source>
        <translation>白金</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diamond</source>
        <translation>钻石</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Private banking</source>
        <translation>私人银行</translation>
    </message>
</context>
<context>
    <name>worklists</name>
    <message>
        <location filename="../../app/tiers/evaluation.py" line="+5"/>
        <source>Eligible for upgrade</source>
        <translation>可升级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Below standard (downgrade review)</source>
        <translation>未达标（降级复核）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Newly eligible for a first card</source>
        <translation>新达标可办首张贵宾卡</translation>
    </message>
</context>
</TS>
