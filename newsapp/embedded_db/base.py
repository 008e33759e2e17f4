"""Django's PostgreSQL backend, pointed at the embedded server when it connects."""

from django.db.backends.postgresql import base

from .server import ensure_database, ensure_running


class DatabaseWrapper(base.DatabaseWrapper):
    def get_connection_params(self):
        params = super().get_connection_params()
        data_dir = self.settings_dict["OPTIONS_EMBEDDED_DATA_DIR"]
        # The test runner connects to "postgres" to create test databases: that one always exists.
        if params.get("dbname") in (None, "postgres"):
            server = ensure_running(data_dir)
        else:
            server = ensure_database(data_dir, params["dbname"])
        params["host"] = server.socket_dir
        params["user"] = server.user
        return params
