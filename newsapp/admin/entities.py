from django import forms
from django.contrib import admin, messages
from django.db.models import Q
from django.template.response import TemplateResponse

from newsapp.models import Alias, Entity, Position
from newsapp.nlp.normalize import normalize_key
from newsapp.services.catalog import merge_entities


class AliasInline(admin.TabularInline):
    model = Alias
    extra = 1
    fields = ["text", "kind", "ambiguous"]


class PositionInline(admin.TabularInline):
    model = Position
    fk_name = "person"
    extra = 0
    fields = ["office", "title", "of", "start", "end"]
    autocomplete_fields = ["of"]


class CountryFilter(admin.SimpleListFilter):
    title = "البلد"
    parameter_name = "country"

    def lookups(self, request, model_admin):
        return Entity.objects.countries().order_by("name").values_list("slug", "name")

    def queryset(self, request, queryset):
        return queryset.filter(country__slug=self.value()) if self.value() else queryset


class MergeForm(forms.Form):
    target = forms.ModelChoiceField(
        queryset=Entity.objects.none(), label="الكيان الذي يبقى", widget=forms.RadioSelect, empty_label=None
    )


@admin.register(Entity)
class EntityAdmin(admin.ModelAdmin):
    list_display = ["name", "name_en", "kind", "country", "verified", "articles", "meetings"]
    list_select_related = ["country", "stats"]
    list_filter = ["kind", "verified", CountryFilter]
    search_fields = ["name", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}
    autocomplete_fields = ["country"]
    inlines = [AliasInline, PositionInline]
    actions = ["merge_selected"]

    # Kept by PostgreSQL (EntityStats): counting 2 million mentions per page is not.
    @admin.display(description="المقالات", ordering="stats__articles")
    def articles(self, entity):
        return entity.stats.articles

    @admin.display(description="اللقاءات", ordering="stats__meetings")
    def meetings(self, entity):
        return entity.stats.meetings

    def get_search_results(self, request, queryset, search_term):
        # Search by any spelling: "بوتن" and "بوتين" share a matching key.
        term = search_term.strip()
        key = normalize_key(term)
        if not key:
            return queryset, False
        spelled = Alias.objects.filter(key__contains=key).values("entity_id")
        matches = (
            Q(pk__in=spelled) | Q(name__icontains=term) | Q(name_en__icontains=term) | Q(slug__icontains=term)
        )
        return queryset.filter(matches), False

    @admin.action(description="دمج الكيانات المحددة في كيان واحد")
    def merge_selected(self, request, queryset):
        if queryset.count() < 2:
            self.message_user(request, "اختر كيانين على الأقل للدمج.", messages.WARNING)
            return None
        form = MergeForm(request.POST if "confirm" in request.POST else None)
        form.fields["target"].queryset = queryset
        if form.is_valid():
            target = form.cleaned_data["target"]
            merge_entities(target, list(queryset.exclude(pk=target.pk)))
            self.message_user(request, f"دُمجت الكيانات في «{target.name}».", messages.SUCCESS)
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": "دمج الكيانات",
            "form": form,
            "entities": queryset,
            "opts": self.model._meta,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/newsapp/entity/merge.html", context)
