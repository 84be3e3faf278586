"""Routes of the articles: public lists, pages and feeds; the editors' workspace."""

urlpatterns: list = []
