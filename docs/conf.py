"""
Sphinx configuration for antq's documentation.
"""

from __future__ import annotations

import antq

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
exclude_patterns = ["_build"]

# Every reference must resolve: a broken one is an error (sphinx-build -n -W).
nitpicky = True
nitpick_ignore = [
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
    # TipRecord's attrs-generated __init__ keeps its annotations as written, because one
    # of them names a type imported for type checking only; `dt` is `datetime` there.
    ("py:class", "dt.date"),
    # Hypothesis, named in the signatures and docstrings of antq.testing.
    ("py:class", "hypothesis.strategies.SearchStrategy"),
    ("py:exc", "hypothesis.errors.InvalidArgument"),
    # antq.testing's signatures whose annotations stay as written (as for dt.date above):
    # `st` is `hypothesis.strategies` there.
    ("py:class", "st.SearchStrategy"),
]

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
napoleon_google_docstring = True
napoleon_numpy_docstring = False

html_theme = "furo"
html_title = f"antq {release}"
