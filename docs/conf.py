"""
Sphinx configuration for antq's documentation.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pygments.lexers.shell import BashSessionLexer
from sphinx.util.docutils import SphinxDirective

import antq

if TYPE_CHECKING:
    from sphinx.application import Sphinx

project = "antq"
author = "The antq developers"
copyright = "The antq developers"
version = antq.__version__
release = antq.__version__
language = "en"

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
]

source_suffix = {".md": "markdown"}
# Definition lists: the counting rules page describes each rule as terms and definitions.
myst_enable_extensions = ["deflist"]
exclude_patterns = [
    "_build",
    "units-crosscheck.md",  # included by units.md
    "performance-results.md",  # included by performance.md
    "_generated",  # pictures drawn while building (the charts page's example)
]

# Every reference must resolve: a broken one is an error (sphinx-build -n -W).
nitpicky = True
nitpick_ignore = [
    ("py:class", "decimal.Decimal"),
    # Standard-library classes named in signatures. No intersphinx inventory is fetched,
    # so Sphinx has no page to link them to.
    ("py:class", "collections.abc.Mapping"),
    ("py:class", "datetime.date"),
    ("py:class", "fractions.Fraction"),
    ("py:class", "os.PathLike"),
    # antq.io.example_path returns an importlib.resources Traversable, imported for
    # type checking only, so its annotation stays as written.
    ("py:class", "Traversable"),
    # antq.report's private alias of the report forms, Literal["text", "markdown",
    # "json"]; antq.report.FORMATS lists them.
    ("py:class", "Format"),
    # antq.engines' alias of the engines, Literal["auto", "reference", "duckdb"];
    # antq.engines.ENGINES lists them.
    ("py:class", "Engine"),
    # Dask, named in the signatures of antq.dask.
    ("py:class", "dask.bag.Bag"),
    # TipRecord's attrs-generated __init__ keeps its annotations as written, because one
    # of them names a type imported for type checking only; `dt` is `datetime` there.
    ("py:class", "dt.date"),
    # Hypothesis, named in the signatures and docstrings of antq.testing.
    ("py:class", "hypothesis.strategies.SearchStrategy"),
    ("py:exc", "hypothesis.errors.InvalidArgument"),
    # antq.testing's signatures whose annotations stay as written (as for dt.date above):
    # `st` is `hypothesis.strategies` there.
    ("py:class", "st.SearchStrategy"),
    # The type variable of antq.formats.iter_jsonl: the class of the records it yields.
    ("py:class", "T"),
]

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
napoleon_google_docstring = True
napoleon_numpy_docstring = False

html_theme = "furo"
html_title = f"antq {release}"


# The rule catalogue page is generated from antq.catalogue.CATALOGUE itself.


def _catalogue_rst() -> str:
    """
    Write the catalogue as reStructuredText: one table per family of codes.
    """
    from antq.catalogue import CATALOGUE, FAMILIES  # noqa: PLC0415 - only when building

    lines: list[str] = []
    for family, (english, vietnamese) in FAMILIES.items():
        rules = [rule for rule in CATALOGUE.values() if rule.family == family]
        lines += [f".. rubric:: {family}: {english} ({vietnamese})", ""]
        for rule in rules:
            heading = f"**{rule.code}** — {rule.title} ({rule.title_vi})"
            lines += [f".. _rule-{rule.code}:", "", heading, ""]
            fields = ", ".join(f"``{name}``" for name in rule.fields)
            lines += [
                ".. list-table::",
                "   :widths: 20 80",
                "",
                "   * - severity",
                f"     - {rule.severity.value} ({rule.severity.label})",
                "   * - checks",
                f"     - {rule.description}",
                "   * - message",
                f"     - {_literal(rule.message_en)}",
                "   * - thông báo",
                f"     - {_literal(rule.message_vi)}",
                "   * - fields",
                f"     - {fields}",
                "   * - source",
                f"     - {rule.source}",
                "",
            ]
    return "\n".join(lines)


def _literal(template: str) -> str:
    return "``" + template.replace("`", "'") + "``"


def _draw_example_chart(app: Sphinx) -> None:
    """
    Draw the chart of the bundled example that the charts page shows, in English.
    """
    from antq.charts import write_chart  # noqa: PLC0415 - only when building
    from antq.io import load_example  # noqa: PLC0415

    drawn = Path(app.srcdir) / "_generated"
    drawn.mkdir(exist_ok=True)
    write_chart(load_example(), drawn / "example-chart.svg", lang="en")


class ConsoleLexer(BashSessionLexer):
    """
    Highlight a ```console block as the tests run it: a command is a line starting "$ ".

    Pygments' own console lexer also takes an indented "$" for a prompt, so it reads the
    JSONPath locations that antq prints (`    $.tips[2].id: ...`) as commands, and fails
    on an apostrophe in them.
    """

    _ps1rgx = re.compile(r"^(\$ )(.*\n?)")


def setup(app: Sphinx) -> None:
    """
    Register the rule catalogue's directive, the console lexer, and the example chart.
    """

    class RuleCatalogue(SphinxDirective):
        """
        Insert the rule catalogue, generated from antq.catalogue.CATALOGUE.
        """

        def run(self) -> list[Any]:
            return list(self.parse_text_to_nodes(_catalogue_rst()))

    app.add_directive("antq-rule-catalogue", RuleCatalogue)
    app.add_lexer("console", ConsoleLexer)
    app.connect("builder-inited", _draw_example_chart)
