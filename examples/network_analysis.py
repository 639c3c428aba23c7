"""Who binds whom, 1991–2000: the co-signature network of the post-Soviet states.

    python examples/network_analysis.py [build/pskg.trig] [build/cosign-1991-2000.png]

Loads the built graph, projects it onto states (an edge = both are party to an instrument,
weight = how many), prints the states ranked by weighted degree and draws the network.
"""
import sys

import pskg.network as pn

graph_file = sys.argv[1] if len(sys.argv) > 1 else "build/pskg.trig"
png = sys.argv[2] if len(sys.argv) > 2 else "build/cosign-1991-2000.png"

graph = pn.load_graph(graph_file)
G = pn.cosignature(graph, start=1991, end=2000)          # labels in English; lang="ru" etc.
print(f"{G.number_of_nodes()} states, {G.number_of_edges()} co-signing pairs, "
      f"density {pn.summary(G)['density']}")

for row in pn.node_measures(G, by="weighted_degree")[:10]:
    print(f"{row['rank']:>3}  {row['node']}  {row['label']:<16} "
          f"instruments shared: {row['weighted_degree']:>4}  "
          f"eigenvector: {row['eigenvector']:.3f}  community: {row['community'] + 1}")

# the network as of 31 December of each year (entry into force where recorded)
for row in pn.snapshot_measures(pn.snapshots(graph, "cosign", 1991, 2000)):
    print(f"{row['year']}: {row['edges']} pairs, density {row['density']}, "
          f"clustering {row['average_clustering']}")

# only the instruments the corpus attests (named by a document), not reference data alone
D = pn.cosignature(graph, start=1991, end=2000, scope="documents")
print(f"attested by the documents: {D.number_of_nodes()} states, {D.number_of_edges()} "
      f"co-signing pairs (of {G.number_of_edges()} with the reference instruments)")

pn.plot_network(G, png, title="Co-signature network of post-Soviet states, 1991–2000")
print(f"wrote {png}")
