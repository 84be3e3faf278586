"""Routes of the program's indicators and targets (included by nscl/planning/urls.py)."""

urlpatterns: list = []
