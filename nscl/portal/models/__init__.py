"""The public portal's records: topics and event tags, articles with their images, documents,
questions and answers, static pages."""

from nscl.portal.models.articles import Article, ArticleImage
from nscl.portal.models.documents import Document
from nscl.portal.models.pages import Page
from nscl.portal.models.questions import Question
from nscl.portal.models.taxonomy import EventTag, Topic

__all__ = ["Article", "ArticleImage", "Document", "EventTag", "Page", "Question", "Topic"]
