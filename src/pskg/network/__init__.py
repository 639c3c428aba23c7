"""Who binds whom: networks projected from the pskg graph, their measures and figures.

    import pskg.network as pn
    graph = pn.load_graph("build/pskg.trig")
    G = pn.cosignature(graph, start=1991, end=2000)   # scope="documents": attested only
    pn.node_measures(G)[:5]

Which RDF relation becomes which edge is declared once, in ``projections.PROJECTIONS``.
"""
# (`build` the function is exported as `project`: the name `build` stays the module's.)
from pskg.network.build import assemble, bipartite, citations, cosignature, obligations, snapshots
from pskg.network.build import build as project
from pskg.network.export import render_graph, render_rows, write_graph
from pskg.network.measures import (
                                communities,
                                eigenvector,
                                node_measures,
                                pagerank,
                                snapshot_measures,
                                summary,
)
from pskg.network.plot import plot_network, plot_projection, timeline
from pskg.network.projections import PROJECTIONS, Projection, projection
from pskg.network.source import SCOPES, Filters, GraphFileError, load_graph

__all__ = [
    "PROJECTIONS", "SCOPES", "Filters", "GraphFileError", "Projection", "assemble", "bipartite",
    "citations", "communities", "cosignature", "eigenvector", "load_graph",
    "node_measures", "obligations", "pagerank", "plot_network", "plot_projection",
    "project", "projection", "render_graph", "render_rows", "snapshot_measures", "snapshots",
    "summary", "timeline", "write_graph",
]
