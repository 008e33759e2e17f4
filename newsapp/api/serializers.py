"""What the API shows: articles, entities and meetings (field names of the analyze JSON, GUIDE §3)."""

from __future__ import annotations

from django.conf import settings
from rest_framework import serializers

from newsapp.models import Article, Entity, Evidence, Meeting, Mention, Participation, Position, Source

DATE_ERRORS = {"invalid": "أدخل تاريخاً بالصيغة YYYY-MM-DD.", "required": "تاريخ النشر مطلوب."}


# --- Links -------------------------------------------------------------------------


class ReversedOnceMixin:
    """A hyperlink field that calls ``reverse()`` once per view name and response.

    A page of 100 meetings links ~500 articles, meetings and entities; a full
    ``reverse()`` + ``build_absolute_uri()`` each was a sixth of the API's time.
    The lookup values are ids and ASCII slugs, which the routes take unchanged.
    """

    MARKER = "987654321"

    def get_url(self, obj, view_name, request, format):
        value = getattr(obj, self.lookup_field)
        if value in (None, "") or format:
            return super().get_url(obj, view_name, request, format)
        patterns = self.context.setdefault("_url_patterns", {})
        key = (view_name, self.lookup_url_kwarg)
        if key not in patterns:
            patterns[key] = self.reverse(
                view_name, kwargs={self.lookup_url_kwarg: self.MARKER}, request=request, format=format
            )
        return patterns[key].replace(self.MARKER, str(value), 1)


class LinkField(ReversedOnceMixin, serializers.HyperlinkedRelatedField):
    pass


class SelfLinkField(ReversedOnceMixin, serializers.HyperlinkedIdentityField):
    pass


# --- Small references -------------------------------------------------------------


class EntityRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Entity
        fields = ["slug", "name"]


class EntityKindRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Entity
        fields = ["slug", "name", "kind"]


class SourceRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Source
        fields = ["id", "name", "url"]


# --- Meetings ----------------------------------------------------------------------


class ParticipantSerializer(serializers.ModelSerializer):
    slug = serializers.CharField(source="person.slug", read_only=True)
    name = serializers.CharField(source="person.name", read_only=True)
    verified = serializers.BooleanField(source="person.verified", read_only=True)

    class Meta:
        model = Participation
        fields = ["slug", "name", "role", "verified"]


class MeetingSourceSerializer(serializers.ModelSerializer):
    """Where a meeting was read: the article (its API and original URLs) and the sentence."""

    article = serializers.IntegerField(source="article_id", read_only=True)
    url = LinkField(source="article", view_name="api:article-detail", read_only=True)
    original_url = serializers.CharField(source="article.url", read_only=True)
    title = serializers.CharField(source="article.title", read_only=True)
    published = serializers.DateField(source="article.published_on", read_only=True, allow_null=True)
    evidence = serializers.CharField(source="sentence", read_only=True)

    class Meta:
        model = Evidence
        fields = ["article", "url", "original_url", "title", "published", "evidence"]


class MeetingSummarySerializer(serializers.ModelSerializer):
    url = SelfLinkField(view_name="api:meeting-detail")
    date = serializers.DateField(source="start_date", read_only=True, allow_null=True)
    date_end = serializers.DateField(source="end_date", read_only=True, allow_null=True)
    participants = ParticipantSerializer(source="participations", many=True, read_only=True)
    location = EntityRefSerializer(read_only=True, allow_null=True)
    occasion = EntityRefSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Meeting
        fields = [
            "id",
            "url",
            "kind",
            "date",
            "date_end",
            "precision",
            "status",
            "review",
            "participants",
            "location",
            "occasion",
        ]


class MeetingSerializer(MeetingSummarySerializer):
    sources = MeetingSourceSerializer(source="evidence", many=True, read_only=True)

    class Meta(MeetingSummarySerializer.Meta):
        fields = [*MeetingSummarySerializer.Meta.fields, "sources"]


# --- Articles ----------------------------------------------------------------------


class ArticleSerializer(serializers.ModelSerializer):
    url = SelfLinkField(view_name="api:article-detail")
    published = serializers.DateField(source="published_on", read_only=True, allow_null=True)
    source = SourceRefSerializer(read_only=True, allow_null=True)
    # "url" is the API's own link, as everywhere in the API; the publisher's is "original_url".
    original_url = serializers.CharField(source="url", read_only=True)

    class Meta:
        model = Article
        fields = ["id", "url", "title", "published", "source", "original_url"]


class MentionSerializer(serializers.ModelSerializer):
    entity = EntityKindRefSerializer(read_only=True)

    class Meta:
        model = Mention
        fields = ["entity", "start", "end", "text"]


class ReportedMeetingSerializer(serializers.ModelSerializer):
    """A meeting this article reports, with the sentence and its offsets in the body."""

    meeting = MeetingSummarySerializer(read_only=True)
    evidence = serializers.CharField(source="sentence", read_only=True)

    class Meta:
        model = Evidence
        fields = ["meeting", "evidence", "start", "end"]


class ArticleDetailSerializer(ArticleSerializer):
    mentions = MentionSerializer(many=True, read_only=True)
    meetings = ReportedMeetingSerializer(source="evidence", many=True, read_only=True)

    class Meta(ArticleSerializer.Meta):
        fields = [*ArticleSerializer.Meta.fields, "body", "analyzed_at", "mentions", "meetings"]


class ArticleIngestSerializer(serializers.Serializer):
    """An article to ingest: the fields of a `.json` file for `manage.py ingest`."""

    body = serializers.CharField(trim_whitespace=True)
    published = serializers.DateField(input_formats=["%Y-%m-%d"], error_messages=DATE_ERRORS)
    title = serializers.CharField(required=False, allow_blank=True, max_length=500)
    source = serializers.CharField(required=False, allow_blank=True, max_length=200)
    url = serializers.URLField(required=False, allow_blank=True, max_length=1000)

    def validate_body(self, value: str) -> str:
        limit = settings.MARSAD_MAX_ARTICLE_BYTES
        # surrogatepass: a lone surrogate is measured here and rejected with its reason by the ingest.
        if len(value.encode("utf-8", "surrogatepass")) > limit:
            raise serializers.ValidationError(f"النص أكبر من الحد المسموح ({limit} بايت).")
        if "\x00" in value:
            raise serializers.ValidationError("النص يحتوي على محرف غير مسموح به.")
        return value


# --- Entities ----------------------------------------------------------------------


class PositionSerializer(serializers.ModelSerializer):
    of = EntityRefSerializer(read_only=True)

    class Meta:
        model = Position
        fields = ["title", "office", "of", "start", "end"]


class EntitySerializer(serializers.ModelSerializer):
    url = SelfLinkField(view_name="api:entity-detail", lookup_field="slug")
    country = EntityRefSerializer(read_only=True, allow_null=True)
    aliases = serializers.ListField(source="alias_texts", child=serializers.CharField(), read_only=True)
    positions = PositionSerializer(source="position_list", many=True, read_only=True)
    articles_count = serializers.IntegerField(read_only=True)
    meetings_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Entity
        fields = [
            "slug",
            "url",
            "kind",
            "name",
            "name_en",
            "wikidata",
            "verified",
            "country",
            "aliases",
            "positions",
            "articles_count",
            "meetings_count",
        ]
