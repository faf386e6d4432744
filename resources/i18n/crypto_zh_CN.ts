<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>errors</name>
    <message>
        <location filename="../../app/crypto/custody.py" line="+44"/>
        <source>the master key is not base 32 text</source>
        <translation>主密钥不是 Base32 文本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a master key has {want} bytes, this one {got}</source>
        <translation>主密钥应为 {want} 字节,此密钥为 {got} 字节</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>master key file {path}: {reason}</source>
        <translation>主密钥文件 {path}:{reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>master key file {path} may be read by others: chmod 600 it</source>
        <translation>主密钥文件 {path} 可被他人读取:请执行 chmod 600</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>key part {which} is mistyped (its check does not match)</source>
        <translation>密钥分量 {which} 输入有误(校验码不符)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>no master key for {store} in this user&apos;s keyring</source>
        <translation>本用户的系统密钥环中没有 {store} 的主密钥</translation>
    </message>
    <message>
        <location filename="../../app/crypto/keys.py" line="+29"/>
        <source>the store has no data keys: run `python main.py keys init`</source>
        <translation>数据库尚无数据密钥:请运行 `python main.py keys init`</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>this master key did not wrap the store&apos;s data keys</source>
        <translation>此主密钥不是包装本库数据密钥的主密钥</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a data key is damaged: it does not unwrap</source>
        <translation>数据密钥已损坏:无法解包</translation>
    </message>
    <message>
        <location filename="../../app/crypto/vault.py" line="+42"/>
        <source>the store has data keys already: rotate the master key instead</source>
        <translation>数据库已有数据密钥:请改为轮换主密钥</translation>
    </message>
    <message>
        <location filename="../../app/crypto/sealing.py" line="+37"/>
        <source>ID numbers, phones and card numbers are unavailable on this PC: it has not been given the store&apos;s master key (This PC settings, or --key-file)</source>
        <translation>本机未配置该数据库的主密钥,证件号码、手机号和卡号不可用(请在“本机设置”中指定,或使用 --key-file)</translation>
    </message>
</context>
</TS>
