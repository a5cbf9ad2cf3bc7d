"""Reading inputs and turning them into clean documents."""

STAGE = "ingest.clean"
VERSION = "v1"
