from django.contrib import admin
from django.db import models

from newsapp.models import Article, Source
from newsapp.services.ingest import refresh_article


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["name", "url", "country"]
    list_select_related = ["country"]
    search_fields = ["name"]
    autocomplete_fields = ["country"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "source", "published_on", "ingested_at"]
    list_select_related = ["source"]
    list_filter = ["source"]
    date_hierarchy = "published_on"
    search_fields = ["title", "body"]
    readonly_fields = ["raw_text", "content_hash", "ingested_at", "analyzed_at"]
    autocomplete_fields = ["source"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = [
        (None, {"fields": ["title", "source", "published_on", "url"]}),
        ("النص", {"fields": ["body"]}),
        (
            "كما وصل",
            {"fields": ["raw_text", "content_hash", "ingested_at", "analyzed_at"], "classes": ["collapse"]},
        ),
    ]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        refresh_article(obj, body_changed=not change or "body" in form.changed_data)
