"""Routes of the steering dashboard (included by nscl/planning/urls.py)."""

urlpatterns: list = []
