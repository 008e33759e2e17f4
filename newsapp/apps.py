from django.apps import AppConfig


class NewsappConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "newsapp"
    verbose_name = "مرصد"
