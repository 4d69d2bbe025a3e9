"""Static-site generator for bilingual chronologies built from news.

Stages, each a module with plain-data input and output:
ingest (content/ → documents, notes, actors) → extract (document → mentions)
→ merge (→ Timeline) → render (Timeline → public/).
"""

__version__ = "0.1.0"
