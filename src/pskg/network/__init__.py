"""Who binds whom: networks projected from the pskg graph, their measures and figures.

    import pskg.network as pn
    graph = pn.load_graph("build/pskg.trig")
    G = pn.cosignature(graph, start=1991, end=2000)   # scope="documents": attested only
    pn.node_measures(G)[:5]

Which RDF relation becomes which edge is declared once, in ``projections.PROJECTIONS``.
The names below are loaded on first use (PEP 562): importing ``pskg.network.projections``
(as ``pskg --help`` does to list the commands) does not load networkx or matplotlib.
"""
from __future__ import annotations

import importlib

# (`build` the function is exported as `project`: the name `build` stays the module's.)
_WHERE = {
    "build": ("assemble", "bipartite", "citations", "cosignature", "obligations", "snapshots",
              ("project", "build")),
    "export": ("render_graph", "render_rows", "write_graph"),
    "measures": ("communities", "eigenvector", "node_measures", "pagerank", "snapshot_measures",
                 "summary"),
    "plot": ("plot_network", "plot_projection", "timeline"),
    "projections": ("PROJECTIONS", "Projection", "projection"),
    "source": ("SCOPES", "Filters", "GraphFileError", "load_graph"),
}
_NAMES = {(n if isinstance(n, str) else n[0]): (module, n if isinstance(n, str) else n[1])
          for module, names in _WHERE.items() for n in names}

__all__ = sorted(_NAMES)


def __getattr__(name: str):
    if name not in _NAMES:
        raise AttributeError(f"module 'pskg.network' has no attribute {name!r}")
    module, attr = _NAMES[name]
    value = getattr(importlib.import_module(f"pskg.network.{module}"), attr)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_NAMES))
