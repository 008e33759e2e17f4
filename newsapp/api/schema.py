"""The OpenAPI schema: drf-spectacular's, plus the error responses every operation can give.

drf-spectacular documents the success bodies only; clients (and the
Schemathesis run in the tests) also need to know that a malformed filter is a
400, an unknown id a 404 and a busy anonymous client a 429, all as JSON.
"""

from __future__ import annotations

from drf_spectacular.openapi import AutoSchema
from rest_framework.permissions import SAFE_METHODS

ERROR_BODY = {
    "type": "object",
    "description": "أخطاء بحسب اسم الحقل أو المعامل، أو رسالة في detail.",
    "additionalProperties": {},
    "example": {"from": ["أدخل تاريخاً بالصيغة YYYY-MM-DD."]},
}


def _error(description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": ERROR_BODY}}}


class MarsadAutoSchema(AutoSchema):
    def get_auth(self):
        auths = super().get_auth()
        # Reading is open to everyone (StaffWriteOrReadOnly): say that credentials are optional.
        if self.method in SAFE_METHODS and {} not in auths:
            auths.append({})
        return auths

    def get_filter_backends(self):
        # An export is a whole filtered list in one file: document its filters too.
        if getattr(self.view, "is_export", False):
            return list(self.view.filter_backends)
        return super().get_filter_backends()

    def get_operation(self, path, path_regex, path_prefix, method, registry):
        operation = super().get_operation(path, path_regex, path_prefix, method, registry)
        if operation is None:
            return None
        for parameter in operation.get("parameters", []):
            # An empty value means "not given", as in the pages' HTML forms.
            if parameter["in"] == "query":
                parameter["allowEmptyValue"] = True
        responses = operation.setdefault("responses", {})
        errors = {
            "400": "قيمة غير صالحة لمعامل أو حقل؛ المفتاح يسمّي المعامل.",
            "404": "غير موجود (معرّف أو صفحة غير معروفة).",
            "429": "طلبات كثيرة؛ أعد المحاولة لاحقاً.",
        }
        if method not in ("GET", "HEAD", "OPTIONS"):
            errors |= {"401": "يلزم تسجيل الدخول.", "403": "الكتابة متاحة لفريق التحرير فقط."}
        for code, description in errors.items():
            responses.setdefault(code, _error(description))
        return operation
