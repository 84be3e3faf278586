"""Every write of the portal, one module per topic: ``articles`` (with images), ``library``
(documents, questions, pages). Import the module: ``from nscl.portal.services import articles``."""
