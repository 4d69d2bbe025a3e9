"""The ids that become parts of URLs and file names: one pattern each, with one length bound.

An id names a page (`events/<id>.html`, `actors/<id>.html`), so it must be safe in a URL and short
enough for every file system (255 bytes a name) with room for the suffix a page adds to it.
"""

from __future__ import annotations

import re

MAX_ID_LENGTH = 100
# Events of notes, actors, tags: lowercase Latin letters, digits and hyphens.
URL_ID = re.compile(rf"^[a-z0-9][a-z0-9-]{{0,{MAX_ID_LENGTH - 1}}}$")
# Sources are named after their files («004_d853599c384533a9.txt»), so they keep case and '_'.
SOURCE_ID = re.compile(rf"^[A-Za-z0-9][A-Za-z0-9_.-]{{0,{MAX_ID_LENGTH - 1}}}$")
# An event an article reported bears its source id and a date: «004_d853599c384533a9-2025-09-01».
EVENT_ID = re.compile(rf"^[A-Za-z0-9][A-Za-z0-9_-]{{0,{MAX_ID_LENGTH + 15}}}$")
URL_ID_RULE = f"lowercase Latin letters, digits and hyphens, at most {MAX_ID_LENGTH} of them"
SOURCE_ID_RULE = f"Latin letters, digits, '-', '_' or '.', at most {MAX_ID_LENGTH} of them"
