"""Throttling of anonymous clients, at a rate read from settings on every request.

DRF's ``SimpleRateThrottle`` copies ``DEFAULT_THROTTLE_RATES`` into a class
attribute at import time; reading it per request lets tests and operators
(``MARSAD_ANON_RATE``) change it without re-importing the views. A rate of
``None`` turns throttling off.
"""

from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle


class AnonymousRateThrottle(AnonRateThrottle):
    scope = "anon"

    def get_rate(self) -> str | None:
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def allow_request(self, request, view) -> bool:
        # The rate may have changed since __init__ parsed it.
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)
