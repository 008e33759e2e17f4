"""Who may do what: everyone reads, only staff write."""

from rest_framework.permissions import SAFE_METHODS, BasePermission


class StaffWriteOrReadOnly(BasePermission):
    message = "الكتابة متاحة لفريق التحرير فقط."

    def has_permission(self, request, view) -> bool:
        if request.method in SAFE_METHODS:
            return True
        user = request.user
        return bool(user and user.is_authenticated and user.is_staff)


def sees_rejected(request) -> bool:
    """Editors see meetings they rejected; everyone else does not."""
    user = getattr(request, "user", None)
    return bool(user and user.is_authenticated and user.is_staff)
