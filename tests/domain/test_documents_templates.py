"""Templates: every shipped file is valid, unknown placeholders are refused naming them."""

import pytest

from app.documents import templates as tpl
from app.documents.register import fill, rights_for
from app.errors import ValidationError

HEADER = "version: 1\ntitle: 测试\n---\n"


@pytest.mark.parametrize("key", tpl.TEMPLATE_KEYS)
def test_every_shipped_template_parses_with_only_its_own_placeholders(key):
    template = tpl.shipped(key)
    assert template.version >= 1 and template.title
    assert template.fields_used() <= tpl.FIELDS[key]


def test_an_unknown_placeholder_is_refused_naming_it():
    with pytest.raises(ValidationError) as info:
        tpl.parse("letter_welcome", HEADER + "尊敬的{customer_name}，您的余额为{balance}。")
    assert "{balance}" in str(info.value) and "customer_name" in str(info.value)


@pytest.mark.parametrize("body, words", [
    ("未闭合的 {customer_name", "not closed"),
    ("格式 {customer_name!r}", "not a placeholder"),
    ("属性 {customer.name}", "not a placeholder"),
])
def test_bad_braces_are_refused(body, words):
    with pytest.raises(ValidationError, match=words):
        tpl.parse("letter_welcome", HEADER + body)


@pytest.mark.parametrize("text, words", [
    ("title: 无版本\n---\n正文", "version"),
    ("version: 1\ntitle: 无分隔\n正文", "---"),
    ("version: 1\nauthor: 某人\n---\n正文", "author"),
])
def test_a_bad_header_is_refused(text, words):
    with pytest.raises(ValidationError, match=words):
        tpl.parse("letter_welcome", text)


def test_blocks_and_filling():
    template = tpl.parse("letter_welcome", HEADER + "= 第一条 {customer_name}\n第一行\n第二行\n\n"
                         "{tier_rights}\n\n> {branch_name}\n[signatures: 客户 | 银行]\n花括号 {{ }}")
    title, blocks = fill(template, {"customer_name": "李四\n= 伪标题", "branch_name": "朝阳支行"},
                         {"tier_rights": ["甲", "乙"]})
    assert title == "测试"
    assert [(b.kind, b.text) for b in blocks] == [
        ("heading", "第一条 李四 = 伪标题"), ("para", "第一行\n第二行"), ("para", "1. 甲"), ("para", "2. 乙"),
        ("right", "朝阳支行"), ("signatures", ""), ("para", "花括号 { }")]
    assert blocks[5].parties == ("客户", "银行")


def test_rights_are_listed_per_card_type():
    rights = tpl.shipped("tier_rights")
    gold, diamond = rights_for(rights, "gold"), rights_for(rights, "diamond")
    assert gold and diamond and set(gold).isdisjoint(diamond)
    assert rights_for(rights, "ordinary") == []
