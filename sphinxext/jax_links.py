"""Link every JAX API name written as inline code in the prose to the JAX reference.

A page writes ``jax.lax.scan``, ``lax.scan(f, init, xs)`` or ``jnp.cumsum`` as inline code;
the build imports the name from the installed JAX (``lax.`` is ``jax.lax.``, ``jnp.`` is
``jax.numpy.``) and, when it names a public object, makes the code a link to its page in the
JAX reference (``jax_links_base``). No network is needed: the target is computed from the
name with the reference's URL scheme, and the name is checked against the JAX the pages run
with. A name with a JAX prefix that does not import (a typo, a removed API) is a warning, so a
strict build fails on it. Section titles and code blocks are left alone.
"""

from __future__ import annotations

import importlib
import inspect
import re
from dataclasses import dataclass

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

logger = logging.getLogger(__name__)

ALIASES = {"jax": "jax", "lax": "jax.lax", "jnp": "jax.numpy"}
# The whole literal: a dotted name with a JAX prefix, optionally called: `lax.scan(f, c, xs)`.
LITERAL = re.compile(r"^(?P<name>(?:jax|lax|jnp)(?:\.[A-Za-z_][A-Za-z0-9_]*)+)(?:\(.*\))?$",
                     re.DOTALL)
# Pages of the reference that document a whole namespace rather than one object each.
NAMESPACE_PAGES = {"jax.checkpoint_policies": "gradient-checkpointing.html"}
# A link inside a heading, another link, a code block or a signature would not help.
SKIPPED_PARENTS = (nodes.reference, nodes.title, nodes.literal_block, addnodes.desc_signature)


@dataclass(frozen=True)
class ApiName:
    name: str  # fully qualified, e.g. jax.lax.scan
    kind: str  # "module", "object" or "attribute"
    owner: str = ""  # for an attribute: the documented object that has it


def resolve(written: str) -> ApiName | None:
    """The public JAX object ``written`` names, or None."""
    head, _, rest = written.partition(".")
    full = ALIASES[head] + ("." + rest if rest else "")
    parts = full.split(".")
    if any(part.startswith("_") for part in parts):
        return None
    module, index = None, len(parts)
    while index > 0:
        try:
            module = importlib.import_module(".".join(parts[:index]))
            break
        except ImportError:
            index -= 1
    if module is None:
        return None
    if index == len(parts):
        return ApiName(full, "module")
    value, owner = module, None
    for depth, part in enumerate(parts[index:], start=index):
        if not hasattr(value, part):
            return None
        if owner is None and (inspect.isclass(value) or callable(value)) and depth > index:
            owner = ".".join(parts[:depth])
        value = getattr(value, part)
    if inspect.ismodule(value):
        return ApiName(full, "module")
    if owner:
        return ApiName(full, "attribute", owner)
    return ApiName(full, "object")


def url_for(api: ApiName, base: str) -> str:
    base = base.rstrip("/")
    for namespace, page in NAMESPACE_PAGES.items():
        if api.name.startswith(namespace + "."):
            return f"{base}/{page}"
    if api.kind == "module":
        return f"{base}/{api.name}.html"
    if api.kind == "attribute":
        return f"{base}/_autosummary/{api.owner}.html#{api.name}"
    return f"{base}/_autosummary/{api.name}.html"


class LinkJaxNames(SphinxPostTransform):
    default_priority = 100

    def run(self, **kwargs) -> None:
        base = self.config.jax_links_base
        for literal in list(self.document.findall(nodes.literal)):
            match = LITERAL.match(literal.astext().strip())
            if not match or _inside(literal, SKIPPED_PARENTS):
                continue
            api = resolve(match["name"])
            if api is None:
                logger.warning("`%s` does not name a public object of the installed JAX",
                               match["name"], location=literal,
                               type="jax_links", subtype="unknown")
                continue
            ref = nodes.reference("", "", refuri=url_for(api, base), internal=False,
                                  classes=["jax-api"], reftitle=f"{api.name} in the JAX reference")
            literal.replace_self(ref)
            ref += literal


def _inside(node: nodes.Node, kinds) -> bool:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, kinds):
            return True
        parent = parent.parent
    return False


def setup(app):
    app.add_config_value("jax_links_base", "https://docs.jax.dev/en/latest", "env", [str])
    app.add_post_transform(LinkJaxNames)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
