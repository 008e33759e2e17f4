from django.contrib import admin, messages

from newsapp.models import Evidence, Meeting, Participation


class ParticipationInline(admin.TabularInline):
    model = Participation
    extra = 0
    autocomplete_fields = ["person"]


class EvidenceInline(admin.StackedInline):
    model = Evidence
    extra = 0
    fields = ["article", "sentence"]
    readonly_fields = ["article", "sentence"]
    can_delete = True

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kind", "start_date", "precision", "status", "review", "location"]
    list_filter = ["kind", "status", "review", "precision"]
    date_hierarchy = "start_date"
    search_fields = ["participants__name", "participants__aliases__key"]
    autocomplete_fields = ["location", "occasion"]
    inlines = [ParticipationInline, EvidenceInline]
    actions = ["confirm", "reject"]

    def get_queryset(self, request):
        return super().get_queryset(request).with_people()

    def _review(self, request, queryset, review: str, done: str) -> None:
        updated = queryset.update(review=review)
        self.message_user(request, done.format(updated), messages.SUCCESS)

    @admin.action(description="تأكيد اللقاءات المحددة")
    def confirm(self, request, queryset):
        self._review(request, queryset, Meeting.Review.CONFIRMED, "أُكِّد {} لقاء.")

    @admin.action(description="رفض اللقاءات المحددة")
    def reject(self, request, queryset):
        self._review(request, queryset, Meeting.Review.REJECTED, "رُفض {} لقاء.")
