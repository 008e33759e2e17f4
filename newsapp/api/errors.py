"""JSON answers for URLs under /api/ that name nothing."""

from django.http import JsonResponse


def not_found(request, *args, **kwargs) -> JsonResponse:
    return JsonResponse(
        {"detail": "لا يوجد شيء بهذا العنوان في الواجهة البرمجية."},
        status=404,
        json_dumps_params={"ensure_ascii": False},
    )
