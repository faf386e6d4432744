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
ID_TYPE_NAMES = {"resident_id": "居民身份证", "passport": "护照", "hk_macau_permit": "港澳居民来往内地通行证",
                 "taiwan_permit": "台湾居民来往大陆通行证", "foreign_permanent_resident": "外国人永久居留身份证",
                 "other": "其他证件"}
# as the screens name them (app.cards.rules.KIND_LABELS in the Chinese catalogue; a test holds
# the two together)
APPLICATION_KIND_NAMES = {"new": "新办卡", "renewal": "到期换卡", "upgrade": "升级换卡", "downgrade": "降级换卡",
                          "replace_lost": "挂失补卡", "replace_damaged": "损坏换卡"}
REPLACEMENT_REASONS = {"replace_lost": "您的原卡已挂失", "replace_damaged": "您的原卡已损坏"}
SALUTATIONS = {"male": "先生", "female": "女士"}


def id_type_name(code: str | None) -> str:
    return ID_TYPE_NAMES.get(code or "", code or "")


def salutation(gender: str | None) -> str:
    """先生 / 女士 by the recorded gender; without one, the neutral 客户."""
    return SALUTATIONS.get(gender or "", "客户")
