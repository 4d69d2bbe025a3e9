"""Names of the folders and files the generator itself keeps beside an editor's site."""

CACHE_FOLDER = ".timeline-cache"  # in the site folder: extraction records and the last build's record
OUTPUT_MARKER = ".timeline-output"  # in every output folder the generator wrote, and only there
