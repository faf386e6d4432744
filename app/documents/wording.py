"""Names printed inside documents (documents are printed in Chinese whatever the screen's
language): card types, tiers, stock locations and worklists as a bank letter writes them."""

from __future__ import annotations

CARD_TYPE_NAMES = {"gold": "金卡", "platinum": "白金卡", "diamond": "钻石卡"}
TIER_NAMES = {"ordinary": "普通客户", "gold": "金卡客户", "platinum": "白金客户", "diamond": "钻石客户",
              "private": "私人银行客户"}
LOCATION_KINDS = {"vault": "金库", "drawer": "尾箱"}
WORKLIST_NAMES = {"upgrade": "可升级客户", "below_standard": "未达标客户（降级复核）",
                  "first_card": "新达标可首次办卡客户"}


def card_type_name(code: str | None) -> str:
    return CARD_TYPE_NAMES.get(code or "", code or "无")


def tier_name(code: str | None) -> str:
    return TIER_NAMES.get(code or "", code or "")
