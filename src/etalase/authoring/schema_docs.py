"""What creators and their editors see of the schema: JSON Schema, field tables, placeholders.

Everything here is derived from the pydantic models of :mod:`etalase.content.schema`,
so the rules the build enforces, the table in the contributor guide, the
autocompletion an editor offers and the values the new-post scaffold writes
cannot drift apart:

* :func:`json_schema` – a draft-07 JSON Schema of a post's front matter in
  which ``category`` selects the model of that category (``if``/``then``), so
  an editor that knows the category offers that category's block. Draft-07
  because it is what VS Code's JSON and YAML services, ajv and most tools read
  fully.
* :func:`field_tables` – Markdown tables of every field (common fields, then
  one table per category block) for the guide page.
* :func:`placeholders`, :func:`template_data`, :func:`post_markdown` – a new
  ``index.md`` filled with each field's ``examples`` value, written by
  :mod:`etalase.authoring.scaffold` and shown as copy-and-paste templates in the guide.

``python -m etalase.authoring.schema_docs FILE`` writes the JSON Schema to ``FILE``
(``make schema``); the MkDocs plugin publishes it at :data:`SCHEMA_URI`.
"""

from __future__ import annotations

import argparse
import json
import re
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, TypeAdapter
from pydantic.fields import FieldInfo
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import PydanticUndefined, core_schema

from etalase.content.categories import REGISTRY
from etalase.content.datetext import read_day
from etalase.content.placeholders import TEMPLATE_BODY
from etalase.content.schema import Creator, PostBase, nested_model
from etalase.content.zones import DEFAULT_ZONE

SCHEMA_URI = "schema/post.schema.json"
"""Where the JSON Schema is published, relative to the site root."""

DATETIME_PATTERN = (
    r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?"
    r"(\s+([Ww][Ii][Bb]|[Ww][Ii][Tt][Aa]?)|\+0[789]:?00)$"
)
"""The date-times the schema accepts: ``2026-11-20 08:00 WIB`` or ISO 8601 with
an Indonesian offset (``2026-11-20T08:00:00+07:00``)."""

AT_MERGE_PATTERN = r"[Ss]aat\s+[Dd]igabung"
"""``date: saat digabung`` (:mod:`etalase.content.merge_dates`), as the JSON Schema accepts it."""

_BOUNDS = {"ge": "minimum", "le": "maximum", "gt": "exclusiveMinimum", "lt": "exclusiveMaximum"}


# --------------------------------------------------------------------------
# JSON Schema
# --------------------------------------------------------------------------


class _EditorSchema(GenerateJsonSchema):
    """pydantic's generator, adjusted for what editors show a creator.

    * Date-times are strings with the pattern the validator accepts, not
      ``format: date-time`` (which would flag ``2026-11-20 08:00 WIB``).
    * No English titles derived from field names, no English class docstrings:
      hovers show the Indonesian ``description`` of each field.
    """

    def datetime_schema(self, schema: core_schema.DatetimeSchema) -> JsonSchemaValue:
        return {"type": "string", "pattern": DATETIME_PATTERN}

    def field_title_should_be_set(self, schema: Any) -> bool:
        return False

    def generate(self, schema: core_schema.CoreSchema, mode: Any = "validation") -> JsonSchemaValue:
        result = super().generate(schema, mode)
        titles = {
            model.__name__: f"Pos {REGISTRY[category].label}" for category, model in REGISTRY.post_models().items()
        }
        for name, definition in result.get("$defs", {}).items():
            definition.pop("description", None)
            definition["title"] = titles.get(name, name)
        _fix_bounds(result)
        return result


def _fix_bounds(node: Any) -> None:
    """Turn pydantic's leftover ``ge``/``le`` keys into JSON Schema keywords.

    A numeric bound placed after a ``BeforeValidator`` (as in ``Rupiah``)
    comes out under its pydantic name; JSON Schema calls it ``minimum`` (which
    applies to numbers only, so it is right next to an ``anyOf`` too). Only
    numeric values are moved: a field called ``ge`` would hold a schema.
    """
    if isinstance(node, dict):
        for ours, theirs in _BOUNDS.items():
            if isinstance(node.get(ours), (int, float)) and not isinstance(node.get(ours), bool):
                node[theirs] = node.pop(ours)
        for value in node.values():
            _fix_bounds(value)
    elif isinstance(node, list):
        for value in node:
            _fix_bounds(value)


def json_schema(schema_id: str | None = None) -> dict[str, Any]:
    """The JSON Schema (draft-07) of a post's front matter."""
    models = REGISTRY.post_models()
    generated = TypeAdapter(REGISTRY.front_matter()).json_schema(
        ref_template="#/definitions/{model}", schema_generator=_EditorSchema
    )
    definitions = generated["$defs"]
    for model in models.values():  # the publish date may also be the moment an editor merges the post
        date_field = definitions[model.__name__]["properties"]["date"]
        date_field["pattern"] = f"^(?:{DATETIME_PATTERN[1:-1]}|{AT_MERGE_PATTERN})$"
    category_field = definitions[next(iter(models.values())).__name__]["properties"]["category"]
    schema: dict[str, Any] = {"$schema": "http://json-schema.org/draft-07/schema#"}
    if schema_id:
        schema["$id"] = schema_id
    schema.update(
        {
            "title": "Front matter pos Etalase",
            "description": "Isian di antara baris --- di awal index.md. Pilih category dulu: "
            + ", ".join(REGISTRY.ids())
            + "; blok isian kategori itu lalu tersedia.",
            "type": "object",
            "required": ["category"],
            "properties": {"category": {"description": category_field.get("description", ""), "enum": REGISTRY.ids()}},
            # The category picks exactly one post model. Written as if/then rather than
            # pydantic's oneOf so that a checker reports the errors of that model only,
            # not of all four (ajv reported 14 findings for 2 mistakes with oneOf).
            "allOf": [
                {
                    "if": {"properties": {"category": {"const": category}}, "required": ["category"]},
                    "then": {"$ref": f"#/definitions/{model.__name__}"},
                }
                for category, model in models.items()
            ],
            "definitions": definitions,
        }
    )
    return schema


def json_schema_text(site_url: str | None = None) -> str:
    """:func:`json_schema` as published, with its ``$id`` under ``site_url``."""
    schema_id = site_url.rstrip("/") + "/" + SCHEMA_URI if site_url else None
    return json.dumps(json_schema(schema_id), ensure_ascii=False, indent=2) + "\n"


def schema_url(site_url: str | None) -> str:
    """Where the schema is published: absolute when the site URL is known."""
    return (site_url.rstrip("/") + "/" if site_url else "/") + SCHEMA_URI


# --------------------------------------------------------------------------
# Field documentation
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldDoc:
    """One row of the guide's field table."""

    path: str
    """As written in front matter: ``cover.alt``, ``gallery[].file``, ``wisata.place``."""
    required: bool
    description: str
    example: Any = PydanticUndefined
    default: Any = PydanticUndefined
    choices: tuple[str, ...] = ()
    block: bool = False
    """The field is a block (or list of blocks) whose fields follow as their own rows."""
    info: FieldInfo | None = field(default=None, compare=False)
    """The pydantic field itself, for tools that need its type and constraints (the issue form)."""

    @property
    def real_example(self) -> Any:
        """A real answer for help text (the form): the schema's last example when it gives a second one.

        The first example of a :class:`~etalase.content.schema.Placeholder` field stands in
        for the creator's own (``Nama Usaha``) and is what the scaffold writes; a
        second one is an answer a creator could give (``Sambal Bawang Bu Ratmi``).
        """
        examples = self.info.examples if self.info is not None else None
        return examples[-1] if examples and len(examples) > 1 else self.example


def field_docs(model: type[BaseModel], prefix: str = "") -> list[FieldDoc]:
    """Every field of ``model`` and of the blocks nested in it, in declaration order."""
    docs: list[FieldDoc] = []
    for name, info in model.model_fields.items():
        path = prefix + name
        nested, is_list = nested_model(info.annotation)
        docs.append(
            FieldDoc(
                path=path,
                required=info.is_required(),
                description=info.description or "",
                example=info.examples[0] if info.examples else PydanticUndefined,
                default=_default(info),
                choices=_choices(info.annotation),
                block=nested is not None,
                info=info,
            )
        )
        if nested is not None:
            docs.extend(field_docs(nested, path + ("[]." if is_list else ".")))
    return docs


def common_field_docs() -> list[FieldDoc]:
    """Fields of every post: ``category`` first (it decides the rest), then the common ones."""
    info = REGISTRY.post_model(REGISTRY.ids()[0]).model_fields["category"]
    category = FieldDoc(
        path="category", required=True, description=info.description or "", choices=tuple(REGISTRY.ids()), info=info
    )
    return [category] + field_docs(PostBase)


def block_field_docs(model: type[BaseModel], name: str) -> list[FieldDoc]:
    """The block ``name`` of ``model`` (a category's block, ``accessibility``) and its fields."""
    info = model.model_fields[name]
    nested, _ = nested_model(info.annotation)
    assert nested is not None, f"block {name} must be a model"
    block = FieldDoc(path=name, required=info.is_required(), description=info.description or "", block=True, info=info)
    return [block, *field_docs(nested, name + ".")]


def category_field_docs(category: str) -> list[FieldDoc]:
    """The block named after ``category`` and its fields."""
    return block_field_docs(REGISTRY.post_model(category), category)


def rules_of(model: type[BaseModel]) -> list[str]:
    """The rules that tie fields together (``RULES`` of ``model`` and of the blocks inside it), in order."""
    found = list(getattr(model, "RULES", ()))
    for info in model.model_fields.values():
        nested, _ = nested_model(info.annotation)
        if nested is not None:
            found += [rule for rule in rules_of(nested) if rule not in found]
    return found


def field_tables(zone: str = DEFAULT_ZONE, years: int = 0) -> str:
    """Markdown: the common fields, the accessibility block, one table per category block, creator files.

    ``years``: how far the examples' dates move ahead (:func:`years_ahead`), so that none is past.

    Rules that tie fields together (a source needs ``url``, ``document`` or
    ``photo``) follow each table: they are declared beside the check itself.
    """
    places = REGISTRY.places()
    parts = ["## Isian umum (semua kategori)", "", _table(common_field_docs(), rules_of(PostBase), zone, years)]
    if places:
        model = REGISTRY.post_model(places[0].id)
        names = ", ".join(f"`{category.id}`" for category in places)
        parts += [
            "",
            "## Blok `accessibility:` (aksesibilitas tempat)",
            "",
            f"Untuk pos tentang tempat yang dikunjungi ({names}): bagaimana difabel menjangkau dan "
            "memakainya. Tulis apa yang Anda lihat atau tanyakan langsung; kosongkan yang tidak Anda ketahui.",
            "",
            _table(
                block_field_docs(model, "accessibility"),
                rules_of(nested_model(model.model_fields["accessibility"].annotation)[0] or PostBase),
                zone,
                years,
            ),
        ]
    for category in REGISTRY:
        parts += [
            "",
            f"## Blok `{category.id}:` (kategori {category.label})",
            "",
            f"Hanya untuk pos dengan `category: {category.id}`.",
            "",
            _table(category_field_docs(category.id), rules_of(category.block), zone, years),
        ]
    parts += [
        "",
        "## Berkas kreator (`content/creators/<id>.yml`)",
        "",
        "Satu berkas per kreator; nama berkas (tanpa `.yml`) adalah id yang ditulis di `creators:` pos.",
        "",
        _table(field_docs(Creator), rules_of(Creator), zone, years),
    ]
    return "\n".join(parts) + "\n"


def _table(docs: list[FieldDoc], rules: list[str], zone: str, years: int = 0) -> str:
    """One card per field (a definition list): its name and whether it is required, then what it is and an example.

    A card reads on a 360 px phone without sideways scrolling, where a four-column table cut its examples.
    """
    cards = []
    for doc in docs:
        lines = [f"`{doc.path}` · {_required(doc)}", f":   {_cell(_description(doc)) or '—'}"]
        if doc.block and doc.example is PydanticUndefined:
            lines.append("    <br>Blok: isiannya di kartu-kartu berikut, menjorok di bawahnya")
        elif _example(doc):
            lines.append(f"    <br>Contoh: {_cell(ahead(in_zone(_example(doc, real=True), zone), years))}")
        cards.append("\n".join(lines))
    text = "\n\n".join(cards)
    if rules:
        text += "\n\n" + "\n".join(["Aturan:", "", *(f"- {rule}" for rule in rules)])
    return text


def _required(doc: FieldDoc) -> str:
    if doc.required:
        return "**wajib**"
    if (
        doc.default is PydanticUndefined
        or doc.default is None
        or doc.default == []
        or isinstance(doc.default, BaseModel)
    ):
        return "tidak wajib"
    return f"tidak wajib (bawaan: `{_yaml_inline(doc.default)}`)"


def _description(doc: FieldDoc) -> str:
    text = doc.description
    if doc.choices:
        text += ("; " if text else "") + "pilihan: " + ", ".join(f"`{c}`" for c in doc.choices)
    return text


def _example(doc: FieldDoc, real: bool = False) -> str:
    """The example as written in ``index.md``; ``real``: an answer a creator could give, when the schema has one."""
    example = doc.real_example if real else doc.example
    if example is not PydanticUndefined:
        return f"`{_yaml_inline(example)}`"
    if doc.choices:
        return f"`{doc.choices[0]}`"
    return "blok; isiannya di baris berikut" if doc.block else ""


def _cell(text: str) -> str:
    """Table-cell text; a ``{`` outside code would start an attribute list (attr_list): escape it."""
    parts = text.replace("|", "\\|").replace("\n", " ").split("`")
    return "`".join(part.replace("{", "&#123;") if index % 2 == 0 else part for index, part in enumerate(parts))


def _yaml_inline(value: Any) -> str:
    """A value as a creator would type it on one line of YAML."""
    if isinstance(value, Enum):
        value = value.value
    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10_000, sort_keys=False)
    return text.removesuffix("\n").removesuffix("\n...")


def _default(info: FieldInfo) -> Any:
    if info.default_factory is not None:
        return info.default_factory()  # type: ignore[call-arg]
    return info.default


def _choices(annotation: Any) -> tuple[str, ...]:
    """Allowed values of an enum or literal field (``X | None`` included)."""
    origin = typing.get_origin(annotation)
    if origin is Literal:
        return tuple(str(a) for a in typing.get_args(annotation))
    if origin in (typing.Union, types.UnionType, typing.Annotated):
        for arg in typing.get_args(annotation):
            found = _choices(arg)
            if found:
                return found
        return ()
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return tuple(str(m.value) for m in annotation)
    return ()


# --------------------------------------------------------------------------
# Placeholders for the scaffold
# --------------------------------------------------------------------------


def placeholders(model: type[BaseModel]) -> dict[str, Any]:
    """Front matter for ``model`` with every required field (and every field that
    has an example) set to its schema example; nested blocks are filled the same way.

    Raises :class:`ValueError` for a required field with neither an example nor
    nested fields: the schema must give one, or the scaffold could not be valid.
    """
    data: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        if info.examples:
            value = info.examples[0]
            data[name] = value.value if isinstance(value, Enum) else value
            continue
        nested, is_list = nested_model(info.annotation)
        if not info.is_required():
            continue
        if nested is not None and not is_list:
            data[name] = placeholders(nested)
        elif _choices(info.annotation):
            data[name] = _choices(info.annotation)[0]
        else:
            raise ValueError(f"{model.__name__}.{name} is required but has no example in the schema")
    return data


FIRST_KEYS = ("title", "date", "category", "summary", "creators", "region")
"""Fields a template shows first, in this order: what a creator decides first."""
DRAFT_COMMENT = "# ganti menjadi false bila pos siap terbit"


def template_data(category: str, zone: str = DEFAULT_ZONE, **values: Any) -> dict[str, Any]:
    """A new post of ``category``: schema placeholders, then ``values``, then ``draft: true``.

    Times in the examples are written in ``zone`` (the regency's: WIB, WITA or
    WIT). The post starts as a draft so that placeholders can never be
    published by accident; the creator or the editor sets ``draft: false``
    when it is ready.
    """
    data = in_zone(placeholders(REGISTRY.post_model(category)), zone) | values
    ordered = {key: data.pop(key) for key in FIRST_KEYS if key in data}
    return ordered | data | {"draft": True}


DATE_EXAMPLE = str(next(iter(PostBase.model_fields["date"].examples or ())))
"""The schema's example of a publish date, from which the guide's dates are moved ahead."""
_DATE_TIME_TEXT = re.compile(r"\b(\d{4})(-\d{2}-\d{2}[ T]\d{2}:\d{2})")
"""A date with its time inside an example's text (``2026-11-20 08:00``); a day or a month alone is not moved."""


def years_ahead(today: date | None) -> int:
    """How many years the guide's example dates move so that the earliest, the publish date's, is not past.

    The examples are the schema's, with a year; the guide is built again on every
    deploy, so on ``today`` (the build's day) each is shown in its next year that is
    still to come, all by the same years so that their order (a post before its
    event) holds. ``None``: as the schema writes them.
    """
    if today is None:
        return 0
    first = read_day(DATE_EXAMPLE.split(" ")[0])
    years = 0
    while first.replace(year=first.year + years) < today:
        years += 1
    return years


def ahead(value: Any, years: int) -> Any:
    """``value`` with the year of every date-and-time in its texts ``years`` later."""
    if isinstance(value, str):
        return _DATE_TIME_TEXT.sub(lambda match: f"{int(match.group(1)) + years}{match.group(2)}", value)
    if isinstance(value, dict):
        return {key: ahead(item, years) for key, item in value.items()}
    if isinstance(value, list):
        return [ahead(item, years) for item in value]
    return value


def in_zone(value: Any, zone: str) -> Any:
    """``value`` with every ``WIB`` of its texts written as ``zone``."""
    if isinstance(value, str):
        return re.sub(rf"\b{DEFAULT_ZONE}\b", zone, value)
    if isinstance(value, dict):
        return {key: in_zone(item, zone) for key, item in value.items()}
    if isinstance(value, list):
        return [in_zone(item, zone) for item in value]
    return value


def post_markdown(front_matter: dict[str, Any], body: str = TEMPLATE_BODY) -> str:
    """``index.md`` text: YAML front matter between ``---`` lines, then the body.

    Blocks are written one field a line, short lists of plain values in
    brackets, as the guide shows them.
    """
    lines = ["---", *_yaml_lines(front_matter, 0), "---", "", body.rstrip("\n"), ""]
    return "\n".join(lines)


def _yaml_lines(data: dict[str, Any], indent: int) -> list[str]:
    pad = " " * indent
    lines: list[str] = []
    for key, value in data.items():
        if isinstance(value, dict):
            lines += [f"{pad}{key}:", *_yaml_lines(value, indent + 2)]
        elif isinstance(value, list) and any(isinstance(item, dict) for item in value):
            lines.append(f"{pad}{key}:")
            for item in value:
                if not isinstance(item, dict):
                    lines.append(f"{pad}  - {_yaml_inline(item)}")
                    continue
                item_lines = _yaml_lines(item, indent + 4)
                lines += [f"{pad}  - {item_lines[0].lstrip()}", *item_lines[1:]]
        else:
            comment = f"  {DRAFT_COMMENT}" if key == "draft" and value is True and indent == 0 else ""
            lines.append(f"{pad}{key}: {_yaml_inline(value)}{comment}")
    return lines


# --------------------------------------------------------------------------
# Hand-written pages
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class GuideContext:
    """What the guide's examples are drawn from: the regency's own regions, creators and time zone.

    Nothing of another regency (or of the demo) shows in a re-branded guide.
    """

    site_url: str | None = None
    zone: str = DEFAULT_ZONE
    kecamatan: str = "nama-kecamatan"
    """The id of the regency's first kecamatan (neutral when it has none)."""
    desa: str = "nama-kecamatan/nama-desa"
    """The id of a desa of the regency (neutral when it has none)."""
    creator: str = "nama-anda"
    """The id of one of the regency's creators (neutral when it has none)."""
    submit_url: str = "lewat-formulir.md"
    """Where the guide's "Kirim pos baru" button leads: the repository's issue forms, when the brand names it."""
    today: date | None = None
    """The build's day in the regency's zone: no example date is shown in the past (:func:`years_ahead`)."""
    posts: tuple[tuple[str, str], ...] = ()
    """A published post of the regency per category, as ``(category, text of its index.md)``: the filled-in
    examples (:func:`filled_examples_markdown`)."""

    @property
    def years(self) -> int:
        return years_ahead(self.today)

    @property
    def date(self) -> str:
        return str(ahead(in_zone(DATE_EXAMPLE, self.zone), self.years))

    @property
    def year(self) -> str:
        """The year of :attr:`date`, for the hand-written examples (``20 Desember <year> 19:00``)."""
        return self.date[:4]


MARKERS: dict[str, Callable[[GuideContext], str]] = {
    "<!-- etalase:field-table -->": lambda guide: field_tables(guide.zone, guide.years),
    "<!-- etalase:templates -->": lambda guide: templates_markdown(guide.zone, guide.years),
    "<!-- etalase:filled-examples -->": lambda guide: filled_examples_markdown(guide),
    "<!-- etalase:example-year -->": lambda guide: guide.year,
    "<!-- etalase:schema-url -->": lambda guide: schema_url(guide.site_url),
    "<!-- etalase:zone -->": lambda guide: guide.zone,
    "<!-- etalase:date-example -->": lambda guide: guide.date,
    "<!-- etalase:kecamatan-example -->": lambda guide: guide.kecamatan,
    "<!-- etalase:desa-example -->": lambda guide: guide.desa,
    "<!-- etalase:creator-example -->": lambda guide: guide.creator,
    "<!-- etalase:submit-url -->": lambda guide: guide.submit_url,
}
"""What each marker in a hand-written page becomes."""


def templates_markdown(zone: str = DEFAULT_ZONE, years: int = 0) -> str:
    """One collapsible template per category, for creators working in the browser.

    Without the accessibility block, as ``etalase post`` writes it: examples left
    there would claim what nobody checked (the guide's cards show the block).
    """
    parts = []
    for category in REGISTRY:
        data = template_data(category.id, zone=zone)
        data.pop("accessibility", None)
        text = post_markdown(ahead(data, years))
        parts += [f'??? example "Templat kategori {category.label}"', "", _code_block(text), ""]
    return "\n".join(parts)


def _code_block(text: str) -> str:
    """An indented code block inside a collapsible block: plain Markdown, nothing to escape."""
    return "\n".join("        " + line if line else "" for line in text.splitlines())


FILLED_PARAGRAPHS = 3
"""How much of a filled-in example's story the guide shows (its first paragraphs, then ``…``)."""


def filled_examples_markdown(guide: GuideContext) -> str:
    """One filled-in post per category of the registry, collapsible: a post of this regency as its file reads.

    The newest published post of each category (:attr:`GuideContext.posts`), its
    front matter whole and the start of its story. A category with no published
    post yet says so and points to its template.
    """
    posts = dict(guide.posts)
    parts = []
    for category in REGISTRY:
        text = posts.get(category.id)
        title = f"Contoh terisi: pos {category.label}"
        if text is None:
            parts += [
                f'??? example "{title}"',
                "",
                f"    Belum ada pos {category.label} yang terbit di situs ini. Mulailah dari templatnya di "
                "[Menulis lewat GitHub](lewat-github.md).",
                "",
            ]
        else:
            parts += [f'??? example "{title}"', "", _code_block(_shortened(text)), ""]
    return "\n".join(parts)


def _shortened(text: str) -> str:
    """A post's ``index.md``: its front matter whole, its story cut after :data:`FILLED_PARAGRAPHS` paragraphs."""
    head, separator, body = text.partition("\n---\n")
    paragraphs = re.split(r"\n[ \t]*\n", body.strip("\n"))
    shown = "\n\n".join(paragraphs[:FILLED_PARAGRAPHS]) + ("\n\n…" if len(paragraphs) > FILLED_PARAGRAPHS else "")
    return f"{head}{separator}\n{shown}\n"


def expand_markers(markdown: str, guide: GuideContext) -> str:
    """Fill the guide's markers (:data:`MARKERS`): field tables, templates, the schema's URL, examples."""
    for marker, value in MARKERS.items():
        if marker in markdown:
            markdown = markdown.replace(marker, value(guide))
    return markdown


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="etalase schema", description="Tulis JSON Schema front matter pos. (Write the JSON Schema.)"
    )
    parser.add_argument("output", type=Path, help="berkas tujuan, mis. docs/schema/post.schema.json")
    parser.add_argument("--site-url", help="site_url untuk $id skema")
    args = parser.parse_args(argv)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json_schema_text(args.site_url), encoding="utf-8")
    print(f"Skema ditulis: {args.output} (schema written)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
