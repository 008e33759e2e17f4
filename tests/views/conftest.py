import pytest

from .builders import build_world


@pytest.fixture
def world(catalog):
    return build_world(12)
