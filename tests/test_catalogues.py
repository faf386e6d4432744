"""The translation catalogues agree: one (context, source text) has one translation, whichever
capability's catalogue holds it (Qt loads them all, and the last loaded would win unseen), and
the command line reads them as the screens do (app.catalogue)."""

from __future__ import annotations

from app.catalogue import translations, translator
from app.outfile import EXPORTS


def test_one_context_and_source_has_one_translation():
    found = translations()
    assert len(found) > 1000
    differing = {key: by_file for key, by_file in found.items() if len(set(by_file.values())) > 1}
    assert differing == {}


def test_two_catalogues_that_differ_are_found(tmp_path):
    def catalogue(name: str, translation: str) -> None:
        (tmp_path / f"{name}_zh_CN.ts").write_text(
            '<?xml version="1.0" encoding="utf-8"?><TS version="2.1" language="zh_CN">'
            f"<context><name>fields</name><message><source>Document</source>"
            f"<translation>{translation}</translation></message>"
            "<message><source>Draft</source><translation type=\"unfinished\">草稿</translation></message>"
            "</context></TS>", encoding="utf-8")
    catalogue("cards", "单据")
    catalogue("documents", "文档")
    assert translations(tmp_path) == {("fields", "Document"): {"cards_zh_CN.ts": "单据",
                                                               "documents_zh_CN.ts": "文档"}}
    assert translator(folder=tmp_path)("fields", "Draft") == "Draft"     # unfinished: the source


def test_the_command_line_reads_export_headers_in_chinese():
    say = translator()
    assert say(EXPORTS, "CIF number") == "客户号"
    assert say(EXPORTS, "no such header") == "no such header"
