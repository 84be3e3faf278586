"""Routes of the documents, questions and answers, and static pages: public and workspace."""

urlpatterns: list = []
