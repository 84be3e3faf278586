"""Who may do what on the portal. Deny by default; the public reads only what is published."""

from nscl.core.roles import Role

WRITE_ARTICLES = (Role.OFFICER, Role.EDITOR)  # write drafts, upload images, submit for review
REVIEW_ARTICLES = (Role.EDITOR,)  # return, publish (now or scheduled), archive, restore a version
MANAGE_LIBRARY = (Role.OFFICER, Role.EDITOR)  # documents, answers to questions, static pages
