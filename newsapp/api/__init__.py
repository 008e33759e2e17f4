"""The REST API (Django REST framework): read endpoints, staff-only ingest, schema and exports."""
