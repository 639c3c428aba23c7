"""pskg: the Post-Soviet Agreements Knowledge Graph."""
__version__ = "0.1.0"
