from django.apps import AppConfig


class NewsappConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "newsapp"
    verbose_name = "مرصد"

    def ready(self) -> None:
        from . import caching

        caching.connect_signals()
