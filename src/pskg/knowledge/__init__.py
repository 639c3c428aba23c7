"""knowledge: the loaders of what the project knows, kept as tables in ``data/``.

- ``lexicon``: language knowledge, ``data/lexicon/*.tsv`` (months, kinds, roles, cues, topics,
  article headings, language identification), every language in the same columns;
- ``reference``: world knowledge, ``data/reference/*.tsv`` (states and their names, persons and
  offices, places, organisations, well-known instruments).
Every stage may read these; they read nothing of the stages.
"""
