"""validate: a graph → (conforms, violations), each traced to its source document and span.

- ``shacl``: pyshacl with ``ontology/shapes.ttl``, the reference validator of ``pskg validate``;
- ``compile``: SHACL shapes → SPARQL checks; ``checks`` builds them for the project's shapes;
- ``fast``: those checks run in pyoxigraph, for graphs too large for pyshacl (same report);
- ``trace``: the evidence (document, span) behind a focus node, for the report.
"""
from pskg.validate.shacl import (
                                 PSKGSH,
                                 ValidationReport,
                                 Violation,
                                 format_violation,
                                 load_shapes,
                                 load_vocabulary,
                                 validate,
)

__all__ = ["PSKGSH", "ValidationReport", "Violation", "format_violation", "load_shapes",
           "load_vocabulary", "validate"]
